package bifrostconsole.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/** Budgets and a rate limit for one model inside a provider config. */
public record ModelBudget(String modelName, List<Budget> budgets, RateLimit rateLimit,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknownFields) {
    public ModelBudget {
        unknownFields = UnknownFields.of(unknownFields);
        budgets = Lists.orEmpty(budgets);
    }

    /** Without fields unknown to the console (and without any field listed after the last one given). */
    public ModelBudget(String modelName, List<Budget> budgets, RateLimit rateLimit) {
        this(modelName, budgets, rateLimit, null);
    }
}
