package bifrostconsole.export;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** What a snapshot holds, for the message after writing it. */
public record SnapshotSummary(Snapshot header, long virtualKeys, Path target, Duration elapsed) {
    public String describe() {
        return String.format(Locale.ROOT, "Snapshot of %s: %,d virtual keys, %,d teams, %,d customers, %,d MCP"
                        + " clients, %,d providers written to %s in %.1f s%s.", header.describe(), virtualKeys,
                header.teams().size(), header.customers().size(), header.mcpClients().size(),
                header.providers().size(), target, elapsed.toMillis() / 1000.0,
                header.includesSecrets() ? " (key values included: keep the file secret)" : "");
    }
}
