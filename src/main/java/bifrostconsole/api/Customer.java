package bifrostconsole.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A customer with its teams, budgets and rate limit. The server also preloads the customer's virtual keys
 * with their plain values (API.md §10, §11); they are deliberately not part of this model, not even among its
 * unknown fields, so they cannot leak from here into a snapshot, an export or a diff.
 */
public record Customer(
        String id,
        String name,
        String rateLimitId,
        List<Budget> budgets,
        Budget budget,
        RateLimit rateLimit,
        List<Team> teams,
        Integer virtualKeyCount,
        boolean calendarAligned,
        String configHash,
        Instant createdAt,
        Instant updatedAt,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknownFields) {

    public Customer {
        unknownFields = UnknownFields.without(unknownFields, "virtual_keys");
        configHash = Lists.blankToNull(configHash); // Bifrost sends "" for "not synced from config.json"
        budgets = Lists.orEmpty(budgets);
        teams = Lists.orEmpty(teams);
    }

    /** Without fields unknown to the console (and without any field listed after the last one given). */
    public Customer(String id, String name, String rateLimitId, List<Budget> budgets, Budget budget, RateLimit
            rateLimit, List<Team> teams, Integer virtualKeyCount, boolean calendarAligned, String configHash, Instant
            createdAt, Instant updatedAt) {
        this(id, name, rateLimitId, budgets, budget, rateLimit, teams, virtualKeyCount, calendarAligned, configHash,
                createdAt, updatedAt, null);
    }

    public List<Budget> allBudgets() {
        return mergeLegacyBudget(budgets, budget);
    }

    static List<Budget> mergeLegacyBudget(List<Budget> budgets, Budget legacy) {
        if (legacy == null || budgets.stream().anyMatch(b -> b.id() != null && b.id().equals(legacy.id()))) {
            return budgets;
        }
        List<Budget> all = new ArrayList<>(budgets);
        all.add(legacy);
        return List.copyOf(all);
    }

    public static Customer named(String id, String name) {
        return new Customer(id, name, null, null, null, null, null, null, false, null, null, null);
    }
}
