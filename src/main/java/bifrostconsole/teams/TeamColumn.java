package bifrostconsole.teams;

import bifrostconsole.tables.Column;

import java.util.List;

/**
 * The team table's columns, in order. None sorts: Bifrost lists teams in creation order only (API.md §4), and
 * sorting one page would lie about the order of the whole list.
 */
public final class TeamColumn {
    public static final Column NAME = column("name", "Name", 240,
            "The team's name; a red tag when one of its budgets or limits is used up.");
    public static final Column CUSTOMER = column("customer", "Customer", 180,
            "The customer the team belongs to; its budgets apply on top of the team's.");
    public static final Column BUDGET = column("budget", "Budget", 230, "The team's own budgets in US dollars per"
            + " reset window, shared by all its keys. Amber from 80% used, red when used up.");
    public static final Column RATE_LIMITS = column("ratelimits", "Rate limits", 220, "Token and request limits"
            + " shared by all the team's keys, with the usage counted in the current window.");
    public static final Column KEYS = column("keys", "Keys", 100, "How many virtual keys belong to the team.");
    public static final List<Column> ALL = List.of(NAME, CUSTOMER, BUDGET, RATE_LIMITS, KEYS);

    private TeamColumn() {
    }

    private static Column column(String id, String title, double width, String tooltip) {
        return Column.unsorted("teams", id, title, width, tooltip);
    }
}
