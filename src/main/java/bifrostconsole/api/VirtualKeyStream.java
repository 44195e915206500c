package bifrostconsole.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;

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
    private static final ObjectReader FULL = Json.mapper().readerFor(VirtualKey.class);

    /** The reader that binds every field of a key: the default. */
    public static ObjectReader fullReader() {
        return FULL;
    }

    private final ItemReader<VirtualKey> keys;

    private VirtualKeyStream(InputStream source, ObjectReader keyReader) throws IOException {
        this.in = new RecordingInputStream(source);
        this.parser = Json.mapper().createParser(in);
        this.keys = new ItemReader<>(keyReader, "virtual key");
    }

    public static VirtualKeyStream over(InputStream source) throws IOException {
        return new VirtualKeyStream(source, FULL);
    }

    /**
     * Binds each key with {@code keyReader}, a reader for {@link VirtualKey} that may leave out what its caller
     * never uses (a CSV export's narrower reading, see {@code CsvKeyWriter.KEY_READER}).
     */
    public static VirtualKeyStream over(InputStream source, ObjectReader keyReader) throws IOException {
        return new VirtualKeyStream(source, keyReader);
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
