package bifrostconsole.export;

import bifrostconsole.api.VirtualKey;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A JSON array of keys with Bifrost's own field names, one key after another on one line. Keys read off a
 * server's stream are written as the server sent them ({@link JsonKeyCopy}); keys a source already holds are
 * written from the model. Key values are left out unless {@code includeSecrets}.
 */
final class JsonKeyWriter implements KeyFileWriter {
    /** Shared with snapshots: one key, no flush after each (the stream is buffered and flushed at the end). */
    static final ObjectWriter KEY_WRITER = IsoInstants.EXPORT_MAPPER.writerFor(VirtualKey.class)
            .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    private final OutputStream out;
    /** For keys written from the model: its buffer is emptied into {@code out} after each key. */
    private final JsonGenerator generator;
    private final boolean includeSecrets;
    private boolean first = true;

    JsonKeyWriter(OutputStream out, boolean includeSecrets) throws IOException {
        this.out = out;
        this.generator = IsoInstants.EXPORT_MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM)
                .setRootValueSeparator(null);
        this.includeSecrets = includeSecrets;
        out.write('[');
    }

    @Override
    public void accept(VirtualKey key) throws IOException {
        separate();
        writeKey(generator, key, includeSecrets);
        generator.flush();
    }

    @Override
    public Streaming<?> streaming() {
        return new Streaming<>(JsonKeyCopy.reading(includeSecrets), this::accept);
    }

    private void accept(JsonKeyCopy.Copied key) throws IOException {
        if (key.bytes() == null) {
            accept(key.facts());
            return;
        }
        separate();
        key.writeTo(out);
    }

    private void separate() throws IOException {
        if (!first) {
            out.write(',');
        }
        first = false;
    }

    /**
     * A key the console could not read is written as the server sent it (without its value unless secrets are
     * included), so reading the file back meets the same key, and a newer console may read it.
     */
    static void writeKey(JsonGenerator generator, VirtualKey key, boolean includeSecrets) throws IOException {
        if (key.isUnreadable()) {
            generator.writeTree(UnreadableKeys.asWritten(key, includeSecrets));
            return;
        }
        KEY_WRITER.writeValue(generator, includeSecrets ? key : key.withoutValue());
    }

    @Override
    public void finish() throws IOException {
        generator.close();
        out.write(']');
        out.write('\n');
        out.flush();
    }
}
