package bifrostconsole.api;

/** The fields the server can sort virtual keys by ({@code sort_by}). */
public enum SortField {
    NAME("name"), BUDGET_SPENT("budget_spent"), CREATED_AT("created_at"), STATUS("status");

    private final String wireName;

    SortField(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static SortField fromWireName(String name) {
        for (SortField f : values()) {
            if (f.wireName.equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("Unknown sort field '" + name
                + "': use name, budget_spent, created_at or status");
    }
}
