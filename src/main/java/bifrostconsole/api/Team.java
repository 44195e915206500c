package bifrostconsole.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A team, optionally under a customer, with its own budgets and rate limit. A {@code virtual_keys} list the server
 * may preload is not kept, not even among the unknown fields: like a customer's, it would carry plain key values.
 */
public record Team(
        String id,
        String name,
        String customerId,
        String rateLimitId,
        String sourceId,
        Customer customer,
        List<Budget> budgets,
        Budget budget,
        RateLimit rateLimit,
        Integer virtualKeyCount,
        boolean calendarAligned,
        String configHash,
        Instant createdAt,
        Instant updatedAt,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknownFields) {

    public Team {
        unknownFields = UnknownFields.without(unknownFields, "virtual_keys");
        configHash = Lists.blankToNull(configHash); // Bifrost sends "" for "not synced from config.json"
        budgets = Lists.orEmpty(budgets);
    }

    /** Without fields unknown to the console (and without any field listed after the last one given). */
    public Team(String id, String name, String customerId, String rateLimitId, String sourceId, Customer customer,
            List<Budget> budgets, Budget budget, RateLimit rateLimit, Integer virtualKeyCount, boolean
            calendarAligned, String configHash, Instant createdAt, Instant updatedAt) {
        this(id, name, customerId, rateLimitId, sourceId, customer, budgets, budget, rateLimit, virtualKeyCount,
                calendarAligned, configHash, createdAt, updatedAt, null);
    }

    /** {@code budgets[]} plus the single {@code budget} older servers send. */
    public List<Budget> allBudgets() {
        return Customer.mergeLegacyBudget(budgets, budget);
    }

    public static Team named(String id, String name) {
        return new Team(id, name, null, null, null, null, null, null, null, null, false, null, null, null);
    }
}
