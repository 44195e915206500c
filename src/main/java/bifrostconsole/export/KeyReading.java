package bifrostconsole.export;

import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyStream;
import com.fasterxml.jackson.databind.ObjectReader;

import java.util.function.Function;

/**
 * How an export reads each key: off a server's stream ({@link #decoder()}: the model, or only what a format
 * writes) or from a key a source already holds ({@link #fromModel}), and what the pager checks on what was read
 * ({@link #facts}: id, metadata, readable or not).
 */
public interface KeyReading<T> {

    VirtualKeyStream.KeyDecoder<T> decoder();

    /**
     * This reading straight off a server's bytes ({@code api.JsonScanner}), or null (the default): a source that can
     * then reads with it instead of {@link #decoder()}, which gives the same items.
     */
    default VirtualKeyStream.ScanDecoder<T> scanDecoder() {
        return null;
    }

    T fromModel(VirtualKey key);

    /** At least the key's id, its metadata and whether it is a placeholder for an unreadable key. */
    VirtualKey facts(T item);

    /** The model itself, each key bound with {@code reader}. */
    static KeyReading<VirtualKey> model(ObjectReader reader) {
        return model(VirtualKeyStream.binding(reader));
    }

    /** The model, each key read off the stream by {@code decoder} (a narrow reading of the same model). */
    static KeyReading<VirtualKey> model(VirtualKeyStream.KeyDecoder<VirtualKey> decoder) {
        return of(decoder, key -> key, key -> key);
    }

    /**
     * A reading off the bytes: {@code scan} reads each key straight off a server's answer; parsed with Jackson
     * (sources without the scanner), each key's bytes are sliced and scanned.
     */
    static <T> KeyReading<T> scanning(VirtualKeyStream.ScanDecoder<T> scan, Function<VirtualKey, T> fromModel,
                                      Function<T, VirtualKey> facts) {
        return new Parts<>(VirtualKeyStream.fromBytes(scan), scan, fromModel, facts);
    }

    /** A reading made of its three parts. */
    static <T> KeyReading<T> of(VirtualKeyStream.KeyDecoder<T> decoder, Function<VirtualKey, T> fromModel,
                                Function<T, VirtualKey> facts) {
        return new Parts<>(decoder, null, fromModel, facts);
    }

    /** A reading made of its parts; {@code scan} may be null. */
    record Parts<T>(VirtualKeyStream.KeyDecoder<T> decoder, VirtualKeyStream.ScanDecoder<T> scanDecoder,
                    Function<VirtualKey, T> modelReading, Function<T, VirtualKey> factsOf) implements KeyReading<T> {
        @Override
        public T fromModel(VirtualKey key) {
            return modelReading.apply(key);
        }

        @Override
        public VirtualKey facts(T item) {
            return factsOf.apply(item);
        }
    }
}
