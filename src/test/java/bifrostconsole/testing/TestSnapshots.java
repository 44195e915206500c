package bifrostconsole.testing;

import bifrostconsole.api.Team;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.export.Snapshot;

import java.time.Instant;
import java.util.List;

/** Snapshots of a made-up gateway ({@code http://gw:8080}, v1.4.3) for the diff tests, taken a week apart. */
public final class TestSnapshots {
    public static final String SERVER = "http://gw:8080";
    /** When the older snapshot was taken. */
    public static final Instant OLD_TAKEN_AT = Instant.parse("2026-03-01T09:00:00Z");
    /** When the newer one was, a week later. */
    public static final Instant NEW_TAKEN_AT = Instant.parse("2026-03-08T09:00:00Z");

    private TestSnapshots() {
    }

    /** A snapshot without key values holding these keys and teams and nothing else. */
    public static Snapshot of(Instant takenAt, List<VirtualKey> keys, List<Team> teams) {
        return new Snapshot(null, SERVER, "v1.4.3", takenAt, false, teams, List.of(), List.of(), List.of(), keys);
    }
}
