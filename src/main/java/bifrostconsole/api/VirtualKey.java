package bifrostconsole.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import java.time.Instant;
import java.util.List;

/**
 * A virtual key and everything that governs it, as {@code GET /api/governance/virtual-keys} returns it.
 * The key value is a {@link SecretValue} so that {@code toString} never shows it; on the wire it is a string.
 */
public record VirtualKey(
        String id,
        String name,
        String description,
        @JsonSerialize(using = SecretValue.PlainStringSerializer.class) SecretValue value,
        Boolean isActive,
        Instant expiresAt,
        List<ProviderConfig> providerConfigs,
        List<McpConfig> mcpConfigs,
        String teamId,
        String customerId,
        String rateLimitId,
        boolean calendarAligned,
        Boolean allowAllProviders,
        Team team,
        Customer customer,
        RateLimit rateLimit,
        List<Budget> budgets,
        Boolean isAccessProfileManaged,
        AssignedUser assignedUser,
        String configHash,
        Instant previousValueExpiresAt,
        Instant rotatedAt,
        String createdByUserId,
        Instant createdAt,
        Instant updatedAt) {

    public VirtualKey {
        providerConfigs = Lists.orEmpty(providerConfigs);
        mcpConfigs = Lists.orEmpty(mcpConfigs);
        budgets = Lists.orEmpty(budgets);
    }

    /**
     * Reads the wire form: servers before v1.5.0 send one {@code budget} object instead of {@code budgets[]};
     * it is folded into {@code budgets} so every server version shows its budgets.
     */
    @JsonCreator
    static VirtualKey fromJson(
            @JsonProperty("id") String id, @JsonProperty("name") String name,
            @JsonProperty("description") String description, @JsonProperty("value") SecretValue value,
            @JsonProperty("is_active") Boolean isActive, @JsonProperty("expires_at") Instant expiresAt,
            @JsonProperty("provider_configs") List<ProviderConfig> providerConfigs,
            @JsonProperty("mcp_configs") List<McpConfig> mcpConfigs, @JsonProperty("team_id") String teamId,
            @JsonProperty("customer_id") String customerId, @JsonProperty("rate_limit_id") String rateLimitId,
            @JsonProperty("calendar_aligned") boolean calendarAligned,
            @JsonProperty("allow_all_providers") Boolean allowAllProviders, @JsonProperty("team") Team team,
            @JsonProperty("customer") Customer customer, @JsonProperty("rate_limit") RateLimit rateLimit,
            @JsonProperty("budgets") List<Budget> budgets, @JsonProperty("budget") Budget legacyBudget,
            @JsonProperty("is_access_profile_managed") Boolean isAccessProfileManaged,
            @JsonProperty("assigned_user") AssignedUser assignedUser, @JsonProperty("config_hash") String configHash,
            @JsonProperty("previous_value_expires_at") Instant previousValueExpiresAt,
            @JsonProperty("rotated_at") Instant rotatedAt, @JsonProperty("created_by_user_id") String createdByUserId,
            @JsonProperty("created_at") Instant createdAt, @JsonProperty("updated_at") Instant updatedAt) {
        return new VirtualKey(id, name, description, value, isActive, expiresAt, providerConfigs, mcpConfigs, teamId,
                customerId, rateLimitId, calendarAligned, allowAllProviders, team, customer, rateLimit,
                Customer.mergeLegacyBudget(Lists.orEmpty(budgets), legacyBudget), isAccessProfileManaged,
                assignedUser, configHash, previousValueExpiresAt, rotatedAt, createdByUserId, createdAt, updatedAt);
    }

    /** Bifrost treats an omitted {@code is_active} as active. */
    public boolean active() {
        return isActive == null || isActive;
    }

    public boolean accessProfileManaged() {
        return Boolean.TRUE.equals(isAccessProfileManaged);
    }

    /** The plain key value, or "" when the server (or a redacted export) did not include it. */
    public String plainValue() {
        return value == null || value.value() == null ? "" : value.value();
    }

    /** A copy without the key value, for exports and snapshots that must not carry secrets. */
    public VirtualKey withoutValue() {
        return new VirtualKey(id, name, description, null, isActive, expiresAt, providerConfigs, mcpConfigs, teamId,
                customerId, rateLimitId, calendarAligned, allowAllProviders, team, customer, rateLimit, budgets,
                isAccessProfileManaged, assignedUser, configHash, previousValueExpiresAt, rotatedAt,
                createdByUserId, createdAt, updatedAt);
    }
}
