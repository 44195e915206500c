package bifrostconsole.export;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a diff compares and how it matches list elements. Fields that change without anyone changing the
 * configuration (save timestamps, hashes, usage counters) and copies embedded for convenience are left out;
 * list elements are matched by what identifies them to an admin (a budget by its window, a provider config by
 * its provider), never by position, so reordering is not a change.
 */
public record DiffRules(Set<String> ignoredEverywhere, Set<String> ignoredAtTop, Set<String> ignoredNested,
                        Map<String, List<String>> identities) {

    static final Set<String> USAGE_FIELDS = Set.of("current_usage", "last_reset", "token_current_usage",
            "token_last_reset", "request_current_usage", "request_last_reset");
    private static final Set<String> SAVE_NOISE = Set.of("updated_at", "config_hash");
    /** Ids, owners and timestamps of nested budgets, rate limits and configs: elements are matched instead. */
    private static final Set<String> NESTED_BOOKKEEPING = Set.of("id", "created_at", "virtual_key_id",
            "provider_config_id", "rate_limit_id", "team_id", "customer_id", "model_config_id", "mcp_client");
    private static final Map<String, List<String>> IDENTITIES = Map.of(
            "budgets", List.of("reset_duration"),
            "provider_configs", List.of("provider"),
            "mcp_configs", List.of("mcp_client/name", "mcp_client_id"),
            "keys", List.of("key_id", "name", "id"),
            "model_budgets", List.of("model_name"),
            "vk_configs", List.of("virtual_key_id"));

    public static DiffRules virtualKeys(boolean includeUsage) {
        return new DiffRules(everywhere(includeUsage), Set.of("team", "customer", "rate_limit_id", "value"),
                NESTED_BOOKKEEPING, IDENTITIES);
    }

    public static DiffRules teams(boolean includeUsage) {
        return new DiffRules(everywhere(includeUsage), Set.of("customer", "virtual_key_count", "rate_limit_id"),
                NESTED_BOOKKEEPING, IDENTITIES);
    }

    public static DiffRules customers(boolean includeUsage) {
        return new DiffRules(everywhere(includeUsage), Set.of("teams", "virtual_key_count", "rate_limit_id"),
                NESTED_BOOKKEEPING, IDENTITIES);
    }

    private static Set<String> everywhere(boolean includeUsage) {
        return includeUsage ? SAVE_NOISE
                : Stream.concat(SAVE_NOISE.stream(), USAGE_FIELDS.stream()).collect(Collectors.toUnmodifiableSet());
    }

    boolean ignored(String field, boolean atTop) {
        return ignoredEverywhere.contains(field) || (atTop ? ignoredAtTop : ignoredNested).contains(field);
    }

    /** The text identifying a list element, e.g. "1M" for a budget, or null to match by position. */
    String identity(String listField, JsonNode element) {
        List<String> candidates = identities.get(listField);
        if (candidates == null || !element.isObject()) {
            return null;
        }
        for (String pointer : candidates) {
            JsonNode v = element.at("/" + pointer);
            if (!v.isMissingNode() && !v.isNull() && !v.asText().isEmpty()) {
                return v.asText();
            }
        }
        return null;
    }

    /** For --help and the head of a diff: what is not compared, and why. */
    public static List<String> describeIgnored(boolean includeUsage) {
        List<String> lines = new java.util.ArrayList<>(List.of(
                "updated_at and config_hash (they change on every save)",
                "the team and customer copies inside a key (team_id and customer_id are compared; teams and"
                        + " customers have their own sections)",
                "ids, owner ids and timestamps of nested budgets, rate limits and provider configs (they are"
                        + " matched by window, provider, model or client name instead)",
                "virtual_key_count of teams and customers (follows from the keys section)",
                "key values: compared only when both sides include them, and never printed"));
        if (!includeUsage) {
            lines.add("usage counters: current_usage, last_reset, token_current_usage, request_current_usage,"
                    + " token_last_reset, request_last_reset (compare them with --include-usage)");
        }
        return lines;
    }
}
