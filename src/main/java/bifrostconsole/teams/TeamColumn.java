package bifrostconsole.teams;

import bifrostconsole.tables.TableColumnSpec;

/**
 * The team table's columns, in order. None sorts: Bifrost lists teams in creation order only (API.md §4), and
 * sorting one page would lie about the order of the whole list.
 */
public enum TeamColumn implements TableColumnSpec {
    NAME("name", "Name", 240, "The team's name; a red tag when one of its budgets or limits is used up."),
    CUSTOMER("customer", "Customer", 180, "The customer the team belongs to; its budgets apply on top of the team's."),
    BUDGET("budget", "Budget", 230, "The team's own budgets in US dollars per reset window, shared by all its keys."
            + " Amber from 80% used, red when used up."),
    RATE_LIMITS("ratelimits", "Rate limits", 220, "Token and request limits shared by all the team's keys, with the"
            + " usage counted in the current window."),
    KEYS("keys", "Keys", 100, "How many virtual keys belong to the team.");

    private final String id;
    private final String title;
    private final double defaultWidth;
    private final String tooltip;

    TeamColumn(String id, String title, double defaultWidth, String tooltip) {
        this.id = id;
        this.title = title;
        this.defaultWidth = defaultWidth;
        this.tooltip = tooltip + " Teams are listed in the order they were created: the server does not sort them.";
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public double defaultWidth() {
        return defaultWidth;
    }

    @Override
    public String tooltip() {
        return tooltip;
    }
}
