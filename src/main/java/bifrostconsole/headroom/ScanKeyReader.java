package bifrostconsole.headroom;

import bifrostconsole.api.Budget;
import bifrostconsole.api.Customer;
import bifrostconsole.api.Json;
import bifrostconsole.api.ModelBudget;
import bifrostconsole.api.ProviderConfig;
import bifrostconsole.api.RateLimit;
import bifrostconsole.api.Team;
import bifrostconsole.api.VirtualKey;
import com.fasterxml.jackson.annotation.JsonIncludeProperties;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * Binds a key for a {@link GatewayScan} only: what {@link HeadroomCalculator}, {@link Attention} and the scan's
 * tally read (limits, usage and windows, activity, expiry, team and customer), so the parser skips the rest of
 * each key instead of building it: its value and description, metadata, MCP configs, provider keys and model
 * lists, and of every budget and rate limit its ids, hashes and timestamps. Most of a key's bytes and objects are
 * in those parts. A scan's result is the same as with the full model (GatewayScanReadingTest compares them); a key
 * whose skipped parts are malformed is now counted instead of being read as unreadable. The scan itself reads its
 * keys off their bytes ({@link ScanKeyReading}, which gives the same keys) and binds with this reader only the keys in
 * a shape the scanner does not expect.
 */
final class ScanKeyReader {
    static final ObjectReader READER = Json.mapper().copy()
            .addMixIn(VirtualKey.class, KeyFields.class)
            .addMixIn(ProviderConfig.class, ProviderFields.class)
            .addMixIn(Team.class, TeamFields.class)
            .addMixIn(Customer.class, CustomerFields.class)
            .addMixIn(Budget.class, BudgetFields.class)
            .addMixIn(RateLimit.class, RateLimitFields.class)
            .addMixIn(ModelBudget.class, ModelBudgetFields.class)
            .readerFor(VirtualKey.class);

    private ScanKeyReader() {
    }

    @JsonIncludeProperties({"id", "name", "is_active", "expires_at", "provider_configs", "team_id", "customer_id",
            "calendar_aligned", "allow_all_providers", "team", "customer", "rate_limit", "budgets", "budget"})
    private abstract static class KeyFields {
    }

    /** Of a provider config: its provider's name, budgets and rate limit, and whether it has per-model budgets. */
    @JsonIncludeProperties({"provider", "rate_limit", "budgets", "budget", "model_budgets"})
    private abstract static class ProviderFields {
    }

    /** Per-model budgets are not counted (only that there are some): their model's name is enough to bind one. */
    @JsonIncludeProperties({"model_name"})
    private abstract static class ModelBudgetFields {
    }

    /** An embedded team: used when the team list lacks it, as the calculator does with the full model. */
    @JsonIncludeProperties({"id", "name", "customer_id", "customer", "budgets", "budget", "rate_limit",
            "calendar_aligned"})
    private abstract static class TeamFields {
    }

    @JsonIncludeProperties({"id", "name", "budgets", "budget", "rate_limit", "calendar_aligned"})
    private abstract static class CustomerFields {
    }

    /** The id is kept: a legacy {@code budget} is told apart from the same one in {@code budgets} by it. */
    @JsonIncludeProperties({"id", "max_limit", "reset_duration", "last_reset", "current_usage", "calendar_aligned",
            "override_amount", "override_mode", "override_cycles_remaining", "quarter_start_month"})
    private abstract static class BudgetFields {
    }

    @JsonIncludeProperties({"token_max_limit", "token_reset_duration", "token_current_usage", "token_last_reset",
            "request_max_limit", "request_reset_duration", "request_current_usage", "request_last_reset"})
    private abstract static class RateLimitFields {
    }
}
