package bifrostconsole.config;

import bifrostconsole.api.Json;
import com.fasterxml.jackson.core.type.TypeReference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Small remembered choices of the user interface (theme, visible columns, column widths, page size), kept
 * as a JSON object in {@code ui-settings.json} in the config folder. Never holds secrets. Each change is
 * saved at once, atomically; a corrupt file is set aside and the defaults used.
 */
public final class UiSettings {
    private static final Logger LOG = Logger.getLogger(UiSettings.class.getName());

    private final Path file;
    private final Map<String, String> values = new TreeMap<>();

    public UiSettings(Path file) {
        this.file = file;
        load();
    }

    public static UiSettings inConfigFolder() {
        return new UiSettings(ConfigFolder.resolve().resolve("ui-settings.json"));
    }

    /** Settings that live only in memory: for tests and read-only sessions. */
    public static UiSettings inMemory() {
        return new UiSettings(null);
    }

    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    public synchronized void put(String key, String value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, value);
        }
        save();
    }

    private void load() {
        if (file == null || !Files.exists(file)) {
            return;
        }
        try {
            values.putAll(Json.mapper().readValue(file.toFile(), new TypeReference<Map<String, String>>() { }));
        } catch (IOException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".corrupt");
            LOG.log(Level.WARNING, "The settings file {0} could not be read; it was moved to {1} and defaults are used.",
                    new Object[]{file, aside});
            try {
                Files.move(file, aside, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException ignored) {
                // Leaving it in place is harmless: it is overwritten on the next save.
            }
        }
    }

    private void save() {
        if (file == null) {
            return;
        }
        try {
            AtomicFiles.write(file, out -> Json.mapper().writerWithDefaultPrettyPrinter().writeValue(out, values));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not save UI settings to {0}: {1}", new Object[]{file, e.getMessage()});
        }
    }
}
