package bifrostconsole.api;

import java.time.Instant;
import java.util.List;

/**
 * Traffic over time from the logs histograms: cost ({@code /histogram/cost}), tokens ({@code /histogram/tokens})
 * and requests ({@code /histogram}), merged bucket by bucket. Logs can undercount against budget counters
 * (hidden request types, API.md §13.17): these are the logs' numbers, labelled as such where shown.
 */
public record UsageHistory(long bucketSeconds, List<Bucket> buckets) {

    public UsageHistory {
        buckets = Lists.orEmpty(buckets);
    }

    /** One time bucket, starting at {@code start}. */
    public record Bucket(Instant start, double cost, long tokens, long requests, long errors) {
    }

    /** Several histograms of one window added up bucket by bucket (the traffic of several groups of keys). */
    public static UsageHistory sum(List<UsageHistory> parts) {
        java.util.TreeMap<Instant, Bucket> sum = new java.util.TreeMap<>();
        long size = 0;
        for (UsageHistory h : parts) {
            size = Math.max(size, h.bucketSeconds());
            for (Bucket b : h.buckets()) {
                sum.merge(b.start(), b, (x, y) -> new Bucket(x.start(), x.cost() + y.cost(), x.tokens() + y.tokens(),
                        x.requests() + y.requests(), x.errors() + y.errors()));
            }
        }
        return new UsageHistory(size, List.copyOf(sum.values()));
    }

    public double totalCost() {
        return buckets.stream().mapToDouble(Bucket::cost).sum();
    }

    public long totalTokens() {
        return buckets.stream().mapToLong(Bucket::tokens).sum();
    }

    public long totalRequests() {
        return buckets.stream().mapToLong(Bucket::requests).sum();
    }
}
