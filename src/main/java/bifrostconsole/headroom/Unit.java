package bifrostconsole.headroom;

/** What a limit counts: US dollars for budgets, tokens or requests for rate limits. */
public enum Unit {
    DOLLARS("usd"), TOKENS("tokens"), REQUESTS("requests");

    private final String word;

    Unit(String word) {
        this.word = word;
    }

    /** "usd", "tokens", "requests": the report's unit names. */
    public String word() {
        return word;
    }
}
