package bifrostconsole.headroom;

import bifrostconsole.api.Budget;
import bifrostconsole.api.Customer;
import bifrostconsole.api.GovernanceSource;
import bifrostconsole.api.ResetSchedule;
import bifrostconsole.api.Team;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.export.Cancellation;
import bifrostconsole.export.ExportScope;
import bifrostconsole.export.KeyPageSource;
import bifrostconsole.export.KeyPager;
import bifrostconsole.export.KeyReading;
import bifrostconsole.export.ProgressListener;

import bifrostconsole.api.LogsAnswer;
import bifrostconsole.messages.UserMessages;
import com.fasterxml.jackson.databind.ObjectReader;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Scans every key of a gateway the way the export does (pages of 10,000 in export mode, streamed, the next page
 * asked for while this one is read), after reading every team and customer, and works out each key's
 * {@link Headroom} and {@link Attention} reasons. Each key is read only as far as that needs, straight off the
 * server's bytes ({@link ScanKeyReading}), and the logs' ranking for the unused list is read beside the keys. Keys
 * are not kept: only counts and the keys that need attention, without their values. Shared by the overview, the {@code report}
 * command and the alerts.
 */
public final class GatewayScan {
    /**
     * Most urgent first: by the most urgent reason (in {@link Reason}'s order: used up, near the limit, expired,
     * expiring, inactive with spend, unassigned), then by the share of the binding limit used, then by name.
     */
    private static final Comparator<String> NAMES = Comparator.nullsLast(Comparator.naturalOrder());

    static final Comparator<AttentionItem> URGENCY = urgency(AttentionItem::reasons,
            AttentionItem::usedFraction, AttentionItem::keyName);

    /** The order of {@link ScanResult#attention()}, for anything else that lists keys needing attention. */
    public static <T> Comparator<T> urgency(Function<T, Set<Reason>> reasons, Function<T, Double> usedFraction,
                                            Function<T, String> name) {
        return Comparator.comparingInt((T i) -> mostUrgent(reasons.apply(i)))
                .thenComparingDouble(i -> usedFraction.apply(i) == null ? 0 : -usedFraction.apply(i))
                .thenComparing(name, NAMES);
    }

    /** The ordinal of the most urgent reason, 99 for none (a loop: a stream per comparison was 10% of a scan). */
    private static int mostUrgent(Set<Reason> reasons) {
        int min = 99;
        for (Reason r : reasons) {
            min = Math.min(min, r.ordinal());
        }
        return min;
    }

    /**
     * {@link #URGENCY}'s order with each item's keys worked out once, not in each of the n log n comparisons
     * (sorting 50,000 items through the comparator took a tenth of a 100,000-key scan).
     */
    static void sortByUrgency(List<AttentionItem> items) {
        record Keyed(AttentionItem item, int urgency, double used) {
        }
        List<Keyed> keyed = new ArrayList<>(items.size());
        for (AttentionItem i : items) {
            Double used = i.usedFraction();
            keyed.add(new Keyed(i, mostUrgent(i.reasons()), used == null ? 0 : -used));
        }
        keyed.sort((a, b) -> {
            int c = Integer.compare(a.urgency(), b.urgency());
            if (c == 0) {
                c = Double.compare(a.used(), b.used());
            }
            return c != 0 ? c : NAMES.compare(a.item().keyName(), b.item().keyName());
        });
        for (int n = 0; n < items.size(); n++) {
            items.set(n, keyed.get(n).item());
        }
    }

    private final GovernanceSource source;
    private final KeyPager pager;
    private final Clock clock;
    /**
     * How each key is read: straight off the server's bytes ({@link ScanKeyReading}), falling back to the binding of
     * {@link ScanKeyReader#READER} for shapes it does not expect. That reader (Jackson's binding of the key model
     * with mixins, some tens of ms to build cold) is only built when a key needs it: a workspace makes its scan on
     * the FX thread while it builds the first page's view (README, Performance, "Start-up"). Given the scan's
     * team and customer lists, so that embedded owners the lists hold are skipped.
     */
    private final Function<Owners, KeyReading<VirtualKey>> keyReading;

    public GatewayScan(GovernanceSource source, Clock clock) {
        this(source, new KeyPager(KeyPageSource.of(source)), clock);
    }

    public GatewayScan(GovernanceSource source, KeyPager pager, Clock clock) {
        this.source = source;
        this.pager = pager;
        this.clock = clock;
        this.keyReading = ScanKeyReading::reading;
    }

    /** With the reader that binds each key through Jackson ({@link ScanKeyReader#READER}, or the full model's). */
    GatewayScan(GovernanceSource source, KeyPager pager, Clock clock, ObjectReader keyReader) {
        this(source, pager, clock, KeyReading.model(keyReader));
    }

    /** With the reading of each key ({@link ScanKeyReading#reading(Owners)} by default), to compare readings. */
    GatewayScan(GovernanceSource source, KeyPager pager, Clock clock, KeyReading<VirtualKey> keyReading) {
        this.source = source;
        this.pager = pager;
        this.clock = clock;
        this.keyReading = owners -> keyReading;
    }

    /**
     * Runs on the calling thread. Progress counts keys; cancelling stops between keys and aborts the request in
     * flight.
     *
     * @throws bifrostconsole.api.ApiException when the server fails
     * @throws java.util.concurrent.CancellationException when cancelled
     */
    public ScanResult run(Attention rules, ProgressListener progress, Cancellation cancellation) throws IOException {
        return run(rules, null, null, progress, cancellation);
    }

    /**
     * {@link #run(Attention, ProgressListener, Cancellation)} with two options.
     *
     * @param unusedPeriod when not null, the logs are asked (beside the teams, customers and keys) which keys had
     *                     requests over this period, and those without any are {@link Reason#UNUSED}; when the
     *                     server cannot tell, the result's {@code rules().traffic()} says why
     * @param sink         when not null, each key that needs attention goes there, in the order the keys are read,
     *                     instead of into the result, whose {@code attention()} is then empty: a caller that keeps
     *                     less than an {@link AttentionItem} per key stays small on a large gateway
     */
    public ScanResult run(Attention rules, Duration unusedPeriod, Consumer<AttentionItem> sink,
                          ProgressListener progress, Cancellation cancellation) throws IOException {
        Instant now = clock.instant();
        // The logs are asked first and read beside the keys: the unused list is settled once their answer is in
        // (keys read before then wait in the tally), so the ranking never holds up the first page.
        CompletableFuture<LogsAnswer<Map<String, Long>>> traffic = unusedPeriod == null ? null
                : source.keyTraffic(now.minus(unusedPeriod), now);
        boolean done = false;
        try {
            OwnerLists owners = cancellation.await(OwnerLists.load(source));
            Tally tally = new Tally(rules, new HeadroomCalculator(owners.owners()), owners.teams(),
                    owners.customers(), now, sink, traffic == null ? null
                    : () -> traffic.isDone() ? traffic(unusedPeriod, traffic, cancellation) : null);
            pager.forEach(VirtualKeyQuery.all(), ExportScope.ALL_MATCHING, keyReading.apply(owners.owners()),
                    tally::add, progress, cancellation);
            if (traffic != null) {
                tally.settle(traffic(unusedPeriod, traffic, cancellation));
            }
            done = true;
            return tally.result(owners);
        } finally {
            if (traffic != null && !done) {
                traffic.cancel(true);
            }
        }
    }

    /** The logs' answer; a failure does not stop the scan: the unused list then says what went wrong. */
    private static Attention.Traffic traffic(Duration period, CompletableFuture<LogsAnswer<Map<String, Long>>> answer,
                                             Cancellation cancellation) {
        try {
            LogsAnswer<Map<String, Long>> a = cancellation.await(answer);
            return new Attention.Traffic(period, a.value(), a.notAvailable());
        } catch (java.util.concurrent.CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            return new Attention.Traffic(period, null, UserMessages.of(e, "The logs could not be read to find unused keys"));
        }
    }

    /** {@link #run} on {@code background}; cancelling the returned future cancels the scan. */
    public CompletableFuture<ScanResult> runAsync(Attention rules, ProgressListener progress, Executor background) {
        return runAsync(rules, null, progress, background);
    }

    /** {@link #run(Attention, Duration, Consumer, ProgressListener, Cancellation)} on {@code background}. */
    public CompletableFuture<ScanResult> runAsync(Attention rules, Duration unusedPeriod, ProgressListener progress,
                                                  Executor background) {
        Cancellation cancellation = new Cancellation();
        CompletableFuture<ScanResult> result = new CompletableFuture<>();
        result.whenComplete((r, failure) -> {
            if (result.isCancelled()) {
                cancellation.cancel();
            }
        });
        background.execute(() -> {
            try {
                result.complete(run(rules, unusedPeriod, null, progress, cancellation));
            } catch (IOException | RuntimeException e) {
                result.completeExceptionally(e instanceof CompletionException && e.getCause() != null
                        ? e.getCause() : e);
            }
        });
        return result;
    }

    /** Adds keys up one at a time (one page at a time, so one thread at a time). */
    private static final class Tally {
        private Attention rules;
        /** The logs' answer once it is in (null before), or null when the unused list was not asked for. */
        private final Supplier<Attention.Traffic> traffic;
        /** Keys read while the logs' answer was awaited, each with its other reasons (maybe none), in order. */
        private final List<AttentionItem> pending = new ArrayList<>();
        private final HeadroomCalculator calculator;
        private final Instant now;
        private final Map<String, String> teamNames = new HashMap<>();
        private final Map<String, String> teamCustomer = new HashMap<>();
        private final Map<String, String> customerNames = new HashMap<>();
        private final int teamCount;
        private final int customerCount;
        private final Map<String, Map<String, double[]>> spendByWindow = new LinkedHashMap<>();
        private final Map<String, Double> spendByTeam = new HashMap<>();
        private final Map<String, Double> spendByCustomer = new HashMap<>();
        private final long[] distribution = new long[11];
        private final List<AttentionItem> attention = new ArrayList<>();
        private final Consumer<AttentionItem> sink;
        private long keys;
        private long active;
        private long inactive;
        private long expired;
        private long expiring;
        private long exhausted;
        private long unbounded;

        Tally(Attention rules, HeadroomCalculator calculator, List<Team> teams, List<Customer> customers,
              Instant now, Consumer<AttentionItem> sink, Supplier<Attention.Traffic> traffic) {
            this.rules = rules;
            this.traffic = traffic;
            this.sink = sink == null ? attention::add : sink;
            this.calculator = calculator;
            this.now = now;
            this.teamCount = teams.size();
            this.customerCount = customers.size();
            for (Team t : teams) {
                teamNames.put(t.id(), t.name());
                teamCustomer.put(t.id(), t.customerId());
                addBudgets("team", t.allBudgets(), t.calendarAligned());
            }
            for (Customer c : customers) {
                customerNames.put(c.id(), c.name());
                addBudgets("customer", c.allBudgets(), c.calendarAligned());
            }
        }

        void add(VirtualKey key) {
            if (traffic != null && rules.traffic() == null) {
                Attention.Traffic answer = traffic.get();
                if (answer != null) {
                    settle(answer);
                }
            }
            keys++;
            Headroom headroom = calculator.of(key, now);
            Set<Reason> reasons = rules.reasons(key, headroom, now);
            switch (Attention.status(key, headroom, now)) {
                case INACTIVE -> inactive++;
                case EXPIRED -> expired++;
                case EXHAUSTED -> {
                    exhausted++;
                    active++;
                }
                case ACTIVE -> active++;
            }
            if (reasons.contains(Reason.EXPIRING)) {
                expiring++;
            }
            if (headroom.bounded()) {
                distribution[(int) Math.min(10, Math.floor(headroom.usedFraction() * 10))]++;
            } else {
                unbounded++;
            }
            addKeyBudgets(headroom);
            double spent = Attention.spentInOpenWindows(headroom);
            String teamId = key.teamId() != null ? key.teamId() : key.team() == null ? null : key.team().id();
            String teamName = teamId == null ? null : teamNames.getOrDefault(teamId,
                    key.team() == null ? teamId : key.team().name());
            String customerId = key.customerId() != null ? key.customerId()
                    : key.customer() != null ? key.customer().id() : teamId == null ? null : teamCustomer.get(teamId);
            String customerName = customerId == null ? null : customerNames.getOrDefault(customerId,
                    key.customer() == null ? customerId : key.customer().name());
            if (spent > 0 && teamName != null) {
                spendByTeam.merge(teamName, spent, Double::sum);
            }
            if (spent > 0 && customerName != null) {
                spendByCustomer.merge(customerName, spent, Double::sum);
            }
            boolean waiting = traffic != null && rules.traffic() == null;
            if (!reasons.isEmpty() || waiting) {
                AttentionItem item = new AttentionItem(key.id(), key.name(), reasons, headroom.binding(),
                        headroom.limit(), key.expiresAt(), teamName, customerName);
                if (waiting) {
                    pending.add(item);
                } else {
                    sink.accept(item);
                }
            }
        }

        /** The logs' answer is in: the keys read before it get their unused reason, and the rest at once. */
        void settle(Attention.Traffic answer) {
            rules = rules.withTraffic(answer);
            for (AttentionItem item : pending) {
                if (answer.unused(item.keyId())) {
                    EnumSet<Reason> reasons = EnumSet.of(Reason.UNUSED);
                    reasons.addAll(item.reasons());
                    item = new AttentionItem(item.keyId(), item.keyName(), reasons, item.binding(), item.limit(),
                            item.expiresAt(), item.teamName(), item.customerName());
                }
                if (!item.reasons().isEmpty()) {
                    sink.accept(item);
                }
            }
            pending.clear();
        }

        /**
         * The key's budgets as {@link #addBudgets} adds them, from the key's own limits the headroom has just worked
         * out (each budget with a positive limit, in order, its window's state at the same moment), instead of
         * working out every budget's window a second time.
         */
        private void addKeyBudgets(Headroom headroom) {
            Map<String, double[]> windows = null;
            for (Limit l : headroom.levels().get(0).limits()) {
                if (l.unit() != Unit.DOLLARS || l.window() == null) {
                    continue;
                }
                if (windows == null) {
                    windows = spendByWindow.computeIfAbsent("key", k -> new LinkedHashMap<>());
                }
                double[] sums = windows.computeIfAbsent(l.window(), w -> new double[2]);
                sums[0] += l.usage();
                sums[1] += l.baseLimit();
            }
        }

        private void addBudgets(String level, List<Budget> budgets, boolean aligned) {
            for (Budget b : budgets) {
                if (!(b.maxLimit() > 0) || b.resetDuration() == null) {
                    continue;
                }
                boolean over = ResetSchedule.next(b.resetDuration(), b.lastReset(),
                        aligned || Boolean.TRUE.equals(b.calendarAligned()), b.quarterStartMonth(), now)
                        .map(ResetSchedule.NextReset::due).orElse(false);
                double[] sums = spendByWindow.computeIfAbsent(level, l -> new LinkedHashMap<>())
                        .computeIfAbsent(b.resetDuration(), w -> new double[2]);
                sums[0] += over ? 0 : b.currentUsage();
                sums[1] += b.maxLimit();
            }
        }

        ScanResult result(OwnerLists owners) {
            sortByUrgency(attention);
            // The result keeps the period and whether the logs could tell, not each key's requests: the unused
            // list holds what they decided, and 100,000 keys' counts would stay in memory with the result on
            // screen while the next scan reads them again.
            Attention.Traffic t = rules.traffic();
            Attention kept = t == null ? rules : rules.withTraffic(new Attention.Traffic(t.period(), null,
                    t.notAvailable()));
            return new ScanResult(now, keys, active, inactive, expired, expiring, exhausted, unbounded, teamCount,
                    customerCount, Collections.unmodifiableMap(spendByWindow), Map.copyOf(spendByTeam),
                    Map.copyOf(spendByCustomer), distribution.clone(), List.copyOf(attention), kept, owners);
        }
    }
}
