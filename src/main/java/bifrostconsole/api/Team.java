package bifrostconsole.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A team, optionally under a customer, with its own budgets and rate limit. */
public record Team(
        String id,
        String name,
        String customerId,
        String rateLimitId,
        String sourceId,
        Customer customer,
        List<Budget> budgets,
        Budget budget,
        RateLimit rateLimit,
        Integer virtualKeyCount,
        boolean calendarAligned,
        String configHash,
        Instant createdAt,
        Instant updatedAt) {

    public Team {
        budgets = Lists.orEmpty(budgets);
    }

    /** {@code budgets[]} plus the single {@code budget} older servers send. */
    public List<Budget> allBudgets() {
        return Customer.mergeLegacyBudget(budgets, budget);
    }

    public static Team named(String id, String name) {
        return new Team(id, name, null, null, null, null, null, null, null, null, false, null, null, null);
    }
}
