package bifrostconsole.api;

import java.util.List;

/** Budgets and a rate limit for one model inside a provider config. */
public record ModelBudget(String modelName, List<Budget> budgets, RateLimit rateLimit) {
    public ModelBudget {
        budgets = Lists.orEmpty(budgets);
    }
}
