package bifrostconsole.keys;

/** A team or customer as a filter choice: its id for the query, its name for the user, and a detail line. */
public record FilterOption(String id, String name, String detail) {
    @Override
    public String toString() {
        return name;
    }
}
