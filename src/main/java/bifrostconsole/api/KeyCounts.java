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
    private static final byte[] HEX = new byte[128];
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    static {
        java.util.Arrays.fill(HEX, (byte) -1);
        for (int c = '0'; c <= '9'; c++) {
            HEX[c] = (byte) (c - '0');
        }
        for (int c = 'a'; c <= 'f'; c++) {
            HEX[c] = (byte) (c - 'a' + 10);
        }
    }

    /** Pairs of (high, low) halves; (0, 0) marks an empty slot, so the all-zero UUID has a count of its own. */
    private long[] ids;
    private long[] counts;
    private int size;
    private boolean zero;
    private long zeroCount;
    private final Map<String, Long> others = new HashMap<>();

    KeyCounts(int expected) {
        int slots = (int) Math.min(1 << 30, Long.highestOneBit(Math.max(16L, expected * 2L) - 1) << 1);
        ids = new long[2 * slots];
        counts = new long[slots];
    }

    /** Adds {@code n} to the id's count. */
    void add(String id, long n) {
        long[] uuid = new long[2];
        if (uuid(id, uuid)) {
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
        if (high == 0 && low == 0) {
            zero = true;
            zeroCount += n;
            return;
        }
        if (2 * (size + 1) > counts.length) {
            rehash(2 * counts.length);
        }
        int slot = find(ids, high, low);
        if (ids[2 * slot] == 0 && ids[2 * slot + 1] == 0) {
            ids[2 * slot] = high;
            ids[2 * slot + 1] = low;
            size++;
        }
        counts[slot] += n;
    }

    /** The canonical UUID's halves into {@code out}; false for any other text. */
    static boolean uuid(String s, long[] out) {
        if (s.length() != 36) {
            return false;
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < 36; i++) {
            int d = digit(s.charAt(i), i);
            if (d == -2) {
                continue;
            }
            if (d < 0) {
                return false;
            }
            if (i < 19) {
                high = high << 4 | d;
            } else {
                low = low << 4 | d;
            }
        }
        out[0] = high;
        out[1] = low;
        return true;
    }

    /** The same from the parser's characters, without making a string of them. */
    static boolean uuid(char[] c, int offset, int length, long[] out) {
        if (length != 36) {
            return false;
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < 36; i++) {
            int d = digit(c[offset + i], i);
            if (d == -2) {
                continue;
            }
            if (d < 0) {
                return false;
            }
            if (i < 19) {
                high = high << 4 | d;
            } else {
                low = low << 4 | d;
            }
        }
        out[0] = high;
        out[1] = low;
        return true;
    }

    /** A lowercase hex digit's value, -2 for the dash where one belongs, -1 for anything else. */
    private static int digit(char ch, int i) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            return ch == '-' ? -2 : -1;
        }
        return ch < 128 ? HEX[ch] : -1;
    }

    /** The id's slot, or the empty slot where it would go. */
    private static int find(long[] ids, long high, long low) {
        int mask = ids.length / 2 - 1;
        long x = (high * 0x9E3779B97F4A7C15L) ^ low;
        x *= 0xC2B2AE3D27D4EB4FL;
        int slot = (int) (x ^ (x >>> 29) ^ (x >>> 47)) & mask;
        while (true) {
            long h = ids[2 * slot];
            long l = ids[2 * slot + 1];
            if (h == 0 && l == 0 || h == high && l == low) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void rehash(int slots) {
        long[] oldIds = ids;
        long[] oldCounts = counts;
        ids = new long[2 * slots];
        counts = new long[slots];
        for (int s = 0; s < oldCounts.length; s++) {
            if (oldIds[2 * s] != 0 || oldIds[2 * s + 1] != 0) {
                int to = find(ids, oldIds[2 * s], oldIds[2 * s + 1]);
                ids[2 * to] = oldIds[2 * s];
                ids[2 * to + 1] = oldIds[2 * s + 1];
                counts[to] = oldCounts[s];
            }
        }
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
        if (!uuid(id, uuid)) {
            return others.getOrDefault(id, absent);
        }
        if (uuid[0] == 0 && uuid[1] == 0) {
            return zero ? Long.valueOf(zeroCount) : absent;
        }
        int slot = find(ids, uuid[0], uuid[1]);
        return ids[2 * slot] == 0 && ids[2 * slot + 1] == 0 ? absent : Long.valueOf(counts[slot]);
    }

    @Override
    public boolean containsKey(Object key) {
        return getOrDefault(key, null) != null;
    }

    @Override
    public int size() {
        return size + (zero ? 1 : 0) + others.size();
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
                for (int s = 0; s < counts.length; s++) {
                    if (ids[2 * s] != 0 || ids[2 * s + 1] != 0) {
                        all.add(Map.entry(text(ids[2 * s], ids[2 * s + 1]), counts[s]));
                    }
                }
                if (zero) {
                    all.add(Map.entry(text(0, 0), zeroCount));
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

    /** The canonical text of a UUID: 8-4-4-4-12 lowercase hex digits. */
    private static String text(long high, long low) {
        char[] c = new char[36];
        int at = 35;
        for (int i = 0; i < 16; i++, at--) {
            if (at == 23) {
                c[at--] = '-';
            }
            c[at] = DIGITS[(int) (low >>> (4 * i)) & 15];
        }
        for (int i = 0; i < 16; i++, at--) {
            if (at == 18 || at == 13 || at == 8) {
                c[at--] = '-';
            }
            c[at] = DIGITS[(int) (high >>> (4 * i)) & 15];
        }
        return new String(c);
    }
}
