package bifrostconsole.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Reads a JSON document that holds a long array of virtual keys (an export page, a snapshot file) key by key,
 * binding each straight off the stream. A key that cannot be bound is handed over as a placeholder
 * ({@link VirtualKey#unreadable(UnreadableItem)}) carrying the JSON that was sent for it, which the stream kept:
 * one odd key never costs the rest, and nothing it held is lost.
 */
public final class VirtualKeyStream implements AutoCloseable {
    private final RecordingInputStream in;
    private final JsonParser parser;
    private final ItemReader<VirtualKey> keys = new ItemReader<>(Json.mapper().readerFor(VirtualKey.class),
            "virtual key");

    private VirtualKeyStream(InputStream source) throws IOException {
        this.in = new RecordingInputStream(source);
        this.parser = Json.mapper().createParser(in);
    }

    public static VirtualKeyStream over(InputStream source) throws IOException {
        return new VirtualKeyStream(source);
    }

    /** The parser, for the fields around the array. */
    public JsonParser parser() {
        return parser;
    }

    /**
     * With the parser on the array's {@code START_ARRAY}: hands every key to {@code sink}, placeholders included,
     * and returns how many there were. Leaves the parser on the array's {@code END_ARRAY}.
     */
    public int readKeys(Consumer<VirtualKey> sink) throws IOException {
        int seen = 0;
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            long start = parser.currentTokenLocation().getByteOffset();
            VirtualKey key = keys.readOne(parser, seen, () -> recovered(start, parser.currentLocation().getByteOffset()),
                    VirtualKey::unreadable);
            in.forgetBefore(parser.currentLocation().getByteOffset());
            sink.accept(key);
            seen++;
        }
        return seen;
    }

    private JsonNode recovered(long from, long to) {
        byte[] bytes = in.slice(from, to);
        if (bytes == null) {
            return null;
        }
        try {
            return Json.mapper().readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
