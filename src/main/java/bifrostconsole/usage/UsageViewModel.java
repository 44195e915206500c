package bifrostconsole.usage;

import bifrostconsole.api.Budget;
import bifrostconsole.api.GovernanceSource;
import bifrostconsole.api.LogsAnswer;
import bifrostconsole.api.LogsQuery;
import bifrostconsole.api.ResetSchedule;
import bifrostconsole.api.ResetWindow;
import bifrostconsole.api.UsageHistory;
import bifrostconsole.messages.UserMessages;
import bifrostconsole.service.LatestRequest;
import bifrostconsole.ui.Formats;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The Usage pane of a key (or a team, a customer): cost, tokens and requests over the last 24 hours, 7 days or
 * 30 days from the logs histograms, and, for a key with a budget, what was spent in each of that budget's windows
 * against its limit. A server without logs says so in one sentence ({@link #notAvailableProperty()}) instead of
 * failing. Loads only while the pane is shown ({@link #setActive}); the newest request wins.
 */
public final class UsageViewModel {

    public enum Period {
        DAY("24 hours", Duration.ofHours(24)), WEEK("7 days", Duration.ofDays(7)),
        MONTH("30 days", Duration.ofDays(30));

        private final String label;
        private final Duration length;

        Period(String label, Duration length) {
            this.label = label;
            this.length = length;
        }

        public String label() {
            return label;
        }

        public Duration length() {
            return length;
        }
    }

    /**
     * Whose usage: a filter of the logs endpoints (its times are replaced by the period), or, for a team or a
     * customer, the keys whose traffic counts (read when the pane loads); and, optionally, the budget whose line is
     * drawn on the cost chart.
     *
     * @param keys   null for a fixed filter; else what lists the keys, and {@code noKeys} the sentence shown when
     *               there are none (an empty {@code virtual_key_ids} would mean the whole gateway)
     */
    public record Subject(String id, LogsQuery filter, Supplier<CompletableFuture<List<String>>> keys, String noKeys,
                          Budget budget, boolean budgetCalendarAligned) {
        public static Subject key(String keyId, Budget budget, boolean calendarAligned) {
            return new Subject("key:" + keyId, LogsQuery.between(null, null).forKey(keyId), null, null, budget,
                    calendarAligned);
        }

        /**
         * A team's or customer's usage as the sum of its keys' traffic. Bifrost's cost and token histograms filter
         * by {@code virtual_key_ids} only (API.md §14: {@code team_ids} and {@code customer_ids} are documented on
         * the request histogram alone), so the three charts ask for the owner's keys, which is what its budgets
         * count too. A key moved to the owner recently brings its earlier traffic with it; a key moved away takes
         * its traffic along: the charts show the owner's keys as they are now.
         */
        public static Subject ofKeys(String id, Supplier<CompletableFuture<List<String>>> keys, String noKeys,
                                     Budget budget, boolean calendarAligned) {
            return new Subject(id, LogsQuery.between(null, null), keys, noKeys, budget, calendarAligned);
        }

        /** The whole gateway. */
        public static Subject gateway() {
            return new Subject("gateway", LogsQuery.between(null, null), null, null, null, false);
        }
    }

    /** How many key ids one histogram request carries: keeps the URL well under servers' 8 KB line limits. */
    static final int KEYS_PER_REQUEST = 100;

    /** One point of a chart: where it sits on the time axis, its axis label, its value. */
    public record Point(Instant at, String label, double value) {
    }

    /**
     * What the charts draw. {@code windowSpend} is the cumulative cost inside each of the budget's windows
     * (starting again at every reset), drawn against {@code budgetLimit}; both null without a budget.
     */
    public record Charts(List<Point> cost, List<Point> windowSpend, Double budgetLimit, String budgetText,
                         List<Point> tokens, List<Point> requests, String totals) {
    }

    private final GovernanceSource source;
    private final Clock clock;
    private final Formats formats;
    private final LatestRequest request;
    private final ObjectProperty<Period> period = new SimpleObjectProperty<>(this, "period", Period.WEEK);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper notAvailable = new ReadOnlyStringWrapper(this, "notAvailable");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyObjectWrapper<Charts> charts = new ReadOnlyObjectWrapper<>(this, "charts");
    private Subject subject;
    private boolean active;
    /** Only the cost is drawn ({@link #drawCostOnly}): the server is asked for the cost histogram alone. */
    private boolean costOnly;

    public UsageViewModel(GovernanceSource source, Executor uiExecutor, Clock clock, Formats formats) {
        this.source = source;
        this.clock = clock;
        this.formats = formats;
        this.request = new LatestRequest(uiExecutor);
        period.addListener((o, a, b) -> load());
    }

    /** Shows another subject; loads when the pane is shown. The same subject again is refreshed. */
    public void show(Subject value) {
        boolean other = subject == null || !subject.id().equals(value.id());
        subject = value;
        if (other) {
            charts.set(null);
        }
        load();
    }

    /** The pane became visible (true) or hidden: only a visible pane asks the server. */
    public void setActive(boolean value) {
        active = value;
        if (active) {
            load();
        } else {
            request.cancel();
            loading.set(false);
        }
    }

    public void refresh() {
        load();
    }

    /**
     * For a view that draws only {@link Charts#cost()} (the overview's spend over time): the gateway is asked for
     * its cost histogram alone, and the charts' tokens, requests and totals then count no tokens or requests.
     * Only for a subject without {@code keys} (those add up their keys' histograms in groups).
     */
    public void drawCostOnly() {
        costOnly = true;
    }

    private void load() {
        if (!active || subject == null) {
            return;
        }
        Subject s = subject;
        Period p = period.get();
        Instant end = clock.instant();
        LogsQuery q = new LogsQuery(end.minus(p.length()), end, s.filter().virtualKeyIds(), s.filter().teamIds(),
                s.filter().customerIds());
        loading.set(true);
        request.submit(() -> s.keys() == null ? costOnly ? source.costHistory(q) : source.usageHistory(q)
                        : s.keys().get().thenCompose(ids -> ofKeys(q, ids, s.noKeys())), answer -> toCharts(answer, s),
                (result, failure) -> {
                    loading.set(false);
                    if (failure != null) {
                        error.set(UserMessages.of(failure, "Usage over time could not be loaded"));
                        return;
                    }
                    error.set(null);
                    notAvailable.set(result.notAvailable());
                    charts.set(result.charts());
                });
    }

    /**
     * The usage of these keys: one histogram request per {@link #KEYS_PER_REQUEST} keys, summed bucket by bucket
     * (every request has the same window, so the server picks the same buckets). No keys: the sentence instead.
     */
    private CompletableFuture<LogsAnswer<UsageHistory>> ofKeys(LogsQuery q, List<String> ids, String noKeys) {
        if (ids.isEmpty()) {
            return CompletableFuture.completedFuture(LogsAnswer.notAvailable(noKeys));
        }
        List<CompletableFuture<LogsAnswer<UsageHistory>>> parts = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += KEYS_PER_REQUEST) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + KEYS_PER_REQUEST));
            parts.add(source.usageHistory(new LogsQuery(q.start(), q.end(), List.copyOf(chunk), List.of(), List.of())));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<UsageHistory> histories = new ArrayList<>();
            for (CompletableFuture<LogsAnswer<UsageHistory>> part : parts) {
                LogsAnswer<UsageHistory> a = part.join();
                if (!a.available()) {
                    return a;
                }
                histories.add(a.value());
            }
            return LogsAnswer.of(UsageHistory.sum(histories));
        });
    }

    /** The budget drawn on the cost chart: the one with the longest window, whose line says the most. */
    public static Budget longestBudget(List<Budget> budgets) {
        return budgets.stream().filter(b -> b.maxLimit() > 0)
                .max(java.util.Comparator.comparing(b -> ResetWindow.parse(b.resetDuration())
                        .map(ResetWindow::length).orElse(Duration.ZERO)))
                .orElse(null);
    }

    /** An answer made ready for the charts: charts, or the sentence saying there are none. */
    private record Loaded(Charts charts, String notAvailable) {
    }

    /** Off the FX thread: points, labels and totals. */
    private Loaded toCharts(LogsAnswer<UsageHistory> answer, Subject s) {
        if (!answer.available()) {
            return new Loaded(null, answer.notAvailable());
        }
        UsageHistory h = answer.value();
        DateTimeFormatter label = DateTimeFormatter.ofPattern(h.bucketSeconds() < 86_400 ? "HH:mm" : "d MMM",
                formats.locale()).withZone(formats.zone());
        List<Point> cost = new ArrayList<>();
        List<Point> tokens = new ArrayList<>();
        List<Point> requests = new ArrayList<>();
        for (UsageHistory.Bucket b : h.buckets()) {
            String text = label.format(b.start());
            cost.add(new Point(b.start(), text, b.cost()));
            tokens.add(new Point(b.start(), text, b.tokens()));
            requests.add(new Point(b.start(), text, b.requests()));
        }
        List<Point> window = null;
        Double limit = null;
        String budgetText = null;
        Budget budget = s.budget();
        if (budget != null && budget.maxLimit() > 0 && ResetWindow.parse(budget.resetDuration()).isPresent()) {
            window = windowSpend(h, budget, s.budgetCalendarAligned(), label);
            limit = budget.effectiveLimit();
            budgetText = formats.money(limit) + " " + ResetWindow.inWords(budget.resetDuration()) + " budget";
        }
        String totals = formats.money(h.totalCost()) + " \u00b7 " + formats.compactCount(h.totalTokens())
                + " tokens \u00b7 " + formats.count(h.totalRequests()) + " requests in the last "
                + period.get().label() + " (from the logs)";
        return new Loaded(new Charts(cost, window, limit, budgetText, tokens, requests, totals), null);
    }

    /** Cumulative cost in the budget's window holding each bucket: it drops back at every reset. */
    private static List<Point> windowSpend(UsageHistory h, Budget b, boolean aligned, DateTimeFormatter label) {
        ResetWindow w = ResetWindow.parse(b.resetDuration()).orElseThrow();
        boolean calendar = (aligned || Boolean.TRUE.equals(b.calendarAligned())) && w.calendarUnit() != null;
        List<Point> out = new ArrayList<>();
        Instant current = null;
        double sum = 0;
        for (UsageHistory.Bucket bucket : h.buckets()) {
            Instant start = calendar
                    ? ResetSchedule.calendarPeriodStart(bucket.start(), w.calendarUnit(), b.quarterStartMonth())
                    : rollingStart(bucket.start(), b.lastReset(), w.length());
            if (!start.equals(current)) {
                current = start;
                sum = 0;
            }
            sum += bucket.cost();
            out.add(new Point(bucket.start(), label.format(bucket.start()), sum));
        }
        return out;
    }

    /** The start of the rolling window holding {@code t}, on the lattice through {@code anchor}. */
    static Instant rollingStart(Instant t, Instant anchor, Duration length) {
        if (anchor == null) {
            return Instant.EPOCH;
        }
        long len = Math.max(1, length.getSeconds());
        long offset = Math.floorDiv(t.getEpochSecond() - anchor.getEpochSecond(), len);
        return anchor.plusSeconds(offset * len);
    }

    public ObjectProperty<Period> periodProperty() {
        return period;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /**
     * The sentence shown instead of charts when the server has no logs (or a team or customer has no keys to
     * chart); null otherwise.
     */
    public ReadOnlyStringProperty notAvailableProperty() {
        return notAvailable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Charts> chartsProperty() {
        return charts.getReadOnlyProperty();
    }

}
