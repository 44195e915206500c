package bifrostconsole.api;

/**
 * Canonical UUIDs (Bifrost's ids: 36 characters, lowercase hex, 8-4-4-4-12) held as two longs each, numbered in
 * the order they were first added, in an open-addressing table kept at most half full: no string, map entry or
 * boxed number per id. The export's set of ids seen ({@code export/KeyIds}) and the logs' count per key
 * ({@link KeyCounts}) hold 100,000 of them while a read goes on, and every object less per id is one less for each
 * young collection to copy. Ids in any other form are for the caller to keep apart ({@link #parse} says which).
 */
public final class UuidTable {
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

    /** The ids' halves by number: id {@code i} at {@code 2i} and {@code 2i + 1}. */
    private long[] halves;
    /** Each slot holds an id's number plus one; 0 is an empty slot. */
    private int[] slots;
    private int size;

    /** A table with room for {@code expected} ids before it grows. */
    public UuidTable(long expected) {
        slots = new int[slotsFor(expected)];
        halves = new long[2 * (int) Math.min(Math.max(expected, 8), 1 << 29)];
    }

    private static int slotsFor(long expected) {
        long wanted = Math.max(16, expected * 2); // at most half full
        return (int) Math.min(1 << 30, Long.highestOneBit(wanted - 1) << 1);
    }

    /** Makes room for {@code count} ids in all, so the table grows at most once more. */
    public void expect(long count) {
        int wanted = slotsFor(count);
        if (wanted > slots.length) {
            rehash(wanted);
        }
    }

    /** The number of the UUID with these halves, added at the end if it was not there ({@link #size()} grows). */
    public int add(long high, long low) {
        if (2 * (size + 1) > slots.length) {
            rehash(2 * slots.length);
        }
        int slot = slotOf(high, low);
        if (slots[slot] != 0) {
            return slots[slot] - 1;
        }
        if (2 * size + 1 >= halves.length) {
            halves = java.util.Arrays.copyOf(halves, Math.max(16, 2 * halves.length));
        }
        halves[2 * size] = high;
        halves[2 * size + 1] = low;
        slots[slot] = ++size;
        return size - 1;
    }

    /** The number of the UUID with these halves, or -1 when it is not in the table. */
    public int indexOf(long high, long low) {
        return slots[slotOf(high, low)] - 1;
    }

    /** How many ids the table holds; they are numbered 0 to {@code size() - 1}. */
    public int size() {
        return size;
    }

    /** The canonical text of the id numbered {@code index}. */
    public String text(int index) {
        return text(halves[2 * index], halves[2 * index + 1]);
    }

    /** The slot holding the id, or the empty slot where it would go. */
    private int slotOf(long high, long low) {
        int mask = slots.length - 1;
        int slot = hash(high, low) & mask;
        while (true) {
            int at = slots[slot];
            if (at == 0 || halves[2 * (at - 1)] == high && halves[2 * (at - 1) + 1] == low) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    private static int hash(long high, long low) {
        long x = (high * 0x9E3779B97F4A7C15L) ^ low;
        x *= 0xC2B2AE3D27D4EB4FL;
        return (int) (x ^ (x >>> 29) ^ (x >>> 47));
    }

    private void rehash(int slotCount) {
        slots = new int[slotCount];
        for (int i = 0; i < size; i++) {
            slots[slotOf(halves[2 * i], halves[2 * i + 1])] = i + 1;
        }
    }

    /** Reads a canonical UUID's halves into {@code out}; false for any other text (upper case, another form). */
    public static boolean parse(CharSequence s, long[] out) {
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

    /** The same from a parser's characters, without making a string of them. */
    public static boolean parse(char[] c, int offset, int length, long[] out) {
        return length == 36 && parse(java.nio.CharBuffer.wrap(c, offset, length), out);
    }

    /** A lowercase hex digit's value, -2 for the dash where one belongs, -1 for anything else. */
    private static int digit(char ch, int i) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            return ch == '-' ? -2 : -1;
        }
        return ch < 128 ? HEX[ch] : -1;
    }

    /** The canonical text of a UUID: 8-4-4-4-12 lowercase hex digits. */
    static String text(long high, long low) {
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
