package bifrostconsole.headroom;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a full scan of a gateway found: counts, spend in the budget windows now open against their limits, spend by
 * team and customer, how much of its binding limit each key has used, and the keys that need attention.
 *
 * @param spendByWindow    per level ("key", "team", "customer") and reset window ({@code 1M}): {spent, limit} in
 *                         dollars over the budgets whose window is open now
 * @param spendByTeam      team name to the spend of its keys in their budgets' open windows (the largest per key)
 * @param usedDistribution keys by the used share of their binding limit: [0] under 10 %, ... [9] 90-99 %,
 *                         [10] used up; keys without any limit are counted in {@code unbounded}
 * @param attention        every key with at least one reason, most urgent first (empty when the scan handed them
 *                         to a sink instead: see {@link GatewayScan#run(Attention, java.time.Duration,
 *                         java.util.function.Consumer, bifrostconsole.export.ProgressListener,
 *                         bifrostconsole.export.Cancellation)})
 * @param rules            the rules the scan applied; their {@code traffic()} keeps the period and why the logs
 *                         could not tell (when they could not), not each key's requests
 * @param owners           the teams and customers read for the scan (the key table's headroom reuses them)
 */
public record ScanResult(Instant at, long keys, long active, long inactive, long expired, long expiring,
                         long exhausted, long unbounded, int teams, int customers,
                         Map<String, Map<String, double[]>> spendByWindow, Map<String, Double> spendByTeam,
                         Map<String, Double> spendByCustomer, long[] usedDistribution, List<AttentionItem> attention,
                         Attention rules, OwnerLists owners) {

    public List<AttentionItem> with(Reason reason) {
        return attention.stream().filter(i -> i.has(reason)).toList();
    }

    public long count(Reason reason) {
        return attention.stream().filter(i -> i.has(reason)).count();
    }
}
