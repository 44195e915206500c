package bifrostconsole.headroom;

import bifrostconsole.api.Budget;
import bifrostconsole.api.Customer;
import bifrostconsole.api.Json;
import bifrostconsole.api.ProviderConfig;
import bifrostconsole.api.RateLimit;
import bifrostconsole.api.SecretValue;
import bifrostconsole.api.Team;
import bifrostconsole.api.VirtualKey;

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

    static Key key() {
        return new Key();
    }

    /** A virtual key under construction: nothing set means no limits at all. */
    static final class Key {
        private List<Budget> budgets = List.of();
        private RateLimit rateLimit;
        private List<ProviderConfig> providers = List.of();
        private Team team;
        private String teamId;
        private Customer customer;
        private String customerId;
        private boolean aligned;
        private Boolean allProviders;

        Key budgets(Budget... value) {
            budgets = List.of(value);
            return this;
        }

        Key rateLimit(RateLimit value) {
            rateLimit = value;
            return this;
        }

        Key providers(ProviderConfig... value) {
            providers = List.of(value);
            return this;
        }

        /** The team embedded in the key, as the list endpoint sends it. */
        Key team(Team value) {
            team = value;
            teamId = value.id();
            return this;
        }

        /** Only the id: the team itself must come from the team list. */
        Key teamId(String value) {
            teamId = value;
            return this;
        }

        Key customer(Customer value) {
            customer = value;
            customerId = value.id();
            return this;
        }

        Key calendarAligned() {
            aligned = true;
            return this;
        }

        Key allowAllProviders() {
            allProviders = true;
            return this;
        }

        VirtualKey build() {
            return new VirtualKey("vk-1", "checkout-prod", null, SecretValue.plain("sk-bf-secret-value-123"), true,
                    null, providers, List.of(), teamId, customerId, null, aligned, allProviders, team, customer,
                    rateLimit, budgets, null, null, null, null, null, null, NOW.minusSeconds(86_400 * 400L),
                    NOW.minusSeconds(86_400));
        }
    }
}
