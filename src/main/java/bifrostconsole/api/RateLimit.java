package bifrostconsole.api;

import java.time.Instant;

/** Token and request limits over their own windows, with the usage counted in the current window. */
public record RateLimit(
        String id,
        Long tokenMaxLimit,
        String tokenResetDuration,
        long tokenCurrentUsage,
        Instant tokenLastReset,
        Long requestMaxLimit,
        String requestResetDuration,
        long requestCurrentUsage,
        Instant requestLastReset,
        String metric,
        String configHash,
        Instant createdAt,
        Instant updatedAt) {

    public boolean hasTokenLimit() {
        return tokenMaxLimit != null && tokenMaxLimit > 0;
    }

    public boolean hasRequestLimit() {
        return requestMaxLimit != null && requestMaxLimit > 0;
    }

    public boolean exhausted() {
        return (hasTokenLimit() && tokenCurrentUsage >= tokenMaxLimit)
                || (hasRequestLimit() && requestCurrentUsage >= requestMaxLimit);
    }
}
