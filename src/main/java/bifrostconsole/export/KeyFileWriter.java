package bifrostconsole.export;

import bifrostconsole.api.VirtualKeyStream;

import java.io.IOException;

/** Writes keys in one export format as they arrive; {@link #finish()} writes the trailer and flushes. */
public interface KeyFileWriter extends KeyPager.KeySink {
    void finish() throws IOException;

    /**
     * How this writer reads keys off a server's stream and writes what it read: the model by default; a format
     * may read only what it writes.
     */
    default Streaming<?> streaming() {
        return new Streaming<>(KeyReading.model(VirtualKeyStream.fullReader()), this::accept);
    }

    /** A reading and the sink for what it reads. */
    record Streaming<T>(KeyReading<T> reading, KeyPager.ItemSink<T> sink) {
    }
}
