package bifrostconsole.api;

import bifrostconsole.testing.Dribble;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Property: {@link JsonScanner} accepts exactly the documents the console's Jackson parser accepts, and reads the
 * same strings, names and numbers, on random JSON (any member order, escapes, non-ASCII text, nesting, white space)
 * and on hostile bytes (the same documents with bytes deleted, inserted, replaced or repeated: unclosed strings,
 * bad escapes, control characters, broken UTF-8, trailing commas, leading zeros, deep nesting), read whole and in
 * chunks of a few bytes (every refill of its buffer). Cases come from a seeded generator; a failure names the seed
 * and the document. (Plain JUnit 5 as in PayloadPropertyTest: jqwik's newer engines ask AI agents not to use it.)
 */
class JsonScannerPropertyTest {
    private static final int CASES = 6_000;
    private static final String[] NAMES = {"id", "name", "metadata", "value", "team", "customer", "virtual_keys",
            "v\\u0061lue", "\\u0069d", "budgets", "", "é", "ключ", "a\\\"b", "x y"};
    private static final byte[] HOSTILE = ("{}[]\",:\\ 0123456789-+.eEtrufalsn/u\t\n\r").getBytes(StandardCharsets.UTF_8);

    @Test
    void acceptsWhatJacksonAcceptsAndReadsTheSameValues() throws IOException {
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < CASES; i++) {
            long seed = 0x5EED_0000L + i;
            SplittableRandom random = new SplittableRandom(seed);
            StringBuilder doc = new StringBuilder();
            value(random, doc, 0);
            byte[] bytes = doc.toString().getBytes(StandardCharsets.UTF_8);
            if (i % 3 != 0) {
                bytes = mutate(random, bytes);
            }
            List<String> expected = jackson(bytes);
            for (int chunk : new int[] {Integer.MAX_VALUE, 1 + random.nextInt(7)}) {
                List<String> actual = scanned(bytes, chunk);
                // refused: both refuse (where they stop reading may differ); read: the same values
                boolean same = refusedBy(expected) ? refusedBy(actual) : expected.equals(actual);
                // and skipped without reading (an encoded surrogate then passes both)
                same &= jacksonSkips(bytes) == skippedByScanner(bytes, chunk);
                if (!same) {
                    fail("seed " + seed + ", chunk " + chunk + ", document: " + new String(bytes,
                            StandardCharsets.UTF_8) + "\nJackson: " + expected + "\nscanner: " + actual);
                }
            }
            if (refusedBy(expected)) {
                refused++;
            } else {
                accepted++;
            }
        }
        // both kinds must be well represented for the property to say anything
        assertEquals(true, accepted > CASES / 4 && refused > CASES / 4, accepted + " accepted, " + refused + " refused");
    }

    private static boolean refusedBy(List<String> seen) {
        return seen.get(seen.size() - 1).equals("ERROR");
    }

    @Test
    void nestingBeyondJacksonsLimitIsRefusedAsJacksonRefusesIt() throws IOException {
        for (int depth : new int[] {JsonScanner.MAX_DEPTH - 1, JsonScanner.MAX_DEPTH, JsonScanner.MAX_DEPTH + 1}) {
            byte[] doc = ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8);
            assertEquals(jackson(doc), scanned(doc, Integer.MAX_VALUE), "depth " + depth);
            assertEquals(jacksonSkips(doc), skippedByScanner(doc), "skipped, depth " + depth);
            byte[] objects = ("{\"a\":".repeat(depth - 1) + "[]" + "}".repeat(depth - 1)).getBytes(StandardCharsets.UTF_8);
            assertEquals(jacksonSkips(objects), skippedByScanner(objects), "skipped objects, depth " + depth);
        }
    }

    @Test
    void invalidUtf8IsRefusedAsJacksonRefusesIt() throws IOException {
        int[][] sequences = {{0x80}, {0xBF}, {0xC3}, {0xC3, 0x28}, {0xE2, 0x82}, {0xE2, 0x28, 0xA1}, {0xF0, 0x9F, 0x98},
                {0xF8, 0x88, 0x80, 0x80}, {0xFF}, {0xC0, 0x80}, {0xED, 0xA0, 0x80}, {0xF4, 0x90, 0x80, 0x80},
                {0xC3, 0xA9}, {0xF0, 0x9F, 0x98, 0x80}};
        for (int[] sequence : sequences) {
            for (String wrap : new String[] {"[\"a%sb\"]", "{\"a%sb\":1}"}) {
                String[] halves = wrap.split("%s");
                byte[] doc = new byte[halves[0].length() + sequence.length + halves[1].length()];
                System.arraycopy(halves[0].getBytes(StandardCharsets.ISO_8859_1), 0, doc, 0, halves[0].length());
                for (int i = 0; i < sequence.length; i++) {
                    doc[halves[0].length() + i] = (byte) sequence[i];
                }
                System.arraycopy(halves[1].getBytes(StandardCharsets.ISO_8859_1), 0, doc,
                        halves[0].length() + sequence.length, halves[1].length());
                assertEquals(jackson(doc), scanned(doc, Integer.MAX_VALUE), java.util.Arrays.toString(sequence));
                assertEquals(jacksonSkips(doc), skippedByScanner(doc), "skipped " + java.util.Arrays.toString(sequence));
            }
        }
    }

    @Test
    void typedReadersLeaveOtherShapesOnTheScanner() throws IOException {
        JsonScanner s = JsonScanner.over("[\"x\", 1.5, 9223372036854775808, true]".getBytes(StandardCharsets.UTF_8));
        s.startArray();
        s.nextElement();
        assertThrows(JsonScanner.ShapeSignal.class, s::readLong);
        assertEquals("x", s.readStringOrNull());
        s.nextElement();
        assertThrows(JsonScanner.ShapeSignal.class, s::readStringOrNull);
        assertThrows(JsonScanner.ShapeSignal.class, s::readLong);
        assertEquals(1.5, s.readDouble());
        s.nextElement();
        assertThrows(JsonScanner.ShapeSignal.class, s::readLong); // out of range
        assertEquals(9.223372036854775808E18, s.readDouble());
        s.nextElement();
        assertEquals(Boolean.TRUE, s.readFlagOrNull());
        assertEquals(false, s.nextElement());
    }

    // ---- what each reader saw: one line per string, name and number, then OK or ERROR ------------------

    /** Jackson's reading: every token's text, numbers as doubles, and whether the whole input was one value. */
    static List<String> jackson(byte[] bytes) {
        List<String> seen = new ArrayList<>();
        try (JsonParser p = Json.mapper().createParser(bytes)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new IOException("empty");
            }
            jacksonValue(p, t, seen);
            if (p.nextToken() != null) {
                throw new IOException("more after the value");
            }
            seen.add("OK");
        } catch (IOException | RuntimeException e) {
            seen.add("ERROR");
        }
        return seen;
    }

    private static void jacksonValue(JsonParser p, JsonToken t, List<String> seen) throws IOException {
        switch (t) {
            case START_OBJECT -> {
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    seen.add("name " + p.currentName());
                    jacksonValue(p, p.nextToken(), seen);
                }
                if (t != JsonToken.END_OBJECT) {
                    throw new IOException("not an object's end");
                }
            }
            case START_ARRAY -> {
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t == null) {
                        throw new IOException("end");
                    }
                    jacksonValue(p, t, seen);
                }
            }
            case VALUE_STRING -> seen.add("string " + p.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> seen.add("number " + p.getText() + " " + p.getDoubleValue());
            case VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> seen.add(t.asString());
            default -> throw new IOException("token " + t);
        }
    }

    /** Jackson's tokens without their text (an encoded surrogate then passes, as it passes the scanner's skip). */
    private static boolean jacksonSkips(byte[] doc) {
        try (JsonParser p = Json.mapper().createParser(doc)) {
            if (p.nextToken() == null) {
                return false;
            }
            p.skipChildren();
            return p.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean skippedByScanner(byte[] doc) {
        return skippedByScanner(doc, Integer.MAX_VALUE);
    }

    private static boolean skippedByScanner(byte[] doc, int chunk) {
        try {
            JsonScanner s = JsonScanner.over(new Dribble(new ByteArrayInputStream(doc), chunk));
            s.skipValue();
            return s.peek() < 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** The scanner's reading of the same, through a stream handing over {@code chunk} bytes at a time. */
    static List<String> scanned(byte[] bytes, int chunk) {
        List<String> seen = new ArrayList<>();
        try {
            JsonScanner s = JsonScanner.over(new Dribble(new ByteArrayInputStream(bytes), chunk));
            if (s.peek() < 0) {
                throw new IOException("empty");
            }
            scannedValue(s, seen);
            if (s.peek() >= 0) {
                throw new IOException("more after the value");
            }
            seen.add("OK");
        } catch (IOException | RuntimeException e) {
            seen.add("ERROR");
        }
        return seen;
    }

    private static void scannedValue(JsonScanner s, List<String> seen) throws IOException {
        switch (s.peekValue()) {
            case '{' -> {
                s.startObject();
                for (String name; (name = s.nextMemberName()) != null; ) {
                    seen.add("name " + name);
                    scannedValue(s, seen);
                }
            }
            case '[' -> {
                s.startArray();
                while (s.nextElement()) {
                    scannedValue(s, seen);
                }
            }
            case '"' -> seen.add("string " + s.readStringOrNull());
            case '-' -> {
                String text = s.readScalarText();
                double value = JsonScanner.over(text.getBytes(StandardCharsets.ISO_8859_1)).readDouble();
                seen.add("number " + text + " " + value);
            }
            case 't', 'f' -> seen.add(String.valueOf(s.readFlagOrNull()));
            case 'n' -> {
                s.readNull();
                seen.add("null");
            }
            default -> s.skipValue(); // not a value: the scanner's own error
        }
    }

    // ---- generator ------------------------------------------------------------------------------------

    private static void value(SplittableRandom r, StringBuilder out, int depth) {
        space(r, out);
        int kind = depth > 5 ? 3 + r.nextInt(5) : r.nextInt(8);
        switch (kind) {
            case 0, 1 -> {
                out.append('{');
                int n = r.nextInt(5);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    space(r, out);
                    out.append('"').append(NAMES[r.nextInt(NAMES.length)]).append('"');
                    space(r, out);
                    out.append(':');
                    value(r, out, depth + 1);
                }
                space(r, out);
                out.append('}');
            }
            case 2 -> {
                out.append('[');
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    value(r, out, depth + 1);
                }
                space(r, out);
                out.append(']');
            }
            case 3, 4 -> string(r, out);
            case 5 -> number(r, out);
            default -> out.append(new String[] {"true", "false", "null"}[r.nextInt(3)]);
        }
        space(r, out);
    }

    private static void string(SplittableRandom r, StringBuilder out) {
        out.append('"');
        int n = r.nextInt(12);
        for (int i = 0; i < n; i++) {
            switch (r.nextInt(10)) {
                case 0 -> out.append(new String[] {"\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t"}[r.nextInt(8)]);
                case 1 -> out.append(String.format("\\u%04x", r.nextInt(0x10000)));
                case 2 -> out.append(new String[] {"é", "€", "ключ", "😀", "中"}[r.nextInt(5)]);
                default -> out.append((char) ('a' + r.nextInt(26)));
            }
        }
        out.append('"');
    }

    private static void number(SplittableRandom r, StringBuilder out) {
        if (r.nextBoolean()) {
            out.append('-');
        }
        out.append(r.nextInt(4) == 0 ? "0" : String.valueOf(1 + r.nextLong(r.nextBoolean() ? 1000 : Long.MAX_VALUE)));
        if (r.nextInt(3) == 0) {
            out.append('.').append(r.nextInt(100_000));
        }
        if (r.nextInt(5) == 0) {
            out.append(new String[] {"e", "E", "e+", "e-"}[r.nextInt(4)]).append(r.nextInt(400));
        }
    }

    private static void space(SplittableRandom r, StringBuilder out) {
        if (r.nextInt(4) == 0) {
            out.append(new String[] {" ", "\n", "\t", "\r\n  "}[r.nextInt(4)]);
        }
    }

    /** One to three hostile edits: a byte deleted, inserted, replaced, or a range repeated. */
    private static byte[] mutate(SplittableRandom r, byte[] bytes) {
        int edits = 1 + r.nextInt(3);
        for (int e = 0; e < edits && bytes.length > 0; e++) {
            int at = r.nextInt(bytes.length);
            byte b = r.nextInt(6) == 0 ? (byte) r.nextInt(256) : HOSTILE[r.nextInt(HOSTILE.length)];
            bytes = switch (r.nextInt(4)) {
                case 0 -> concat(bytes, 0, at, new byte[0], bytes, at + 1);
                case 1 -> concat(bytes, 0, at, new byte[] {b}, bytes, at);
                case 2 -> concat(bytes, 0, at, new byte[] {b}, bytes, at + 1);
                default -> {
                    int to = Math.min(bytes.length, at + 1 + r.nextInt(8));
                    yield concat(bytes, 0, to, java.util.Arrays.copyOfRange(bytes, at, to), bytes, to);
                }
            };
        }
        return bytes;
    }

    private static byte[] concat(byte[] a, int from, int to, byte[] middle, byte[] b, int rest) {
        byte[] out = new byte[(to - from) + middle.length + (b.length - rest)];
        System.arraycopy(a, from, out, 0, to - from);
        System.arraycopy(middle, 0, out, to - from, middle.length);
        System.arraycopy(b, rest, out, to - from + middle.length, b.length - rest);
        return out;
    }
}
