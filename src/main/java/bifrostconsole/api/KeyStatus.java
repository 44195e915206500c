package bifrostconsole.api;

import java.time.Instant;

/**
 * What a key's state means to an admin, with Bifrost's dashboard precedence: a switched-off key is Inactive
 * whatever else holds; then Expired; then Exhausted (a budget used up or a rate limit hit); else Active.
 */
public enum KeyStatus {
    ACTIVE("Active"), INACTIVE("Inactive"), EXPIRED("Expired"), EXHAUSTED("Exhausted"),
    /** The server sent the key in a shape this console cannot read: its row says why instead of guessing. */
    UNREADABLE("Unreadable");

    private final String label;

    KeyStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static KeyStatus of(VirtualKey key, Instant now) {
        if (key.isUnreadable()) {
            return UNREADABLE;
        }
        if (!key.active()) {
            return INACTIVE;
        }
        if (key.expiresAt() != null && !key.expiresAt().isAfter(now)) {
            return EXPIRED;
        }
        if (key.budgets().stream().anyMatch(Budget::exhausted)
                || (key.rateLimit() != null && key.rateLimit().exhausted())) {
            return EXHAUSTED;
        }
        return ACTIVE;
    }

    /** One sentence on why the key has this status, for the details pane. */
    public static String reason(VirtualKey key, Instant now) {
        return switch (of(key, now)) {
            case INACTIVE -> "Switched off by an admin: requests with this key are refused.";
            case EXPIRED -> "Expired on " + key.expiresAt() + ": requests with this key are refused.";
            case EXHAUSTED -> key.budgets().stream().anyMatch(Budget::exhausted)
                    ? "A budget is used up: requests are refused until it resets."
                    : "A rate limit is reached: requests are refused until the window resets.";
            case ACTIVE -> "Requests with this key are accepted.";
            case UNREADABLE -> "The console could not read this key: " + key.unreadable().reason() + ".";
        };
    }
}
