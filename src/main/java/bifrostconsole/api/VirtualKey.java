package bifrostconsole.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A virtual key and everything that governs it, as {@code GET /api/governance/virtual-keys} returns it.
 * The key value is a {@link SecretValue} so that {@code toString} never shows it; on the wire it is a string.
 * Fields this console does not know are kept in {@code unknownFields} and written back as they came, so a
 * snapshot of a newer server loses nothing. A key the console could not read at all is a placeholder whose
 * {@link #unreadable()} says why (see {@link #unreadable(UnreadableItem)}).
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
        Instant updatedAt,
        Map<String, String> metadata,
        Boolean deleteAfterExpire,
        Boolean disableContentLogging,
        @JsonAnyGetter Map<String, JsonNode> unknownFields,
        @JsonIgnore UnreadableItem unreadable) {

    public VirtualKey {
        providerConfigs = Lists.orEmpty(providerConfigs);
        mcpConfigs = Lists.orEmpty(mcpConfigs);
        budgets = Lists.orEmpty(budgets);
        metadata = Lists.orEmpty(metadata);
        unknownFields = UnknownFields.of(unknownFields);
        configHash = Lists.blankToNull(configHash); // Bifrost sends "" for "not synced from config.json"
    }

    /** A key without the 2.x fields, as servers before v2.1 send it. */
    public VirtualKey(String id, String name, String description, SecretValue value, Boolean isActive, Instant
            expiresAt, List<ProviderConfig> providerConfigs, List<McpConfig> mcpConfigs, String teamId, String
            customerId, String rateLimitId, boolean calendarAligned, Boolean allowAllProviders, Team team, Customer
            customer, RateLimit rateLimit, List<Budget> budgets, Boolean isAccessProfileManaged, AssignedUser
            assignedUser, String configHash, Instant previousValueExpiresAt, Instant rotatedAt, String
            createdByUserId, Instant createdAt, Instant updatedAt) {
        this(id, name, description, value, isActive, expiresAt, providerConfigs, mcpConfigs, teamId, customerId,
                rateLimitId, calendarAligned, allowAllProviders, team, customer, rateLimit, budgets,
                isAccessProfileManaged, assignedUser, configHash, previousValueExpiresAt, rotatedAt, createdByUserId,
                createdAt, updatedAt, null, null, null, null, null);
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
            @JsonProperty("created_at") Instant createdAt, @JsonProperty("updated_at") Instant updatedAt,
            @JsonProperty("metadata") Map<String, String> metadata,
            @JsonProperty("delete_after_expire") Boolean deleteAfterExpire,
            @JsonProperty("disable_content_logging") Boolean disableContentLogging,
            @JsonAnySetter Map<String, JsonNode> unknownFields) {
        return new VirtualKey(id, name, description, value, isActive, expiresAt, providerConfigs, mcpConfigs, teamId,
                customerId, rateLimitId, calendarAligned, allowAllProviders, team, customer, rateLimit,
                Customer.mergeLegacyBudget(Lists.orEmpty(budgets), legacyBudget), isAccessProfileManaged,
                assignedUser, configHash, previousValueExpiresAt, rotatedAt, createdByUserId, createdAt, updatedAt,
                metadata, deleteAfterExpire, disableContentLogging, unknownFields, null);
    }

    /**
     * A row for a key the console could not read: its id and name when they could be made out, nothing else.
     * Written back to a snapshot as the JSON the server sent ({@link UnreadableItem#raw()}).
     */
    public static VirtualKey unreadable(UnreadableItem item) {
        String id = item.id() != null ? item.id() : "unreadable-" + (item.position() + 1);
        return new VirtualKey(id, item.name(), null, null, null, null, null, null, null, null, null, false, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, item);
    }

    /** True for a placeholder: the server sent this key in a shape the console could not read. */
    @JsonIgnore
    public boolean isUnreadable() {
        return unreadable != null;
    }

    /** Bifrost treats an omitted {@code is_active} as active. */
    public boolean active() {
        return isActive == null || isActive;
    }

    public boolean accessProfileManaged() {
        return Boolean.TRUE.equals(isAccessProfileManaged);
    }

    /** {@code allow_all_providers} (v2.1): every configured provider, including ones added later. */
    public boolean allowsAllProviders() {
        return Boolean.TRUE.equals(allowAllProviders);
    }

    /** The plain key value, or "" when the server (or a redacted export) did not include it. */
    public String plainValue() {
        return value == null || value.value() == null ? "" : value.value();
    }

    /** A copy without the key value, for exports and snapshots that must not carry secrets. */
    public VirtualKey withoutValue() {
        if (value == null) {
            return this;
        }
        return new VirtualKey(id, name, description, null, isActive, expiresAt, providerConfigs, mcpConfigs, teamId,
                customerId, rateLimitId, calendarAligned, allowAllProviders, team, customer, rateLimit, budgets,
                isAccessProfileManaged, assignedUser, configHash, previousValueExpiresAt, rotatedAt,
                createdByUserId, createdAt, updatedAt, metadata, deleteAfterExpire, disableContentLogging,
                unknownFields, unreadable);
    }
}
