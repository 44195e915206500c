package bifrostconsole.demo;

import bifrostconsole.api.Budget;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.store.GovernanceStore.HeldKey;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Synthetic request history for the demo gateway's logs endpoints, deterministic and consistent with each key's
 * counters: the cost a key's history shows between a budget's {@code last_reset} and now equals that budget's
 * {@code current_usage} (budgets are taken from the most recent window outwards; a longer window holds what its
 * shorter ones hold plus the rest). Before its oldest window a key keeps the rate of that window; a key without
 * budgets gets a steady rate picked from its id, and about one in eight such keys (none whose rate limit counted
 * anything) has no traffic at all. Nothing happens before a key was created or more than {@link #HISTORY} ago.
 *
 * <p>How it stays fast at 100,000 keys: every key follows one of {@link #GROUPS} hourly traffic shapes (a working
 * day, quieter weekends, noise from the hour and group); a key is then a few pieces of constant multiplier over
 * time, and the gateway's totals are sums of multipliers per group, built with difference arrays in one pass.
 * Tokens and requests follow from cost with per-group prices and request sizes.
 */
final class DemoLogHistory {
    static final Duration HISTORY = Duration.ofDays(120);
    static final int GROUPS = 16;
    private static final long HOUR = 3_600;
    /** More shapes than this (keys deleted and created again and again) and the cache starts afresh. */
    private static final int MAX_SHAPES = 2_000_000;
    private static final String[] MODELS = {"gpt-4o-mini", "gpt-4o", "claude-sonnet-4-5", "gemini-2.5-flash",
            "claude-3-5-haiku-latest", "gpt-4.1", "mistral-large-latest", "gemini-2.5-pro"};

    private final Instant now;
    private final long firstHour;
    private final long endHour; // exclusive: the hour after the one holding now
    /** shape[g][h - firstHour]; prefix[g][i] = sum of the first i hours' shape. */
    private final double[][] shape = new double[GROUPS][];
    private final double[][] prefix = new double[GROUPS][];
    /** Each key's {@link KeyShape}, shared by the histories that follow this one (see {@link #shape}). */
    private final Shapes shapes;

    DemoLogHistory(Instant now) {
        this(now, new Shapes());
    }

    private DemoLogHistory(Instant now, Shapes shapes) {
        this.shapes = shapes;
        this.now = now;
        this.endHour = Math.floorDiv(now.getEpochSecond(), HOUR) + 1;
        this.firstHour = Math.floorDiv(now.minus(HISTORY).getEpochSecond(), HOUR);
        int hours = (int) (endHour - firstHour);
        for (int g = 0; g < GROUPS; g++) {
            shape[g] = new double[hours];
            prefix[g] = new double[hours + 1];
            for (int i = 0; i < hours; i++) {
                shape[g][i] = shapeAt(g, firstHour + i);
                prefix[g][i + 1] = prefix[g][i] + shape[g][i];
            }
        }
    }

    /** The same history ending at {@code later} (within the same hour): the shape tables are shared. */
    private DemoLogHistory(DemoLogHistory same, Instant later) {
        this.now = later;
        this.shapes = same.shapes;
        this.firstHour = same.firstHour;
        this.endHour = same.endHour;
        System.arraycopy(same.shape, 0, shape, 0, GROUPS);
        System.arraycopy(same.prefix, 0, prefix, 0, GROUPS);
    }

    /** This history ending at {@code later}: a new one when the hour changed, else one sharing the tables. */
    DemoLogHistory at(Instant later) {
        if (Math.floorDiv(later.getEpochSecond(), HOUR) + 1 != endHour
                || Math.floorDiv(later.minus(HISTORY).getEpochSecond(), HOUR) != firstHour) {
            return new DemoLogHistory(later, shapes);
        }
        return later.equals(now) ? this : new DemoLogHistory(this, later);
    }

    Instant now() {
        return now;
    }

    /** A group's relative traffic in an hour (0 outside the history). */
    double hourlyShape(int g, long hour) {
        return shapeOf(g, hour);
    }

    Instant start() {
        return Instant.ofEpochSecond(firstHour * HOUR);
    }

    // ---- per-group constants -----------------------------------------------------------------------------

    static int group(String keyId) {
        return (int) Math.floorMod(mix(keyId == null ? 0 : keyId.hashCode()), GROUPS);
    }

    /** Tokens per dollar: a group's blended price of $0.5 to $15 per million tokens. */
    static double tokensPerDollar(int g) {
        return 1_000_000 / (0.5 + 14.5 * unit(mix(g * 7919L + 1)));
    }

    /** Average tokens per request: 400 to 4,000. */
    static double tokensPerRequest(int g) {
        return 400 + 3_600 * unit(mix(g * 104_729L + 3));
    }

    /** Share of requests that fail: 0.5 % to 4 %. */
    static double errorRate(int g) {
        return 0.005 + 0.035 * unit(mix(g * 1_299_709L + 5));
    }

    static String model(int g) {
        return MODELS[g % MODELS.length];
    }

    /** Relative traffic in an hour (mean about 1): busy in the working day (UTC), quieter at weekends, noisy. */
    private static double shapeAt(int g, long hour) {
        int hourOfDay = (int) Math.floorMod(hour + g % 4 * 3, 24);
        int day = (int) Math.floorMod(Math.floorDiv(hour, 24) + 3, 7); // 0 = Monday (1970-01-01 was a Thursday)
        double daily = 0.35 + 1.3 * Math.max(0, Math.sin(Math.PI * (hourOfDay - 6) / 14.0));
        double weekly = day >= 5 ? 0.45 : 1.0;
        double noise = 0.7 + 0.6 * unit(mix(hour * 31 + g * 1_000_003L));
        return daily * weekly * noise;
    }

    // ---- one key -------------------------------------------------------------------------------------------

    /** A stretch of time in which a key spends {@code multiplier} times its group's shape per hour. */
    record Piece(long from, long to, double multiplier) {
    }

    /**
     * What a key's history is made of apart from "now": its group, when it was created, its budgets with a last
     * reset (newest first; equal starts in the key's order) and its steady rate. Worked out once per version of a
     * key: the store replaces a key's record on every write, so a shape made from another record than the one
     * asked about is stale and made again (100,000 keys' budgets sorted and their windows parsed on every logs
     * request were most of the demo's work for the overview's ranking and histograms).
     */
    record KeyShape(Object version, int group, long created, long[] resets, double[] usage, double[] window,
                    double baseline) {
        /** {@code version}: what stays the same object while the key is not written (the record or its bytes). */
        static KeyShape of(VirtualKey key, Object version) {
            List<Budget> budgets = new ArrayList<>();
            for (Budget b : key.budgets()) {
                if (b.lastReset() != null) {
                    budgets.add(b);
                }
            }
            budgets.sort(Comparator.comparing(Budget::lastReset).reversed());
            long[] resets = new long[budgets.size()];
            double[] usage = new double[budgets.size()];
            double[] window = new double[budgets.size()];
            for (int i = 0; i < resets.length; i++) {
                Budget b = budgets.get(i);
                resets[i] = b.lastReset().getEpochSecond();
                usage[i] = b.currentUsage();
                window[i] = bifrostconsole.api.ResetWindow.parse(b.resetDuration())
                        .map(w -> (double) w.length().getSeconds()).orElse(0.0);
            }
            return new KeyShape(version, DemoLogHistory.group(key.id()), key.createdAt() == null ? Long.MIN_VALUE
                    : key.createdAt().getEpochSecond(), resets, usage, window, DemoLogHistory.baseline(key));
        }
    }

    /**
     * The keys' shapes by id, and those of the last long list of keys asked about, in its order: the next request
     * over the same keys (the store lists the same records in the same order until a write) finds each shape by
     * its position, where a hash lookup per key cost more than the history itself at 100,000 keys.
     */
    private static final class Shapes {
        final Map<String, KeyShape> byId = new ConcurrentHashMap<>();
        volatile KeyShape[] recent = new KeyShape[0];
        /** The last long lists of held keys, by their order (creation, id): the totals and the ranking differ. */
        final Map<Boolean, KeyShape[]> recentHeld = new ConcurrentHashMap<>();
    }

    /** The key's shape, made once per version of the key (see {@link KeyShape}). */
    KeyShape shape(VirtualKey key) {
        return shape(key.id(), key, () -> key);
    }

    /** The shape of the key {@code id} at {@code version}: made (from {@code key}) only for a version not seen. */
    private KeyShape shape(String keyId, Object version, Supplier<VirtualKey> key) {
        String id = keyId == null ? "" : keyId;
        KeyShape known = shapes.byId.get(id);
        if (known != null && known.version() == version) {
            return known;
        }
        KeyShape made = KeyShape.of(key.get(), version);
        if (shapes.byId.size() > MAX_SHAPES) {
            shapes.byId.clear(); // keys deleted and made again many times over: start afresh
        }
        shapes.byId.put(id, made);
        return made;
    }

    /** The shapes of these keys, in their order (see {@link Shapes}). */
    KeyShape[] shapes(List<VirtualKey> keys) {
        KeyShape[] recent = shapes.recent;
        KeyShape[] out = new KeyShape[keys.size()];
        for (int i = 0; i < out.length; i++) {
            VirtualKey key = keys.get(i);
            KeyShape at = i < recent.length ? recent[i] : null;
            out[i] = at != null && at.version() == key ? at : shape(key);
        }
        if (out.length >= recent.length / 2) {
            shapes.recent = out;
        }
        return out;
    }

    /**
     * The shapes of the store's keys as it holds them ({@code byId}: in id order, else in creation order), made
     * again only for a key written since (a new version), so the keys are not decoded on every request.
     */
    KeyShape[] shapes(List<HeldKey> keys, boolean byId) {
        KeyShape[] recent = shapes.recentHeld.getOrDefault(byId, new KeyShape[0]);
        KeyShape[] out = new KeyShape[keys.size()];
        for (int i = 0; i < out.length; i++) {
            HeldKey key = keys.get(i);
            KeyShape at = i < recent.length ? recent[i] : null;
            out[i] = at != null && at.version() == key.version() ? at : shape(key.id(), key.version(), key::key);
        }
        if (out.length >= recent.length / 2) {
            shapes.recentHeld.put(byId, out);
        }
        return out;
    }

    /** The pieces of a key's history, oldest first, within [history start, now). */
    List<Piece> pieces(VirtualKey key) {
        return pieces(shape(key));
    }

    List<Piece> pieces(KeyShape k) {
        int g = k.group();
        long start = Math.max(firstHour * HOUR, k.created());
        long end = now.getEpochSecond();
        List<Piece> pieces = new ArrayList<>(4);
        if (start >= end) {
            return pieces;
        }
        long cursor = end;
        double consumed = 0;
        double typical = -1;
        for (int i = 0; i < k.resets().length; i++) {
            long from = Math.max(start, k.resets()[i]);
            if (from >= cursor) {
                continue; // the same window start as a shorter budget: already counted there
            }
            double target = Math.max(0, k.usage()[i] - consumed);
            double weight = weight(g, from, cursor);
            double multiplier = weight <= 0 ? 0 : target / weight;
            pieces.add(0, new Piece(from, cursor, multiplier));
            consumed += target;
            cursor = from;
            // Before its windows a key spends at the pace of its longest budget spread over a whole window: a
            // window that opened a minute ago with dollars already spent would otherwise set an absurd pace.
            double window = k.window()[i];
            if (window > 0 && k.usage()[i] > 0) {
                typical = k.usage()[i] / window * HOUR;
            }
        }
        if (cursor > start) {
            double before = typical > 0 ? typical : k.baseline();
            pieces.add(0, new Piece(start, cursor, before));
        }
        return pieces;
    }

    /** A key's cost in [from, to) (epoch seconds): what its log entries there add up to. */
    double cost(VirtualKey key, long from, long to) {
        return cost(shape(key), from, to);
    }

    double cost(KeyShape key, long from, long to) {
        int g = key.group();
        double cost = 0;
        for (Piece p : pieces(key)) {
            long lo = Math.max(from, p.from());
            long hi = Math.min(to, p.to());
            if (lo < hi && p.multiplier() > 0) {
                cost += p.multiplier() * weight(g, lo, hi);
            }
        }
        return cost;
    }

    /**
     * A steady rate for keys whose budgets say nothing: $0.20 to $40 a day, or none for one key in eight, unless
     * its rate limit has counted tokens or requests (then it had traffic, and its logs must show some).
     */
    private static double baseline(VirtualKey key) {
        long h = mix(key.id() == null ? 7 : key.id().hashCode() * 31L + 17);
        boolean counted = key.rateLimit() != null && (key.rateLimit().tokenCurrentUsage() > 0
                || key.rateLimit().requestCurrentUsage() > 0);
        if (Math.floorMod(h, 8) == 0 && !counted) {
            return 0;
        }
        double perDay = Math.exp(Math.log(0.2) + (Math.log(40) - Math.log(0.2)) * unit(mix(h)));
        return perDay / 24;
    }

    /** Sum of a group's shape over [from, to), partial hours by their share. */
    private double weight(int g, long from, long to) {
        long ha = Math.floorDiv(from, HOUR);
        long hb = Math.floorDiv(to, HOUR);
        if (ha == hb) {
            return shapeOf(g, ha) * (to - from) / HOUR;
        }
        double w = shapeOf(g, ha) * ((ha + 1) * HOUR - from) / HOUR;
        w += prefixAt(g, hb) - prefixAt(g, ha + 1);
        w += shapeOf(g, hb) * (to - hb * HOUR) / HOUR;
        return w;
    }

    private double shapeOf(int g, long hour) {
        int i = (int) (hour - firstHour);
        return i >= 0 && i < shape[g].length ? shape[g][i] : 0;
    }

    private double prefixAt(int g, long hour) {
        int i = (int) Math.max(0, Math.min(prefix[g].length - 1, hour - firstHour));
        return prefix[g][i];
    }

    // ---- totals over many keys -------------------------------------------------------------------------------

    /**
     * Totals over a set of keys for each hour touching [from, to) (epoch seconds): cost, tokens, requests, errors.
     * Only the part of an hour inside [from, to) counts, so the first and last hours may be partial.
     */
    final class Totals {
        private final long fromHour;
        private final long fromSecond;
        private final long toSecond;
        private final int hours;
        private final double[][] diff;
        private final double[][] partial;
        private boolean any;
        private double[][] multipliers;

        Totals(long from, long to) {
            this.fromSecond = from;
            this.toSecond = Math.max(from, to);
            this.fromHour = Math.floorDiv(from, HOUR);
            this.hours = (int) (Math.floorDiv(toSecond + HOUR - 1, HOUR) - fromHour);
            this.diff = new double[GROUPS][hours + 1];
            this.partial = new double[GROUPS][hours];
        }

        void add(VirtualKey key) {
            add(shape(key));
        }

        void add(KeyShape shape) {
            if (multipliers != null) {
                throw new IllegalStateException("totals already read");
            }
            int g = shape.group();
            for (Piece p : pieces(shape)) {
                if (p.multiplier() > 0) {
                    add(g, p.from(), p.to(), p.multiplier());
                }
            }
        }

        private void add(int g, long from, long to, double m) {
            long lo = Math.max(from, fromSecond);
            long hi = Math.min(to, toSecond);
            if (lo >= hi) {
                return;
            }
            any = true;
            int ha = (int) (Math.floorDiv(lo, HOUR) - fromHour);
            int hb = (int) (Math.floorDiv(hi, HOUR) - fromHour);
            if (ha == hb) {
                partial[g][ha] += m * (hi - lo) / HOUR;
                return;
            }
            partial[g][ha] += m * ((ha + fromHour + 1) * HOUR - lo) / HOUR;
            diff[g][ha + 1] += m;
            diff[g][hb] -= m;
            if (hb < hours) {
                partial[g][hb] += m * (hi - (hb + fromHour) * HOUR) / HOUR;
            }
        }

        /** Per group and hour: the multiplier sum applied to that hour's shape (computed once all keys are in). */
        private double[][] multipliers() {
            if (multipliers != null) {
                return multipliers;
            }
            double[][] m = new double[GROUPS][hours];
            for (int g = 0; g < GROUPS; g++) {
                double running = 0;
                for (int i = 0; i < hours; i++) {
                    running += diff[g][i];
                    m[g][i] = (running + partial[g][i]) * shapeOf(g, fromHour + i);
                }
            }
            multipliers = m;
            return m;
        }

        double[] cost() {
            return weighted(g -> 1);
        }

        double[] tokens() {
            return weighted(DemoLogHistory::tokensPerDollar);
        }

        double[] requests() {
            return weighted(g -> tokensPerDollar(g) / tokensPerRequest(g));
        }

        double[] errors() {
            return weighted(g -> tokensPerDollar(g) / tokensPerRequest(g) * errorRate(g));
        }

        /** Cost per hour split by each group's model. */
        double[][] costByGroup() {
            return any ? multipliers() : new double[GROUPS][hours];
        }

        private double[] weighted(java.util.function.IntToDoubleFunction perGroup) {
            double[] out = new double[hours];
            if (!any) {
                return out;
            }
            double[][] m = multipliers();
            for (int g = 0; g < GROUPS; g++) {
                double factor = perGroup.applyAsDouble(g);
                for (int i = 0; i < hours; i++) {
                    out[i] += m[g][i] * factor;
                }
            }
            return out;
        }
    }

    // ---- hashing -----------------------------------------------------------------------------------------

    /** SplitMix64's finaliser: a well-spread 64-bit value from any seed. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A uniform value in [0, 1) from a hash. */
    static double unit(long h) {
        return (h >>> 11) * 0x1.0p-53;
    }
}
