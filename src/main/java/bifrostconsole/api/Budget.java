package bifrostconsole.api;

import java.time.Instant;

/**
 * A spending budget in US dollars over a reset window such as {@code 1h}, {@code 1d}, {@code 1w}, {@code 1M}.
 * Owned by exactly one of a virtual key, provider config, team, customer or model config.
 */
public record Budget(
        String id,
        double maxLimit,
        String resetDuration,
        Instant lastReset,
        double currentUsage,
        Boolean calendarAligned,
        String teamId,
        String virtualKeyId,
        Long providerConfigId,
        String customerId,
        String modelConfigId,
        Double overrideAmount,
        String overrideMode,
        Integer overrideCyclesRemaining,
        String configHash,
        Instant createdAt,
        Instant updatedAt,
        Integer quarterStartMonth) {

    /** Without {@code quarter_start_month}: every budget that is not quarterly. */
    public Budget(String id, double maxLimit, String resetDuration, Instant lastReset, double currentUsage,
                  Boolean calendarAligned, String teamId, String virtualKeyId, Long providerConfigId, String customerId,
                  String modelConfigId, Double overrideAmount, String overrideMode, Integer overrideCyclesRemaining,
                  String configHash, Instant createdAt, Instant updatedAt) {
        this(id, maxLimit, resetDuration, lastReset, currentUsage, calendarAligned, teamId, virtualKeyId,
                providerConfigId, customerId, modelConfigId, overrideAmount, overrideMode, overrideCyclesRemaining,
                configHash, createdAt, updatedAt, null);
    }

    /** The limit in force: the base limit plus any temporary override. */
    public double effectiveLimit() {
        return maxLimit + (overrideAmount == null ? 0 : overrideAmount);
    }

    /** Spent share of the effective limit, 0 when there is no positive limit. */
    public double usedFraction() {
        double limit = effectiveLimit();
        return limit <= 0 ? 0 : currentUsage / limit;
    }

    public boolean exhausted() {
        return effectiveLimit() > 0 && currentUsage >= effectiveLimit();
    }

    public static Budget of(String id, double maxLimit, String resetDuration, double currentUsage, Instant lastReset) {
        return new Budget(id, maxLimit, resetDuration, lastReset, currentUsage, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }
}
