package bifrostconsole.keyeditor;

import bifrostconsole.api.McpConfig;
import bifrostconsole.api.ProviderConfig;
import bifrostconsole.api.ProviderKey;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.changes.KeyChange;
import bifrostconsole.limits.BudgetDraft;
import bifrostconsole.limits.LimitChanges;
import bifrostconsole.limits.LimitDraft;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A key as the editor wants it: everything an admin sets on a key, and nothing the gateway sets (value, usage,
 * dates). The key as read becomes one ({@link #of}), the form builds one from its fields, and
 * {@link KeyEditChanges} compares the two into the smallest request. Immutable.
 *
 * @param deleteAfterExpire null: follow the gateway's {@code delete_expired_virtual_keys} default
 * @param metadataKnown     false when the key's metadata could not be read (this console's model of a key does
 *                          not carry it yet): the editor then leaves the metadata as it is on the server
 */
public record KeyDraft(String name, String description, boolean active, Instant expiresAt, Boolean deleteAfterExpire,
                       KeyChange.OwnerKind ownerKind, String ownerId, String ownerName, Map<String, String> metadata,
                       boolean metadataKnown, List<BudgetDraft> budgets, LimitDraft rateLimit, boolean calendarAligned,
                       boolean allowAllProviders, List<ProviderDraft> providers, List<McpDraft> mcp) {

    public KeyDraft {
        metadata = Map.copyOf(new LinkedHashMap<>(metadata));
        budgets = List.copyOf(budgets);
        providers = List.copyOf(providers);
        mcp = List.copyOf(mcp);
    }

    /**
     * One provider config as wanted. {@code keys} are the provider keys it may use when {@code allKeys} is false
     * (none: requests through this provider fail); {@code id} is the config's row on the server, null for a new one.
     */
    public record ProviderDraft(Long id, String provider, Double weight, List<String> allowedModels,
                                List<String> blockedModels, boolean allKeys, List<KeyRef> keys,
                                List<BudgetDraft> budgets, LimitDraft rateLimit) {
        public ProviderDraft {
            allowedModels = List.copyOf(allowedModels);
            blockedModels = List.copyOf(blockedModels);
            keys = List.copyOf(keys);
            budgets = List.copyOf(budgets);
        }

        /** The {@code key_ids} Bifrost needs with every provider config sent (API.md §5.4, #7347). */
        public List<String> keyIds() {
            return allKeys ? List.of("*") : keys.stream().map(KeyRef::keyId).toList();
        }
    }

    /** A provider key by the id {@code key_ids} names (the provider key's own string id) and its name. */
    public record KeyRef(String keyId, String name) {
    }

    /** An MCP client the key may use, and which tools: {@code ["*"]} all, empty none, else those named. */
    public record McpDraft(Long id, String client, List<String> tools) {
        public McpDraft {
            tools = List.copyOf(tools);
        }
    }

    /** A key the form starts empty with: active, no owner, no providers (Bifrost then denies every request). */
    public static KeyDraft blank() {
        return new KeyDraft("", "", true, null, null, KeyChange.OwnerKind.NONE, null, null, Map.of(), true, List.of(),
                LimitDraft.NONE, false, false, List.of(), List.of());
    }

    /** The key as read. */
    public static KeyDraft of(VirtualKey k) {
        KeyChange.OwnerKind kind = k.teamId() != null ? KeyChange.OwnerKind.TEAM
                : k.customerId() != null ? KeyChange.OwnerKind.CUSTOMER : KeyChange.OwnerKind.NONE;
        String ownerId = kind == KeyChange.OwnerKind.TEAM ? k.teamId() : kind == KeyChange.OwnerKind.CUSTOMER
                ? k.customerId() : null;
        String ownerName = kind == KeyChange.OwnerKind.TEAM ? (k.team() != null && k.team().name() != null
                ? k.team().name() : k.teamId())
                : kind == KeyChange.OwnerKind.CUSTOMER ? (k.customer() != null && k.customer().name() != null
                ? k.customer().name() : k.customerId()) : null;
        List<ProviderDraft> providers = new ArrayList<>();
        for (ProviderConfig pc : k.providerConfigs()) {
            List<KeyRef> keys = new ArrayList<>();
            for (ProviderKey key : pc.keys()) {
                // key_ids name the provider key's own id; the entry's numeric id is the join row's.
                keys.add(new KeyRef(key.keyId() != null ? key.keyId() : key.id(), key.name()));
            }
            providers.add(new ProviderDraft(pc.id(), pc.provider(), pc.weight(), pc.allowedModels(),
                    pc.blacklistedModels(), pc.allowAllKeys(), keys, LimitChanges.drafts(pc.budgets()),
                    LimitDraft.of(pc.rateLimit())));
        }
        List<McpDraft> mcp = new ArrayList<>();
        for (McpConfig mc : k.mcpConfigs()) {
            mcp.add(new McpDraft(mc.id(), mc.mcpClient() != null ? mc.mcpClient().name() : null, mc.toolsToExecute()));
        }
        return new KeyDraft(k.name(), k.description() == null ? "" : k.description(), k.active(), k.expiresAt(),
                null, kind, ownerId, ownerName, Map.of(), false, LimitChanges.drafts(k.budgets()),
                LimitDraft.of(k.rateLimit()), k.calendarAligned(), Boolean.TRUE.equals(k.allowAllProviders()),
                providers, mcp);
    }

    /**
     * A new key like {@code k} (Duplicate): the same configuration without any id, usage or value, named
     * "NAME copy"; an expiry already past is dropped, since Bifrost refuses one.
     */
    public static KeyDraft duplicateOf(VirtualKey k, Instant now) {
        KeyDraft d = of(k);
        List<ProviderDraft> providers = new ArrayList<>();
        for (ProviderDraft p : d.providers()) {
            providers.add(new ProviderDraft(null, p.provider(), p.weight(), p.allowedModels(), p.blockedModels(),
                    p.allKeys(), p.keys(), asNew(p.budgets()), p.rateLimit()));
        }
        List<McpDraft> mcp = d.mcp().stream().map(m -> new McpDraft(null, m.client(), m.tools())).toList();
        Instant expiry = d.expiresAt() != null && d.expiresAt().isAfter(now) ? d.expiresAt() : null;
        return new KeyDraft(d.name() + " copy", d.description(), d.active(), expiry, null, d.ownerKind(), d.ownerId(),
                d.ownerName(), d.metadata(), true, asNew(d.budgets()), d.rateLimit(), d.calendarAligned(),
                d.allowAllProviders(), providers, mcp);
    }

    private static List<BudgetDraft> asNew(List<BudgetDraft> budgets) {
        return budgets.stream().map(b -> new BudgetDraft(null, b.window(), b.limit(), b.quarterStartMonth(), 0))
                .toList();
    }
}
