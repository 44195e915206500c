package bifrostconsole.export;

import bifrostconsole.api.Budget;
import bifrostconsole.api.Customer;
import bifrostconsole.api.McpClientConfig;
import bifrostconsole.api.McpConfig;
import bifrostconsole.api.ProviderConfig;
import bifrostconsole.api.RateLimit;
import bifrostconsole.api.SecretValue;
import bifrostconsole.api.Team;
import bifrostconsole.api.VirtualKey;

import java.time.Instant;
import java.util.List;

/** Hand-built keys for the export and diff tests. */
public final class TestKeys {
    public static final Instant CREATED = Instant.parse("2026-01-05T10:00:00Z");
    public static final Instant UPDATED = Instant.parse("2026-02-01T08:30:00Z");

    private TestKeys() {
    }

    public static VirtualKey key(String id, String name) {
        return new VirtualKey(id, name, null, SecretValue.plain("sk-bf-" + id + "-secret"), true, null, List.of(),
                List.of(), null, null, null, false, null, null, null, null, List.of(), null, null, null, null, null,
                null, CREATED, UPDATED);
    }

    /** A fully governed key: team, customer, two budgets, rate limit, two providers and one MCP client. */
    public static VirtualKey governed(String id, String name) {
        Budget monthly = new Budget("b-" + id + "-m", 100, "1M", CREATED, 12.5, null, null, id, null, null, null,
                null, null, null, null, CREATED, UPDATED);
        Budget daily = new Budget("b-" + id + "-d", 10, "1d", CREATED, 3, null, null, id, null, null, null,
                null, null, null, null, CREATED, UPDATED);
        RateLimit limit = new RateLimit("rl-" + id, 100_000L, "1h", 2_500, CREATED, 600L, "1m", 7, CREATED, null,
                null, CREATED, UPDATED);
        ProviderConfig openai = provider(id, 1L, "openai", List.of("gpt-4o", "gpt-4o-mini"), 50);
        ProviderConfig anthropic = provider(id, 2L, "anthropic", List.of("*"), 20);
        McpConfig mcp = new McpConfig(7L, id, 3L, new McpClientConfig("mcp-3", "github-tools", false, "http",
                null, null, null, null, null, null, null, null, null, false, null, false), List.of("search"));
        return new VirtualKey(id, name, "for the " + name + " service", SecretValue.plain("sk-bf-" + id + "-secret"),
                true, Instant.parse("2027-01-01T00:00:00Z"), List.of(openai, anthropic), List.of(mcp), "team-1",
                "cust-1", "rl-" + id, false, null, Team.named("team-1", "Platform"),
                Customer.named("cust-1", "Acme"), limit, List.of(monthly, daily), null, null, "hash-" + id, null,
                null, null, CREATED, UPDATED);
    }

    public static ProviderConfig provider(String keyId, long id, String provider, List<String> models, double budget) {
        Budget b = new Budget("pb-" + keyId + "-" + provider, budget, "1M", CREATED, 1, null, null, null, id, null,
                null, null, null, null, null, CREATED, UPDATED);
        return new ProviderConfig(id, keyId, provider, 1.0, models, List.of(), true, null, null, List.of(b),
                List.of(), List.of());
    }
}
