package bifrostconsole.customers;

import bifrostconsole.tables.Column;

import java.util.List;

/**
 * The customer table's columns, in order. None sorts: Bifrost lists customers in creation order only (API.md
 * §4), and sorting one page would lie about the order of the whole list.
 */
public final class CustomerColumn {
    public static final Column NAME = column("name", "Name", 240,
            "The customer's name; a red tag when one of its budgets or limits is used up.");
    public static final Column BUDGET = column("budget", "Budget", 230, "The customer's own budgets in US dollars per"
            + " reset window, shared by its keys and its teams' keys. Amber from 80% used, red when used up.");
    public static final Column RATE_LIMITS = column("ratelimits", "Rate limits", 220, "Token and request limits"
            + " shared by the customer's keys, with the usage counted in the current window.");
    public static final Column TEAMS = column("teams", "Teams", 100, "How many teams belong to the customer.");
    public static final Column KEYS = column("keys", "Keys", 100,
            "How many virtual keys are assigned to the customer itself.");
    public static final List<Column> ALL = List.of(NAME, BUDGET, RATE_LIMITS, TEAMS, KEYS);

    private CustomerColumn() {
    }

    private static Column column(String id, String title, double width, String tooltip) {
        return Column.unsorted("customers", id, title, width, tooltip);
    }
}
