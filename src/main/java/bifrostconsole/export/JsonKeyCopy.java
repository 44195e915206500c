package bifrostconsole.export;

import bifrostconsole.api.Json;
import bifrostconsole.api.UnreadableItem;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyStream;
import bifrostconsole.api.JsonScanner;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectReader;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * The JSON export's reading: each key's bytes exactly as the server sent them, its {@code value} field cut out
 * unless key values are included, and of the rest only what the pager checks (id, metadata) read off the parser.
 * Binding a key into the model and writing the model back was most of a JSON export's CPU; the model read from
 * the copied key is the model read from the server's (JsonKeyWriterTest). A key the console could not bind is
 * copied like any other: the export carries it as sent, as it did before (without its value).
 */
final class JsonKeyCopy {
    /**
     * One key's JSON as written to the export: the byte ranges {@code parts} (pairs of from, to) of {@code bytes},
     * and what the pager checks on it. Read off a server's answer, {@code bytes} is the scanner's buffer: valid
     * while the key is handed to the sink, which writes it at once (no copy of the key). {@code bytes} is null for a
     * key a source holds, written from the model ({@code facts}).
     */
    record Copied(VirtualKey facts, byte[] bytes, int[] parts) {
        static Copied ofModel(VirtualKey key) {
            return new Copied(key, null, null);
        }

        void writeTo(OutputStream out) throws IOException {
            for (int i = 0; i < parts.length; i += 2) {
                out.write(bytes, parts[i], parts[i + 1] - parts[i]);
            }
        }

        String text() {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            try {
                writeTo(out);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private static final ObjectReader METADATA = Json.mapper().readerFor(new TypeReference<Map<String, String>>() {
    });

    private static final JsonScanner.Names KEY = new JsonScanner.Names("id", "name", "metadata", "value", "team",
            "customer");
    private static final int ID = 0;
    private static final int NAME = 1;
    private static final int METADATA_FIELD = 2;
    private static final int VALUE = 3;
    private static final int TEAM = 4;
    private static final int CUSTOMER = 5;
    private static final JsonScanner.Names OWNER = new JsonScanner.Names("virtual_keys", "team", "customer");
    private static final long[] NO_CUTS = new long[0];

    private JsonKeyCopy() {
    }

    static KeyReading<Copied> reading(boolean includeSecrets) {
        return KeyReading.scanning((s, start, position) -> decode(s, start, position, includeSecrets),
                Copied::ofModel, Copied::facts);
    }

    /**
     * The scanner on the key's '{' (stream offset {@code start}, kept in its buffer); leaves it after the key's '}'.
     * Of the key it reads its top-level members' boundaries, id, name and metadata; the rest is only checked.
     */
    static Copied decode(JsonScanner s, long start, int position, boolean includeSecrets) throws IOException {
        String id = null;
        String name = null;
        Map<String, String> entries = null;
        boolean oddMetadata = false;
        // Byte ranges (stream offsets) of "value" members to leave out; a member ends where the next one's name starts.
        long[] cuts = NO_CUTS;
        long openCut = -1;
        s.startObject();
        for (int field; (field = s.nextMember(KEY)) != JsonScanner.Names.END; ) {
            long at = s.memberOffset();
            if (openCut >= 0) {
                cuts = add(cuts, openCut, at);
                openCut = -1;
            }
            switch (field) {
                case ID -> id = s.readScalarText();
                case NAME -> name = s.readScalarText();
                case METADATA_FIELD -> {
                    entries = null;
                    oddMetadata = false;
                    try {
                        entries = metadata(s);
                    } catch (IOException | IllegalArgumentException e) {
                        if (e instanceof JsonScanner.Malformed) {
                            throw (JsonScanner.Malformed) e;
                        }
                        oddMetadata = true;
                    }
                }
                case VALUE -> {
                    if (!includeSecrets) {
                        openCut = at;
                    }
                    s.skipValue();
                }
                case TEAM, CUSTOMER -> cuts = s.peekValue() == '{' ? ownerCuts(s, cuts) : skip(s, cuts);
                default -> s.skipValue();
            }
        }
        long end = s.offset();
        if (openCut >= 0) {
            cuts = add(cuts, openCut, end - 1); // to the closing brace
        }
        byte[] buffer = s.buffer();
        int[] parts = parts(buffer, s.index(start), s.index(end), cuts, start - s.index(start));
        VirtualKey facts;
        if (oddMetadata) {
            // Metadata in a shape the model cannot read: the key is unreadable, as bound it would be.
            facts = VirtualKey.unreadable(new UnreadableItem("virtual key", position, id, name,
                    "its field metadata has a shape this console cannot read", null));
        } else {
            facts = new VirtualKey(id, name, null, null, null, null, null, null, null, null, null, false, null, null,
                    null, null, null, null, null, null, null, null, null, null, null, entries, null, null, null, null);
        }
        return new Copied(facts, buffer, parts);
    }

    /**
     * The metadata value as the model reads it: its entries while every value is a string (metadata is almost always
     * empty or a few strings), else its bytes bound as the model binds them; null for null.
     */
    private static Map<String, String> metadata(JsonScanner s) throws IOException {
        int kind = s.peekValue();
        long from = s.offset();
        if (kind == 'n') {
            s.skipValue();
            return null;
        }
        if (kind == '{') {
            s.startObject();
            Map<String, String> entries = new java.util.LinkedHashMap<>();
            for (String key; (key = s.nextMemberName()) != null; ) {
                if (s.peekValue() != '"') {
                    // another shape: walk to the object's end and bind its bytes
                    s.skipValue();
                    while (s.nextMember(NO_NAMES) != JsonScanner.Names.END) {
                        s.skipValue();
                    }
                    return bound(s, from);
                }
                entries.put(key, s.readStringOrNull());
            }
            return entries;
        }
        s.skipValue();
        return bound(s, from);
    }

    private static final JsonScanner.Names NO_NAMES = new JsonScanner.Names();

    private static Map<String, String> bound(JsonScanner s, long from) throws IOException {
        byte[] buffer = s.buffer();
        int at = s.index(from);
        return METADATA.readValue(buffer, at, s.index(s.offset()) - at);
    }

    /**
     * The scanner on a team's or customer's '{': adds the cut of its {@code virtual_keys} (Bifrost preloads a
     * customer's keys with their plain values; the model leaves them out too, see {@code api.Customer}), and of
     * those of a customer or team inside it, and leaves the scanner after the object's '}'.
     */
    private static long[] ownerCuts(JsonScanner s, long[] cuts) throws IOException {
        long openCut = -1;
        s.startObject();
        for (int field; (field = s.nextMember(OWNER)) != JsonScanner.Names.END; ) {
            long at = s.memberOffset();
            if (openCut >= 0) {
                cuts = add(cuts, openCut, at);
                openCut = -1;
            }
            if (field == 0) {
                openCut = at;
                s.skipValue();
            } else if (field > 0 && s.peekValue() == '{') {
                cuts = ownerCuts(s, cuts);
            } else {
                s.skipValue();
            }
        }
        return openCut >= 0 ? add(cuts, openCut, s.offset() - 1) : cuts;
    }

    private static long[] skip(JsonScanner s, long[] cuts) throws IOException {
        s.skipValue();
        return cuts;
    }

    private static long[] add(long[] cuts, long from, long to) {
        long[] more = Arrays.copyOf(cuts, cuts.length + 2);
        more[cuts.length] = from;
        more[cuts.length + 1] = to;
        return more;
    }

    /**
     * The ranges of {@code json[from..to)} left once the members in {@code cuts} (stream offsets; {@code base} is the
     * offset of {@code json[0]}) are left out. Each cut runs from a member's name to the next member's name, so it takes the
     * member's trailing comma with it; the last member's cut runs to the closing brace and takes the comma before
     * the member instead (and the white space between them).
     */
    static int[] parts(byte[] json, int from, int to, long[] cuts, long base) {
        int[] parts = new int[cuts.length + 2];
        int n = 0;
        int at = from;
        for (int i = 0; i < cuts.length; i += 2) {
            int a = (int) (cuts[i] - base);
            int b = (int) (cuts[i + 1] - base);
            parts[n++] = at;
            parts[n++] = a;
            if (json[b] == '}') {
                n = trimLast(json, parts, n);
            }
            at = b;
        }
        parts[n++] = at;
        parts[n++] = to;
        return n == parts.length ? parts : Arrays.copyOf(parts, n);
    }

    /** Drops white space, then one comma, from the end of what the parts hold so far; returns their new count. */
    private static int trimLast(byte[] json, int[] parts, int n) {
        while (n > 0) {
            int end = parts[n - 1];
            while (end > parts[n - 2] && isSpace(json[end - 1])) {
                end--;
            }
            parts[n - 1] = end;
            if (end > parts[n - 2]) {
                break;
            }
            n -= 2; // an empty range: look further back
        }
        if (n > 0 && json[parts[n - 1] - 1] == ',') {
            parts[n - 1]--;
            if (parts[n - 1] == parts[n - 2]) {
                n -= 2;
            }
        }
        return n;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }
}
