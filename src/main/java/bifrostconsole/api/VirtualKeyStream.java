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

    private final KeyDecoder<VirtualKey> keys;

    private VirtualKeyStream(InputStream source, ObjectReader keyReader) throws IOException {
        this.in = new RecordingInputStream(source);
        this.parser = Json.mapper().createParser(in);
        this.keys = binding(keyReader);
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
        return readKeys(keys, sink);
    }

    /**
     * As {@link #readKeys(Consumer)}, each key read by {@code decoder} (which may bind less than the model, or
     * copy the key's bytes as sent) instead of the reader this stream was opened with.
     */
    public <T> int readKeys(KeyDecoder<T> decoder, Consumer<T> sink) throws IOException {
        int seen = 0;
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            T key = decoder.decode(parser, in, seen);
            in.forgetBefore(parser.currentLocation().getByteOffset());
            sink.accept(key);
            seen++;
        }
        return seen;
    }

    /** Binds each key with {@code reader}; a key that cannot be bound becomes a placeholder carrying its JSON. */
    public static KeyDecoder<VirtualKey> binding(ObjectReader reader) {
        return binding(new ItemReader<>(reader, "virtual key"));
    }

    private static KeyDecoder<VirtualKey> binding(ItemReader<VirtualKey> keys) {
        return (p, bytes, position) -> {
            long start = p.currentTokenLocation().getByteOffset();
            return keys.readOne(p, position, () -> recovered(bytes, start, p.currentLocation().getByteOffset()),
                    VirtualKey::unreadable);
        };
    }

    /**
     * Reads one key of a streamed list. The parser is on the key's {@code START_OBJECT} and must be left on its
     * {@code END_OBJECT}; {@code bytes} holds what the server sent for the key so far (stream offsets as the
     * parser's byte offsets), and {@code position} is the key's index in the list.
     */
    @FunctionalInterface
    public interface KeyDecoder<T> {
        T decode(JsonParser parser, KeyBytes bytes, int position) throws IOException;
    }

    /**
     * Reads one key of a streamed list straight off its bytes. The scanner is on the key's {@code '{'} (not yet
     * consumed) and must be left after its {@code '}'}; the key's bytes, from {@code start} on, stay in the
     * scanner's buffer meanwhile, so a decoder may slice or copy them. {@code position} is the key's index in the
     * list.
     */
    @FunctionalInterface
    public interface ScanDecoder<T> {
        T decode(JsonScanner scanner, long start, int position) throws IOException;
    }

    /**
     * With the scanner on a list's {@code '['}: hands every key to {@code sink}, each read by {@code decoder} and
     * handed over before the scanner reads on (so what it points into the scanner's buffer is still there), and
     * returns how many there were; leaves the scanner after the list's {@code ']'}. An element that is not an
     * object ends the list early, as it ends {@link #readKeys}: the count is then returned as {@code ~count}.
     */
    public static <T> int scanKeys(JsonScanner scanner, ScanDecoder<T> decoder, Consumer<T> sink) throws IOException {
        scanner.startArray();
        int seen = 0;
        while (scanner.nextElement()) {
            if (scanner.peek() != '{') {
                return ~seen;
            }
            long start = scanner.offset();
            scanner.keepFrom(start);
            T key = decoder.decode(scanner, start, seen);
            sink.accept(key);
            scanner.release();
            seen++;
        }
        return seen;
    }

    /**
     * A decoder of parser tokens that reads each key with {@code decoder} off its bytes: for sources that parse
     * with Jackson (a key's bytes are sliced from the recording and scanned on their own).
     */
    public static <T> KeyDecoder<T> fromBytes(ScanDecoder<T> decoder) {
        return (p, bytes, position) -> {
            long start = p.currentTokenLocation().getByteOffset();
            p.skipChildren();
            byte[] json = bytes.slice(start, p.currentLocation().getByteOffset());
            if (json == null) {
                throw new IOException("the bytes of a virtual key were not kept");
            }
            return decoder.decode(JsonScanner.over(json), 0, position);
        };
    }

    /** The bytes of the key being read, as the server sent them. */
    public interface KeyBytes {
        /** The bytes from stream offset {@code from} to {@code to} (exclusive), or null when no longer kept. */
        byte[] slice(long from, long to);
    }

    /**
     * {@code json}, one key as the server sent it, bound with {@code reader}; a placeholder saying why when it cannot
     * be bound (as {@link #readKeys(Consumer)} makes), so one odd key never costs the list.
     */
    public static VirtualKey bind(byte[] json, ObjectReader reader, int position) {
        ItemReader<VirtualKey> one = new ItemReader<>(reader, "virtual key");
        try (JsonParser p = Json.mapper().createParser(json)) {
            p.nextToken();
            return one.readOne(p, position, () -> tree(json), VirtualKey::unreadable);
        } catch (IOException e) {
            return VirtualKey.unreadable(UnreadableItem.of("virtual key", position, tree(json),
                    ItemReader.reason(e)));
        }
    }

    private static JsonNode tree(byte[] json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            return null;
        }
    }

    private static JsonNode recovered(KeyBytes in, long from, long to) {
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
