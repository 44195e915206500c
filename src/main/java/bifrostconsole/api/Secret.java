package bifrostconsole.api;

import java.util.Objects;

/**
 * A management API key held in memory. Its {@code toString} never shows the value, so a Secret can be
 * passed through records, logs and exception messages without leaking.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Secret of(String value) {
        return value == null || value.isBlank() ? null : new Secret(value.strip());
    }

    /** The plain value: call only where it is sent to the server or stored in the credential store. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "Secret[****]";
    }
}
