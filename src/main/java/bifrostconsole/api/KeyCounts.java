package bifrostconsole.api;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A count per key id, read-only once built, for the logs' ranking of every key (100,000 entries for the overview).
 * Bifrost's ids are UUIDs in their canonical form (36 characters, lowercase hex): those are held as two longs and a
 * count in open-addressing arrays, not a string, a map entry and a boxed count each, so the scan that holds the
 * ranking while it reads the keys gives each young collection three objects fewer per key to copy. Any other id
 * (upper case, another format) goes into a HashMap; an id is in exactly one of the two, so lookups are exact.
 * Entries are listed with their ids written back in the canonical form they were read in.
 */
final class KeyCounts extends AbstractMap<String, Long> {
    private final UuidTable uuids;
    /** The count of each UUID, by its number in {@link #uuids}. */
    private long[] counts;
    private final Map<String, Long> others = new HashMap<>();

    KeyCounts(int expected) {
        uuids = new UuidTable(expected);
        counts = new long[Math.max(16, expected)];
    }

    /** Adds {@code n} to the id's count. */
    void add(String id, long n) {
        long[] uuid = new long[2];
        if (UuidTable.parse(id, uuid)) {
            add(uuid[0], uuid[1], n);
        } else {
            addOther(id, n);
        }
    }

    /** Adds {@code n} to the count of an id that is not a canonical UUID. */
    void addOther(String id, long n) {
        others.merge(id, n, Long::sum);
    }

    /** Adds {@code n} to the count of the canonical UUID with these halves. */
    void add(long high, long low, long n) {
        int index = uuids.add(high, low);
        if (index >= counts.length) {
            counts = java.util.Arrays.copyOf(counts, 2 * counts.length);
        }
        counts[index] += n;
    }

    @Override
    public Long get(Object key) {
        return getOrDefault(key, null);
    }

    @Override
    public Long getOrDefault(Object key, Long absent) {
        if (!(key instanceof String id)) {
            return absent;
        }
        long[] uuid = new long[2];
        if (!UuidTable.parse(id, uuid)) {
            return others.getOrDefault(id, absent);
        }
        int index = uuids.indexOf(uuid[0], uuid[1]);
        return index < 0 ? absent : Long.valueOf(counts[index]);
    }

    @Override
    public boolean containsKey(Object key) {
        return getOrDefault(key, null) != null;
    }

    @Override
    public int size() {
        return uuids.size() + others.size();
    }

    @Override
    public Long put(String key, Long value) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public Set<Entry<String, Long>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Long>> iterator() {
                List<Entry<String, Long>> all = new ArrayList<>(KeyCounts.this.size());
                for (int i = 0; i < uuids.size(); i++) {
                    all.add(Map.entry(uuids.text(i), counts[i]));
                }
                others.forEach((id, n) -> all.add(Map.entry(id, n)));
                return java.util.Collections.unmodifiableList(all).iterator();
            }

            @Override
            public int size() {
                return KeyCounts.this.size();
            }
        };
    }
}
