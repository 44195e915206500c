package bifrostconsole.headroom;

import bifrostconsole.api.Budget;
import bifrostconsole.api.Customer;
import bifrostconsole.api.Json;
import bifrostconsole.api.ProviderConfig;
import bifrostconsole.api.RateLimit;
import bifrostconsole.api.Team;
import bifrostconsole.testing.TestKeys;

import java.time.Instant;
import java.util.List;

/** Hand-built keys, teams and customers for the headroom tests. Friday 27 November 2026, 10:00 UTC. */
final class HeadroomFixtures {
    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private HeadroomFixtures() {
    }

    static Budget budget(double max, String window, double used, Instant lastReset) {
        return Budget.of("b-" + window + "-" + max, max, window, used, lastReset);
    }

    static Budget budget(double max, String window, double used) {
        return budget(max, window, used, NOW.minusSeconds(600));
    }

    static Budget withOverride(Budget b, double amount, String mode, Integer cycles) {
        return new Budget(b.id(), b.maxLimit(), b.resetDuration(), b.lastReset(), b.currentUsage(), null, null, null,
                null, null, null, amount, mode, cycles, null, null, null);
    }

    /** Read from JSON, as a server sends it: the record's full constructor is not this test's business. */
    static Budget quarterly(double max, double used, Instant lastReset, int quarterStartMonth) {
        try {
            return Json.mapper().readValue("{\"id\":\"b-q\",\"max_limit\":" + max + ",\"reset_duration\":\"1Q\","
                    + "\"current_usage\":" + used + ",\"last_reset\":\"" + lastReset + "\",\"quarter_start_month\":"
                    + quarterStartMonth + "}", Budget.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static RateLimit tokens(long max, String window, long used, Instant lastReset) {
        return new RateLimit("rl-t", max, window, used, lastReset, null, null, 0, null, null, null, null, null);
    }

    static RateLimit requests(long max, String window, long used, Instant lastReset) {
        return new RateLimit("rl-r", null, null, 0, null, max, window, used, lastReset, null, null, null, null);
    }

    static ProviderConfig provider(String name, Budget... budgets) {
        return provider(name, null, budgets);
    }

    static ProviderConfig provider(String name, RateLimit rateLimit, Budget... budgets) {
        return new ProviderConfig(1L, "vk", name, 1.0, List.of("*"), List.of(), true, null, rateLimit,
                List.of(budgets), List.of(), List.of());
    }

    static Team team(String id, String name, String customerId, boolean aligned, RateLimit rateLimit,
                     Budget... budgets) {
        return new Team(id, name, customerId, null, null, null, List.of(budgets), null, rateLimit, null, aligned,
                null, null, null);
    }

    static Customer customer(String id, String name, boolean aligned, Budget... budgets) {
        return new Customer(id, name, null, List.of(budgets), null, null, null, null, aligned, null, null, null);
    }

    /** The key whose headroom a test computes: nothing set means no limits at all. */
    static TestKeys.Builder key() {
        return TestKeys.key("vk-1").name("checkout-prod").value("sk-bf-secret-value-123")
                .createdAt(NOW.minusSeconds(86_400 * 400L)).updatedAt(NOW.minusSeconds(86_400));
    }
}
