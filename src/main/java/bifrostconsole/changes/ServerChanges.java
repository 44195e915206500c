package bifrostconsole.changes;

import bifrostconsole.api.Json;
import bifrostconsole.api.VirtualKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The lost-update guard's comparison: which of a key's fields differ between the copy the admin saw and the copy
 * the server has now. Everything an admin sets counts (name, status, expiry, owner, budgets and their overrides,
 * rate limit, provider configs with models and keys, MCP tools, flags, the value, {@code updated_at}); what the
 * gateway changes by itself with traffic does not (usage counters, window starts, rows' own {@code updated_at},
 * override cycles counting down), nor do the team, customer and MCP client objects a key embeds, which change
 * when something else changes.
 */
public final class ServerChanges {
    /** Fields the gateway moves by itself as requests are served or windows roll over. */
    private static final Set<String> RUNNING_FIELDS = Set.of("current_usage", "last_reset", "token_current_usage",
            "request_current_usage", "token_last_reset", "request_last_reset", "updated_at",
            "override_cycles_remaining", "override_anchor_reset");
    /** A key's own fields that belong to other rows or are compared on their own. */
    private static final Set<String> NOT_COMPARED = Set.of("team", "customer", "updated_at", "value", "rotated_at",
            "previous_value_expires_at", "created_at", "assigned_user", "rate_limit_id");

    private ServerChanges() {
    }

    /** The fields that differ, in words ({@code before} as seen, {@code after} as on the server); empty if none. */
    public static List<FieldDiff> between(VirtualKey seen, VirtualKey server) {
        if (seen.equals(server)) {
            return List.of(); // the common case, decided without building two JSON trees
        }
        List<FieldDiff> diffs = new ArrayList<>();
        ObjectNode a = canonical(seen);
        ObjectNode b = canonical(server);
        Set<String> names = new LinkedHashSet<>();
        a.fieldNames().forEachRemaining(names::add);
        b.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            if (!Objects.equals(a.get(name), b.get(name))) {
                String before = words(name, seen);
                String after = words(name, server);
                diffs.add(new FieldDiff(label(name), before, before.equals(after) ? after + " (edited)" : after));
            }
        }
        if (!seen.plainValue().equals(server.plainValue())) {
            diffs.add(new FieldDiff("value", "the value you saw", "a new value (rotated "
                    + KeyWords.time(server.rotatedAt()) + ")"));
        }
        if (!Objects.equals(seen.updatedAt(), server.updatedAt())) {
            diffs.add(new FieldDiff("updated_at", KeyWords.time(seen.updatedAt()), KeyWords.time(server.updatedAt())));
        }
        return diffs;
    }

    /** The key's wire form without what is not compared, with provider keys reduced to their {@code key_id}s. */
    private static ObjectNode canonical(VirtualKey key) {
        ObjectNode node = Json.mapper().valueToTree(key);
        NOT_COMPARED.forEach(node::remove);
        for (JsonNode pc : node.path("provider_configs")) {
            ObjectNode config = (ObjectNode) pc;
            Set<String> keyIds = new TreeSet<>();
            for (JsonNode k : config.path("keys")) {
                keyIds.add(k.path("key_id").asText(k.path("id").asText()));
            }
            ArrayNode ids = config.putArray("keys");
            keyIds.forEach(ids::add);
        }
        for (JsonNode mc : node.path("mcp_configs")) {
            ((ObjectNode) mc).remove("mcp_client");
        }
        stripRunning(node, true);
        return node;
    }

    private static void stripRunning(JsonNode node, boolean top) {
        if (node instanceof ObjectNode object) {
            if (!top) {
                RUNNING_FIELDS.forEach(object::remove);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                stripRunning(it.next().getValue(), false);
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> stripRunning(child, false));
        }
    }

    private static final Map<String, Function<VirtualKey, String>> WORDS = Map.ofEntries(
            Map.entry("name", k -> KeyWords.orNone(k.name())),
            Map.entry("description", k -> KeyWords.orNone(k.description())),
            Map.entry("is_active", KeyWords::status),
            Map.entry("expires_at", k -> KeyWords.time(k.expiresAt())),
            Map.entry("team_id", KeyWords::team),
            Map.entry("customer_id", KeyWords::customer),
            Map.entry("budgets", k -> KeyWords.budgets(k.budgets())),
            Map.entry("rate_limit", k -> KeyWords.rateLimit(k.rateLimit())),
            Map.entry("provider_configs", k -> KeyWords.providerConfigs(k.providerConfigs())),
            Map.entry("mcp_configs", k -> KeyWords.mcpConfigs(k.mcpConfigs())),
            Map.entry("calendar_aligned", k -> KeyWords.yesNo(k.calendarAligned())),
            Map.entry("allow_all_providers", k -> KeyWords.yesNo(Boolean.TRUE.equals(k.allowAllProviders()))));

    private static final Map<String, String> LABELS = Map.of("is_active", "status", "expires_at", "expiry",
            "team_id", "team", "customer_id", "customer", "rate_limit", "rate limit",
            "provider_configs", "providers", "mcp_configs", "MCP tools", "calendar_aligned", "calendar aligned",
            "allow_all_providers", "all providers");

    private static String words(String field, VirtualKey key) {
        Function<VirtualKey, String> words = WORDS.get(field);
        if (words != null) {
            return words.apply(key);
        }
        JsonNode value = Json.mapper().valueToTree(key).get(field);
        return value == null || value.isNull() ? KeyWords.NONE : value.isTextual() ? value.asText() : value.toString();
    }

    private static String label(String field) {
        return LABELS.getOrDefault(field, field);
    }
}
