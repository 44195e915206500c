package bifrostconsole.changes;

import bifrostconsole.api.Budget;
import bifrostconsole.api.McpConfig;
import bifrostconsole.api.ProviderConfig;
import bifrostconsole.api.ProviderKey;
import bifrostconsole.api.RateLimit;
import bifrostconsole.api.VirtualKey;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The words plans, the lost-update guard and History use for a key's fields: one wording everywhere. */
final class KeyWords {
    static final String NONE = "none";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private KeyWords() {
    }

    static String money(double dollars) {
        return String.format(Locale.US, "$%,.2f", dollars);
    }

    static String windows(int count) {
        return count == 1 ? "1 window" : count + " windows";
    }

    static String time(Instant instant) {
        return instant == null ? "never" : TIME.format(instant);
    }

    static String status(VirtualKey key) {
        return key.active() ? "Active" : "Inactive";
    }

    /** {@code $500.00}, with an override {@code $500.00 + $100.00 (2 windows left)}. */
    static String limitInForce(Budget b) {
        if (b.overrideAmount() == null) {
            return money(b.maxLimit());
        }
        String left = b.overrideCyclesRemaining() == null ? "until removed" : windows(b.overrideCyclesRemaining()) + " left";
        return money(b.maxLimit()) + " + " + money(b.overrideAmount()) + " (" + left + ")";
    }

    /** {@code $500.00, spent $12.00} (the limit in force and the usage of the current window). */
    static String budget(Budget b) {
        return limitInForce(b) + ", spent " + money(b.currentUsage());
    }

    static String budgets(List<Budget> budgets) {
        if (budgets.isEmpty()) {
            return NONE;
        }
        List<String> parts = new ArrayList<>();
        budgets.forEach(b -> parts.add(b.resetDuration() + " " + limitInForce(b)));
        return String.join("; ", parts);
    }

    static String limit(Long max, String window, String unit) {
        if (max == null || max <= 0) {
            return NONE;
        }
        return String.format(Locale.US, "%,d %s / %s", max, unit, window);
    }

    static String rateLimit(RateLimit r) {
        if (r == null || (!r.hasTokenLimit() && !r.hasRequestLimit())) {
            return NONE;
        }
        List<String> parts = new ArrayList<>();
        if (r.hasTokenLimit()) {
            parts.add(limit(r.tokenMaxLimit(), r.tokenResetDuration(), "tokens"));
        }
        if (r.hasRequestLimit()) {
            parts.add(limit(r.requestMaxLimit(), r.requestResetDuration(), "requests"));
        }
        return String.join("; ", parts);
    }

    static String team(VirtualKey key) {
        if (key.teamId() == null) {
            return NONE;
        }
        return key.team() != null && key.team().name() != null ? key.team().name() : key.teamId();
    }

    static String customer(VirtualKey key) {
        if (key.customerId() == null) {
            return NONE;
        }
        return key.customer() != null && key.customer().name() != null ? key.customer().name() : key.customerId();
    }

    /** {@code openai (weight 0.7; models gpt-4o; blocked o3-mini; keys openai-primary)}. */
    static String providerConfig(ProviderConfig pc) {
        List<String> parts = new ArrayList<>();
        if (pc.weight() != null) {
            parts.add("weight " + pc.weight());
        }
        parts.add("models " + (pc.allowedModels().isEmpty() ? NONE : String.join(", ", pc.allowedModels())));
        if (!pc.blacklistedModels().isEmpty()) {
            parts.add("blocked " + String.join(", ", pc.blacklistedModels()));
        }
        if (pc.allowAllKeys()) {
            parts.add("all keys");
        } else {
            List<String> keys = new ArrayList<>();
            for (ProviderKey k : pc.keys()) {
                keys.add(k.name() != null ? k.name() : k.keyId());
            }
            parts.add("keys " + (keys.isEmpty() ? NONE : String.join(", ", keys)));
        }
        if (!pc.budgets().isEmpty()) {
            parts.add("budgets " + budgets(pc.budgets()));
        }
        if (pc.rateLimit() != null) {
            parts.add("rate limit " + rateLimit(pc.rateLimit()));
        }
        return pc.provider() + " (" + String.join("; ", parts) + ")";
    }

    static String providerConfigs(List<ProviderConfig> configs) {
        if (configs.isEmpty()) {
            return NONE;
        }
        List<String> parts = new ArrayList<>();
        configs.forEach(pc -> parts.add(providerConfig(pc)));
        return String.join("; ", parts);
    }

    static String mcpConfigs(List<McpConfig> configs) {
        if (configs.isEmpty()) {
            return NONE;
        }
        List<String> parts = new ArrayList<>();
        for (McpConfig mc : configs) {
            String client = mc.mcpClient() != null && mc.mcpClient().name() != null ? mc.mcpClient().name()
                    : "client #" + mc.mcpClientId();
            parts.add(client + " (" + (mc.toolsToExecute().isEmpty() ? "no tools"
                    : String.join(", ", mc.toolsToExecute())) + ")");
        }
        return String.join("; ", parts);
    }

    static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    static String orNone(String text) {
        return text == null || text.isEmpty() ? NONE : text;
    }
}
