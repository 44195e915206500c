package bifrostconsole.changes;

import bifrostconsole.api.Json;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.config.AtomicFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The way back from a delete: before a key is deleted, its full configuration, without its value, is written
 * atomically to {@code deleted-keys/} in the data folder, one file per key. {@link KeyChange.Recreate} makes a new
 * key from such a file. Blocking file I/O: call it off the FX thread.
 */
public final class DeletedKeys {
    public static final String FOLDER = "deleted-keys";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Path folder;
    private final ObjectMapper mapper = Json.mapper();

    public DeletedKeys(Path folder) {
        this.folder = folder;
    }

    public static DeletedKeys in(Path dataFolder) {
        return new DeletedKeys(dataFolder.resolve(FOLDER));
    }

    public Path folder() {
        return folder;
    }

    /** Saves {@code key} (its value left out) as deleted from {@code server} at {@code time}; returns the file. */
    public Path save(String server, VirtualKey key, Instant time) throws IOException {
        ObjectNode root = mapper.createObjectNode();
        root.put("server", server);
        root.put("deleted_at", time.toString());
        root.set("virtual_key", mapper.valueToTree(key.withoutValue()));
        String safeId = key.id() == null ? "key" : key.id().replaceAll("[^A-Za-z0-9._-]", "_");
        Path file = folder.resolve(STAMP.format(time) + "-" + safeId + ".json");
        AtomicFiles.write(file, out -> mapper.writerWithDefaultPrettyPrinter().writeValue(out, root));
        return file;
    }

    /** Reads a saved key. */
    public DeletedKey load(Path file) throws IOException {
        JsonNode root = mapper.readTree(file.toFile());
        JsonNode key = root == null ? null : root.get("virtual_key");
        if (key == null || !key.isObject()) {
            throw new IOException(file + " holds no saved virtual key");
        }
        return new DeletedKey(root.path("server").asText(null), Instant.parse(root.path("deleted_at").asText()),
                mapper.treeToValue(key, VirtualKey.class), file);
    }

    /** Every saved key, newest first; files that cannot be read are left out. */
    public List<DeletedKey> list() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<DeletedKey> keys = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                try {
                    keys.add(0, load(file));
                } catch (IOException | RuntimeException e) {
                    // not a backup this console can read: leave it alone
                }
            }
        }
        return keys;
    }
}
