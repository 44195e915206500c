package bifrostconsole.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Map;

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
        Integer quarterStartMonth,
        Integer overrideCyclesTotal,
        Instant overrideAnchorReset,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknownFields) {

    public Budget {
        unknownFields = UnknownFields.of(unknownFields);
        configHash = Lists.blankToNull(configHash); // Bifrost sends "" for "not synced from config.json"
    }

    /** Without {@code quarter_start_month}: every budget that is not quarterly. */
    public Budget(String id, double maxLimit, String resetDuration, Instant lastReset, double currentUsage,
                  Boolean calendarAligned, String teamId, String virtualKeyId, Long providerConfigId, String customerId,
                  String modelConfigId, Double overrideAmount, String overrideMode, Integer overrideCyclesRemaining,
                  String configHash, Instant createdAt, Instant updatedAt) {
        this(id, maxLimit, resetDuration, lastReset, currentUsage, calendarAligned, teamId, virtualKeyId,
                providerConfigId, customerId, modelConfigId, overrideAmount, overrideMode, overrideCyclesRemaining,
                configHash, createdAt, updatedAt, null);
    }

    /** Without the override's cycle bookkeeping and without fields unknown to the console. */
    public Budget(String id, double maxLimit, String resetDuration, Instant lastReset, double currentUsage,
                  Boolean calendarAligned, String teamId, String virtualKeyId, Long providerConfigId, String customerId,
                  String modelConfigId, Double overrideAmount, String overrideMode, Integer overrideCyclesRemaining,
                  String configHash, Instant createdAt, Instant updatedAt, Integer quarterStartMonth) {
        this(id, maxLimit, resetDuration, lastReset, currentUsage, calendarAligned, teamId, virtualKeyId,
                providerConfigId, customerId, modelConfigId, overrideAmount, overrideMode, overrideCyclesRemaining,
                configHash, createdAt, updatedAt, quarterStartMonth, null, null, null);
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
