package bifrostconsole.export;

import java.util.Locale;

/**
 * How faithful a walk through the server's keys was: keys that could not be read (kept as placeholders),
 * keys the server sent twice (dropped, so nothing is repeated), and whether the server's list changed during
 * the walk (its total moved, a page came back short, a key showed up again): offset paging may then have
 * missed keys created or deleted meanwhile, and the output says so instead of passing for complete.
 */
public record ReadIntegrity(long unreadable, long duplicatesDropped, boolean changedDuringRead, long firstTotal,
                            long lastTotal) {

    public static final ReadIntegrity CLEAN = new ReadIntegrity(0, 0, false, -1, -1);

    public boolean clean() {
        return unreadable == 0 && !changedDuringRead;
    }

    /** The sentences an output ends with, or "" when the read was clean. */
    public String warnings() {
        StringBuilder b = new StringBuilder();
        if (unreadable > 0) {
            b.append(String.format(Locale.ROOT, "%,d key%s could not be read and %s kept as the server sent %s"
                            + " (marked unreadable).", unreadable, unreadable == 1 ? "" : "s",
                    unreadable == 1 ? "is" : "are", unreadable == 1 ? "it" : "them"));
        }
        if (changedDuringRead) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(String.format(Locale.ROOT, "The server's keys changed while they were read (%s%s): keys"
                            + " created or deleted meanwhile may be missing; run it again for an exact copy.",
                    firstTotal == lastTotal ? "keys were created and deleted"
                            : String.format(Locale.ROOT, "%,d matching at the start, %,d at the end", firstTotal,
                            lastTotal),
                    duplicatesDropped > 0 ? String.format(Locale.ROOT, ", %,d sent twice and written once",
                            duplicatesDropped) : ""));
        }
        return b.toString();
    }
}
