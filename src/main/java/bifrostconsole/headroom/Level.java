package bifrostconsole.headroom;

/** Who owns a limit, from the most specific to the widest: Bifrost checks every level on each request. */
public enum Level {
    KEY("key"), PROVIDER("provider"), TEAM("team"), CUSTOMER("customer");

    private final String word;

    Level(String word) {
        this.word = word;
    }

    /** The lower-case word used in texts and in the report's {@code binding}. */
    public String word() {
        return word;
    }
}
