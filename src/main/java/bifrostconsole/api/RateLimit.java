package bifrostconsole.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Map;

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
        Instant updatedAt,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknownFields) {

    public RateLimit {
        unknownFields = UnknownFields.of(unknownFields);
        configHash = Lists.blankToNull(configHash); // Bifrost sends "" for "not synced from config.json"
    }

    /** Without fields unknown to the console (and without any field listed after the last one given). */
    public RateLimit(String id, Long tokenMaxLimit, String tokenResetDuration, long tokenCurrentUsage, Instant
            tokenLastReset, Long requestMaxLimit, String requestResetDuration, long requestCurrentUsage, Instant
            requestLastReset, String metric, String configHash, Instant createdAt, Instant updatedAt) {
        this(id, tokenMaxLimit, tokenResetDuration, tokenCurrentUsage, tokenLastReset, requestMaxLimit,
                requestResetDuration, requestCurrentUsage, requestLastReset, metric, configHash, createdAt, updatedAt,
                null);
    }

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
