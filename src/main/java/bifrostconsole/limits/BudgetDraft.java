package bifrostconsole.limits;

/**
 * One budget as a form wants it: the window, the limit in US dollars, the fiscal quarter's first month for a
 * quarterly window. {@code id} is the budget's row on the server (null for a new one): sent back so the server
 * keeps its usage. {@code currentUsage} is what it has spent, for the "already over the new limit" warning.
 */
public record BudgetDraft(String id, String window, double limit, Integer quarterStartMonth, double currentUsage) {
}
