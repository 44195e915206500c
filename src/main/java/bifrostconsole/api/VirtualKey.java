package bifrostconsole.api;

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
