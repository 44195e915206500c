package bifrostconsole.api;

/**
 * The answer of {@code PUT} and {@code DELETE /api/governance/virtual-keys/{id}/budgets/{budget_id}/override}:
 * the budget with its override fields, and the limit in force ({@code max_limit} plus the override amount).
 */
public record BudgetOverrideResult(Budget budget, double effectiveMaxLimit) {
}
