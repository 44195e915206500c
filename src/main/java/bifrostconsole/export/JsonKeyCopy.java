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
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

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
    /** One key's JSON as written to the export (the first {@code length} bytes of {@code json}), and what the pager checks on it. */
    record Copied(VirtualKey facts, byte[] json, int length) {
        Copied(VirtualKey facts, byte[] json) {
            this(facts, json, json == null ? 0 : json.length);
        }

        String text() {
            return new String(json, 0, length, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static final ObjectReader METADATA = Json.mapper().readerFor(new TypeReference<Map<String, String>>() {
    });

    private JsonKeyCopy() {
    }

    static KeyReading<Copied> reading(boolean includeSecrets) {
        VirtualKeyStream.KeyDecoder<Copied> decoder = (p, bytes, position) -> decode(p, bytes, position,
                includeSecrets);
        return KeyReading.of(decoder, key -> new Copied(key, null), Copied::facts);
    }

    /** The parser on the key's START_OBJECT; leaves it on the key's END_OBJECT. */
    static Copied decode(JsonParser p, VirtualKeyStream.KeyBytes bytes, int position, boolean includeSecrets)
            throws IOException {
        long start = p.currentTokenLocation().getByteOffset();
        String id = null;
        String name = null;
        JsonNode metadata = null;
        Map<String, String> entries = null;
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
                case "metadata" -> {
                    if (value == JsonToken.START_OBJECT) {
                        entries = new java.util.LinkedHashMap<>();
                        metadata = members(p, entries);
                    } else if (value != JsonToken.VALUE_NULL) {
                        metadata = p.readValueAsTree();
                    }
                }
                case "value" -> {
                    if (!includeSecrets) {
                        openCut = at;
                    }
                    p.skipChildren();
                }
                case "team", "customer" -> cuts = value == JsonToken.START_OBJECT ? ownerCuts(p, cuts)
                        : skip(p, cuts);
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
        int length = cuts.length == 0 ? json.length : cut(json, start, cuts);
        VirtualKey facts;
        try {
            if (metadata != null) {
                entries = METADATA.readValue(metadata);
            }
            facts = new VirtualKey(id, name, null, null, null, null, null, null, null, null, null, false, null, null,
                    null, null, null, null, null, null, null, null, null, null, null, entries, null, null, null, null);
        } catch (IOException | IllegalArgumentException e) {
            // Metadata in a shape the model cannot read: the key is unreadable, as bound it would be.
            facts = VirtualKey.unreadable(new UnreadableItem("virtual key", position, id, name,
                    "its field metadata has a shape this console cannot read", null));
        }
        return new Copied(facts, json, length);
    }

    /**
     * The parser on an object's START_OBJECT: puts its members into {@code strings} while every value is a string
     * (metadata is almost always empty or a few strings) and returns null, leaving the parser on the object's
     * END_OBJECT; else returns the whole object as a tree, to be bound like the model binds it.
     */
    private static ObjectNode members(JsonParser p, Map<String, String> strings) throws IOException {
        ObjectNode tree = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (tree == null && value == JsonToken.VALUE_STRING) {
                strings.put(name, p.getText());
                continue;
            }
            if (tree == null) {
                tree = JsonNodeFactory.instance.objectNode();
                strings.forEach(tree::put);
            }
            tree.set(name, value == JsonToken.VALUE_STRING ? TextNode.valueOf(p.getText()) : p.readValueAsTree());
        }
        return tree;
    }

    /**
     * The parser on a team's or customer's START_OBJECT: adds the cut of its {@code virtual_keys} (Bifrost preloads
     * a customer's keys with their plain values; the model leaves them out too, see {@code api.Customer}), and of
     * those of a customer or team inside it, and leaves the parser on the object's END_OBJECT.
     */
    private static long[] ownerCuts(JsonParser p, long[] cuts) throws IOException {
        long openCut = -1;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            long at = p.currentTokenLocation().getByteOffset();
            if (openCut >= 0) {
                cuts = add(cuts, openCut, at);
                openCut = -1;
            }
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (field.equals("virtual_keys")) {
                openCut = at;
                p.skipChildren();
            } else if ((field.equals("customer") || field.equals("team")) && value == JsonToken.START_OBJECT) {
                cuts = ownerCuts(p, cuts);
            } else {
                p.skipChildren();
            }
        }
        return openCut >= 0 ? add(cuts, openCut, p.currentTokenLocation().getByteOffset()) : cuts;
    }

    private static long[] skip(JsonParser p, long[] cuts) throws IOException {
        p.skipChildren();
        return cuts;
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
     * Leaves out of {@code json} (which starts at stream offset {@code base}) the members in {@code cuts}, in place,
     * and returns the length left. Each cut runs from a member's name to the next member's name, so it takes the
     * member's trailing comma with it; the last member's cut runs to the closing brace and takes the comma before
     * the member instead.
     */
    static int cut(byte[] json, long base, long[] cuts) {
        int length = 0;
        int from = 0;
        for (int i = 0; i < cuts.length; i += 2) {
            int a = (int) (cuts[i] - base);
            int b = (int) (cuts[i + 1] - base);
            System.arraycopy(json, from, json, length, a - from);
            length += a - from;
            if (json[b] == '}') {
                // the last member: drop the comma before it (only white space lies between)
                while (length > 0 && isSpace(json[length - 1])) {
                    length--;
                }
                if (json[length - 1] == ',') {
                    length--;
                }
            }
            from = b;
        }
        System.arraycopy(json, from, json, length, json.length - from);
        return length + json.length - from;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }
}
