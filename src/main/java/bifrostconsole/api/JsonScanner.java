package bifrostconsole.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A byte-level reader of UTF-8 JSON for the export's hot path: it walks members and values without building tokens
 * or canonical names, skips what its caller does not read, and reads only the few strings and numbers it is asked
 * for. It accepts exactly the JSON the console's Jackson parser accepts (strict RFC 8259: no comments, no trailing
 * commas, no leading zeros, escaped control characters, well-formed UTF-8 lead and continuation bytes, nesting up
 * to {@link #MAX_DEPTH}), so what an export copies byte for byte is JSON Jackson reads (JsonScannerPropertyTest
 * compares the two on random and hostile documents); anything else is a {@link Malformed}, an IOException.
 *
 * <p>Offsets are counted from the start of the stream. The bytes from {@link #keepFrom(long)} on stay in
 * {@link #buffer()} until {@link #release()}, so a caller can slice or write a whole item it has just walked.
 */
public final class JsonScanner {
    /** Jackson's default nesting limit (StreamReadConstraints). */
    public static final int MAX_DEPTH = 1000;
    private static final int MAX_NUMBER_LENGTH = 1000;

    /** The input is not JSON the console reads (or it ended early: the message then says end-of-input). */
    public static final class Malformed extends IOException {
        Malformed(String message) {
            super(message);
        }
    }

    private final InputStream in;
    private byte[] buf;
    private int pos;
    private int limit;
    /** Stream offset of {@code buf[0]}. */
    private long base;
    /** Buffer index kept from (an item being walked), or -1. */
    private int keep = -1;
    /** Buffer index of the token being read (kept across a refill), or -1. */
    private int token = -1;
    private boolean eof;
    /** Just after a '{' or '[': the next member or element is the first. */
    private boolean first;
    private int depth;
    private final StringBuilder chars = new StringBuilder();

    private JsonScanner(InputStream in, byte[] buf, int from, int to) {
        this.in = in;
        this.buf = buf;
        this.pos = from;
        this.limit = to;
        this.base = -from;
        this.eof = in == null;
    }

    public static JsonScanner over(InputStream in) {
        return over(new byte[0], in);
    }

    /** {@code head} (bytes already read off {@code rest}) and then the rest of the stream. */
    public static JsonScanner over(byte[] head, InputStream rest) {
        byte[] buf = Arrays.copyOf(head, Math.max(64 * 1024, head.length));
        return new JsonScanner(rest, buf, 0, head.length);
    }

    public static JsonScanner over(byte[] json) {
        return over(json, 0, json.length);
    }

    /** The bytes {@code json[from..to)}; offsets count from {@code from}. */
    public static JsonScanner over(byte[] json, int from, int to) {
        return new JsonScanner(null, json, from, to);
    }

    // ---- buffer -------------------------------------------------------------------------------------

    /** The stream offset of the next byte. */
    public long offset() {
        return base + pos;
    }

    /** The buffer holding the kept bytes; valid until the scanner reads on. */
    public byte[] buffer() {
        return buf;
    }

    /** The index in {@link #buffer()} of stream offset {@code offset} (a kept one). */
    public int index(long offset) {
        return (int) (offset - base);
    }

    /** Keeps the bytes from {@code offset} (not before the next byte's) in the buffer until {@link #release()}. */
    public void keepFrom(long offset) {
        keep = index(offset);
    }

    public void release() {
        keep = -1;
    }

    /** How many objects and arrays the scanner is in. */
    public int depth() {
        return depth;
    }

    /**
     * Back to kept stream offset {@code offset}, where the scanner was {@code depth} deep before a value (a caller
     * that gave up on a value half-read skips it again from its start).
     */
    public void rewind(long offset, int depth) {
        this.pos = index(offset);
        this.depth = depth;
        this.first = false;
    }

    /** A copy of the kept bytes from {@code from} to {@code to}. */
    public byte[] copy(long from, long to) {
        return Arrays.copyOfRange(buf, index(from), index(to));
    }

    /** Reads more input; false at its end. Keeps the bytes from {@code keep} and {@code token}. */
    private boolean more() throws IOException {
        if (eof) {
            return false;
        }
        int from = pos;
        if (keep >= 0 && keep < from) {
            from = keep;
        }
        if (token >= 0 && token < from) {
            from = token;
        }
        if (from > 0) {
            System.arraycopy(buf, from, buf, 0, limit - from);
            limit -= from;
            pos -= from;
            base += from;
            if (keep >= 0) {
                keep -= from;
            }
            if (token >= 0) {
                token -= from;
            }
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n;
        do {
            n = in.read(buf, limit, buf.length - limit);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            return false;
        }
        limit += n;
        return true;
    }

    private Malformed endOfInput(String inside) {
        return new Malformed("Unexpected end-of-input " + inside + " at offset " + offset());
    }

    private Malformed unexpected(int b, String expected) {
        return new Malformed("Unexpected character (" + describe(b) + ") at offset " + (offset() - 1) + ": expected "
                + expected);
    }

    private static String describe(int b) {
        return b >= 0x20 && b < 0x7f ? "'" + (char) b + "'" : "code " + b;
    }

    /** The next byte that is not white space, not consumed; -1 at the end of input. */
    public int peek() throws IOException {
        while (true) {
            if (pos >= limit && !more()) {
                return -1;
            }
            int b = buf[pos] & 0xff;
            if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                pos++;
            } else {
                return b;
            }
        }
    }

    /** The next byte that is not white space, consumed. */
    private int next(String inside) throws IOException {
        int b = peek();
        if (b < 0) {
            throw endOfInput(inside);
        }
        pos++;
        return b;
    }

    private int nextRaw(String inside) throws IOException {
        if (pos >= limit && !more()) {
            throw endOfInput(inside);
        }
        return buf[pos++] & 0xff;
    }

    /** At the start of a document: skips a UTF-8 byte order mark, as Jackson does. */
    public void skipByteOrderMark() throws IOException {
        while (limit - pos < 3 && more()) {
            // read the first three bytes, if there are as many
        }
        if (limit - pos >= 3 && (buf[pos] & 0xff) == 0xEF && (buf[pos + 1] & 0xff) == 0xBB
                && (buf[pos + 2] & 0xff) == 0xBF) {
            pos += 3;
        }
    }

    // ---- structure ------------------------------------------------------------------------------------

    /** The next value is an object: consumes its '{'. */
    public void startObject() throws IOException {
        int b = next("before an object");
        if (b != '{') {
            throw unexpected(b, "'{'");
        }
        enter();
    }

    /** The next value is an array: consumes its '['. */
    public void startArray() throws IOException {
        int b = next("before an array");
        if (b != '[') {
            throw unexpected(b, "'['");
        }
        enter();
    }

    private void enter() throws Malformed {
        if (++depth > MAX_DEPTH) {
            throw new Malformed("Document nesting depth exceeds the maximum allowed (" + MAX_DEPTH + ")");
        }
        first = true;
    }

    /**
     * In an object: moves to its next member and returns the index of its name in {@code names} (-1 for another
     * name), leaving the scanner on the member's value, which the caller must read or skip; or consumes the
     * object's '}' and returns {@link Names#END}. {@link #memberOffset()} is then where the member's name starts.
     */
    public int nextMember(Names names) throws IOException {
        if (!memberStart()) {
            return Names.END;
        }
        int found = name(names);
        nameSeparator();
        return found;
    }

    private long memberOffset;

    /**
     * Past the ',' before an object's next member and its name's opening '"' ({@link #memberOffset()} set there);
     * false, with the object's '}' consumed, when the object ends.
     */
    private boolean memberStart() throws IOException {
        int b = next("in an object");
        if (b == '}') {
            depth--;
            first = false;
            return false;
        }
        if (!first) {
            if (b != ',') {
                throw unexpected(b, "',' or '}' after a member");
            }
            b = next("in an object");
        }
        first = false;
        if (b != '"') {
            throw unexpected(b, "a member name in double quotes");
        }
        memberOffset = offset() - 1;
        return true;
    }

    /** The ':' after a member's name. */
    private void nameSeparator() throws IOException {
        int b = next("after a member name");
        if (b != ':') {
            throw unexpected(b, "':' after a member name");
        }
    }

    /** As {@link #nextMember(Names)}, returning the member's name (decoded), or null after the object's '}'. */
    public String nextMemberName() throws IOException {
        if (!memberStart()) {
            return null;
        }
        String name = readStringBody();
        nameSeparator();
        return name;
    }

    /** Where the current member's name (its opening quote) starts. */
    public long memberOffset() {
        return memberOffset;
    }

    /** In an array: true when another element follows (the scanner is then on it), false after its ']'. */
    public boolean nextElement() throws IOException {
        int b = peek();
        if (b < 0) {
            throw endOfInput("in an array");
        }
        if (b == ']') {
            pos++;
            depth--;
            first = false;
            return false;
        }
        if (!first) {
            pos++;
            if (b != ',') {
                throw unexpected(b, "',' or ']' after an element");
            }
            if (peek() == ']') {
                pos++;
                throw unexpected(']', "a value after ','");
            }
        }
        first = false;
        return true;
    }

    /** The name after its opening quote, looked up in {@code names}; leaves the scanner after its closing quote. */
    private int name(Names names) throws IOException {
        if (names.isEmpty()) {
            skipString(true); // a member of a skipped object: only checked (as a name: no encoded surrogate)
            return -1;
        }
        byte[] b = buf;
        int p = pos;
        int lim = limit;
        while (true) {
            if (p >= lim) {
                token = pos;
                pos = p;
                try {
                    if (!more()) {
                        throw endOfInput("in a member name");
                    }
                } finally {
                    p = pos;
                    pos = token; // the name's start, moved with the buffer
                    token = -1;
                }
                b = buf;
                lim = limit;
            }
            int c = b[p];
            if (STOP[c & 0xff] != 0) {
                if (c == '"') {
                    int found = names.find(b, pos, p, Names.hash(b, pos, p));
                    pos = p + 1;
                    return found;
                }
                break; // an escape, a control or a multi-byte character: decode the name
            }
            p++;
        }
        String name = decodeString();
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        return names.find(bytes, 0, bytes.length, Names.hash(bytes, 0, bytes.length));
    }

    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /** Whether any of the eight bytes is a quote, a backslash, a control character or not ASCII. */
    private static boolean stops(long w) {
        long quote = w ^ (ONES * '"');
        long backslash = w ^ (ONES * '\\');
        long found = ((quote - ONES) & ~quote) | ((backslash - ONES) & ~backslash) | ((w - ONES * 0x20) & ~w) | w;
        return (found & HIGHS) != 0;
    }

    /** Bytes that end the fast scan of a string: its quote, a backslash, control and multi-byte characters. */
    private static final byte[] STOP = new byte[256];

    static {
        for (int c = 0; c < 256; c++) {
            STOP[c] = (byte) (c == '"' || c == '\\' || c < 0x20 || c >= 0x80 ? 1 : 0);
        }
    }

    /** The next value's kind: '"', '{', '[', 't', 'f', 'n', or '-' for a number (-1 at end of input). */
    public int peekValue() throws IOException {
        int b = peek();
        return b >= '0' && b <= '9' ? '-' : b;
    }

    /** Skips the next value, checking it is well-formed. */
    public void skipValue() throws IOException {
        int b = next("before a value");
        switch (b) {
            case '"' -> skipString(false);
            case '{', '[' -> skipStructure(b);
            default -> scalar(b);
        }
        first = false;
    }

    /** A number or a literal whose first byte {@code b} was consumed. */
    private void scalar(int b) throws IOException {
        switch (b) {
            case 't' -> literal("rue");
            case 'f' -> literal("alse");
            case 'n' -> literal("ull");
            default -> {
                if (b == '-' || b >= '0' && b <= '9') {
                    pos--;
                    number();
                } else {
                    throw unexpected(b, "a value");
                }
            }
        }
    }

    private static final int OBJECT_START = 0;
    private static final int OBJECT_NEXT = 1;
    private static final int OBJECT_NAME = 2;
    private static final int COLON = 3;
    private static final int ARRAY_START = 4;
    private static final int ARRAY_NEXT = 5;
    private static final int VALUE = 6;

    /** Which of the structures being skipped are objects (a bit each, by depth). */
    private final long[] objects = new long[MAX_DEPTH / 64 + 2];

    /**
     * Skips an object or array whose opening byte was consumed: one loop over the bytes with the nesting in a bit
     * stack, not a call per member and value (most of an export's bytes are in members it skips).
     */
    private void skipStructure(int open) throws IOException {
        int d = 0;
        int state;
        byte[] b;
        int p;
        int lim;
        // open the first structure
        if (depth + 1 > MAX_DEPTH) {
            throw new Malformed("Document nesting depth exceeds the maximum allowed (" + MAX_DEPTH + ")");
        }
        setKind(d, open == '{');
        state = open == '{' ? OBJECT_START : ARRAY_START;
        b = buf;
        p = pos;
        lim = limit;
        while (true) {
            if (p >= lim) {
                pos = p;
                if (!more()) {
                    throw endOfInput("in " + (isObject(d) ? "an object" : "an array"));
                }
                b = buf;
                p = pos;
                lim = limit;
            }
            int c = b[p++];
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                continue;
            }
            switch (state) {
                case OBJECT_START, OBJECT_NAME -> {
                    if (c == '"') {
                        pos = p;
                        skipString(true);
                        state = COLON;
                    } else if (c == '}' && state == OBJECT_START) {
                        if (d == 0) {
                            pos = p;
                            return;
                        }
                        d--;
                        state = isObject(d) ? OBJECT_NEXT : ARRAY_NEXT;
                        continue;
                    } else {
                        pos = p;
                        throw unexpected(c & 0xff, "a member name in double quotes");
                    }
                }
                case COLON -> {
                    if (c != ':') {
                        pos = p;
                        throw unexpected(c & 0xff, "':' after a member name");
                    }
                    state = VALUE;
                    continue;
                }
                case OBJECT_NEXT, ARRAY_NEXT -> {
                    boolean object = state == OBJECT_NEXT;
                    if (c == ',') {
                        state = object ? OBJECT_NAME : VALUE;
                        continue;
                    }
                    if (c == (object ? '}' : ']')) {
                        if (d == 0) {
                            pos = p;
                            return;
                        }
                        d--;
                        state = isObject(d) ? OBJECT_NEXT : ARRAY_NEXT;
                        continue;
                    }
                    pos = p;
                    throw unexpected(c & 0xff, object ? "',' or '}' after a member" : "',' or ']' after an element");
                }
                default -> { // ARRAY_START or VALUE: a value (or, first in an array, its end)
                    if (c == ']' && state == ARRAY_START) {
                        if (d == 0) {
                            pos = p;
                            return;
                        }
                        d--;
                        state = isObject(d) ? OBJECT_NEXT : ARRAY_NEXT;
                        continue;
                    }
                    if (c == '{' || c == '[') {
                        d++;
                        if (depth + d + 1 > MAX_DEPTH) {
                            pos = p;
                            throw new Malformed("Document nesting depth exceeds the maximum allowed (" + MAX_DEPTH
                                    + ")");
                        }
                        setKind(d, c == '{');
                        state = c == '{' ? OBJECT_START : ARRAY_START;
                        continue;
                    }
                    pos = p;
                    if (c == '"') {
                        skipString(false);
                    } else {
                        scalar(c & 0xff);
                    }
                    state = isObject(d) ? OBJECT_NEXT : ARRAY_NEXT;
                }
            }
            // after a string or scalar read through the fields
            b = buf;
            p = pos;
            lim = limit;
        }
    }

    private void setKind(int d, boolean object) {
        if (object) {
            objects[d >>> 6] |= 1L << d;
        } else {
            objects[d >>> 6] &= ~(1L << d);
        }
    }

    private boolean isObject(int d) {
        return (objects[d >>> 6] & 1L << d) != 0;
    }

    private void literal(String rest) throws IOException {
        for (int i = 0; i < rest.length(); i++) {
            int b = nextRaw("in a literal");
            if (b != rest.charAt(i)) {
                throw unexpected(b, "a true, false or null literal");
            }
        }
        if (pos >= limit && !more()) {
            return;
        }
        int b = buf[pos] & 0xff;
        if (b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_' || b == '$'
                || b >= 0x80) {
            throw unexpected(b, "the end of a literal");
        }
    }

    /** Skips a string after its opening quote; Jackson refuses an encoded surrogate in a name even when skipping. */
    private void skipString(boolean name) throws IOException {
        byte[] b = buf;
        int p = pos;
        int lim = limit;
        while (true) {
            if (p >= lim) {
                pos = p;
                if (!more()) {
                    throw endOfInput("in a string");
                }
                b = buf;
                p = pos;
                lim = limit;
            }
            // eight bytes at a time while none of them ends the fast scan
            while (p + 8 <= lim && !stops((long) LONGS.get(b, p))) {
                p += 8;
            }
            if (p >= lim) {
                continue;
            }
            int c = b[p++];
            if (STOP[c & 0xff] == 0) {
                continue;
            }
            if (c >= 0x20) {
                if (c == '"') {
                    pos = p;
                    return;
                }
                if (c == '\\') {
                    pos = p;
                    escape();
                    b = buf;
                    p = pos;
                    lim = limit;
                }
                continue;
            }
            // a control character, or a byte of a multi-byte character (negative as a signed byte)
            pos = p;
            if (c >= 0) {
                throw new Malformed("Illegal unquoted character (code " + c + ") in a string at offset "
                        + (offset() - 1) + ": it has to be escaped");
            }
            int v = utf8(c & 0xff);
            if (name && v >= 0xD800 && v <= 0xDFFF && (c & 0xF0) == 0xE0) {
                throw new Malformed("Invalid UTF-8: Illegal surrogate character 0x" + Integer.toHexString(v)
                        + " at offset " + offset());
            }
            b = buf;
            p = pos;
            lim = limit;
        }
    }

    /** After a backslash: the escape's character. */
    private int escape() throws IOException {
        int c = nextRaw("in an escape");
        switch (c) {
            case '"', '\\', '/':
                return c;
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u': {
                int v = 0;
                for (int i = 0; i < 4; i++) {
                    int h = nextRaw("in an escape");
                    int d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10
                            : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
                    if (d < 0) {
                        throw unexpected(h, "a hex digit in a \\u escape");
                    }
                    v = v << 4 | d;
                }
                return v;
            }
            default:
                throw unexpected(c, "a valid escape after a backslash");
        }
    }

    /** A multi-byte character after its lead byte {@code c}: its code point. */
    private int utf8(int c) throws IOException {
        int more;
        int value;
        if ((c & 0xE0) == 0xC0) {
            more = 1;
            value = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            more = 2;
            value = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            more = 3;
            value = c & 0x07;
        } else {
            throw new Malformed("Invalid UTF-8 start byte 0x" + Integer.toHexString(c) + " at offset "
                    + (offset() - 1));
        }
        for (int i = 0; i < more; i++) {
            int d = nextRaw("in a character");
            if ((d & 0xC0) != 0x80) {
                throw new Malformed("Invalid UTF-8 middle byte 0x" + Integer.toHexString(d) + " at offset "
                        + (offset() - 1));
            }
            value = value << 6 | (d & 0x3F);
        }
        return value;
    }

    /** A number at the scanner (not consumed yet); returns its text's length and leaves the scanner after it. */
    private int number() throws IOException {
        token = pos;
        try {
            int b = nextRaw("in a number");
            int length = 1;
            if (b == '-') {
                b = nextRaw("in a number");
                length++;
            }
            if (b == '0') {
                b = peekRaw();
                if (b >= '0' && b <= '9') {
                    throw new Malformed("Invalid numeric value: leading zeroes not allowed at offset " + offset());
                }
            } else if (b >= '1' && b <= '9') {
                length += digits();
                b = peekRaw();
            } else {
                throw unexpected(b, "a digit in a number");
            }
            if (b == '.') {
                pos++;
                int n = digits();
                if (n == 0) {
                    throw unexpected(peekRaw(), "a digit after the decimal point");
                }
                length += n + 1;
                b = peekRaw();
            }
            if (b == 'e' || b == 'E') {
                pos++;
                length++;
                b = peekRaw();
                if (b == '+' || b == '-') {
                    pos++;
                    length++;
                }
                int n = digits();
                if (n == 0) {
                    throw unexpected(peekRaw(), "a digit in an exponent");
                }
                length += n;
            }
            if (length > MAX_NUMBER_LENGTH) {
                throw new Malformed("Number value length (" + length + ") exceeds the maximum allowed ("
                        + MAX_NUMBER_LENGTH + ")");
            }
            return length;
        } finally {
            numberFrom = token;
            token = -1;
        }
    }

    /** Buffer index where the last number's text starts (valid until the scanner reads on). */
    private int numberFrom;

    private int digits() throws IOException {
        int n = 0;
        while (true) {
            if (pos >= limit && !more()) {
                return n;
            }
            int b = buf[pos];
            if (b < '0' || b > '9') {
                return n;
            }
            pos++;
            n++;
        }
    }

    /** The next byte, not consumed, white space included; -1 at the end. */
    private int peekRaw() throws IOException {
        if (pos >= limit && !more()) {
            return -1;
        }
        return buf[pos] & 0xff;
    }

    // ---- values ---------------------------------------------------------------------------------------

    /** A string value (decoded), or null for JSON null; anything else is {@link #unexpectedShape()}. */
    public String readStringOrNull() throws IOException {
        int b = next("before a value");
        if (b == '"') {
            String s = readStringBody();
            first = false;
            return s;
        }
        if (b == 'n') {
            literal("ull");
            first = false;
            return null;
        }
        pos--;
        throw unexpectedShape();
    }

    /**
     * The value as Jackson's {@code getValueAsString} gives it: a string's text, a number's or a flag's as written,
     * null for null, an object or array (skipped) or anything else.
     */
    public String readScalarText() throws IOException {
        int b = peekValue();
        switch (b) {
            case '"' -> {
                pos++;
                String s = readStringBody();
                first = false;
                return s;
            }
            case '-' -> {
                int length = number();
                first = false;
                return new String(buf, numberFrom, length, StandardCharsets.ISO_8859_1);
            }
            case 't', 'f' -> {
                skipValue();
                return b == 't' ? "true" : "false";
            }
            default -> {
                skipValue();
                return null;
            }
        }
    }

    /** A number value as a double (as Jackson's getDoubleValue reads it); not a number: {@link #unexpectedShape()}. */
    public double readDouble() throws IOException {
        if (peekValue() != '-') {
            throw unexpectedShape();
        }
        int length = number();
        first = false;
        boolean integer = true;
        for (int i = numberFrom; i < numberFrom + length; i++) {
            int c = buf[i];
            if (c == '.' || c == 'e' || c == 'E') {
                integer = false;
                break;
            }
        }
        String text = new String(buf, numberFrom, length, StandardCharsets.ISO_8859_1);
        if (integer && length <= 18) {
            return (double) Long.parseLong(text); // Jackson reads an integer as one: -0 is 0.0
        }
        return Double.parseDouble(text);
    }

    /**
     * An integer value (no fraction, no exponent) that fits a long; anything else is {@link #unexpectedShape()},
     * with the scanner left where it was.
     */
    public long readLong() throws IOException {
        if (peekValue() != '-') {
            throw unexpectedShape();
        }
        long at = offset();
        int length = number();
        int i = numberFrom;
        boolean negative = buf[i] == '-';
        if (negative) {
            i++;
        }
        long v = 0;
        int end = numberFrom + length;
        for (; i < end; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9 || v < (Long.MIN_VALUE + d) / 10) {
                pos = index(at);
                throw unexpectedShape(); // a fraction, an exponent, or out of range
            }
            v = v * 10 - d; // negative accumulation reaches Long.MIN_VALUE
        }
        if (!negative && v == Long.MIN_VALUE) {
            pos = index(at);
            throw unexpectedShape();
        }
        first = false;
        return negative ? v : -v;
    }

    /**
     * Thrown by the typed readers when a value is not of their type; the scanner is still on the value, which the
     * caller may skip or read another way. One shared instance without a stack trace: a signal, not an error.
     */
    public static final class ShapeSignal extends RuntimeException {
        private ShapeSignal() {
            super("a value in another shape", null, false, false);
        }
    }

    private static final ShapeSignal SHAPE = new ShapeSignal();

    private static ShapeSignal unexpectedShape() {
        return SHAPE;
    }

    /** A flag: true, false, or null for JSON null; anything else is {@link #unexpectedShape()}. */
    public Boolean readFlagOrNull() throws IOException {
        int b = peekValue();
        if (b == 't' || b == 'f' || b == 'n') {
            skipValue();
            return b == 'n' ? null : b == 't';
        }
        throw unexpectedShape();
    }

    /** True (and the null consumed) when the next value is JSON null. */
    public boolean readNull() throws IOException {
        if (peek() == 'n') {
            pos++;
            literal("ull");
            first = false;
            return true;
        }
        return false;
    }

    private char[] text = new char[64];

    /**
     * A string value's characters into {@link #chars()} (reused: valid until the scanner reads on), returning their
     * count, or -1 for JSON null; anything else is {@link #unexpectedShape()}.
     */
    public int readChars() throws IOException {
        int b = peekValue();
        if (b == 'n') {
            skipValue();
            return -1;
        }
        if (b != '"') {
            throw unexpectedShape();
        }
        pos++;
        token = pos;
        int n = 0;
        try {
            while (true) {
                if (pos >= limit && !more()) {
                    throw endOfInput("in a string");
                }
                int c = buf[pos];
                if (c == '"') {
                    pos++;
                    first = false;
                    return n;
                }
                if (c == '\\' || c < 0x20) {
                    break;
                }
                if (n == text.length) {
                    text = Arrays.copyOf(text, n * 2);
                }
                text[n++] = (char) c;
                pos++;
            }
            pos = token;
        } finally {
            token = -1;
        }
        String decoded = decodeString();
        if (decoded.length() > text.length) {
            text = new char[decoded.length()];
        }
        decoded.getChars(0, decoded.length(), text, 0);
        first = false;
        return decoded.length();
    }

    /** The characters {@link #readChars()} read. */
    public char[] chars() {
        return text;
    }

    /** A string's text after its opening quote. */
    private String readStringBody() throws IOException {
        token = pos;
        try {
            while (true) {
                if (pos >= limit && !more()) {
                    throw endOfInput("in a string");
                }
                int b = buf[pos];
                if (b == '"') {
                    String s = new String(buf, token, pos - token, StandardCharsets.ISO_8859_1);
                    pos++;
                    return s;
                }
                if (b == '\\' || b < 0x20) {
                    break; // escapes, control characters or multi-byte characters (negative): the slow way
                }
                pos++;
            }
            pos = token;
        } finally {
            token = -1;
        }
        return decodeString();
    }

    /** Decodes a string after its opening quote, as Jackson does (lone surrogates and all). */
    private String decodeString() throws IOException {
        StringBuilder s = chars;
        s.setLength(0);
        while (true) {
            int c = nextRaw("in a string");
            if (c == '"') {
                return s.toString();
            }
            if (c == '\\') {
                s.append((char) escape());
            } else if (c < 0x20) {
                throw new Malformed("Illegal unquoted character (code " + c + ") in a string at offset "
                        + (offset() - 1) + ": it has to be escaped");
            } else if (c < 0x80) {
                s.append((char) c);
            } else if (c < 0xF0) {
                int v = utf8(c);
                if (v >= 0xD800 && v <= 0xDFFF) {
                    // Jackson refuses an encoded surrogate in text it reads (and lets it pass in text it skips)
                    throw new Malformed("Invalid UTF-8: Illegal surrogate character 0x" + Integer.toHexString(v)
                            + " at offset " + offset());
                }
                s.append((char) v);
            } else {
                // as Jackson splits a four-byte character, out-of-range ones included
                int v = utf8(c) - 0x10000;
                s.append((char) (0xD800 | (v >> 10))).append((char) (0xDC00 | (v & 0x3FF)));
            }
        }
    }

    /**
     * Member names to look up as their UTF-8 bytes, without building a string per name; built once per set.
     */
    public static final class Names {
        public static final int END = -2;
        static final Names NONE = new Names();

        private final byte[][] names;
        private final int[] slots;
        private final int mask;
        /** A bit for each length of a name shorter than 64 bytes. */
        private long lengths;

        public Names(String... names) {
            this.names = new byte[names.length][];
            int size = Integer.highestOneBit(Math.max(4, names.length * 4) - 1) << 1;
            this.slots = new int[size];
            Arrays.fill(slots, -1);
            this.mask = size - 1;
            for (int i = 0; i < names.length; i++) {
                byte[] bytes = names[i].getBytes(StandardCharsets.UTF_8);
                this.names[i] = bytes;
                if (bytes.length < 64) {
                    lengths |= 1L << bytes.length;
                }
                int slot = mix(hash(bytes, 0, bytes.length)) & mask;
                while (slots[slot] >= 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = i;
            }
        }

        /** Of the length and three bytes, not every byte: a name's scan then does no arithmetic per byte. */
        static int hash(byte[] b, int from, int to) {
            int n = to - from;
            if (n == 0) {
                return 0;
            }
            return n * 961 + (b[from] & 0xff) * 31 + (b[to - 1] & 0xff) + 7 * (b[from + n / 2] & 0xff);
        }

        private static boolean same(byte[] b, int from, byte[] name) {
            for (int i = 0; i < name.length; i++) {
                if (b[from + i] != name[i]) {
                    return false;
                }
            }
            return true;
        }

        boolean isEmpty() {
            return names.length == 0;
        }

        private static int mix(int h) {
            h *= 0x9E3779B1;
            return h ^ (h >>> 15);
        }

        int find(byte[] b, int from, int to, int hash) {
            int length0 = to - from;
            if (length0 < 64 && (lengths & 1L << length0) == 0) {
                return -1; // no name of this length: most members of a key are not looked for
            }
            int slot = mix(hash) & mask;
            int length = to - from;
            while (true) {
                int i = slots[slot];
                if (i < 0) {
                    return -1;
                }
                byte[] name = names[i];
                if (name.length == length && same(b, from, name)) {
                    return i;
                }
                slot = (slot + 1) & mask;
            }
        }
    }
}
