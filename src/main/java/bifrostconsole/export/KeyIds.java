package bifrostconsole.export;

import bifrostconsole.api.UuidTable;

import java.util.HashSet;
import java.util.Set;

/**
 * The ids a read has passed on, to write a key the server sends twice only once. Bifrost's ids are UUIDs in their
 * canonical form: those are held in a {@link UuidTable} sized for the whole read once its total is known
 * ({@link #expect}), instead of a string and a map entry each in a growing HashSet (a tenth of an export's CPU at
 * 100,000 keys). Any other id (upper case, another format) goes into a HashSet; an id is in exactly one of the two,
 * so membership is exact.
 */
final class KeyIds {
    private final UuidTable uuids;
    private final Set<String> others = new HashSet<>();

    KeyIds(int expected) {
        uuids = new UuidTable(expected);
    }

    /** Makes room for {@code count} ids in all, so the table grows at most once more. */
    void expect(long count) {
        uuids.expect(count);
    }

    /** True when {@code id} was not there yet. */
    boolean add(String id) {
        long[] halves = new long[2];
        if (!UuidTable.parse(id, halves)) {
            return others.add(id);
        }
        int before = uuids.size();
        uuids.add(halves[0], halves[1]);
        return uuids.size() > before;
    }

    int size() {
        return uuids.size() + others.size();
    }
}
