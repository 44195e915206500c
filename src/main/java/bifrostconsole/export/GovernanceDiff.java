package bifrostconsole.export;

import java.util.List;

/**
 * The differences between two governance states: virtual keys, teams and customers added, removed and
 * changed, with what each side was and which fields were not compared.
 */
public record GovernanceDiff(Side old, @com.fasterxml.jackson.annotation.JsonProperty("new") Side current, List<String> notCompared, SectionDiff virtualKeys,
                             SectionDiff teams, SectionDiff customers) {

    /** One side as the user knows it: a file or server, and the server and time it shows. */
    public record Side(String label, String server, String serverVersion, java.time.Instant takenAt) {
        static Side of(String label, Snapshot header) {
            return new Side(label, header.server(), header.serverVersion(), header.takenAt());
        }
    }

    public GovernanceDiff {
        notCompared = List.copyOf(notCompared);
    }

    public boolean hasDifferences() {
        return !virtualKeys.isEmpty() || !teams.isEmpty() || !customers.isEmpty();
    }
}
