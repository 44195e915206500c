package bifrostconsole.testing;

import bifrostconsole.api.AssignedUser;
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
import java.util.ArrayList;
import java.util.List;

/**
 * Virtual keys for tests, built by name: {@code TestKeys.key("vk-1").name("billing").team(platform).build()}.
 * Every test key is made here, so a field added to {@link VirtualKey} is added to the tests in this one file: give
 * {@link Builder} a field, a setter, and a place in {@link Builder#build()} and {@link #copyOf(VirtualKey)}.
 *
 * <p>A key starts active, with the value {@code sk-bf-<id>-secret}, its id as its name, nothing that governs it,
 * created at {@link #CREATED} and updated at {@link #UPDATED}.
 */
public final class TestKeys {
    /** The clock of tests that show keys (statuses, "expires in", usage windows are read against it). */
    public static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    public static final Instant CREATED = Instant.parse("2026-01-05T10:00:00Z");
    public static final Instant UPDATED = Instant.parse("2026-02-01T08:30:00Z");

    private TestKeys() {
    }

    public static Builder key(String id) {
        return new Builder(id);
    }

    /** {@code count} plain keys {@code vk-from} .. named {@code key-from} .., as a page of a list answers them. */
    public static List<VirtualKey> keys(int from, int count) {
        List<VirtualKey> list = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            list.add(key("vk-" + i).name("key-" + i).build());
        }
        return list;
    }

    /**
     * A fully governed key: described as "for the NAME service", expiring 2027-01-01, team "Platform" (team-1),
     * customer "Acme" (cust-1), a monthly and a daily budget (12.50/100 and 3/10), token and request limits
     * (2,500/100,000 per hour and 7/600 per minute), OpenAI (gpt-4o, gpt-4o-mini) and Anthropic (all models) with a
     * budget each, and the github-tools MCP client.
     */
    public static Builder governed(String id, String name) {
        Budget monthly = new Budget("b-" + id + "-m", 100, "1M", CREATED, 12.5, null, null, id, null, null, null,
                null, null, null, null, CREATED, UPDATED);
        Budget daily = new Budget("b-" + id + "-d", 10, "1d", CREATED, 3, null, null, id, null, null, null,
                null, null, null, null, CREATED, UPDATED);
        RateLimit limit = new RateLimit("rl-" + id, 100_000L, "1h", 2_500, CREATED, 600L, "1m", 7, CREATED, null,
                null, CREATED, UPDATED);
        McpConfig github = new McpConfig(7L, id, 3L, new McpClientConfig("mcp-3", "github-tools", false, "http",
                null, null, null, null, null, null, null, null, null, false, null, false), List.of("search"));
        return key(id).name(name).description("for the " + name + " service")
                .expiresAt(Instant.parse("2027-01-01T00:00:00Z"))
                .provider(providerWithBudget(id, 1L, "openai", List.of("gpt-4o", "gpt-4o-mini"), 50))
                .provider(providerWithBudget(id, 2L, "anthropic", List.of("*"), 20))
                .mcp(github)
                .team(Team.named("team-1", "Platform"))
                .customer(Customer.named("cust-1", "Acme"))
                .rateLimit(limit)
                .budget(monthly).budget(daily)
                .configHash("hash-" + id);
    }

    /** A builder holding every field of {@code key}: change what the test is about, keep the rest. */
    public static Builder copyOf(VirtualKey key) {
        Builder b = new Builder(key.id());
        b.name = key.name();
        b.description = key.description();
        b.value = key.value();
        b.isActive = key.isActive();
        b.expiresAt = key.expiresAt();
        b.providerConfigs = new ArrayList<>(key.providerConfigs());
        b.mcpConfigs = new ArrayList<>(key.mcpConfigs());
        b.teamId = key.teamId();
        b.customerId = key.customerId();
        b.rateLimitId = key.rateLimitId();
        b.calendarAligned = key.calendarAligned();
        b.allowAllProviders = key.allowAllProviders();
        b.team = key.team();
        b.customer = key.customer();
        b.rateLimit = key.rateLimit();
        b.budgets = new ArrayList<>(key.budgets());
        b.isAccessProfileManaged = key.isAccessProfileManaged();
        b.assignedUser = key.assignedUser();
        b.configHash = key.configHash();
        b.previousValueExpiresAt = key.previousValueExpiresAt();
        b.rotatedAt = key.rotatedAt();
        b.createdByUserId = key.createdByUserId();
        b.createdAt = key.createdAt();
        b.updatedAt = key.updatedAt();
        b.metadata = key.metadata();
        return b;
    }

    /** A provider config (id 1) that allows {@code models} of {@code provider} with every key, without limits. */
    public static ProviderConfig provider(String provider, Double weight, List<String> models) {
        return new ProviderConfig(1L, null, provider, weight, models, List.of(), true, null, null, List.of(),
                List.of(), List.of());
    }

    /** A provider config of key {@code keyId}, weight 1, with a monthly budget of {@code budget} (1 spent). */
    public static ProviderConfig providerWithBudget(String keyId, long id, String provider, List<String> models,
                                                    double budget) {
        Budget b = new Budget("pb-" + keyId + "-" + provider, budget, "1M", CREATED, 1, null, null, null, id, null,
                null, null, null, null, null, CREATED, UPDATED);
        return new ProviderConfig(id, keyId, provider, 1.0, models, List.of(), true, null, null, List.of(b),
                List.of(), List.of());
    }

    /**
     * Token limit per minute and request limit per hour, with their usage; a null maximum leaves that limit unset.
     * Last reset 20 s (tokens) and 10 min (requests) before {@link #NOW}.
     */
    public static RateLimit rateLimit(long tokensUsed, Long tokenMax, long requestsUsed, Long requestMax) {
        return new RateLimit("rl", tokenMax, "1m", tokensUsed, NOW.minusSeconds(20), requestMax, "1h", requestsUsed,
                NOW.minusSeconds(600), null, null, null, null);
    }

    /** One virtual key under construction; every setter returns the builder. */
    public static final class Builder {
        private final String id;
        private String name;
        private String description;
        private SecretValue value;
        private Boolean isActive = true;
        private Instant expiresAt;
        private List<ProviderConfig> providerConfigs = new ArrayList<>();
        private List<McpConfig> mcpConfigs = new ArrayList<>();
        private String teamId;
        private String customerId;
        private String rateLimitId;
        private boolean calendarAligned;
        private Boolean allowAllProviders;
        private Team team;
        private Customer customer;
        private RateLimit rateLimit;
        private List<Budget> budgets = new ArrayList<>();
        private Boolean isAccessProfileManaged;
        private AssignedUser assignedUser;
        private String configHash;
        private Instant previousValueExpiresAt;
        private Instant rotatedAt;
        private String createdByUserId;
        private Instant createdAt = CREATED;
        private Instant updatedAt = UPDATED;

        private Builder(String id) {
            this.id = id;
            this.name = id;
            this.value = SecretValue.plain("sk-bf-" + id + "-secret");
        }

        private java.util.Map<String, String> metadata;

        public Builder name(String value) {
            name = value;
            return this;
        }

        public Builder description(String value) {
            description = value;
            return this;
        }

        public Builder value(String plain) {
            value = SecretValue.plain(plain);
            return this;
        }

        /** As an export or snapshot without secrets holds the key: no value at all. */
        public Builder noValue() {
            value = null;
            return this;
        }

        public Builder active(boolean value) {
            isActive = value;
            return this;
        }

        /** Omitted on the wire: Bifrost treats such a key as active. */
        public Builder activeUnset() {
            isActive = null;
            return this;
        }

        public Builder expiresAt(Instant value) {
            expiresAt = value;
            return this;
        }

        /** Adds one provider config. */
        public Builder provider(ProviderConfig config) {
            providerConfigs.add(config);
            return this;
        }

        /** Replaces the provider configs. */
        public Builder providers(List<ProviderConfig> configs) {
            providerConfigs = new ArrayList<>(configs);
            return this;
        }

        public Builder providers(ProviderConfig... configs) {
            return providers(List.of(configs));
        }

        /** Adds one MCP client this key may use. */
        public Builder mcp(McpConfig config) {
            mcpConfigs.add(config);
            return this;
        }

        /** Assigns the key to {@code value} (its id too); null for no team. */
        public Builder team(Team value) {
            team = value;
            teamId = value == null ? null : value.id();
            return this;
        }

        /** The team id alone, as list answers that do not embed the team carry it. */
        public Builder teamId(String value) {
            teamId = value;
            return this;
        }

        /** Assigns the key to {@code value} (its id too); null for no customer. */
        public Builder customer(Customer value) {
            customer = value;
            customerId = value == null ? null : value.id();
            return this;
        }

        public Builder customerId(String value) {
            customerId = value;
            return this;
        }

        /** The key's own rate limit (its id too); null for none. */
        public Builder rateLimit(RateLimit value) {
            rateLimit = value;
            rateLimitId = value == null ? null : value.id();
            return this;
        }

        public Builder calendarAligned(boolean value) {
            calendarAligned = value;
            return this;
        }

        public Builder allowAllProviders(Boolean value) {
            allowAllProviders = value;
            return this;
        }

        /** Adds one budget. */
        public Builder budget(Budget value) {
            budgets.add(value);
            return this;
        }

        /** Replaces the budgets. */
        public Builder budgets(List<Budget> values) {
            budgets = new ArrayList<>(values);
            return this;
        }

        public Builder budgets(Budget... values) {
            return budgets(List.of(values));
        }

        public Builder accessProfileManaged(Boolean value) {
            isAccessProfileManaged = value;
            return this;
        }

        public Builder assignedUser(AssignedUser value) {
            assignedUser = value;
            return this;
        }

        public Builder configHash(String value) {
            configHash = value;
            return this;
        }

        public Builder previousValueExpiresAt(Instant value) {
            previousValueExpiresAt = value;
            return this;
        }

        public Builder rotatedAt(Instant value) {
            rotatedAt = value;
            return this;
        }

        public Builder createdByUserId(String value) {
            createdByUserId = value;
            return this;
        }

        public Builder createdAt(Instant value) {
            createdAt = value;
            return this;
        }

        public Builder updatedAt(Instant value) {
            updatedAt = value;
            return this;
        }

        /** The key's metadata (Bifrost 2.x), in the map's order. */
        public Builder metadata(java.util.Map<String, String> value) {
            metadata = value;
            return this;
        }

        public VirtualKey build() {
            return new VirtualKey(id, name, description, value, isActive, expiresAt, List.copyOf(providerConfigs),
                    List.copyOf(mcpConfigs), teamId, customerId, rateLimitId, calendarAligned, allowAllProviders,
                    team, customer, rateLimit, List.copyOf(budgets), isAccessProfileManaged, assignedUser,
                    configHash, previousValueExpiresAt, rotatedAt, createdByUserId, createdAt, updatedAt,
                    metadata, null, null, null, null);
        }
    }
}
