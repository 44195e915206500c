package bifrostconsole.store;

import bifrostconsole.api.Json;
import bifrostconsole.api.ResetSchedule;
import bifrostconsole.api.ResetWindow;
import bifrostconsole.store.GovernanceStore.QueryException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import static bifrostconsole.store.WriteJson.*;

/**
 * Bifrost's rules for budgets and rate limits on writes (API.md §5.4, §6, §7, §9, §12): the 400 pre-checks, the
 * reconcile of a budget list against the existing rows (by id, else by window; usage kept; new rows inherit the
 * usage of the closest shorter budget), {@code reset_budget_usage}, rate limits replaced whole or removed, and the
 * snap to calendar periods when {@code calendar_aligned} is turned on.
 */
final class LimitWrites {
    private LimitWrites() {
    }

    enum BudgetMatch {
        /** Keys, provider configs, customers: by {@code id} when given, else by {@code reset_duration}. */
        ID_THEN_WINDOW,
        /** Teams: by {@code reset_duration} only, and new budgets start at zero. */
        WINDOW
    }

    record Owner(String field, JsonNode id) {
    }

    static Owner owner(String field, String id) {
        return new Owner(field, Json.mapper().getNodeFactory().textNode(id));
    }

    static Owner owner(String field, long id) {
        return new Owner(field, Json.mapper().getNodeFactory().numberNode(id));
    }

    /**
     * Bifrost's pre-checks on a budget list (400): a negative limit, a window it cannot parse, a window twice.
     * A zero limit passes here and fails later with a 500, as in Bifrost.
     */
    static void preCheckBudgets(JsonNode budgets) {
        if (budgets == null || budgets.isNull()) {
            return;
        }
        if (!budgets.isArray()) {
            throw new QueryException(400, INVALID_JSON);
        }
        Set<String> windows = new HashSet<>();
        for (JsonNode b : budgets) {
            if (!b.isObject() || (b.has("max_limit") && !b.get("max_limit").isNumber())) {
                throw new QueryException(400, INVALID_JSON);
            }
            double limit = b.path("max_limit").asDouble(0);
            if (limit < 0) {
                throw bad(String.format(Locale.ROOT, "Budget max_limit cannot be negative: %.2f", limit));
            }
            String window = b.path("reset_duration").asText("");
            if (ResetWindow.parse(window).isEmpty()) {
                throw bad("Invalid reset duration (must be a positive duration): " + window);
            }
            if (!windows.add(window)) {
                throw bad("Duplicate reset_duration in budgets: " + window);
            }
        }
    }

    /**
     * {@code reconcileModelConfigBudgets}: the desired list against the existing rows. Matched rows keep their usage,
     * last reset and override; new rows start at zero, or (keys, provider configs, customers) with the usage of the
     * closest shorter existing budget; unmatched rows are deleted. {@code resetUsage} zeroes every reconciled row.
     */
    static ArrayNode reconcileBudgets(ArrayNode existing, JsonNode desired, Owner owner, boolean resetUsage,
                                       BudgetMatch match, Instant now, boolean aligned) {
        ArrayNode result = Json.mapper().createArrayNode();
        Set<JsonNode> used = new HashSet<>();
        for (JsonNode item : desired) {
            double limit = item.path("max_limit").asDouble(0);
            if (limit <= 0) {
                throw new QueryException(500, String.format(Locale.ROOT,
                        "budget max limit cannot be negative or zero: %.2f", limit));
            }
            String window = item.path("reset_duration").asText();
            ObjectNode matched = null;
            if (match == BudgetMatch.ID_THEN_WINDOW && item.hasNonNull("id")) {
                String id = item.get("id").asText();
                for (JsonNode b : existing) {
                    if (id.equals(b.path("id").asText(null))) {
                        matched = (ObjectNode) b;
                    }
                }
                if (matched == null) {
                    throw bad("budget " + id + " does not belong to this entity");
                }
            } else {
                for (JsonNode b : existing) {
                    if (!used.contains(b) && window.equals(b.path("reset_duration").asText(null))) {
                        matched = (ObjectNode) b;
                        break;
                    }
                }
            }
            ObjectNode budget;
            if (matched != null) {
                used.add(matched);
                budget = matched.deepCopy();
            } else {
                budget = Json.mapper().createObjectNode();
                budget.put("id", UUID.randomUUID().toString());
                budget.put("last_reset", time(aligned ? periodStart(window, now) : now));
                budget.put("current_usage", match == BudgetMatch.WINDOW ? 0 : inheritedUsage(existing, window));
                budget.set(owner.field(), owner.id());
                budget.put("config_hash", "");
                budget.put("created_at", time(now));
            }
            budget.put("max_limit", limit);
            budget.put("reset_duration", window);
            if (item.has("quarter_start_month")) {
                budget.set("quarter_start_month", item.get("quarter_start_month"));
            }
            if (resetUsage) {
                budget.put("current_usage", 0.0);
            }
            budget.put("updated_at", time(now));
            result.add(budget);
        }
        return result;
    }

    /** A new budget starts from the usage of the closest shorter existing budget, as Bifrost's reconcile does. */
    static double inheritedUsage(ArrayNode existing, String window) {
        List<JsonNode> rows = new ArrayList<>();
        existing.forEach(rows::add);
        return ResetWindow.longestShorterThan(window, rows, b -> b.path("reset_duration").asText(""))
                .map(b -> b.path("current_usage").asDouble(0)).orElse(0.0);
    }

    /** Turning {@code calendar_aligned} on snaps each alignable budget: usage 0, last reset at the period start. */
    static void snapToCalendar(ObjectNode owner, Instant now) {
        for (JsonNode b : arrayOrEmpty(owner.get("budgets"))) {
            String window = b.path("reset_duration").asText("");
            if (alignable(window)) {
                ((ObjectNode) b).put("current_usage", 0.0);
                ((ObjectNode) b).put("last_reset", time(periodStart(window, now)));
            }
        }
        JsonNode limit = owner.get("rate_limit");
        if (limit instanceof ObjectNode rl) {
            for (String part : List.of("token", "request")) {
                String window = rl.path(part + "_reset_duration").asText("");
                if (alignable(window)) {
                    rl.put(part + "_current_usage", 0);
                    rl.put(part + "_last_reset", time(periodStart(window, now)));
                }
            }
        }
    }

    static boolean alignable(String window) {
        return ResetWindow.parse(window).map(w -> w.calendarUnit() != null).orElse(false);
    }

    /** Bifrost's GetCalendarPeriodStart for an alignable window; otherwise {@code now}. */
    static Instant periodStart(String window, Instant now) {
        return ResetWindow.parse(window).filter(w -> w.calendarUnit() != null)
                .map(w -> ResetSchedule.calendarPeriodStart(now, w.calendarUnit())).orElse(now);
    }

    // ---- rate limits ---------------------------------------------------------------------------------------------

    /**
     * A rate limit as {@code PUT} sets it: all four limit fields replaced (absent ⇒ cleared), usage kept on an
     * existing limit; all four absent or null removes it (returns null). A JSON {@code null} leaves it as it is.
     * Invalid limits fail with 500 and the validator's words, as on keys; {@code asBadRequest} makes them 400.
     */
    static JsonNode rateLimit(JsonNode existing, JsonNode requested, Instant now, boolean asBadRequest) {
        if (requested == null || requested.isNull()) {
            return existing;
        }
        if (!requested.isObject()) {
            throw new QueryException(400, INVALID_JSON);
        }
        boolean empty = true;
        for (String f : List.of("token_max_limit", "token_reset_duration", "request_max_limit",
                "request_reset_duration")) {
            empty &= !requested.hasNonNull(f);
        }
        if (empty) {
            return null;
        }
        String problem = rateLimitProblem(requested);
        if (problem != null) {
            throw asBadRequest ? bad("Invalid rate limit: " + problem) : new QueryException(500, problem);
        }
        ObjectNode limit = existing instanceof ObjectNode e ? e.deepCopy() : Json.mapper().createObjectNode();
        if (!limit.has("id")) {
            limit.put("id", UUID.randomUUID().toString());
            limit.put("token_current_usage", 0);
            limit.put("token_last_reset", time(now));
            limit.put("request_current_usage", 0);
            limit.put("request_last_reset", time(now));
            limit.put("config_hash", "");
            limit.put("created_at", time(now));
        }
        for (String f : List.of("token_max_limit", "token_reset_duration", "request_max_limit",
                "request_reset_duration")) {
            putOrRemove(limit, f, requested.hasNonNull(f) ? requested.get(f) : null);
        }
        limit.put("updated_at", time(now));
        return limit;
    }

    /** Teams and customers validate the limit before anything else, and answer 400. */
    static JsonNode preValidatedRateLimit(JsonNode requested, Instant now) {
        return rateLimit(null, requested, now, true);
    }

    static JsonNode rateLimitOrInvalid(JsonNode existing, JsonNode requested, Instant now) {
        return rateLimit(existing, requested, now, true);
    }

    static String rateLimitProblem(JsonNode limit) {
        for (String part : List.of("token", "request")) {
            JsonNode max = limit.get(part + "_max_limit");
            JsonNode window = limit.get(part + "_reset_duration");
            if (max != null && !max.isNull()) {
                if (!max.isIntegralNumber()) {
                    return part + "_max_limit must be a whole number";
                }
                if (max.asLong() <= 0) {
                    return part + "_max_limit must be greater than 0: " + max.asLong();
                }
                if (window == null || window.isNull()) {
                    return part + "_reset_duration is required when " + part + "_max_limit is set";
                }
            }
            if (window != null && !window.isNull() && ResetWindow.parse(window.asText()).isEmpty()) {
                return "invalid " + part + "_reset_duration: " + window.asText();
            }
        }
        return null;
    }

    static void setRateLimit(ObjectNode owner, JsonNode limit) {
        if (limit == null) {
            owner.remove(List.of("rate_limit", "rate_limit_id"));
        } else {
            owner.set("rate_limit", limit);
            owner.put("rate_limit_id", limit.path("id").asText());
        }
    }
}
