package bifrostconsole.demo;

import bifrostconsole.api.ProviderConfig;
import bifrostconsole.api.ResetWindow;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.store.GovernanceStore;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The demo gateway's read-only logs endpoints (API.md §14), answered from {@link DemoLogHistory}:
 * {@code GET /api/logs}, {@code /api/logs/stats}, {@code /api/logs/histogram}, {@code /histogram/tokens},
 * {@code /histogram/cost} and {@code /rankings/by-dimension} (virtual keys), with Bifrost's filters
 * {@code virtual_key_ids}, {@code team_ids}, {@code customer_ids} (comma-separated), {@code start_time}/{@code end_time} (RFC 3339) or {@code period} ({@code 24h}, {@code 7d}),
 * and Bifrost's bucket sizes (hourly for a day, daily for a week to a month, ...). {@link #setEnabled(boolean)}
 * turns them off, so the gateway answers 404 like a server without logs; {@link #setClock(Clock)} pins "now".
 */
public final class DemoLogRoutes {
    private static final long HOUR = 3_600;
    private static final int MAX_LOG_LIMIT = 1_000;
    /** Above this many keys a log listing stops walking hours once the page is full (totals come from sums). */
    private static final int EXACT_TOTAL_KEYS = 200;
    /** Entries take 300 ms plus up to 2 s, evenly spread: 1.3 s on average. */
    private static final double MEAN_LATENCY_MS = 1_300;

    /** One answer: a status with either a JSON body or an error message. */
    record Answer(int status, Object body, String message) {
        static Answer ok(Object body) {
            return new Answer(200, body, null);
        }

        static Answer error(int status, String message) {
            return new Answer(status, null, message);
        }
    }

    private final GovernanceStore store;
    private volatile Clock clock;
    private volatile boolean enabled = true;
    private volatile DemoLogHistory history;

    DemoLogRoutes(GovernanceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Pins the moment the history ends (tests), instead of the wall clock. */
    public void setClock(Clock clock) {
        this.clock = clock;
        this.history = null;
    }

    /** Off: every logs route answers 404, as an older server or one with logging disabled. */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Empty when the path is not a logs route (or the routes are off): the gateway then answers 404. */
    Optional<Answer> answer(String[] segments, Map<String, String> params) {
        // segments[0] = "api", [1] = "logs"
        if (!enabled || segments.length < 2 || !segments[1].equals("logs")) {
            return Optional.empty();
        }
        String route = String.join("/", Arrays.copyOfRange(segments, 2, segments.length));
        DemoLogHistory h = history();
        Range range;
        try {
            range = range(h, params);
        } catch (IllegalArgumentException e) {
            return Optional.of(Answer.error(400, e.getMessage()));
        }
        return switch (route) {
            case "" -> Optional.of(list(h, params, range));
            case "stats" -> Optional.of(Answer.ok(stats(h, range, params)));
            case "histogram" -> Optional.of(Answer.ok(requestHistogram(h, range, params)));
            case "histogram/tokens" -> Optional.of(Answer.ok(tokenHistogram(h, range, params)));
            case "histogram/cost" -> Optional.of(Answer.ok(costHistogram(h, range, params)));
            case "rankings/by-dimension" -> Optional.of(rankings(h, range, params));
            default -> Optional.empty();
        };
    }

    // ---- wire shapes (Bifrost's logstore structs) -------------------------------------------------------

    record RequestBucket(Instant timestamp, long count, long success, long error) {
    }

    record RequestHistogram(List<RequestBucket> buckets, long bucketSizeSeconds) {
    }

    record TokenBucket(Instant timestamp, long promptTokens, long completionTokens, long totalTokens) {
    }

    record TokenHistogram(List<TokenBucket> buckets, long bucketSizeSeconds) {
    }

    record CostBucket(Instant timestamp, double totalCost, Map<String, Double> byModel) {
    }

    record CostHistogram(List<CostBucket> buckets, long bucketSizeSeconds, List<String> models) {
    }

    record Stats(long totalRequests, long totalTokens, double totalCost, double averageLatency, double successRate) {
    }

    record LogEntry(String id, String provider, String model, String status, String object, Instant timestamp,
                    double latency, long inputTokens, long outputTokens, long totalTokens, double cost,
                    String virtualKeyId, String virtualKeyName, Instant createdAt) {
    }

    record LogList(List<LogEntry> logs, long total, int offset, int limit) {
    }

    record RankingTrend(boolean hasPreviousPeriod, double requestsTrend, double tokensTrend, double costTrend) {
    }

    record RankingEntry(String id, String name, long totalRequests, long totalTokens, double totalCost,
                        RankingTrend trend) {
    }

    /** Written by {@link RankingsWriter}: the same JSON as the mapper's, without reflection per field. */
    @com.fasterxml.jackson.databind.annotation.JsonSerialize(using = RankingsWriter.class)
    record DimensionRankings(List<RankingEntry> rankings, String dimension) {
    }

    /**
     * Writes a ranking field by field, as the mapper would write its records (snake case, nulls left out): the
     * overview asks for every key's entry, 100,000 of them, about 24 MB, and the mapper's reflective writing of
     * each field was most of the demo's work for it. {@code DemoLogRoutesTest} compares the two byte for byte.
     */
    static final class RankingsWriter extends com.fasterxml.jackson.databind.JsonSerializer<DimensionRankings> {
        @Override
        public void serialize(DimensionRankings r, com.fasterxml.jackson.core.JsonGenerator g,
                              com.fasterxml.jackson.databind.SerializerProvider provider) throws java.io.IOException {
            g.writeStartObject();
            if (r.rankings() != null) {
                g.writeArrayFieldStart("rankings");
                for (RankingEntry e : r.rankings()) {
                    if (e == null) {
                        g.writeNull();
                        continue;
                    }
                    g.writeStartObject();
                    if (e.id() != null) {
                        g.writeStringField("id", e.id());
                    }
                    if (e.name() != null) {
                        g.writeStringField("name", e.name());
                    }
                    g.writeNumberField("total_requests", e.totalRequests());
                    g.writeNumberField("total_tokens", e.totalTokens());
                    g.writeNumberField("total_cost", e.totalCost());
                    RankingTrend t = e.trend();
                    if (t != null) {
                        g.writeObjectFieldStart("trend");
                        g.writeBooleanField("has_previous_period", t.hasPreviousPeriod());
                        g.writeNumberField("requests_trend", t.requestsTrend());
                        g.writeNumberField("tokens_trend", t.tokensTrend());
                        g.writeNumberField("cost_trend", t.costTrend());
                        g.writeEndObject();
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            if (r.dimension() != null) {
                g.writeStringField("dimension", r.dimension());
            }
            g.writeEndObject();
        }
    }

    // ---- time range and buckets --------------------------------------------------------------------------

    /** [start, end) of the question, clipped to the history, with Bifrost's bucket size for its length. */
    record Range(Instant start, Instant end, long bucketSeconds) {
        long fromHour() {
            return Math.floorDiv(start.getEpochSecond(), HOUR);
        }

        long toHour() {
            return Math.floorDiv(end.getEpochSecond() + HOUR - 1, HOUR);
        }
    }

    private static Range range(DemoLogHistory h, Map<String, String> params) {
        Instant now = h.now();
        Instant start = time(params, "start_time");
        Instant end = time(params, "end_time");
        String period = params.get("period");
        if (start == null && period != null && !period.isBlank()) {
            var window = ResetWindow.parse(period).orElseThrow(() ->
                    new IllegalArgumentException("invalid period: " + period));
            start = (end == null ? now : end).minus(window.length());
        }
        // Bifrost's own defaults: no bounds means every log and hourly buckets.
        long bucket = start == null || end == null && period == null ? HOUR
                : bucketSize(java.time.Duration.between(start, end == null ? now : end).getSeconds());
        if (start == null || start.isBefore(h.start())) {
            start = h.start();
        }
        if (end == null || end.isAfter(now)) {
            end = now;
        }
        if (end.isBefore(start)) {
            end = start;
        }
        return new Range(start, end, bucket);
    }

    /** Bifrost's {@code calculateBucketSize} (logging handler, 2.x). */
    static long bucketSize(long seconds) {
        long day = 86_400;
        if (seconds >= 365 * day) {
            return 30 * day;
        }
        if (seconds >= 90 * day) {
            return 7 * day;
        }
        if (seconds > 31 * day) {
            return 3 * day;
        }
        if (seconds >= 7 * day) {
            return day;
        }
        if (seconds >= 3 * day) {
            return 8 * HOUR;
        }
        if (seconds >= day) {
            return HOUR;
        }
        if (seconds >= 2 * HOUR) {
            return 600;
        }
        return 60;
    }

    private static Instant time(Map<String, String> params, String name) {
        String text = params.get(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("invalid " + name + " format: use RFC3339");
        }
    }

    /**
     * Spreads hourly values (already limited to the range) over the range's buckets: an hour split by a bucket
     * boundary (buckets under an hour) is shared in proportion to its in-range seconds on each side. Buckets are
     * aligned on multiples of their size.
     */
    private static double[][] bucketed(Range range, double[]... hourly) {
        long size = range.bucketSeconds();
        long first = Math.floorDiv(range.start().getEpochSecond(), size) * size;
        long endSecond = range.end().getEpochSecond();
        int count = (int) Math.max(1, (endSecond - first + size - 1) / size);
        double[][] out = new double[hourly.length][count];
        long fromHour = range.fromHour();
        for (int i = 0; i < hourly[0].length; i++) {
            long hourStart = (fromHour + i) * HOUR;
            long lo = Math.max(hourStart, range.start().getEpochSecond());
            long hi = Math.min(hourStart + HOUR, endSecond);
            long inRange = hi - lo;
            while (lo < hi) {
                int b = (int) ((lo - first) / size);
                long bucketEnd = first + (b + 1) * size;
                long until = Math.min(hi, bucketEnd);
                double share = (double) (until - lo) / inRange;
                for (int s = 0; s < hourly.length; s++) {
                    out[s][Math.min(b, count - 1)] += hourly[s][i] * share;
                }
                lo = until;
            }
        }
        return out;
    }

    private static Instant bucketStart(Range range, int index) {
        long size = range.bucketSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(range.start().getEpochSecond(), size) * size + index * size);
    }

    // ---- the endpoints -----------------------------------------------------------------------------------

    private DemoLogHistory.Totals totals(DemoLogHistory h, Range range, Map<String, String> params) {
        DemoLogHistory.Totals totals = h.new Totals(range.start().getEpochSecond(), range.end().getEpochSecond());
        // every key (no filter): the keys as the store holds them, in the same order, decoded only once written
        DemoLogHistory.KeyShape[] shapes = unfiltered(params) ? h.shapes(store.heldKeys(false), false)
                : h.shapes(keys(params));
        for (DemoLogHistory.KeyShape key : shapes) {
            totals.add(key);
        }
        return totals;
    }

    private RequestHistogram requestHistogram(DemoLogHistory h, Range range, Map<String, String> params) {
        DemoLogHistory.Totals t = totals(h, range, params);
        double[][] b = bucketed(range, t.requests(), t.errors());
        List<RequestBucket> buckets = new ArrayList<>(b[0].length);
        for (int i = 0; i < b[0].length; i++) {
            long count = Math.round(b[0][i]);
            long errors = Math.min(count, Math.round(b[1][i]));
            buckets.add(new RequestBucket(bucketStart(range, i), count, count - errors, errors));
        }
        return new RequestHistogram(buckets, range.bucketSeconds());
    }

    private TokenHistogram tokenHistogram(DemoLogHistory h, Range range, Map<String, String> params) {
        double[][] b = bucketed(range, totals(h, range, params).tokens());
        List<TokenBucket> buckets = new ArrayList<>(b[0].length);
        for (int i = 0; i < b[0].length; i++) {
            long total = Math.round(b[0][i]);
            long prompt = Math.round(total * 0.7);
            buckets.add(new TokenBucket(bucketStart(range, i), prompt, total - prompt, total));
        }
        return new TokenHistogram(buckets, range.bucketSeconds());
    }

    private CostHistogram costHistogram(DemoLogHistory h, Range range, Map<String, String> params) {
        double[][] byGroup = totals(h, range, params).costByGroup();
        double[][] b = bucketed(range, byGroup);
        List<String> models = new ArrayList<>();
        List<CostBucket> buckets = new ArrayList<>(b[0].length);
        for (int i = 0; i < b[0].length; i++) {
            Map<String, Double> byModel = new LinkedHashMap<>();
            double total = 0;
            for (int g = 0; g < b.length; g++) {
                if (b[g][i] > 0) {
                    byModel.merge(DemoLogHistory.model(g), b[g][i], Double::sum);
                    total += b[g][i];
                }
            }
            byModel.replaceAll((model, cost) -> round6(cost));
            byModel.keySet().stream().filter(m -> !models.contains(m)).forEach(models::add);
            buckets.add(new CostBucket(bucketStart(range, i), round6(total), byModel));
        }
        return new CostHistogram(buckets, range.bucketSeconds(), models);
    }

    private Stats stats(DemoLogHistory h, Range range, Map<String, String> params) {
        DemoLogHistory.Totals t = totals(h, range, params);
        double cost = sum(t.cost());
        long requests = Math.round(sum(t.requests()));
        long errors = Math.min(requests, Math.round(sum(t.errors())));
        return new Stats(requests, Math.round(sum(t.tokens())), round6(cost), requests == 0 ? 0 : MEAN_LATENCY_MS,
                requests == 0 ? 0 : 100.0 * (requests - errors) / requests);
    }

    /**
     * {@code /rankings/by-dimension?dimension=virtual_key}: every key with traffic in the range, busiest first
     * ({@code limit}, default 100, unless {@code all=true}); a key without requests there is not listed, as in
     * Bifrost, which groups its log rows. Only the virtual-key dimension is served.
     */
    private Answer rankings(DemoLogHistory h, Range range, Map<String, String> params) {
        String dimension = params.get("dimension");
        if (!"virtual_key".equals(dimension)) {
            return Answer.error(400, "unsupported dimension: " + dimension + " (the demo ranks virtual_key only)");
        }
        int limit;
        try {
            limit = params.containsKey("limit") ? Integer.parseInt(params.get("limit")) : 100;
        } catch (NumberFormatException e) {
            return Answer.error(400, "Invalid limit parameter: must be a number");
        }
        boolean all = "true".equalsIgnoreCase(params.get("all"));
        long from = range.start().getEpochSecond();
        long to = range.end().getEpochSecond();
        RankingTrend noTrend = new RankingTrend(false, 0, 0, 0);
        List<RankingEntry> rankings;
        if (unfiltered(params)) {
            // Every key, read in id order as the store holds them (not decoded, only their ids and names for
            // those with traffic): a stable sort by requests alone then leaves ties in id order, the order the
            // comparator below gives, without comparing 100,000 ids.
            List<GovernanceStore.HeldKey> held = store.heldKeys(true);
            DemoLogHistory.KeyShape[] shapes = h.shapes(held, true);
            rankings = new ArrayList<>(held.size());
            for (int i = 0; i < shapes.length; i++) {
                RankingEntry e = entry(h, shapes[i], from, to, held.get(i)::id, held.get(i)::name, noTrend);
                if (e != null) {
                    rankings.add(e);
                }
            }
            rankings.sort((a, b) -> Long.compare(b.totalRequests(), a.totalRequests()));
        } else {
            List<VirtualKey> keys = keys(params);
            rankings = new ArrayList<>(keys.size());
            DemoLogHistory.KeyShape[] shapes = h.shapes(keys);
            for (int i = 0; i < shapes.length; i++) {
                VirtualKey key = keys.get(i);
                RankingEntry e = entry(h, shapes[i], from, to, key::id, key::name, noTrend);
                if (e != null) {
                    rankings.add(e);
                }
            }
            // busiest first, then by id (one comparator, not a chain of key extractors)
            rankings.sort((a, b) -> {
                int c = Long.compare(b.totalRequests(), a.totalRequests());
                return c != 0 ? c : a.id().compareTo(b.id());
            });
        }
        if (!all && limit > 0 && rankings.size() > limit) {
            rankings = new ArrayList<>(rankings.subList(0, limit));
        }
        return Answer.ok(new DimensionRankings(rankings, dimension));
    }

    /** A key's entry in the ranking over [from, to), or null without requests there. */
    private static RankingEntry entry(DemoLogHistory h, DemoLogHistory.KeyShape shape, long from, long to,
                                      Supplier<String> id, Supplier<String> name,
                                      RankingTrend trend) {
        double cost = h.cost(shape, from, to);
        int g = shape.group();
        long tokens = Math.round(cost * DemoLogHistory.tokensPerDollar(g));
        long requests = Math.round(tokens / DemoLogHistory.tokensPerRequest(g));
        return requests > 0 ? new RankingEntry(id.get(), name.get(), requests, tokens, round6(cost), trend) : null;
    }

    /** No key, team or customer filter: the question is about every key. */
    private static boolean unfiltered(Map<String, String> params) {
        return csv(params.get("virtual_key_ids")).isEmpty() && csv(params.get("team_ids")).isEmpty()
                && csv(params.get("customer_ids")).isEmpty();
    }

    /** The newest (or oldest, {@code order=asc}) log entries of the filtered keys, made up hour by hour. */
    private Answer list(DemoLogHistory h, Map<String, String> params, Range range) {
        int limit;
        int offset;
        try {
            limit = params.containsKey("limit") ? Integer.parseInt(params.get("limit")) : 50;
            offset = params.containsKey("offset") ? Integer.parseInt(params.get("offset")) : 0;
        } catch (NumberFormatException e) {
            return Answer.error(400, "Invalid limit or offset parameter: must be a number");
        }
        limit = limit <= 0 ? 50 : Math.min(limit, MAX_LOG_LIMIT);
        offset = Math.max(0, offset);
        boolean ascending = "asc".equalsIgnoreCase(params.get("order"));
        List<VirtualKey> keys = keys(params);
        List<List<DemoLogHistory.Piece>> pieces = new ArrayList<>(keys.size());
        for (VirtualKey key : keys) {
            pieces.add(h.pieces(key));
        }
        boolean exact = keys.size() <= EXACT_TOTAL_KEYS;
        long fromHour = range.fromHour();
        long toHour = range.toHour();
        List<LogEntry> page = new ArrayList<>(limit);
        long seen = 0;
        for (long i = 0; i < toHour - fromHour; i++) {
            long hour = ascending ? fromHour + i : toHour - 1 - i;
            List<LogEntry> inHour = new ArrayList<>();
            for (int k = 0; k < keys.size(); k++) {
                entries(h, keys.get(k), pieces.get(k), hour, range, inHour);
            }
            inHour.sort(ascending ? java.util.Comparator.comparing(LogEntry::timestamp)
                    : java.util.Comparator.comparing(LogEntry::timestamp).reversed());
            for (LogEntry e : inHour) {
                if (seen >= offset && page.size() < limit) {
                    page.add(e);
                }
                seen++;
            }
            if (!exact && page.size() >= limit) {
                break;
            }
        }
        long total = exact ? seen : Math.round(sum(totals(h, range, params).requests()));
        return Answer.ok(new LogList(page, Math.max(total, seen), offset, limit));
    }

    /** A key's entries in one hour: its requests in that hour, spread evenly over the part it was active. */
    private static void entries(DemoLogHistory h, VirtualKey key, List<DemoLogHistory.Piece> pieces, long hour, Range range,
                         List<LogEntry> out) {
        long lo = Math.max(hour * HOUR, range.start().getEpochSecond());
        long hi = Math.min((hour + 1) * HOUR, range.end().getEpochSecond());
        int g = DemoLogHistory.group(key.id());
        double cost = 0;
        long activeFrom = Long.MAX_VALUE;
        long activeTo = Long.MIN_VALUE;
        for (DemoLogHistory.Piece p : pieces) {
            long a = Math.max(lo, p.from());
            long b = Math.min(hi, p.to());
            if (a < b && p.multiplier() > 0) {
                cost += p.multiplier() * (b - a) / HOUR;
                activeFrom = Math.min(activeFrom, a);
                activeTo = Math.max(activeTo, b);
            }
        }
        if (cost <= 0) {
            return;
        }
        cost *= h.hourlyShape(g, hour);
        double tokens = cost * DemoLogHistory.tokensPerDollar(g);
        double requests = tokens / DemoLogHistory.tokensPerRequest(g);
        long seed = DemoLogHistory.mix(key.id().hashCode() * 1_000_003L + hour);
        int n = (int) Math.floor(requests + DemoLogHistory.unit(seed));
        if (n <= 0) {
            return;
        }
        String provider = key.providerConfigs().isEmpty() ? "openai" : key.providerConfigs().get(0).provider();
        String model = model(key.providerConfigs(), g);
        long span = activeTo - activeFrom;
        for (int i = 0; i < n; i++) {
            long s = DemoLogHistory.mix(seed + i);
            Instant at = Instant.ofEpochSecond(activeFrom).plusMillis((long) ((i + DemoLogHistory.unit(s)) * span
                    * 1000 / n));
            long total = Math.max(1, Math.round(tokens / n * (0.5 + DemoLogHistory.unit(s >>> 7))));
            long input = Math.round(total * 0.7);
            boolean failed = DemoLogHistory.unit(s >>> 3) < DemoLogHistory.errorRate(g);
            out.add(new LogEntry(key.id().substring(0, 8) + "-" + hour + "-" + i, provider, model,
                    failed ? "error" : "success", "chat.completion", at, 300 + 2_000 * DemoLogHistory.unit(s >>> 5),
                    input, total - input, total, failed ? 0 : round6(cost / n), key.id(), key.name(), at));
        }
    }

    private static String model(List<ProviderConfig> configs, int g) {
        if (!configs.isEmpty() && !configs.get(0).allowedModels().isEmpty()
                && !configs.get(0).allowsAllModels()) {
            List<String> allowed = configs.get(0).allowedModels();
            return allowed.get(g % allowed.size());
        }
        return DemoLogHistory.model(g);
    }

    /** The keys the filters name: {@code virtual_key_ids}, else every key, narrowed by team and customer ids. */
    private List<VirtualKey> keys(Map<String, String> params) {
        Set<String> keyIds = csv(params.get("virtual_key_ids"));
        Set<String> teamIds = csv(params.get("team_ids"));
        Set<String> customerIds = csv(params.get("customer_ids"));
        List<VirtualKey> candidates;
        if (!keyIds.isEmpty()) {
            candidates = new ArrayList<>();
            for (String id : keyIds) {
                store.virtualKey(id).ifPresent(candidates::add);
            }
        } else {
            candidates = store.virtualKeys();
        }
        if (teamIds.isEmpty() && customerIds.isEmpty()) {
            return candidates;
        }
        List<VirtualKey> out = new ArrayList<>();
        for (VirtualKey k : candidates) {
            String customer = k.customerId() != null ? k.customerId()
                    : k.teamId() == null ? null : store.team(k.teamId()).map(t -> t.customerId()).orElse(null);
            if ((!teamIds.isEmpty() && teamIds.contains(k.teamId()))
                    || (!customerIds.isEmpty() && customerIds.contains(customer))) {
                out.add(k);
            }
        }
        return out;
    }

    private static Set<String> csv(String value) {
        Set<String> out = new HashSet<>();
        if (value != null) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    /** The history up to now; its hourly shape tables are rebuilt only when the hour changes. */
    private DemoLogHistory history() {
        Instant now = clock.instant();
        DemoLogHistory h = history;
        h = h == null ? new DemoLogHistory(now) : h.at(now);
        history = h;
        return h;
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    private static double round6(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
