package bifrostconsole.export;

import bifrostconsole.api.Customer;
import bifrostconsole.api.Json;
import bifrostconsole.api.McpClient;
import bifrostconsole.api.Team;
import bifrostconsole.api.SecretShapes;
import bifrostconsole.api.UnreadableItem;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyStream;
import bifrostconsole.config.AtomicFiles;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A snapshot on disk: one JSON object whose header (format, server, version, time) and small lists come
 * first and whose {@code virtual_keys} array comes last, so 100,000 keys can be written as they are fetched
 * and read back one by one (a diff keeps only one side in memory).
 */
public final class SnapshotFile {
    private static final ObjectMapper MAPPER = Json.mapper();
    /** Uses the generator's own indenting printer, so nesting stays right across the hand-written fields. */
    private static final ObjectWriter LIST_WRITER = IsoInstants.EXPORT_MAPPER.writer()
            .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    /** Supplies the keys to write, one by one, to the given sink, and says how faithful that read was. */
    @FunctionalInterface
    public interface KeyFeed {
        ReadIntegrity feed(KeyPager.KeySink sink) throws IOException;
    }

    private SnapshotFile() {
    }

    /** Writes an in-memory snapshot atomically. */
    public static void write(Path target, Snapshot snapshot) throws IOException {
        AtomicFiles.write(target, out -> write(out, snapshot, sink -> {
            for (VirtualKey key : snapshot.virtualKeys()) {
                sink.accept(key);
            }
            return ReadIntegrity.CLEAN;
        }));
    }

    /**
     * Streams a snapshot: the header and small lists of {@code header} (its own virtual keys are ignored),
     * then every key {@code keys} supplies. Key values are dropped unless {@code header.includesSecrets()}.
     * Returns the number of keys written.
     */
    public static long write(OutputStream raw, Snapshot header, KeyFeed keys) throws IOException {
        OutputStream out = new BufferedOutputStream(raw, 64 * 1024);
        long[] count = {0};
        try (JsonGenerator g = IsoInstants.EXPORT_MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", header.format());
            g.writeStringField("server", header.server());
            if (header.serverVersion() != null) {
                g.writeStringField("server_version", header.serverVersion());
            }
            g.writeStringField("taken_at", header.takenAt().toString());
            g.writeBooleanField("includes_secrets", header.includesSecrets());
            writeList(g, "teams", header.teams());
            writeList(g, "customers", header.customers());
            writeList(g, "mcp_clients", header.mcpClients());
            writeList(g, "providers", header.providers());
            if (!header.unreadableItems().isEmpty()) {
                writeList(g, "unreadable_items", redacted(header.unreadableItems(), header.includesSecrets()));
            }
            g.writeArrayFieldStart("virtual_keys");
            // One key per line, compact inside: readable in a pager and in `git diff`, while 100,000 fully
            // indented keys would triple the file.
            PrettyPrinter indented = g.getPrettyPrinter();
            g.setPrettyPrinter(new KeyPerLinePrinter());
            ReadIntegrity integrity = keys.feed(key -> {
                JsonKeyWriter.writeKey(g, key, header.includesSecrets());
                count[0]++;
            });
            g.writeEndArray();
            g.setPrettyPrinter(indented);
            if (integrity != null && integrity.changedDuringRead()) {
                // After the keys, because it is known only once they are read. Readers take fields in any order.
                g.writeStringField("read_warning", integrity.warnings());
            }
            g.writeEndObject();
            g.writeRaw('\n');
        }
        out.flush();
        return count[0];
    }

    /** An unreadable item's JSON as a snapshot keeps it: secret-looking values masked, key values dropped. */
    private static List<UnreadableItem> redacted(List<UnreadableItem> items, boolean includeSecrets) {
        return items.stream().map(i -> new UnreadableItem(i.kind(), i.position(), i.id(), i.name(), i.reason(),
                i.raw() == null || includeSecrets ? i.raw() : SecretShapes.redacted("", i.raw()))).toList();
    }

    private static void writeList(JsonGenerator g, String field, List<?> items) throws IOException {
        g.writeFieldName(field);
        LIST_WRITER.writeValue(g, items);
    }

    /** Reads a whole snapshot into memory. */
    public static Snapshot read(Path file) throws IOException {
        List<VirtualKey> keys = new ArrayList<>();
        Snapshot header = read(file, keys::add);
        return header.withVirtualKeys(keys);
    }

    /**
     * Reads the header and small lists, handing each virtual key to {@code keys} as it is parsed. Returns the
     * snapshot without its keys.
     *
     * @throws SnapshotFileException when the file is missing, not JSON, not a snapshot, or cut off
     */
    public static Snapshot read(Path file, Consumer<VirtualKey> keys) throws IOException {
        String name = file.toString();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
             VirtualKeyStream stream = VirtualKeyStream.over(in)) {
            JsonParser p = stream.parser();
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw notSnapshot(name, null);
            }
            String format = null;
            String server = null;
            String version = null;
            Instant takenAt = null;
            boolean secrets = false;
            List<Team> teams = List.of();
            List<Customer> customers = List.of();
            List<McpClient> mcp = List.of();
            List<ProviderSnapshot> providers = List.of();
            List<UnreadableItem> unreadable = List.of();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "format" -> format = p.getValueAsString();
                    case "server" -> server = p.getValueAsString();
                    case "server_version" -> version = p.getValueAsString();
                    case "taken_at" -> takenAt = MAPPER.readValue(p, Instant.class);
                    case "includes_secrets" -> secrets = p.getValueAsBoolean();
                    case "teams" -> teams = MAPPER.readValue(p, new TypeReference<>() { });
                    case "customers" -> customers = MAPPER.readValue(p, new TypeReference<>() { });
                    case "mcp_clients" -> mcp = MAPPER.readValue(p, new TypeReference<>() { });
                    case "providers" -> providers = MAPPER.readValue(p, new TypeReference<>() { });
                    case "unreadable_items" -> unreadable = MAPPER.readValue(p, new TypeReference<>() { });
                    case "virtual_keys" -> {
                        if (format == null) {
                            throw notSnapshot(name, null);
                        }
                        if (value == JsonToken.START_ARRAY) {
                            stream.readKeys(keys);
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (format == null || !format.startsWith("bifrost-console-snapshot/")) {
                throw notSnapshot(name, null);
            }
            if (!Snapshot.FORMAT.equals(format)) {
                throw new SnapshotFileException(name + " was written by a newer Bifrost Console (" + format
                        + "): update the console to read it.", null);
            }
            return new Snapshot(format, server, version, takenAt, secrets, teams, customers, mcp, providers,
                    List.of(), unreadable);
        } catch (NoSuchFileException e) {
            throw new SnapshotFileException("There is no file " + name + ": check the path.", e);
        } catch (JsonProcessingException e) {
            if (e.getMessage() != null && e.getMessage().contains("end-of-input")) {
                throw new SnapshotFileException(name + " is cut off before its end: take the snapshot again.", e);
            }
            throw notSnapshot(name, e);
        }
    }

    private static SnapshotFileException notSnapshot(String name, Throwable cause) {
        return new SnapshotFileException(name + " is not a Bifrost Console snapshot: pick a file written by"
                + " 'bifrost-console snapshot' or the console's Save snapshot.", cause);
    }

    /** Inside the {@code virtual_keys} array: each key on its own line, compact within. */
    private static final class KeyPerLinePrinter extends MinimalPrettyPrinter {
        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            if (isKeyArray(g)) {
                g.writeRaw("\n    ");
            }
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(isKeyArray(g) ? ",\n    " : ",");
        }

        @Override
        public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
            g.writeRaw(isKeyArray(g) && nrOfValues > 0 ? "\n  ]" : "]");
        }

        /** The array directly under the root object: the one holding the keys. */
        private static boolean isKeyArray(JsonGenerator g) {
            JsonStreamContext c = g.getOutputContext();
            return c.inArray() && c.getParent() != null && c.getParent().inObject()
                    && c.getParent().getParent() != null && c.getParent().getParent().inRoot();
        }
    }
}
