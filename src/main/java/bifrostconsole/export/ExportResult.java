package bifrostconsole.export;

import java.nio.file.Path;
import java.time.Duration;

/** What an export wrote: {@code keys} rows/objects, of {@code totalCount} the server reported as matching. */
public record ExportResult(long keys, long totalCount, int pages, Path target, Duration elapsed,
                           ReadIntegrity integrity) {

    public ExportResult(long keys, long totalCount, int pages, Path target, Duration elapsed) {
        this(keys, totalCount, pages, target, elapsed, ReadIntegrity.CLEAN);
    }

    /**
     * One sentence for the user, e.g. "Exported 1,234 keys to /tmp/keys.csv in 2.1 s.", followed by what was not
     * read or changed during the read, if anything.
     */
    public String summary() {
        String where = target == null ? "" : " to " + target;
        String done = String.format(java.util.Locale.ROOT, "Exported %,d key%s%s in %.1f s.", keys,
                keys == 1 ? "" : "s", where, elapsed.toMillis() / 1000.0);
        return integrity.clean() ? done : done + " " + integrity.warnings();
    }
}
