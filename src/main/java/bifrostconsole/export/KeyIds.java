package bifrostconsole.export;

import java.util.HashSet;
import java.util.Set;

/**
 * The ids a read has passed on, to write a key the server sends twice only once. Bifrost's ids are UUIDs in their
 * canonical form (36 characters, lowercase hex): those are held as two longs each in an open-addressing table that
 * is sized for the whole read once its total is known ({@link #expect}), instead of a string and a map entry each in
 * a growing HashSet (a tenth of an export's CPU at 100,000 keys). Any other id (upper case, another format) goes
 * into a HashSet; an id is in exactly one of the two, so membership is exact.
 */
final class KeyIds {
    private static final byte[] HEX = new byte[128];

    static {
        java.util.Arrays.fill(HEX, (byte) -1);
        for (int c = '0'; c <= '9'; c++) {
            HEX[c] = (byte) (c - '0');
        }
        for (int c = 'a'; c <= 'f'; c++) {
            HEX[c] = (byte) (c - 'a' + 10);
        }
    }

    /** Pairs of (high, low) halves; (0, 0) marks an empty slot, so the all-zero UUID has a flag of its own. */
    private long[] table;
    private int size;
    private boolean zero;
    private final Set<String> others = new HashSet<>();

    KeyIds(int expected) {
        table = new long[2 * slotsFor(expected)];
    }

    private static int slotsFor(long expected) {
        long slots = Math.max(16, expected * 2); // at most half full
        return (int) Math.min(1 << 30, Long.highestOneBit(slots - 1) << 1);
    }

    /** Makes room for {@code count} ids in all, so the table grows at most once more. */
    void expect(long count) {
        int slots = slotsFor(count);
        if (slots > table.length / 2) {
            rehash(slots);
        }
    }

    /** True when {@code id} was not there yet. */
    boolean add(String id) {
        if (id.length() != 36) {
            return others.add(id);
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < 36; i++) {
            char c = id.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return others.add(id);
                }
                continue;
            }
            int d = c < 128 ? HEX[c] : -1;
            if (d < 0) {
                return others.add(id);
            }
            if (i < 19) {
                high = high << 4 | d;
            } else {
                low = low << 4 | d;
            }
        }
        if (high == 0 && low == 0) {
            boolean added = !zero;
            zero = true;
            return added;
        }
        if (2 * (size + 1) > table.length / 2) {
            rehash(table.length); // twice the slots
        }
        if (insert(table, high, low)) {
            size++;
            return true;
        }
        return false;
    }

    private static boolean insert(long[] table, long high, long low) {
        int mask = table.length / 2 - 1;
        int slot = hash(high, low) & mask;
        while (true) {
            long h = table[2 * slot];
            long l = table[2 * slot + 1];
            if (h == 0 && l == 0) {
                table[2 * slot] = high;
                table[2 * slot + 1] = low;
                return true;
            }
            if (h == high && l == low) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
    }

    private static int hash(long high, long low) {
        long x = (high * 0x9E3779B97F4A7C15L) ^ low;
        x *= 0xC2B2AE3D27D4EB4FL;
        return (int) (x ^ (x >>> 29) ^ (x >>> 47));
    }

    private void rehash(int slots) {
        long[] old = table;
        table = new long[2 * slots];
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0 || old[i + 1] != 0) {
                insert(table, old[i], old[i + 1]);
            }
        }
    }

    int size() {
        return size + (zero ? 1 : 0) + others.size();
    }
}
