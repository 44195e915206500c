package bifrostconsole.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Locale;

/** The file formats of an export. */
public enum ExportFormat {
    CSV("csv", "CSV (spreadsheets)"), JSON("json", "JSON (scripts, each key as the server sent it)");

    private final String extension;
    private final String description;

    ExportFormat(String extension, String description) {
        this.extension = extension;
        this.description = description;
    }

    public String extension() {
        return extension;
    }

    public String description() {
        return description;
    }

    /** A writer of this format over {@code out}; {@code now} decides each key's status (Expired or not). */
    public KeyFileWriter open(OutputStream out, boolean includeSecrets, Instant now) throws IOException {
        return open(out, includeSecrets, false, now);
    }

    /** As {@link #open(OutputStream, boolean, Instant)}; {@code rawCsv} writes CSV cells without neutralising formulas. */
    public KeyFileWriter open(OutputStream out, boolean includeSecrets, boolean rawCsv, Instant now)
            throws IOException {
        return switch (this) {
            case CSV -> new CsvKeyWriter(out, includeSecrets, !rawCsv, now);
            case JSON -> new JsonKeyWriter(out, includeSecrets);
        };
    }

    public static ExportFormat parse(String text) {
        for (ExportFormat f : values()) {
            if (f.extension.equalsIgnoreCase(text)) {
                return f;
            }
        }
        throw new IllegalArgumentException("Unknown format '" + text + "': use csv or json.");
    }

    /** The format a file name suggests ({@code keys.json} is JSON), or null. */
    public static ExportFormat fromFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (ExportFormat f : values()) {
            if (lower.endsWith("." + f.extension)) {
                return f;
            }
        }
        return null;
    }
}
