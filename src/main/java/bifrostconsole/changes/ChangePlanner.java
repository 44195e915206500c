package bifrostconsole.changes;

import bifrostconsole.api.Budget;
import bifrostconsole.api.Json;
import bifrostconsole.api.RateLimit;
import bifrostconsole.api.ResetWindow;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.WriteRequest;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Works out what a {@link KeyChange} does to one key, as a {@link KeyPlan}, from the key as the admin saw it. Pure:
 * no I/O, so a preview costs nothing and shows exactly what will be sent.
 *
 * <p>Every plan sends the smallest request that does the change: a toggle sends only {@code is_active}, an
 * assignment only the owner field, a budget change only {@code budgets} (the full desired list, since a budget left
 * out is deleted, each with its id so it keeps its usage). No plan sends {@code provider_configs} or
 * {@code mcp_configs}, which Bifrost treats as full replacement sets; the recreate body builds them with
 * {@link RequestBodies}.
 */
public final class ChangePlanner {
    private ChangePlanner() {
    }

    /** The plan for {@code change} on {@code seen}; {@code now} decides whether a recreated expiry is still ahead. */
    public static KeyPlan plan(VirtualKey seen, KeyChange change, Instant now) {
        if (change instanceof KeyChange.Recreate recreate) {
            return recreate(recreate, now);
        }
        Draft d = new Draft(seen, change);
        // Java 17: no pattern matching in switch yet, so one instanceof per kind of change.
        if (change instanceof KeyChange.SetActive c) {
            setActive(d, c);
        } else if (change instanceof KeyChange.Rotate) {
            rotate(d);
        } else if (change instanceof KeyChange.Delete) {
            delete(d);
        } else if (change instanceof KeyChange.ResetUsage c) {
            resetUsage(d, c);
        } else if (change instanceof KeyChange.SetBudget c) {
            setBudget(d, c);
        } else if (change instanceof KeyChange.RemoveBudget c) {
            removeBudget(d, c);
        } else if (change instanceof KeyChange.SetRateLimit c) {
            setRateLimit(d, c);
        } else if (change instanceof KeyChange.Assign c) {
            assign(d, c);
        } else if (change instanceof KeyChange.SetBudgetOverride c) {
            setOverride(d, c);
        } else if (change instanceof KeyChange.RemoveBudgetOverride c) {
            removeOverride(d, c);
        } else {
            throw new IllegalArgumentException("unknown change " + change);
        }
        return d.build();
    }

    /** The plans for one change on several keys, in the same order. */
    public static List<KeyPlan> plan(List<VirtualKey> seen, KeyChange change, Instant now) {
        return seen.stream().map(k -> plan(k, change, now)).toList();
    }

    /** A plan under construction. */
    private static final class Draft {
        final VirtualKey key;
        final KeyChange change;
        final List<FieldDiff> fields = new ArrayList<>();
        final List<String> effects = new ArrayList<>();
        KeyPlan.Status status = KeyPlan.Status.READY;
        String reason;
        WriteRequest request;
        boolean backup;

        Draft(VirtualKey key, KeyChange change) {
            this.key = key;
            this.change = change;
        }

        void field(String field, String before, String after) {
            fields.add(new FieldDiff(field, before, after));
        }

        void nothingToDo(String why) {
            status = KeyPlan.Status.NOTHING_TO_DO;
            reason = why;
        }

        void refuse(String why) {
            status = KeyPlan.Status.REFUSED;
            reason = why;
        }

        void update(ObjectNode body) {
            request = WriteRequest.updateVirtualKey(key.id(), body);
        }

        KeyPlan build() {
            boolean ready = status == KeyPlan.Status.READY;
            return new KeyPlan(key.id(), key.name(), key, change, status, reason, ready ? fields : List.of(),
                    ready ? request : null, ready ? effects : List.of(), ready && backup);
        }
    }

    private static ObjectNode body() {
        return Json.mapper().createObjectNode();
    }

    // ---- status, value, existence --------------------------------------------------------------------------

    private static void setActive(Draft d, KeyChange.SetActive c) {
        if (d.key.active() == c.active()) {
            d.nothingToDo("The key is already " + (c.active() ? "enabled" : "disabled") + ".");
            return;
        }
        d.field("status", KeyWords.status(d.key), c.active() ? "Active" : "Inactive");
        d.update(body().put("is_active", c.active()));
        if (!c.active()) {
            d.effects.add("Bifrost refuses every request made with this key until it is enabled again.");
        }
    }

    private static void rotate(Draft d) {
        d.field("value", "the current value", "a new value, made by the server");
        d.request = WriteRequest.rotateVirtualKey(d.key.id());
        d.effects.add("The current value stops working (at once, or when the server's rotation cooldown ends):"
                + " every client using it needs the new value.");
    }

    private static void delete(Draft d) {
        d.field("key", "exists", "deleted");
        d.request = WriteRequest.deleteVirtualKey(d.key.id());
        d.backup = true;
        List<String> parts = new ArrayList<>();
        count(parts, d.key.providerConfigs().size(), "provider config");
        count(parts, d.key.budgets().size() + d.key.providerConfigs().stream().mapToInt(pc -> pc.budgets().size()).sum(),
                "budget");
        if (d.key.rateLimit() != null) {
            parts.add("its rate limit");
        }
        count(parts, d.key.mcpConfigs().size(), "MCP config");
        if (!parts.isEmpty()) {
            d.effects.add("Bifrost also deletes " + String.join(", ", parts) + ", with their usage.");
        }
        d.effects.add("Requests made with the key's value are refused from then on.");
        d.effects.add("The key's configuration (not its value) is saved in the console's data folder first;"
                + " Recreate in History makes a new key from it, with a new value.");
    }

    private static void count(List<String> parts, int n, String noun) {
        if (n > 0) {
            parts.add(n + " " + noun + (n == 1 ? "" : "s"));
        }
    }

    // ---- budgets -------------------------------------------------------------------------------------------

    private static Optional<Budget> budgetFor(VirtualKey key, String window) {
        return key.budgets().stream().filter(b -> window.equals(b.resetDuration())).findFirst();
    }

    private static void resetUsage(Draft d, KeyChange.ResetUsage c) {
        List<Budget> budgets = d.key.budgets();
        if (budgets.isEmpty()) {
            d.nothingToDo("The key has no budgets of its own.");
            return;
        }
        if (c.window() != null) {
            if (budgetFor(d.key, c.window()).isEmpty()) {
                d.nothingToDo("The key has no " + c.window() + " budget.");
                return;
            }
            if (budgets.size() > 1) {
                List<String> others = budgets.stream().map(Budget::resetDuration)
                        .filter(w -> !w.equals(c.window())).toList();
                d.refuse("Bifrost resets every budget a request sends with reset_budget_usage, and deletes any budget"
                        + " left out, so the " + c.window() + " budget cannot be reset alone while the key also has "
                        + String.join(", ", others) + ": reset all of the key's budgets instead.");
                return;
            }
        }
        if (budgets.stream().allMatch(b -> b.currentUsage() == 0)) {
            d.nothingToDo("The key's budgets have no usage to reset.");
            return;
        }
        for (Budget b : budgets) {
            d.field("budget " + b.resetDuration() + " spent", KeyWords.money(b.currentUsage()), KeyWords.money(0));
        }
        d.update(body().<ObjectNode>set("budgets", RequestBodies.budgets(budgets, true))
                .put("reset_budget_usage", true));
        d.effects.add("Limits and windows stay as they are; servers before Bifrost 2.0 ignore reset_budget_usage,"
                + " which the console notices in the answer and reports.");
    }

    private static void setBudget(Draft d, KeyChange.SetBudget c) {
        Optional<Budget> existing = budgetFor(d.key, c.window());
        if (existing.isPresent() && existing.get().maxLimit() == c.limit() && !c.resetUsage()) {
            d.nothingToDo("The " + c.window() + " budget is already " + KeyWords.money(c.limit()) + ".");
            return;
        }
        ObjectNode body = body();
        ArrayNode list = RequestBodies.budgets(d.key.budgets(), true);
        if (existing.isPresent()) {
            int index = d.key.budgets().indexOf(existing.get());
            ((ObjectNode) list.get(index)).put("max_limit", c.limit());
            if (existing.get().maxLimit() != c.limit()) {
                d.field("budget " + c.window() + " limit", KeyWords.money(existing.get().maxLimit()),
                        KeyWords.money(c.limit()));
            }
        } else {
            list.add(RequestBodies.budget(Budget.of(null, c.limit(), c.window(), 0, null), false));
            d.field("budget " + c.window(), KeyWords.NONE, KeyWords.money(c.limit()));
            inheritedUsage(d.key.budgets(), c.window()).ifPresent(from -> d.effects.add("Bifrost starts the new "
                    + c.window() + " budget with the usage of the " + from.resetDuration() + " budget ("
                    + KeyWords.money(from.currentUsage()) + ")" + (c.resetUsage() ? ", then resets it." : ".")));
        }
        body.set("budgets", list);
        if (c.resetUsage()) {
            body.put("reset_budget_usage", true);
            for (Budget b : d.key.budgets()) {
                if (b.currentUsage() != 0) {
                    d.field("budget " + b.resetDuration() + " spent", KeyWords.money(b.currentUsage()), KeyWords.money(0));
                }
            }
            if (d.key.budgets().size() > (existing.isPresent() ? 1 : 0)) {
                d.effects.add("Bifrost resets every budget in the request, so all of the key's budgets start again"
                        + " from $0.00.");
            }
        }
        d.update(body);
    }

    /** The existing budget whose usage Bifrost copies into a new one: the longest window shorter than it. */
    private static Optional<Budget> inheritedUsage(List<Budget> budgets, String window) {
        return ResetWindow.longestShorterThan(window, budgets, Budget::resetDuration).filter(b -> b.currentUsage() > 0);
    }

    private static void removeBudget(Draft d, KeyChange.RemoveBudget c) {
        Optional<Budget> existing = budgetFor(d.key, c.window());
        if (existing.isEmpty()) {
            d.nothingToDo("The key has no " + c.window() + " budget.");
            return;
        }
        List<Budget> rest = d.key.budgets().stream().filter(b -> b != existing.get()).toList();
        d.field("budget " + c.window(), KeyWords.budget(existing.get()), "removed");
        d.update(body().set("budgets", RequestBodies.budgets(rest, true)));
        d.effects.add("Its usage counter is deleted with it; the key's other budgets keep theirs.");
    }

    private static void setOverride(Draft d, KeyChange.SetBudgetOverride c) {
        Optional<Budget> existing = budgetFor(d.key, c.window());
        if (existing.isEmpty()) {
            d.refuse("The key has no " + c.window() + " budget to override: add one with set-budget first.");
            return;
        }
        Budget b = existing.get();
        String mode = c.cycles() == null ? "forever" : "cycles";
        if (b.overrideAmount() != null && b.overrideAmount() == c.amount() && mode.equals(b.overrideMode())
                && Objects.equals(b.overrideCyclesRemaining(), c.cycles())) {
            d.nothingToDo("The " + c.window() + " budget already has this override.");
            return;
        }
        Budget after = new Budget(b.id(), b.maxLimit(), b.resetDuration(), b.lastReset(), b.currentUsage(),
                b.calendarAligned(), b.teamId(), b.virtualKeyId(), b.providerConfigId(), b.customerId(),
                b.modelConfigId(), c.amount(), mode, c.cycles(), b.configHash(), b.createdAt(), b.updatedAt(),
                b.quarterStartMonth());
        d.field("budget " + c.window() + " limit in force", KeyWords.limitInForce(b), KeyWords.limitInForce(after));
        d.request = WriteRequest.setBudgetOverride(d.key.id(), b.id(), c.amount(), c.cycles());
        if (b.overrideAmount() != null) {
            d.effects.add("It replaces the budget's current override.");
        }
        d.effects.add(c.cycles() == null ? "The extra headroom stays until the override is removed."
                : "The current window counts as the first of the " + KeyWords.windows(c.cycles()) + ".");
        d.effects.add("Usage is not reset.");
    }

    private static void removeOverride(Draft d, KeyChange.RemoveBudgetOverride c) {
        Optional<Budget> existing = budgetFor(d.key, c.window());
        if (existing.isEmpty()) {
            d.refuse("The key has no " + c.window() + " budget.");
            return;
        }
        Budget b = existing.get();
        if (b.overrideAmount() == null) {
            d.nothingToDo("The " + c.window() + " budget has no override.");
            return;
        }
        d.field("budget " + c.window() + " limit in force", KeyWords.limitInForce(b), KeyWords.money(b.maxLimit()));
        d.request = WriteRequest.removeBudgetOverride(d.key.id(), b.id());
        if (b.currentUsage() >= b.maxLimit()) {
            d.effects.add("Spent " + KeyWords.money(b.currentUsage()) + " is at or over the base limit: Bifrost"
                    + " refuses the key's requests until the window resets.");
        }
    }

    // ---- rate limit --------------------------------------------------------------------------------------

    private static void setRateLimit(Draft d, KeyChange.SetRateLimit c) {
        RateLimit current = d.key.rateLimit();
        Long tokenMax = current != null && current.hasTokenLimit() ? current.tokenMaxLimit() : null;
        String tokenWindow = tokenMax == null ? null : current.tokenResetDuration();
        Long requestMax = current != null && current.hasRequestLimit() ? current.requestMaxLimit() : null;
        String requestWindow = requestMax == null ? null : current.requestResetDuration();
        Long newTokenMax = tokenMax;
        String newTokenWindow = tokenWindow;
        Long newRequestMax = requestMax;
        String newRequestWindow = requestWindow;
        if (c.tokens() != null) {
            newTokenMax = c.tokens().isNone() ? null : c.tokens().max();
            newTokenWindow = c.tokens().isNone() ? null : c.tokens().window();
        }
        if (c.requests() != null) {
            newRequestMax = c.requests().isNone() ? null : c.requests().max();
            newRequestWindow = c.requests().isNone() ? null : c.requests().window();
        }
        boolean same = Objects.equals(tokenMax, newTokenMax) && Objects.equals(tokenWindow, newTokenWindow)
                && Objects.equals(requestMax, newRequestMax)
                && Objects.equals(requestWindow, newRequestWindow);
        if (same) {
            d.nothingToDo(newTokenMax == null && newRequestMax == null ? "the key has no rate limit."
                    : "the key's rate limit is already so.");
            return;
        }
        String tokensBefore = KeyWords.limit(tokenMax, tokenWindow, "tokens");
        String tokensAfter = KeyWords.limit(newTokenMax, newTokenWindow, "tokens");
        if (!tokensBefore.equals(tokensAfter)) {
            d.field("token limit", tokensBefore, tokensAfter);
        }
        String requestsBefore = KeyWords.limit(requestMax, requestWindow, "requests");
        String requestsAfter = KeyWords.limit(newRequestMax, newRequestWindow, "requests");
        if (!requestsBefore.equals(requestsAfter)) {
            d.field("request limit", requestsBefore, requestsAfter);
        }
        // Bifrost replaces all four fields, so the half not being changed is sent as it is.
        d.update(body().set("rate_limit", RequestBodies.rateLimit(newTokenMax, newTokenWindow, newRequestMax,
                newRequestWindow)));
        if (newTokenMax == null && newRequestMax == null) {
            d.effects.add("The rate limit is removed, with its counters.");
        } else if (current != null) {
            d.effects.add("The counters of the current windows are kept.");
        }
    }

    // ---- owner -------------------------------------------------------------------------------------------

    private static void assign(Draft d, KeyChange.Assign c) {
        VirtualKey k = d.key;
        switch (c.kind()) {
            case TEAM -> {
                if (c.id().equals(k.teamId())) {
                    d.nothingToDo("The key is already on team " + KeyWords.team(k) + ".");
                    return;
                }
                d.field("team", KeyWords.team(k), c.name() == null ? c.id() : c.name());
                d.update(body().put("team_id", c.id()));
                if (k.customerId() != null) {
                    d.field("customer", KeyWords.customer(k), KeyWords.NONE);
                    d.effects.add("A key belongs to a team or a customer, not both: Bifrost clears its customer.");
                }
            }
            case CUSTOMER -> {
                if (c.id().equals(k.customerId())) {
                    d.nothingToDo("The key is already on customer " + KeyWords.customer(k) + ".");
                    return;
                }
                d.field("customer", KeyWords.customer(k), c.name() == null ? c.id() : c.name());
                d.update(body().put("customer_id", c.id()));
                if (k.teamId() != null) {
                    d.field("team", KeyWords.team(k), KeyWords.NONE);
                    d.effects.add("A key belongs to a team or a customer, not both: Bifrost clears its team.");
                }
            }
            case NONE -> {
                if (k.teamId() == null && k.customerId() == null) {
                    d.nothingToDo("The key has no team or customer.");
                    return;
                }
                // "" clears both on Bifrost; the field the key actually has is the one sent.
                ObjectNode body = body();
                if (k.teamId() != null) {
                    d.field("team", KeyWords.team(k), KeyWords.NONE);
                    body.put("team_id", "");
                }
                if (k.customerId() != null) {
                    d.field("customer", KeyWords.customer(k), KeyWords.NONE);
                    body.put("customer_id", "");
                }
                d.update(body);
            }
        }
        d.effects.add("The key then counts against the budgets and rate limits of its new owner, if any.");
    }

    // ---- recreate ------------------------------------------------------------------------------------------

    private static KeyPlan recreate(KeyChange.Recreate c, Instant now) {
        VirtualKey old = c.from().key();
        ObjectNode body = RequestBodies.createFrom(old, now);
        List<FieldDiff> fields = new ArrayList<>();
        fields.add(new FieldDiff("key", "deleted " + KeyWords.time(c.from().deletedAt()), "a new key named " + old.name()));
        fields.add(new FieldDiff("status", KeyWords.NONE, KeyWords.status(old)));
        if (old.teamId() != null) {
            fields.add(new FieldDiff("team", KeyWords.NONE, KeyWords.team(old)));
        } else if (old.customerId() != null) {
            fields.add(new FieldDiff("customer", KeyWords.NONE, KeyWords.customer(old)));
        }
        fields.add(new FieldDiff("budgets", KeyWords.NONE, KeyWords.budgets(old.budgets())));
        fields.add(new FieldDiff("rate limit", KeyWords.NONE, KeyWords.rateLimit(old.rateLimit())));
        fields.add(new FieldDiff("providers", KeyWords.NONE, KeyWords.providerConfigs(old.providerConfigs())));
        if (!old.mcpConfigs().isEmpty()) {
            fields.add(new FieldDiff("MCP tools", KeyWords.NONE, KeyWords.mcpConfigs(old.mcpConfigs())));
        }
        List<String> effects = new ArrayList<>();
        effects.add("The server makes a new id and a new value: clients need the new value.");
        effects.add("Budgets and rate limits start with no usage.");
        if (old.expiresAt() != null && !old.expiresAt().isAfter(now)) {
            effects.add("The old key expired " + KeyWords.time(old.expiresAt()) + ": the new one does not expire.");
        }
        return new KeyPlan(old.id(), old.name(), null, c, KeyPlan.Status.READY, null, fields,
                WriteRequest.createVirtualKey(body), effects, false);
    }
}
