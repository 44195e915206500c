package bifrostconsole.changes;

import bifrostconsole.api.Budget;
import bifrostconsole.api.Json;
import bifrostconsole.api.McpConfig;
import bifrostconsole.api.ProviderConfig;
import bifrostconsole.api.ProviderKey;
import bifrostconsole.api.RateLimit;
import bifrostconsole.api.VirtualKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;

/**
 * The pieces of request bodies that have traps, built one way for every writer (the change engine, the key
 * editor). Above all a provider config: Bifrost overwrites {@code allowed_models}, {@code blacklisted_models} and
 * the key list of every config a {@code PUT} sends, and a {@code GET} never returns {@code key_ids}, so a config
 * sent without them loses every model and key (Bifrost #7347). {@link #providerConfig} therefore always sends all
 * three: {@code key_ids} is {@code ["*"]} when {@code allow_all_keys} is set, else the {@code key_id} of each of
 * the config's keys (the provider key's string id, not the numeric {@code id} of the entry).
 */
public final class RequestBodies {
    private RequestBodies() {
    }

    /** The {@code key_ids} a provider config must be sent with to keep its key access exactly as it is. */
    public static List<String> keyIds(ProviderConfig pc) {
        if (pc.allowAllKeys()) {
            return List.of("*");
        }
        return pc.keys().stream().map(ProviderKey::keyId).toList();
    }

    /**
     * A provider config as a {@code provider_configs} item. {@code forUpdate}: with its {@code id}, without
     * budgets and rate limit (omitted there means unchanged). Otherwise, for a create: without ids, with its
     * budgets and rate limit.
     */
    public static ObjectNode providerConfig(ProviderConfig pc, boolean forUpdate) {
        ObjectNode item = Json.mapper().createObjectNode();
        if (forUpdate && pc.id() != null) {
            item.put("id", pc.id());
        }
        item.put("provider", pc.provider());
        if (pc.weight() != null) {
            item.put("weight", pc.weight());
        } else {
            item.putNull("weight");
        }
        item.set("allowed_models", strings(pc.allowedModels()));
        item.set("blacklisted_models", strings(pc.blacklistedModels()));
        item.set("key_ids", strings(keyIds(pc)));
        if (!forUpdate) {
            if (!pc.budgets().isEmpty()) {
                item.set("budgets", budgets(pc.budgets(), false));
            }
            if (pc.rateLimit() != null && (pc.rateLimit().hasTokenLimit() || pc.rateLimit().hasRequestLimit())) {
                item.set("rate_limit", rateLimit(pc.rateLimit()));
            }
        }
        return item;
    }

    /**
     * Budgets as a {@code budgets} list (the desired set: a budget left out is deleted). With ids, each is matched
     * to its row and keeps its usage; every field Bifrost needs back (such as {@code quarter_start_month} on
     * quarterly budgets, when the model carries it) is copied from the budget as read.
     */
    public static ArrayNode budgets(List<Budget> budgets, boolean withIds) {
        ArrayNode list = Json.mapper().createArrayNode();
        budgets.forEach(b -> list.add(budget(b, withIds)));
        return list;
    }

    public static ObjectNode budget(Budget b, boolean withId) {
        JsonNode read = Json.mapper().valueToTree(b);
        ObjectNode item = Json.mapper().createObjectNode();
        if (withId && b.id() != null) {
            item.put("id", b.id());
        }
        item.put("max_limit", b.maxLimit());
        item.put("reset_duration", b.resetDuration());
        if (read.has("quarter_start_month")) {
            item.set("quarter_start_month", read.get("quarter_start_month"));
        }
        return item;
    }

    /** The four fields of a rate limit (Bifrost replaces all four: one left out is cleared). */
    public static ObjectNode rateLimit(RateLimit r) {
        return rateLimit(r.hasTokenLimit() ? r.tokenMaxLimit() : null, r.hasTokenLimit() ? r.tokenResetDuration() : null,
                r.hasRequestLimit() ? r.requestMaxLimit() : null, r.hasRequestLimit() ? r.requestResetDuration() : null);
    }

    static ObjectNode rateLimit(Long tokenMax, String tokenWindow, Long requestMax, String requestWindow) {
        ObjectNode item = Json.mapper().createObjectNode();
        if (tokenMax != null) {
            item.put("token_max_limit", tokenMax);
            item.put("token_reset_duration", tokenWindow);
        }
        if (requestMax != null) {
            item.put("request_max_limit", requestMax);
            item.put("request_reset_duration", requestWindow);
        }
        return item;
    }

    /**
     * A {@code POST} body that makes a new key with {@code key}'s configuration: name, description, status, owner,
     * budgets, rate limit, provider configs (with models and key access), MCP tools, flags, and the expiry when it
     * is still ahead of {@code now} (Bifrost refuses one in the past). The server generates a new value.
     */
    public static ObjectNode createFrom(VirtualKey key, Instant now) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("name", key.name());
        if (key.description() != null && !key.description().isEmpty()) {
            body.put("description", key.description());
        }
        body.put("is_active", key.active());
        if (key.teamId() != null) {
            body.put("team_id", key.teamId());
        } else if (key.customerId() != null) {
            body.put("customer_id", key.customerId());
        }
        // Fields newer models carry (metadata and the optional flags, Bifrost 2.x) are copied from the key's wire
        // form when it has them, so a recreate keeps them without this class naming the model's accessors.
        JsonNode read = Json.mapper().valueToTree(key);
        if (key.expiresAt() != null && key.expiresAt().isAfter(now)) {
            body.put("expires_at", key.expiresAt().toString());
            copyIfSet(read, body, "delete_after_expire");
        }
        copyIfSet(read, body, "disable_content_logging");
        if (read.path("metadata").isObject() && !read.path("metadata").isEmpty()) {
            body.set("metadata", read.get("metadata"));
        }
        body.put("calendar_aligned", key.calendarAligned());
        if (Boolean.TRUE.equals(key.allowAllProviders())) {
            body.put("allow_all_providers", true);
        }
        if (!key.budgets().isEmpty()) {
            body.set("budgets", budgets(key.budgets(), false));
        }
        if (key.rateLimit() != null && (key.rateLimit().hasTokenLimit() || key.rateLimit().hasRequestLimit())) {
            body.set("rate_limit", rateLimit(key.rateLimit()));
        }
        ArrayNode configs = body.putArray("provider_configs");
        key.providerConfigs().forEach(pc -> configs.add(providerConfig(pc, false)));
        if (!key.mcpConfigs().isEmpty()) {
            ArrayNode mcp = body.putArray("mcp_configs");
            for (McpConfig mc : key.mcpConfigs()) {
                ObjectNode item = mcp.addObject();
                item.put("mcp_client_name", mc.mcpClient() == null ? null : mc.mcpClient().name());
                item.set("tools_to_execute", strings(mc.toolsToExecute()));
            }
        }
        return body;
    }

    private static void copyIfSet(JsonNode from, ObjectNode to, String field) {
        if (from.hasNonNull(field)) {
            to.set(field, from.get(field));
        }
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = Json.mapper().createArrayNode();
        values.forEach(array::add);
        return array;
    }
}
