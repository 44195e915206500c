package bifrostconsole.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * Which provider a virtual key may use, with its routing weight, model allow/deny lists, allowed provider
 * keys and its own budgets and rate limit. {@code ["*"]} in {@code allowed_models} means every model.
 */
public record ProviderConfig(
        Long id,
        String virtualKeyId,
        String provider,
        Double weight,
        List<String> allowedModels,
        List<String> blacklistedModels,
        boolean allowAllKeys,
        String rateLimitId,
        RateLimit rateLimit,
        List<Budget> budgets,
        List<ProviderKey> keys,
        List<ModelBudget> modelBudgets,
        @JsonAnyGetter Map<String, JsonNode> unknownFields) {

    public ProviderConfig {
        unknownFields = UnknownFields.of(unknownFields);
        allowedModels = Lists.orEmpty(allowedModels);
        blacklistedModels = Lists.orEmpty(blacklistedModels);
        budgets = Lists.orEmpty(budgets);
        keys = Lists.orEmpty(keys);
        modelBudgets = Lists.orEmpty(modelBudgets);
    }

    /** Without fields unknown to the console. */
    public ProviderConfig(Long id, String virtualKeyId, String provider, Double weight, List<String> allowedModels,
            List<String> blacklistedModels, boolean allowAllKeys, String rateLimitId, RateLimit rateLimit,
            List<Budget> budgets, List<ProviderKey> keys, List<ModelBudget> modelBudgets) {
        this(id, virtualKeyId, provider, weight, allowedModels, blacklistedModels, allowAllKeys, rateLimitId,
                rateLimit, budgets, keys, modelBudgets, null);
    }

    /** Reads the wire form, folding the single {@code budget} of servers before v1.5.0 into {@code budgets}. */
    @JsonCreator
    static ProviderConfig fromJson(
            @JsonProperty("id") Long id, @JsonProperty("virtual_key_id") String virtualKeyId,
            @JsonProperty("provider") String provider, @JsonProperty("weight") Double weight,
            @JsonProperty("allowed_models") List<String> allowedModels,
            @JsonProperty("blacklisted_models") List<String> blacklistedModels,
            @JsonProperty("allow_all_keys") boolean allowAllKeys, @JsonProperty("rate_limit_id") String rateLimitId,
            @JsonProperty("rate_limit") RateLimit rateLimit, @JsonProperty("budgets") List<Budget> budgets,
            @JsonProperty("budget") Budget legacyBudget, @JsonProperty("keys") List<ProviderKey> keys,
            @JsonProperty("model_budgets") List<ModelBudget> modelBudgets,
            @JsonAnySetter Map<String, JsonNode> unknownFields) {
        return new ProviderConfig(id, virtualKeyId, provider, weight, allowedModels, blacklistedModels, allowAllKeys,
                rateLimitId, rateLimit, Customer.mergeLegacyBudget(Lists.orEmpty(budgets), legacyBudget), keys,
                modelBudgets, unknownFields);
    }

    public boolean allowsAllModels() {
        return allowedModels.contains("*");
    }

    /** The key ids a write must send for this config (API.md §5.4): {@code ["*"]}, else each key's {@code key_id}. */
    public List<String> keyIdsForWrite() {
        if (allowAllKeys) {
            return List.of("*");
        }
        return keys.stream().map(k -> k.keyId() != null ? k.keyId() : k.id()).toList();
    }
}
