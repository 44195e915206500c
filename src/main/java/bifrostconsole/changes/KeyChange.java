package bifrostconsole.changes;

import bifrostconsole.api.ResetWindow;

import java.util.Objects;

/**
 * One change an admin asks for on a virtual key, before it is planned against the key as they saw it
 * ({@link ChangePlanner#plan}). The same change applies to every key of a bulk action. Build them with the
 * factory methods, which refuse impossible values with an {@link IllegalArgumentException} whose message is one
 * sentence for the user (a bad window, a limit of zero).
 *
 * <p>{@link #action()} is the stable name used in History and on the command line ({@code disable},
 * {@code set-budget}, ...); {@link #label()} the words a button or a preview shows.
 */
public sealed interface KeyChange {

    /** The stable name: History's action column and the {@code keys} verb. */
    String action();

    /** What a menu, a button or a preview says, e.g. "Disable" or "Set the 1M budget to $500.00". */
    String label();

    /** Shown in red and confirmed with care: it deletes something, resets a counter or breaks a client. */
    default boolean destructive() {
        return false;
    }

    // ---- the changes ---------------------------------------------------------------------------------------

    /** Enable or disable: sends only {@code is_active}. */
    record SetActive(boolean active) implements KeyChange {
        @Override
        public String action() {
            return active ? "enable" : "disable";
        }

        @Override
        public String label() {
            return active ? "Enable" : "Disable";
        }
    }

    /** A new value from the server; the old one stops working (after the server's cooldown, if any). */
    record Rotate() implements KeyChange {
        @Override
        public String action() {
            return "rotate";
        }

        @Override
        public String label() {
            return "Rotate";
        }

        @Override
        public boolean destructive() {
            return true;
        }
    }

    /** Deletes the key; its configuration (without the value) is saved first so it can be recreated. */
    record Delete() implements KeyChange {
        @Override
        public String action() {
            return "delete";
        }

        @Override
        public String label() {
            return "Delete";
        }

        @Override
        public boolean destructive() {
            return true;
        }
    }

    /** Zeroes the usage of the key's own budgets, or of its one budget with {@code window} (null: all). */
    record ResetUsage(String window) implements KeyChange {
        public ResetUsage {
            window = window == null ? null : checkedWindow(window);
        }

        @Override
        public String action() {
            return "reset-usage";
        }

        @Override
        public String label() {
            return window == null ? "Reset usage" : "Reset the usage of the " + window + " budget";
        }

        @Override
        public boolean destructive() {
            return true;
        }
    }

    /** Sets the limit of the key's budget with this window, adding the budget if there is none. */
    record SetBudget(String window, double limit, boolean resetUsage) implements KeyChange {
        public SetBudget {
            window = checkedWindow(window);
            if (!(limit > 0) || Double.isInfinite(limit)) {
                throw new IllegalArgumentException("A budget limit must be more than $0, not " + limit + ".");
            }
        }

        @Override
        public String action() {
            return "set-budget";
        }

        @Override
        public String label() {
            return "Set the " + window + " budget to " + KeyWords.money(limit) + (resetUsage ? " and reset usage" : "");
        }

        @Override
        public boolean destructive() {
            return resetUsage;
        }
    }

    /** Removes the key's budget with this window (and its usage counter). */
    record RemoveBudget(String window) implements KeyChange {
        public RemoveBudget {
            window = checkedWindow(window);
        }

        @Override
        public String action() {
            return "remove-budget";
        }

        @Override
        public String label() {
            return "Remove the " + window + " budget";
        }

        @Override
        public boolean destructive() {
            return true;
        }
    }

    /** {@code max} tokens or requests per {@code window}; {@link #NONE} removes that half of the rate limit. */
    record Limit(long max, String window) {
        /** No limit of this kind. */
        public static final Limit NONE = new Limit(0, null);

        public Limit {
            if (window != null) {
                window = checkedWindow(window);
                if (max <= 0) {
                    throw new IllegalArgumentException("A rate limit must be more than 0, not " + max + ".");
                }
            }
        }

        /** Parses {@code 100000/1h}; {@code none} is {@link #NONE}. */
        public static Limit parse(String text) {
            String t = Objects.requireNonNull(text, "text").strip();
            if (t.equalsIgnoreCase("none")) {
                return NONE;
            }
            int slash = t.indexOf('/');
            if (slash <= 0 || slash == t.length() - 1) {
                throw new IllegalArgumentException("'" + text + "' is not a limit: write it as COUNT/WINDOW, e.g."
                        + " 100000/1h, or none.");
            }
            long max;
            try {
                max = Long.parseLong(t.substring(0, slash).replace("_", "").replace(",", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + t.substring(0, slash) + "' is not a whole number in '"
                        + text + "'.");
            }
            return new Limit(max, t.substring(slash + 1));
        }

        public boolean isNone() {
            return window == null;
        }
    }

    /**
     * Sets the token and/or request limit; a null part stays as it is, {@link Limit#NONE} removes it (both NONE
     * removes the rate limit). Bifrost replaces all four fields, so the part not given is sent unchanged.
     */
    record SetRateLimit(Limit tokens, Limit requests) implements KeyChange {
        public SetRateLimit {
            if (tokens == null && requests == null) {
                throw new IllegalArgumentException("Say which limit to set: tokens, requests or both.");
            }
        }

        @Override
        public String action() {
            return "set-rate-limit";
        }

        @Override
        public String label() {
            return tokens != null && tokens.isNone() && requests != null && requests.isNone() ? "Remove the rate limit"
                    : "Set the rate limit";
        }
    }

    /** Who a key belongs to after {@link Assign}: a team, a customer, or nobody. */
    enum OwnerKind { TEAM, CUSTOMER, NONE }

    /** Moves the key to a team or a customer (a key has at most one of them), or to neither. */
    record Assign(OwnerKind kind, String id, String name) implements KeyChange {
        public Assign {
            Objects.requireNonNull(kind, "kind");
            if (kind != OwnerKind.NONE && (id == null || id.isBlank())) {
                throw new IllegalArgumentException("Say which " + kind.name().toLowerCase() + " to assign to.");
            }
            if (kind == OwnerKind.NONE) {
                id = null;
                name = null;
            }
        }

        @Override
        public String action() {
            return "assign";
        }

        @Override
        public String label() {
            return switch (kind) {
                case TEAM -> "Assign to team " + (name == null ? id : name);
                case CUSTOMER -> "Assign to customer " + (name == null ? id : name);
                case NONE -> "Remove from its team or customer";
            };
        }
    }

    /** Adds {@code amount} dollars to the budget with {@code window} for {@code cycles} windows, or forever (null). */
    record SetBudgetOverride(String window, double amount, Integer cycles) implements KeyChange {
        public SetBudgetOverride {
            window = checkedWindow(window);
            if (!(amount > 0) || Double.isInfinite(amount)) {
                throw new IllegalArgumentException("An override must add more than $0, not " + amount + ".");
            }
            if (cycles != null && cycles <= 0) {
                throw new IllegalArgumentException("An override lasts at least 1 window, not " + cycles + ".");
            }
        }

        @Override
        public String action() {
            return "override";
        }

        @Override
        public String label() {
            return "Add " + KeyWords.money(amount) + " to the " + window + " budget "
                    + (cycles == null ? "until removed" : "for " + KeyWords.windows(cycles));
        }
    }

    /** Removes the override from the budget with {@code window}. */
    record RemoveBudgetOverride(String window) implements KeyChange {
        public RemoveBudgetOverride {
            window = checkedWindow(window);
        }

        @Override
        public String action() {
            return "remove-override";
        }

        @Override
        public String label() {
            return "Remove the override of the " + window + " budget";
        }
    }

    /**
     * A new key with the configuration of a deleted one, from the backup written before it was deleted; the
     * server gives it a new id and a new value.
     */
    record Recreate(DeletedKey from) implements KeyChange {
        public Recreate {
            Objects.requireNonNull(from, "from");
        }

        @Override
        public String action() {
            return "recreate";
        }

        @Override
        public String label() {
            return "Recreate";
        }
    }

    // ---- factories -------------------------------------------------------------------------------------------

    static KeyChange enable() {
        return new SetActive(true);
    }

    static KeyChange disable() {
        return new SetActive(false);
    }

    static KeyChange rotate() {
        return new Rotate();
    }

    static KeyChange delete() {
        return new Delete();
    }

    private static String checkedWindow(String window) {
        if (window == null || ResetWindow.parse(window).isEmpty()) {
            throw new IllegalArgumentException("'" + window + "' is not a window Bifrost accepts: use e.g. 1h, 1d,"
                    + " 1w, 1M (30 days) or 1Y.");
        }
        return window.strip();
    }
}
