package bifrostconsole.keys;

import bifrostconsole.api.SortField;
import bifrostconsole.api.SortOrder;
import bifrostconsole.tables.TableColumnSpec;

/**
 * The key table's columns, in order. Only the columns the server can sort by carry a {@link SortField};
 * the others are not sortable, because a page-local sort would lie about the order of the whole list.
 */
public enum KeyColumn implements TableColumnSpec {
    NAME("name", "Name", SortField.NAME, SortOrder.ASC, 250, 160, 2,
            "The key's name. Sorted by the server."),
    ASSIGNED_TO("assigned", "Assigned to", null, null, 180, 110, 0.5,
            "The team or customer the key belongs to; their budgets apply on top of the key's own."),
    KEY("key", "Key", null, null, 215, 205, 0,
            "The key value, masked after its first 8 characters. Reveal or copy it with the buttons."),
    BUDGET("budget", "Budget", SortField.BUDGET_SPENT, SortOrder.DESC, 210, 130, 1,
            "Spending budgets in US dollars per reset window. Amber from 80% used, red when used up. "
                    + "Sorted by the server by the highest amount spent."),
    HEADROOM("headroom", "Headroom", null, null, 210, 114, 1,
            "What the key can still use now: the tightest of its own budgets, its provider configs', its team's and "
                    + "customer's budgets and every rate limit, with windows that ended counted as reset. The bar is "
                    + "the used share of that limit. Sorts this page only (the server cannot sort by it)."),
    RATE_LIMITS("ratelimits", "Rate limits", null, null, 200, 148, 1,
            "Token (TPM-style) and request (RPM-style) limits over their reset windows, with the usage "
                    + "counted in the current window."),
    STATUS("status", "Status", SortField.STATUS, SortOrder.ASC, 100, 96, 0,
            "Active, Inactive (switched off), Expired, or Exhausted (a budget or rate limit used up). "
                    + "Sorting by Status sorts by the on/off switch only (the server's is_active): Expired and "
                    + "Exhausted keys sit among the Active ones. To see only one status, use the Status filter "
                    + "above the table (it applies to the keys on the page: the server cannot filter by status)."),
    PROVIDERS("providers", "Providers", null, null, 120, 80, 0.5,
            "How many providers the key may use, and which."),
    METADATA("metadata", "Metadata", null, null, 220, 120, 1,
            "The key's metadata (Bifrost 2.x) as key=value pairs; hover a cell for the full list. Filter by it "
                    + "with the metadata field above the table. Hidden until picked in the Columns menu."),
    CREATED("created", "Created", SortField.CREATED_AT, SortOrder.DESC, 120, 118, 0,
            "When the key was created. Sorted by the server.");

    private final String id;
    private final String title;
    private final SortField sortField;
    private final SortOrder firstOrder;
    private final double defaultWidth;
    private final double minWidth;
    private final double grow;
    private final String tooltip;

    /**
     * {@code defaultWidth} is what the column gets when the table has room; {@code minWidth} the narrowest it is
     * still readable at (usage texts take their short forms there); {@code grow} its share of spare room. The
     * defaults add up to 1,605 px and the minimums of the columns shown by default to 1,161 px (the key value's
     * "sk-bf-39" prefix and a date stay whole), so at 1,280 px
     * with the details closed every column is in sight ({@link bifrostconsole.tables.ColumnFit}).
     */
    KeyColumn(String id, String title, SortField sortField, SortOrder firstOrder, double defaultWidth,
              double minWidth, double grow, String tooltip) {
        this.id = id;
        this.title = title;
        this.sortField = sortField;
        this.firstOrder = firstOrder;
        this.defaultWidth = defaultWidth;
        this.minWidth = minWidth;
        this.grow = grow;
        this.tooltip = tooltip;
    }

    /** Stable id used in remembered settings. */
    @Override
    public String id() {
        return id;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public boolean visibleByDefault() {
        return this != METADATA;
    }

    /** The server's sort field, or null when the server cannot sort by this column. */
    public SortField sortField() {
        return sortField;
    }

    public boolean sortable() {
        return sortField != null;
    }

    /** Sorted by the console within the page on screen, because the server cannot sort by it. */
    public boolean sortsOnPage() {
        return this == HEADROOM;
    }

    /** The order a first click asks for: names A to Z, but the biggest spenders and newest keys first. */
    public SortOrder firstOrder() {
        return firstOrder;
    }

    @Override
    public double defaultWidth() {
        return defaultWidth;
    }

    /** The narrowest this column is made to share the table's width. */
    public double minWidth() {
        return minWidth;
    }

    /** Its share of the room the table has beyond every column's default width. */
    public double grow() {
        return grow;
    }

    @Override
    public String tooltip() {
        return tooltip;
    }

    public static KeyColumn forSortField(SortField field) {
        for (KeyColumn c : values()) {
            if (c.sortField == field) {
                return c;
            }
        }
        return CREATED;
    }
}
