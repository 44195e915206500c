package bifrostconsole.limits;

import bifrostconsole.api.Budget;
import bifrostconsole.api.RateLimit;
import bifrostconsole.changes.FieldDiff;
import bifrostconsole.changes.RequestBodies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Budgets and rate limits of a form as a change: the words a preview shows (before → after), whether they changed,
 * what the server does besides (a removed budget loses its usage), and their request JSON, built by
 * {@link RequestBodies} like every other writer's.
 */
public final class LimitChanges {
    private LimitChanges() {
    }

    /** "$500.00 per 1M, $20.00 per 1d", or "none". */
    public static String budgetWords(List<BudgetDraft> budgets) {
        if (budgets.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        for (BudgetDraft b : budgets) {
            parts.add(money(b.limit()) + " per " + b.window()
                    + (b.quarterStartMonth() == null ? "" : " (quarters from month " + b.quarterStartMonth() + ")"));
        }
        return String.join(", ", parts);
    }

    /** "100,000 tokens per 1h, 1,000 requests per 1d", or "none". */
    public static String limitWords(LimitDraft r) {
        if (r.isNone()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        if (r.tokenMax() != null) {
            parts.add(String.format(Locale.ROOT, "%,d tokens per %s", r.tokenMax(), r.tokenWindow()));
        }
        if (r.requestMax() != null) {
            parts.add(String.format(Locale.ROOT, "%,d requests per %s", r.requestMax(), r.requestWindow()));
        }
        return String.join(", ", parts);
    }

    public static String money(double dollars) {
        return String.format(Locale.ROOT, "$%,.2f", dollars);
    }

    /**
     * Adds the budgets to an edit of a key, team or customer when they changed (on a create: when there are any):
     * the field before → after, the full desired list in the body (with ids on an edit, so matched budgets keep
     * their usage), what the server does besides, and {@code reset_budget_usage} when asked on an edit.
     *
     * @return whether the budgets differ from the ones read
     */
    public static boolean addBudgets(String owner, List<BudgetDraft> before, List<BudgetDraft> after, boolean create,
                                     boolean resetUsage, boolean newInheritUsage, boolean matchByWindow,
                                     List<FieldDiff> fields, ObjectNode body, List<String> effects) {
        boolean changed = differ(before, after);
        if (changed && (!create || !after.isEmpty())) {
            fields.add(new FieldDiff("budgets", budgetWords(before), budgetWords(after)));
            body.set("budgets", budgetsBody(after, !create));
            effects.addAll(budgetEffects(owner, before, after, newInheritUsage, matchByWindow));
            if (!create && resetUsage) {
                body.put("reset_budget_usage", true);
                effects.add("The usage of every budget sent is reset to $0.");
            }
        }
        return changed;
    }

    /** Adds the rate limit to an edit when it changed (on a create: when there is one), all four fields sent. */
    public static void addRateLimit(LimitDraft before, LimitDraft after, boolean create, List<FieldDiff> fields,
                                    ObjectNode body) {
        if (!before.equals(after) && (!create || !after.isNone())) {
            fields.add(new FieldDiff("rate limit", limitWords(before), limitWords(after)));
            body.set("rate_limit", limitBody(after));
        }
    }

    /** Whether the budgets as wanted differ from the budgets as read (usage aside). */
    public static boolean differ(List<BudgetDraft> before, List<BudgetDraft> after) {
        if (before.size() != after.size()) {
            return true;
        }
        for (int i = 0; i < before.size(); i++) {
            BudgetDraft a = before.get(i);
            BudgetDraft b = after.get(i);
            if (!Objects.equals(a.id(), b.id()) || !a.window().equals(b.window()) || a.limit() != b.limit()
                    || !Objects.equals(a.quarterStartMonth(), b.quarterStartMonth())) {
                return true;
            }
        }
        return false;
    }

    /**
     * What the server does besides setting the budgets: a budget left out is deleted with its usage; a new one
     * starts at $0 or, on keys and customers, with the usage of the closest shorter budget (API.md §5.4). Teams match
     * budgets by window only (API.md §6), so there a budget whose window changed is a new budget too.
     */
    public static List<String> budgetEffects(String owner, List<BudgetDraft> before, List<BudgetDraft> after,
                                             boolean newInheritUsage, boolean matchByWindow) {
        List<String> effects = new ArrayList<>();
        boolean added = false;
        for (BudgetDraft b : before) {
            boolean kept = after.stream().anyMatch(x -> Objects.equals(x.id(), b.id())
                    && (!matchByWindow || Windows.same(x.window(), b.window())));
            if (!kept) {
                effects.add("The " + owner + "'s " + b.window() + " budget is deleted, with its usage ("
                        + money(b.currentUsage()) + " spent).");
            }
        }
        for (BudgetDraft x : after) {
            added |= x.id() == null || matchByWindow && before.stream().noneMatch(b -> Objects.equals(b.id(), x.id())
                    && Windows.same(x.window(), b.window()));
        }
        if (added && !before.isEmpty()) {
            effects.add(newInheritUsage ? "A new budget starts with the usage of the closest shorter budget, if there is"
                    + " one; otherwise at $0." : "A new budget starts at $0.");
        }
        return effects;
    }

    /** The {@code budgets} list: the desired set; with ids, matched rows keep their usage. */
    public static ArrayNode budgetsBody(List<BudgetDraft> budgets, boolean withIds) {
        return RequestBodies.budgets(toBudgets(budgets), withIds);
    }

    /** The {@code rate_limit} object: all four fields, so an empty one removes it. */
    public static ObjectNode limitBody(LimitDraft r) {
        return RequestBodies.rateLimit(toRateLimit(r));
    }

    public static List<Budget> toBudgets(List<BudgetDraft> budgets) {
        List<Budget> list = new ArrayList<>();
        for (BudgetDraft b : budgets) {
            list.add(new Budget(b.id(), b.limit(), b.window(), null, b.currentUsage(), null, null, null, null, null,
                    null, null, null, null, null, null, null, b.quarterStartMonth()));
        }
        return list;
    }

    public static RateLimit toRateLimit(LimitDraft r) {
        return new RateLimit(null, r.tokenMax(), r.tokenWindow(), 0, null, r.requestMax(), r.requestWindow(), 0, null,
                null, null, null, null);
    }

    /** The budgets as read, as drafts. */
    public static List<BudgetDraft> drafts(List<Budget> budgets) {
        List<BudgetDraft> list = new ArrayList<>();
        for (Budget b : budgets) {
            list.add(new BudgetDraft(b.id(), b.resetDuration(), b.maxLimit(), b.quarterStartMonth(), b.currentUsage()));
        }
        return List.copyOf(list);
    }
}
