package bifrostconsole.changes;

/**
 * One field of one key, before and after, in words: {@code status: Active → Inactive},
 * {@code budget 1M: $500.00 → $800.00}. Used for what a change will do (a plan), for what changed on the server
 * meanwhile (the lost-update guard) and in History. Never holds a key value.
 */
public record FieldDiff(String field, String before, String after) {

    /** {@code field: before → after}. */
    @Override
    public String toString() {
        return field + ": " + before + " \u2192 " + after;
    }
}
