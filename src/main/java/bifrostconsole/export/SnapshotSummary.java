package bifrostconsole.export;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** What a snapshot holds, for the message after writing it. */
public record SnapshotSummary(Snapshot header, long virtualKeys, Path target, Duration elapsed,
                              ReadIntegrity integrity) {

    public SnapshotSummary(Snapshot header, long virtualKeys, Path target, Duration elapsed) {
        this(header, virtualKeys, target, elapsed, ReadIntegrity.CLEAN);
    }

    /** The sentence after writing, then what could not be read or changed during the read, if anything. */
    public String describe() {
        String done = String.format(Locale.ROOT, "Snapshot of %s: %,d virtual keys, %,d teams, %,d customers, %,d MCP"
                        + " clients, %,d providers written to %s in %.1f s%s.", header.describe(), virtualKeys,
                header.teams().size(), header.customers().size(), header.mcpClients().size(),
                header.providers().size(), target, elapsed.toMillis() / 1000.0,
                header.includesSecrets() ? " (key values included: keep the file secret)" : "");
        int others = header.unreadableItems().size();
        String items = others == 0 ? "" : String.format(Locale.ROOT, " %,d other item%s (teams, customers, MCP"
                + " clients or provider keys) could not be read and %s kept as the server sent %s.", others,
                others == 1 ? "" : "s", others == 1 ? "is" : "are", others == 1 ? "it" : "them");
        return done + (integrity.clean() ? "" : " " + integrity.warnings()) + items;
    }
}
