package bifrostconsole.changes;

import bifrostconsole.api.Json;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The local change log, {@code history.jsonl} in the data folder: one JSON line per change made from the
 * console (window or command line), appended and never rewritten. Nothing secret is in it: {@link HistoryEntry}
 * has no place for a key value or a management key.
 *
 * <p>Why appends and not {@code AtomicFiles}: a log grows with every change, and rewriting it whole per entry
 * would cost more each time; an append under an exclusive file lock writes one whole line, so the window and a
 * command running at the same time never interleave their lines. A line cut short by a crash is skipped when
 * reading, and the lines around it stay readable.
 *
 * <p>Blocking file I/O: call it off the FX thread (the engine does, on its I/O executor).
 */
public final class ChangeHistory {
    public static final String FILE_NAME = "history.jsonl";

    private final Path file;
    private final ObjectMapper mapper = Json.mapper();

    public ChangeHistory(Path file) {
        this.file = file;
    }

    /** The log in the console's data folder. */
    public static ChangeHistory in(Path dataFolder) {
        return new ChangeHistory(dataFolder.resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    /** Appends one entry as one line. */
    public void append(HistoryEntry entry) throws IOException {
        append(List.of(entry));
    }

    /** Appends entries, one line each, in one locked write: a bulk run's entries cost one file open, not one each. */
    public void append(List<HistoryEntry> entries) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (HistoryEntry entry : entries) {
            lines.append(mapper.writeValueAsString(entry)).append('\n');
        }
        byte[] line = lines.toString().getBytes(StandardCharsets.UTF_8);
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        // One JVM holds a lock once: entries from this process's threads queue here before the file lock.
        synchronized (ChangeHistory.class) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND); FileLock lock = channel.lock()) {
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
        }
    }

    /** Every readable entry, oldest first. */
    public List<HistoryEntry> read() throws IOException {
        return read(HistoryFilter.ALL);
    }

    /** The entries the filter matches, oldest first; lines that cannot be read are skipped. */
    public List<HistoryEntry> read(HistoryFilter filter) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        List<HistoryEntry> entries = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            try {
                HistoryEntry entry = mapper.readValue(line, HistoryEntry.class);
                if (filter.matches(entry)) {
                    entries.add(entry);
                }
            } catch (IOException | UncheckedIOException e) {
                // a line cut short by a crash, or written by a newer console: the others still count
            }
        }
        return entries;
    }

    /** Entries as CSV: time, server, key_id, key_name, action, changes, outcome, reason, backup. */
    public static String csv(List<HistoryEntry> entries) {
        List<List<String>> rows = new ArrayList<>();
        for (HistoryEntry e : entries) {
            rows.add(List.of(e.time() == null ? "" : e.time().toString(), nullToEmpty(e.server()),
                    nullToEmpty(e.keyId()), nullToEmpty(e.keyName()), nullToEmpty(e.action()), e.fieldsText(),
                    nullToEmpty(e.outcome()), nullToEmpty(e.reason()), nullToEmpty(e.backup())));
        }
        return Csv.write(List.of("time", "server", "key_id", "key_name", "action", "changes", "outcome", "reason",
                "backup"), rows);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
