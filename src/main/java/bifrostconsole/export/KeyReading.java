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

    /** A reading made of its three parts. */
    static <T> KeyReading<T> of(VirtualKeyStream.KeyDecoder<T> decoder, Function<VirtualKey, T> fromModel,
                                Function<T, VirtualKey> facts) {
        return new KeyReading<>() {
            @Override
            public VirtualKeyStream.KeyDecoder<T> decoder() {
                return decoder;
            }

            @Override
            public T fromModel(VirtualKey key) {
                return fromModel.apply(key);
            }

            @Override
            public VirtualKey facts(T item) {
                return facts.apply(item);
            }
        };
    }
}
