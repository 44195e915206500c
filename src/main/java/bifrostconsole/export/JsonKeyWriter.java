package bifrostconsole.export;

import bifrostconsole.api.VirtualKey;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A JSON array of keys exactly as the model holds them (Bifrost's own field names), written key by key with
 * one generator. Key values are left out unless {@code includeSecrets}.
 */
final class JsonKeyWriter implements KeyFileWriter {
    /** Shared with snapshots: one key, no flush after each (the stream is buffered and flushed at the end). */
    static final ObjectWriter KEY_WRITER = IsoInstants.EXPORT_MAPPER.writerFor(VirtualKey.class)
            .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    private final JsonGenerator generator;
    private final boolean includeSecrets;

    JsonKeyWriter(OutputStream out, boolean includeSecrets) throws IOException {
        this.generator = IsoInstants.EXPORT_MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        this.includeSecrets = includeSecrets;
        generator.writeStartArray();
    }

    @Override
    public void accept(VirtualKey key) throws IOException {
        writeKey(generator, key, includeSecrets);
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
        generator.writeEndArray();
        generator.writeRaw('\n');
        generator.close();
    }
}
