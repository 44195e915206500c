package bifrostconsole.connection;

import bifrostconsole.api.Json;
import bifrostconsole.config.AtomicFiles;
import bifrostconsole.config.ConfigFolder;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The saved connection profiles, as {@code profiles.json} in the config folder. The file never holds an API
 * key (profiles have no field for one). Writes are atomic; a file that cannot be read is moved aside as
 * {@code profiles.json.corrupt-<timestamp>} and reported, never silently overwritten. Call from a background
 * thread: every method touches the disk.
 */
public final class ProfileStore {
    private static final Logger LOG = Logger.getLogger(ProfileStore.class.getName());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    static final int FORMAT = 1;

    /** What was read, and a one-sentence problem to show the user when the file had to be set aside. */
    public record LoadResult(Profiles profiles, Optional<String> problem) {
    }

    /** The file's JSON shape. */
    record StoredFile(Integer format, String lastUsedId, List<ConnectionProfile> profiles) {
    }

    private final Path file;
    private final Clock clock;
    private final ObjectMapper mapper = Json.mapper();

    public ProfileStore(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    public ProfileStore(Path file) {
        this(file, Clock.systemUTC());
    }

    public static ProfileStore inConfigFolder() {
        return new ProfileStore(ConfigFolder.resolve().resolve("profiles.json"));
    }

    public Path file() {
        return file;
    }

    /**
     * The id of the profile open last, read without {@link #load}'s care: null when the file is missing or cannot be
     * read, and nothing is set aside (the start-up's early guess at what opens; {@link #load} says what is wrong).
     */
    public synchronized String peekLastUsedId() {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            StoredFile stored = mapper.readValue(file.toFile(), StoredFile.class);
            return stored == null ? null : stored.lastUsedId();
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    public synchronized LoadResult load() {
        if (!Files.exists(file)) {
            return new LoadResult(Profiles.empty(), Optional.empty());
        }
        String reason;
        try {
            StoredFile stored = mapper.readValue(file.toFile(), StoredFile.class);
            if (stored != null && stored.profiles() != null && stored.profiles().stream().allMatch(ProfileStore::usable)) {
                return new LoadResult(new Profiles(stored.profiles(), stored.lastUsedId()), Optional.empty());
            }
            reason = "it has no list of profiles";
        } catch (IOException e) {
            reason = "it is not valid JSON";
        }
        return new LoadResult(Profiles.empty(), Optional.of(setAside(reason)));
    }

    public synchronized void save(Profiles profiles) throws IOException {
        StoredFile stored = new StoredFile(FORMAT, profiles.lastUsedId(), profiles.profiles());
        AtomicFiles.write(file, out -> mapper.writerWithDefaultPrettyPrinter().writeValue(out, stored));
    }

    private static boolean usable(ConnectionProfile p) {
        return p != null && p.baseUrl() != null && !p.baseUrl().isBlank();
    }

    private String setAside(String reason) {
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + STAMP.format(clock.instant()));
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not move the unreadable profile file aside: {0}", e.getMessage());
            return "The saved connections in " + file + " could not be read (" + reason + ") nor moved aside:"
                    + " fix or delete the file, then restart the console.";
        }
        LOG.log(Level.WARNING, "Unreadable profile file {0} moved to {1}", new Object[]{file, aside});
        return "The saved connections could not be read (" + reason + "), so the file was kept as "
                + aside.getFileName() + " beside it and the console starts without them: add them again, or repair"
                + " that file and rename it to " + file.getFileName() + ".";
    }
}
