package bifrostconsole.headroom;

/** What stops a key first: one of the budget levels, a rate limit (of any level), or nothing at all. */
public enum Binding {
    KEY("key"), PROVIDER("provider"), TEAM("team"), CUSTOMER("customer"), RATE_LIMIT("rate-limit"), NONE("none");

    private final String word;

    Binding(String word) {
        this.word = word;
    }

    /** {@code key}, {@code provider}, {@code team}, {@code customer}, {@code rate-limit}, {@code none}. */
    public String word() {
        return word;
    }

    static Binding of(Limit limit) {
        if (limit == null) {
            return NONE;
        }
        if (limit.unit() != Unit.DOLLARS) {
            return RATE_LIMIT;
        }
        return switch (limit.level()) {
            case KEY -> KEY;
            case PROVIDER -> PROVIDER;
            case TEAM -> TEAM;
            case CUSTOMER -> CUSTOMER;
        };
    }
}
