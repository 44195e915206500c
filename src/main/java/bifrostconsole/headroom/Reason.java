package bifrostconsole.headroom;

/** Why a key needs an admin's attention; {@link #word()} is the report's name for it. */
public enum Reason {
    EXHAUSTED("exhausted", "Exhausted"),
    NEAR_LIMIT("near-limit", "Near the limit"),
    EXPIRED("expired", "Expired"),
    EXPIRING("expiring", "Expiring soon"),
    INACTIVE_SPENDING("inactive-spending", "Inactive with recent spend"),
    UNASSIGNED("unassigned", "Unassigned"),
    /** No traffic in the logs over the chosen period; only where the server's logs can tell (the overview). */
    UNUSED("unused", "Unused");

    private final String word;
    private final String title;

    Reason(String word, String title) {
        this.word = word;
        this.title = title;
    }

    public String word() {
        return word;
    }

    /** The heading of the overview's list for this reason. */
    public String title() {
        return title;
    }
}
