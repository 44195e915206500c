package bifrostconsole.customers;

import bifrostconsole.tables.TableColumnSpec;

/**
 * The customer table's columns, in order. None sorts: Bifrost lists customers in creation order only (API.md
 * §4), and sorting one page would lie about the order of the whole list.
 */
public enum CustomerColumn implements TableColumnSpec {
    NAME("name", "Name", 240, "The customer's name; a red tag when one of its budgets or limits is used up."),
    BUDGET("budget", "Budget", 230, "The customer's own budgets in US dollars per reset window, shared by its keys"
            + " and its teams' keys. Amber from 80% used, red when used up."),
    RATE_LIMITS("ratelimits", "Rate limits", 220, "Token and request limits shared by the customer's keys, with the"
            + " usage counted in the current window."),
    TEAMS("teams", "Teams", 100, "How many teams belong to the customer."),
    KEYS("keys", "Keys", 100, "How many virtual keys are assigned to the customer itself.");

    private final String id;
    private final String title;
    private final double defaultWidth;
    private final String tooltip;

    CustomerColumn(String id, String title, double defaultWidth, String tooltip) {
        this.id = id;
        this.title = title;
        this.defaultWidth = defaultWidth;
        this.tooltip = tooltip + " Customers are listed in the order they were created: the server does not sort"
                + " them.";
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
