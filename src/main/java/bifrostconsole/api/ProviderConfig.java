package bifrostconsole.api;

import java.util.List;

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
        List<ModelBudget> modelBudgets) {

    public ProviderConfig {
        allowedModels = Lists.orEmpty(allowedModels);
        blacklistedModels = Lists.orEmpty(blacklistedModels);
        budgets = Lists.orEmpty(budgets);
        keys = Lists.orEmpty(keys);
        modelBudgets = Lists.orEmpty(modelBudgets);
    }

    public boolean allowsAllModels() {
        return allowedModels.contains("*");
    }
}
