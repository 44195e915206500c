package bifrostconsole.keyeditor;

import bifrostconsole.api.Json;
import bifrostconsole.api.ProviderConfig;
import bifrostconsole.api.ProviderKey;
import bifrostconsole.changes.FieldDiff;
import bifrostconsole.changes.KeyChange;
import bifrostconsole.changes.RequestBodies;
import bifrostconsole.limits.BudgetDraft;
import bifrostconsole.limits.LimitChanges;
import bifrostconsole.limits.LimitDraft;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the key editor's form changes, as the preview shows it and as the server gets it: each changed field before →
 * after in words, the smallest request body, and what the server does besides. Pure: no I/O.
 *
 * <p>The rules of Bifrost's partial update (API.md §5.4) it follows: a field left out stays as it is, so only the
 * changed fields are sent; a team or a customer set clears the other, {@code ""} clears both; {@code ""} clears the
 * expiry; {@code metadata} replaces the whole map and is sent only when it changed; {@code budgets} is the full
 * desired list, each read budget with its id so it keeps its usage; {@code rate_limit} carries all four fields;
 * {@code provider_configs} and {@code mcp_configs} are full replacement sets, sent whole when any of them changed —
 * and every provider config sent carries its {@code key_ids}, {@code allowed_models} and
 * {@code blacklisted_models}, which Bifrost otherwise wipes ({@link RequestBodies}).
 */
public final class KeyEditChanges {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /**
     * @param budgetsChanged the key's own budgets change on an existing key: the editor asks "keep or reset usage?"
     */
    public record Result(List<FieldDiff> fields, ObjectNode body, List<String> sideEffects, boolean budgetsChanged) {
        public boolean empty() {
            return fields.isEmpty();
        }
    }

    private KeyEditChanges() {
    }

    /** A new key: every field that is set, nothing else. */
    public static Result create(KeyDraft k) {
        List<FieldDiff> fields = new ArrayList<>();
        List<String> effects = new ArrayList<>();
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("name", k.name());
        fields.add(new FieldDiff("name", "none", k.name()));
        if (!k.description().isEmpty()) {
            body.put("description", k.description());
            fields.add(new FieldDiff("description", "none", k.description()));
        }
        body.put("is_active", k.active());
        fields.add(new FieldDiff("status", "none", k.active() ? "Active" : "Inactive"));
        if (k.ownerKind() == KeyChange.OwnerKind.TEAM) {
            body.put("team_id", k.ownerId());
            fields.add(new FieldDiff("team", "none", k.ownerName()));
        } else if (k.ownerKind() == KeyChange.OwnerKind.CUSTOMER) {
            body.put("customer_id", k.ownerId());
            fields.add(new FieldDiff("customer", "none", k.ownerName()));
        }
        if (k.expiresAt() != null) {
            body.put("expires_at", k.expiresAt().toString());
            fields.add(new FieldDiff("expiry", "never", time(k.expiresAt())));
            if (k.deleteAfterExpire() != null) {
                body.put("delete_after_expire", k.deleteAfterExpire());
                fields.add(new FieldDiff("delete after expiry", "the gateway's default", yesNo(k.deleteAfterExpire())));
            }
        }
        if (!k.metadata().isEmpty()) {
            body.set("metadata", metadata(k.metadata()));
            fields.add(new FieldDiff("metadata", "none", metadataWords(k.metadata())));
        }
        if (!k.budgets().isEmpty()) {
            body.set("budgets", LimitChanges.budgetsBody(k.budgets(), false));
            fields.add(new FieldDiff("budgets", "none", LimitChanges.budgetWords(k.budgets())));
        }
        if (!k.rateLimit().isNone()) {
            body.set("rate_limit", LimitChanges.limitBody(k.rateLimit()));
            fields.add(new FieldDiff("rate limit", "none", LimitChanges.limitWords(k.rateLimit())));
        }
        if (k.calendarAligned()) {
            body.put("calendar_aligned", true);
            fields.add(new FieldDiff("calendar aligned", "no", "yes"));
        }
        if (k.allowAllProviders()) {
            body.put("allow_all_providers", true);
            fields.add(new FieldDiff("all providers", "no", "yes"));
        }
        if (!k.providers().isEmpty()) {
            ArrayNode configs = body.putArray("provider_configs");
            for (KeyDraft.ProviderDraft p : k.providers()) {
                configs.add(providerConfig(p, false, true));
                fields.add(new FieldDiff("provider " + p.provider(), "none", providerWords(p)));
            }
        } else if (!k.allowAllProviders()) {
            effects.add("With no provider, Bifrost refuses every request made with this key (deny by default).");
        }
        if (!k.mcp().isEmpty()) {
            body.set("mcp_configs", mcpConfigs(k.mcp()));
            for (KeyDraft.McpDraft m : k.mcp()) {
                fields.add(new FieldDiff("MCP " + m.client(), "none", toolWords(m.tools())));
            }
        }
        effects.add("The server generates the key's value; it is shown once, after the key is created.");
        return new Result(fields, body, effects, false);
    }

    /** An existing key: only what differs between {@code before} (as read) and {@code after} (the form). */
    public static Result edit(KeyDraft before, KeyDraft after, boolean resetUsage) {
        List<FieldDiff> fields = new ArrayList<>();
        List<String> effects = new ArrayList<>();
        ObjectNode body = Json.mapper().createObjectNode();
        if (!before.name().equals(after.name())) {
            body.put("name", after.name());
            fields.add(new FieldDiff("name", before.name(), after.name()));
        }
        if (!before.description().equals(after.description())) {
            body.put("description", after.description());
            fields.add(new FieldDiff("description", orNone(before.description()), orNone(after.description())));
        }
        if (before.active() != after.active()) {
            body.put("is_active", after.active());
            fields.add(new FieldDiff("status", before.active() ? "Active" : "Inactive",
                    after.active() ? "Active" : "Inactive"));
            if (!after.active()) {
                effects.add("Bifrost refuses every request made with this key until it is enabled again.");
            }
        }
        owner(before, after, body, fields, effects);
        if (!Objects.equals(before.expiresAt(), after.expiresAt())) {
            body.put("expires_at", after.expiresAt() == null ? "" : after.expiresAt().toString());
            fields.add(new FieldDiff("expiry", time(before.expiresAt()), time(after.expiresAt())));
            if (after.expiresAt() == null && before.deleteAfterExpire() != null) {
                effects.add("Without an expiry, \u201cdelete after it expires\u201d goes back to the gateway's default.");
            }
        }
        if (after.expiresAt() != null && !Objects.equals(before.deleteAfterExpire(), after.deleteAfterExpire())) {
            if (after.deleteAfterExpire() == null) {
                body.putNull("delete_after_expire");
            } else {
                body.put("delete_after_expire", after.deleteAfterExpire());
            }
            fields.add(new FieldDiff("delete after expiry", deleteWords(before.deleteAfterExpire()),
                    deleteWords(after.deleteAfterExpire())));
        }
        if (after.metadataKnown() && !before.metadata().equals(after.metadata())) {
            body.set("metadata", metadata(after.metadata()));
            fields.add(new FieldDiff("metadata", metadataWords(before.metadata()), metadataWords(after.metadata())));
        }
        boolean budgetsChanged = LimitChanges.addBudgets("key", before.budgets(), after.budgets(), false, resetUsage,
                true, false, fields, body, effects);
        LimitChanges.addRateLimit(before.rateLimit(), after.rateLimit(), false, fields, body);
        if (before.calendarAligned() != after.calendarAligned()) {
            body.put("calendar_aligned", after.calendarAligned());
            fields.add(new FieldDiff("calendar aligned", yesNo(before.calendarAligned()), yesNo(after.calendarAligned())));
            if (after.calendarAligned()) {
                effects.add("Turning calendar alignment on resets the key's usage to $0 and starts its windows at the"
                        + " current period's start.");
            }
        }
        if (before.allowAllProviders() != after.allowAllProviders()) {
            body.put("allow_all_providers", after.allowAllProviders());
            fields.add(new FieldDiff("all providers", yesNo(before.allowAllProviders()),
                    yesNo(after.allowAllProviders())));
        }
        providers(before, after, body, fields, effects);
        mcp(before, after, body, fields);
        return new Result(fields, body, effects, budgetsChanged);
    }

    private static void owner(KeyDraft before, KeyDraft after, ObjectNode body, List<FieldDiff> fields,
                              List<String> effects) {
        if (before.ownerKind() == after.ownerKind() && Objects.equals(before.ownerId(), after.ownerId())) {
            return;
        }
        switch (after.ownerKind()) {
            case TEAM -> body.put("team_id", after.ownerId()); // clears the customer
            case CUSTOMER -> body.put("customer_id", after.ownerId()); // clears the team
            case NONE -> body.put(before.ownerKind() == KeyChange.OwnerKind.CUSTOMER ? "customer_id" : "team_id", "");
        }
        fields.add(new FieldDiff("owner", ownerWords(before), ownerWords(after)));
        effects.add(after.ownerKind() == KeyChange.OwnerKind.NONE
                ? "The key no longer counts against a team's or customer's budgets and limits."
                : "The key then counts against the budgets and rate limits of " + ownerWords(after) + ".");
    }

    private static void providers(KeyDraft before, KeyDraft after, ObjectNode body, List<FieldDiff> fields,
                                  List<String> effects) {
        boolean changed = !before.providers().equals(after.providers());
        if (!changed) {
            return;
        }
        for (KeyDraft.ProviderDraft p : after.providers()) {
            Optional<KeyDraft.ProviderDraft> old = p.id() == null ? Optional.empty()
                    : before.providers().stream().filter(o -> Objects.equals(o.id(), p.id())).findFirst();
            if (old.isEmpty()) {
                fields.add(new FieldDiff("provider " + p.provider(), "none", providerWords(p)));
            } else if (!old.get().equals(p)) {
                fields.addAll(providerDiffs(old.get(), p));
            }
        }
        for (KeyDraft.ProviderDraft o : before.providers()) {
            if (after.providers().stream().noneMatch(p -> Objects.equals(p.id(), o.id()))) {
                fields.add(new FieldDiff("provider " + o.provider(), providerWords(o), "removed"));
                effects.add("The " + o.provider() + " provider config is deleted"
                        + (o.budgets().isEmpty() && o.rateLimit().isNone() ? "."
                        : ", and with it its budgets and rate limit, usage included."));
            }
        }
        // A full replacement set: every config goes, each with its key access and model lists (#7347).
        ArrayNode configs = body.putArray("provider_configs");
        for (KeyDraft.ProviderDraft p : after.providers()) {
            Optional<KeyDraft.ProviderDraft> old = p.id() == null ? Optional.empty()
                    : before.providers().stream().filter(o -> Objects.equals(o.id(), p.id())).findFirst();
            boolean limitsChanged = old.isEmpty() || LimitChanges.differ(old.get().budgets(), p.budgets())
                    || !old.get().rateLimit().equals(p.rateLimit());
            ObjectNode item = providerConfig(p, true, old.isEmpty());
            if (old.isPresent() && LimitChanges.differ(old.get().budgets(), p.budgets())) {
                item.set("budgets", LimitChanges.budgetsBody(p.budgets(), true));
            }
            if (old.isPresent() && !old.get().rateLimit().equals(p.rateLimit())) {
                item.set("rate_limit", LimitChanges.limitBody(p.rateLimit()));
            }
            if (limitsChanged && old.isPresent()) {
                effects.addAll(LimitChanges.budgetEffects(p.provider() + " provider config", old.get().budgets(),
                        p.budgets(), true, false));
            }
            configs.add(item);
        }
        if (after.providers().isEmpty() && !after.allowAllProviders()) {
            effects.add("With no provider left, Bifrost refuses every request made with this key.");
        }
    }

    /** One {@code provider_configs} item through {@link RequestBodies#providerConfig}, the one rule for the trap. */
    static ObjectNode providerConfig(KeyDraft.ProviderDraft p, boolean forUpdate, boolean withLimits) {
        List<ProviderKey> keys = p.keys().stream().map(k -> Json.mapper().convertValue(Map.of("key_id", k.keyId(),
                "name", k.name() == null ? k.keyId() : k.name()), ProviderKey.class)).toList();
        ProviderConfig pc = new ProviderConfig(p.id(), null, p.provider(), p.weight(), p.allowedModels(),
                p.blockedModels(), p.allKeys(), null, withLimits && !p.rateLimit().isNone()
                ? LimitChanges.toRateLimit(p.rateLimit()) : null,
                withLimits ? LimitChanges.toBudgets(p.budgets()) : List.of(), keys, List.of());
        ObjectNode item = RequestBodies.providerConfig(pc, forUpdate);
        if (forUpdate && withLimits) {
            // A new config on an existing key: RequestBodies leaves limits out of updates, but a new row has none yet.
            if (!p.budgets().isEmpty()) {
                item.set("budgets", LimitChanges.budgetsBody(p.budgets(), false));
            }
            if (!p.rateLimit().isNone()) {
                item.set("rate_limit", LimitChanges.limitBody(p.rateLimit()));
            }
        }
        return item;
    }

    private static void mcp(KeyDraft before, KeyDraft after, ObjectNode body, List<FieldDiff> fields) {
        if (before.mcp().equals(after.mcp())) {
            return;
        }
        for (KeyDraft.McpDraft m : after.mcp()) {
            Optional<KeyDraft.McpDraft> old = m.id() == null ? Optional.empty()
                    : before.mcp().stream().filter(o -> Objects.equals(o.id(), m.id())).findFirst();
            if (old.isEmpty() || !old.get().tools().equals(m.tools())) {
                fields.add(new FieldDiff("MCP " + m.client(), old.map(o -> toolWords(o.tools())).orElse("none"),
                        toolWords(m.tools())));
            }
        }
        for (KeyDraft.McpDraft o : before.mcp()) {
            if (after.mcp().stream().noneMatch(m -> Objects.equals(m.id(), o.id()))) {
                fields.add(new FieldDiff("MCP " + o.client(), toolWords(o.tools()), "removed"));
            }
        }
        body.set("mcp_configs", mcpConfigs(after.mcp()));
    }

    private static ArrayNode mcpConfigs(List<KeyDraft.McpDraft> mcp) {
        ArrayNode list = Json.mapper().createArrayNode();
        for (KeyDraft.McpDraft m : mcp) {
            ObjectNode item = list.addObject();
            if (m.id() != null) {
                item.put("id", m.id());
            } else {
                item.put("mcp_client_name", m.client());
            }
            ArrayNode tools = item.putArray("tools_to_execute");
            m.tools().forEach(tools::add);
        }
        return list;
    }

    private static ObjectNode metadata(Map<String, String> metadata) {
        ObjectNode node = Json.mapper().createObjectNode();
        metadata.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> node.put(e.getKey(), e.getValue()));
        return node;
    }

    /** One line per part of a provider config that changed: its weight, models, blocked models, keys, limits. */
    private static List<FieldDiff> providerDiffs(KeyDraft.ProviderDraft a, KeyDraft.ProviderDraft b) {
        List<FieldDiff> diffs = new ArrayList<>();
        String name = b.provider() + " ";
        if (!Objects.equals(a.weight(), b.weight())) {
            diffs.add(new FieldDiff(name + "weight", weightWords(a.weight()), weightWords(b.weight())));
        }
        if (!a.allowedModels().equals(b.allowedModels())) {
            diffs.add(new FieldDiff(name + "models", modelWords(a.allowedModels()), modelWords(b.allowedModels())));
        }
        if (!a.blockedModels().equals(b.blockedModels())) {
            diffs.add(new FieldDiff(name + "blocked models", blockedWords(a.blockedModels()),
                    blockedWords(b.blockedModels())));
        }
        if (a.allKeys() != b.allKeys() || !a.keyIds().equals(b.keyIds())) {
            diffs.add(new FieldDiff(name + "keys", keyWords(a), keyWords(b)));
        }
        if (LimitChanges.differ(a.budgets(), b.budgets())) {
            diffs.add(new FieldDiff(name + "budgets", LimitChanges.budgetWords(a.budgets()),
                    LimitChanges.budgetWords(b.budgets())));
        }
        if (!a.rateLimit().equals(b.rateLimit())) {
            diffs.add(new FieldDiff(name + "rate limit", LimitChanges.limitWords(a.rateLimit()),
                    LimitChanges.limitWords(b.rateLimit())));
        }
        return diffs;
    }

    // ---- words --------------------------------------------------------------------------------------------

    private static String weightWords(Double w) {
        return w == null ? "none" : trim(w);
    }

    private static String modelWords(List<String> models) {
        return models.contains("*") ? "all models" : models.isEmpty() ? "no models" : String.join(", ", models);
    }

    private static String blockedWords(List<String> models) {
        return models.isEmpty() ? "none" : modelWords(models);
    }

    private static String keyWords(KeyDraft.ProviderDraft p) {
        return p.allKeys() ? "all keys" : p.keys().isEmpty() ? "no keys"
                : p.keys().stream().map(k -> k.name() == null ? k.keyId() : k.name()).collect(Collectors.joining(", "));
    }

    static String providerWords(KeyDraft.ProviderDraft p) {
        List<String> parts = new ArrayList<>();
        parts.add(p.weight() == null ? "no weight" : "weight " + trim(p.weight()));
        parts.add(modelWords(p.allowedModels()));
        if (!p.blockedModels().isEmpty()) {
            parts.add("blocked " + String.join(", ", p.blockedModels()));
        }
        parts.add(keyWords(p));
        if (!p.budgets().isEmpty()) {
            parts.add("budgets " + LimitChanges.budgetWords(p.budgets()));
        }
        if (!p.rateLimit().isNone()) {
            parts.add("rate limit " + LimitChanges.limitWords(p.rateLimit()));
        }
        return String.join("; ", parts);
    }

    private static String trim(double d) {
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    static String toolWords(List<String> tools) {
        return tools.contains("*") ? "all tools" : tools.isEmpty() ? "no tools" : String.join(", ", tools);
    }

    static String ownerWords(KeyDraft k) {
        return switch (k.ownerKind()) {
            case TEAM -> "team " + k.ownerName();
            case CUSTOMER -> "customer " + k.ownerName();
            case NONE -> "none";
        };
    }

    static String metadataWords(Map<String, String> metadata) {
        return metadata.isEmpty() ? "none" : metadata.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    static String time(Instant t) {
        return t == null ? "never" : TIME.format(t);
    }

    private static String deleteWords(Boolean b) {
        return b == null ? "the gateway's default" : yesNo(b);
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    private static String orNone(String s) {
        return s.isEmpty() ? "none" : s;
    }
}
