package bifrostconsole.keyactions;

/**
 * What the key table's menus, the row's ⋯ button, the selection bar and the details offer. Each names whether it
 * works on several keys at once and whether it destroys something (shown in red). The words live here; the
 * keyboard shortcuts with the menus that show them ({@link KeyActionsView}).
 */
public enum KeyAction {
    ENABLE("Enable", true, false),
    DISABLE("Disable", true, false),
    ROTATE("Rotate\u2026", true, true),
    DELETE("Delete\u2026", true, true),
    RESET_USAGE("Reset usage\u2026", true, true),
    ADD_OVERRIDE("Add budget override\u2026", false, false),
    REMOVE_OVERRIDE("Remove budget override\u2026", false, false),
    ASSIGN("Assign to team or customer\u2026", true, false),
    COPY_ID("Copy id", true, false);

    private final String label;
    private final boolean bulk;
    private final boolean destructive;

    KeyAction(String label, boolean bulk, boolean destructive) {
        this.label = label;
        this.bulk = bulk;
        this.destructive = destructive;
    }

    public String label() {
        return label;
    }

    /** Offered for several keys (a selection, all matching keys), not only for one. */
    public boolean bulk() {
        return bulk;
    }

    public boolean destructive() {
        return destructive;
    }

    /** A stable id for the menu item, e.g. {@code action-reset-usage}. */
    public String id() {
        return "action-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
