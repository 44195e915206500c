package bifrostconsole.export;

import bifrostconsole.api.Json;
import bifrostconsole.api.UnreadableItem;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyStream;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;

import java.io.IOException;
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
    /** One key's JSON as written to the export, and what the pager checks on it. */
    record Copied(VirtualKey facts, byte[] json) {
    }

    private static final ObjectReader METADATA = Json.mapper().readerFor(new TypeReference<Map<String, String>>() {
    });

    private JsonKeyCopy() {
    }

    static KeyReading<Copied> reading(boolean includeSecrets) {
        VirtualKeyStream.KeyDecoder<Copied> decoder = (p, bytes, position) -> decode(p, bytes, position,
                includeSecrets);
        return new KeyReading<>() {
            @Override
            public VirtualKeyStream.KeyDecoder<Copied> decoder() {
                return decoder;
            }

            @Override
            public Copied fromModel(VirtualKey key) {
                return new Copied(key, null);
            }

            @Override
            public VirtualKey facts(Copied item) {
                return item.facts();
            }
        };
    }

    /** The parser on the key's START_OBJECT; leaves it on the key's END_OBJECT. */
    static Copied decode(JsonParser p, VirtualKeyStream.KeyBytes bytes, int position, boolean includeSecrets)
            throws IOException {
        long start = p.currentTokenLocation().getByteOffset();
        String id = null;
        String name = null;
        JsonNode metadata = null;
        // Byte ranges (stream offsets) of "value" members to leave out; a member ends where the next token starts.
        long[] cuts = new long[0];
        long openCut = -1;
        JsonToken token;
        while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
            long at = p.currentTokenLocation().getByteOffset();
            if (openCut >= 0) {
                cuts = add(cuts, openCut, at);
                openCut = -1;
            }
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "id" -> id = scalar(p, value);
                case "name" -> name = scalar(p, value);
                case "metadata" -> metadata = value == JsonToken.VALUE_NULL ? null : p.readValueAsTree();
                case "value" -> {
                    if (!includeSecrets) {
                        openCut = at;
                    }
                    p.skipChildren();
                }
                default -> p.skipChildren();
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw new IOException("a virtual key ended without its closing brace");
        }
        long end = p.currentLocation().getByteOffset();
        byte[] json = bytes.slice(start, end);
        if (json == null) {
            throw new IOException("the bytes of a virtual key were not kept");
        }
        if (openCut >= 0) {
            cuts = add(cuts, openCut, p.currentTokenLocation().getByteOffset());
        }
        if (cuts.length > 0) {
            json = cut(json, start, cuts);
        }
        VirtualKey facts;
        try {
            Map<String, String> entries = metadata == null ? null : METADATA.readValue(metadata);
            facts = new VirtualKey(id, name, null, null, null, null, null, null, null, null, null, false, null, null,
                    null, null, null, null, null, null, null, null, null, null, null, entries, null, null, null, null);
        } catch (IOException | IllegalArgumentException e) {
            // Metadata in a shape the model cannot read: the key is unreadable, as bound it would be.
            facts = VirtualKey.unreadable(new UnreadableItem("virtual key", position, id, name,
                    "its field metadata has a shape this console cannot read", null));
        }
        return new Copied(facts, json);
    }

    private static String scalar(JsonParser p, JsonToken value) throws IOException {
        if (value.isStructStart()) {
            p.skipChildren();
            return null;
        }
        return value == JsonToken.VALUE_NULL ? null : p.getValueAsString();
    }

    private static long[] add(long[] cuts, long from, long to) {
        long[] more = Arrays.copyOf(cuts, cuts.length + 2);
        more[cuts.length] = from;
        more[cuts.length + 1] = to;
        return more;
    }

    /**
     * {@code json} (which starts at stream offset {@code base}) without the members in {@code cuts}. Each cut runs
     * from a member's name to the next member's name, so it takes the member's trailing comma with it; the last
     * member's cut runs to the closing brace and takes the comma before the member instead.
     */
    static byte[] cut(byte[] json, long base, long[] cuts) {
        byte[] out = new byte[json.length];
        int length = 0;
        int from = 0;
        for (int i = 0; i < cuts.length; i += 2) {
            int a = (int) (cuts[i] - base);
            int b = (int) (cuts[i + 1] - base);
            System.arraycopy(json, from, out, length, a - from);
            length += a - from;
            if (json[b] == '}') {
                // the last member: drop the comma before it (only white space lies between)
                while (length > 0 && isSpace(out[length - 1])) {
                    length--;
                }
                if (out[length - 1] == ',') {
                    length--;
                }
            }
            from = b;
        }
        System.arraycopy(json, from, out, length, json.length - from);
        length += json.length - from;
        return Arrays.copyOf(out, length);
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }
}
