package bifrostconsole.overview;

import bifrostconsole.api.GovernanceSource;
import bifrostconsole.api.ResetWindow;
import bifrostconsole.config.UiSettings;
import bifrostconsole.export.ProgressListener;
import bifrostconsole.headroom.Attention;
import bifrostconsole.headroom.AttentionItem;
import bifrostconsole.headroom.GatewayScan;
import bifrostconsole.headroom.HeadroomWords;
import bifrostconsole.headroom.Reason;
import bifrostconsole.headroom.ScanResult;
import bifrostconsole.messages.UserMessages;
import bifrostconsole.service.LatestRequest;
import bifrostconsole.ui.Formats;
import bifrostconsole.usage.UsageViewModel;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The gateway at a glance: a full scan of every key (export-sized pages, off the FX thread, cancellable, with
 * progress) turned into totals, spend by team and customer, how much of their binding limit keys have used, the
 * gateway's spend over time (when the server has logs), and the needs-attention lists whose rows open a key.
 */
public final class OverviewViewModel {
    /** Teams and customers shown by name in the spend charts; the rest add up to "Others". */
    static final int TOP = 8;

    /** A labelled figure on a tile: "Keys" "2,000" "1,640 active". */
    public record Tile(String id, String label, String value, String detail) {
    }

    /** One bar of a chart. */
    public record Bar(String label, double value) {
    }

    /** A row of a needs-attention list: the key it opens, its name, and what is wrong in words. */
    public record AttentionRow(String keyId, String name, String detail) {
        // Written out: each scan compares its 50,000 rows with the last scan's, and the record's generated
        // equals (through method handles) was a sixth of turning a scan into rows.
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof AttentionRow r && java.util.Objects.equals(keyId, r.keyId)
                    && java.util.Objects.equals(name, r.name) && java.util.Objects.equals(detail, r.detail);
        }

        @Override
        public int hashCode() {
            return (java.util.Objects.hashCode(keyId) * 31 + java.util.Objects.hashCode(name)) * 31
                    + java.util.Objects.hashCode(detail);
        }
    }

    /** Everything the view draws from one scan, computed off the FX thread. */
    public record Shown(ScanResult result, List<Tile> tiles, List<Bar> spendByTeam, List<Bar> spendByCustomer,
                        List<Bar> budgetUse, String budgetUseNote, Map<Reason, List<AttentionRow>> attention,
                        String summary, String unusedNotAvailable) {
    }

    /** The periods the unused list can look back over. */
    public static final List<Integer> UNUSED_DAYS = List.of(7, 30, 90);

    private final GatewayScan scan;
    private final Executor background;
    private final Clock clock;
    private final Formats formats;
    private final UiSettings settings;
    private final LatestRequest request;
    private final UsageViewModel spendOverTime;
    private final IntegerProperty threshold = new SimpleIntegerProperty(this, "threshold", 80);
    private final IntegerProperty unusedDays = new SimpleIntegerProperty(this, "unusedDays", 7);
    private final ReadOnlyBooleanWrapper scanning = new ReadOnlyBooleanWrapper(this, "scanning");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyObjectWrapper<Shown> shown = new ReadOnlyObjectWrapper<>(this, "shown");
    private final List<Consumer<ScanResult>> resultListeners = new ArrayList<>();
    /** The lists of the last scan turned into rows (off the FX thread), to hand out unchanged lists again. */
    private volatile Map<Reason, List<AttentionRow>> lastRows = Map.of();
    private Consumer<String> keyOpener = id -> { };

    public OverviewViewModel(GovernanceSource source, Executor uiExecutor, Executor background, Clock clock,
                             Formats formats, UiSettings settings) {
        this(new GatewayScan(source, clock), source, uiExecutor, background, clock, formats, settings);
    }

    OverviewViewModel(GatewayScan scan, GovernanceSource source, Executor uiExecutor, Executor background,
                      Clock clock, Formats formats, UiSettings settings) {
        this.scan = scan;
        this.background = background;
        this.clock = clock;
        this.formats = formats;
        this.settings = settings;
        this.request = new LatestRequest(uiExecutor);
        this.spendOverTime = new UsageViewModel(source, uiExecutor, clock, formats);
        spendOverTime.periodProperty().set(UsageViewModel.Period.MONTH);
        // the view draws the cost per day alone: the token and request histograms would make the gateway add up
        // every key's logs twice more, right after the scan (2 of its 3 histogram passes)
        spendOverTime.drawCostOnly();
        spendOverTime.show(UsageViewModel.Subject.gateway());
        int remembered;
        try {
            remembered = Integer.parseInt(settings.get("overview.threshold", "80"));
        } catch (NumberFormatException e) {
            remembered = 80;
        }
        threshold.set(Math.max(1, Math.min(100, remembered)));
        threshold.addListener((o, a, b) -> settings.put("overview.threshold", b.toString()));
        String days = settings.get("overview.unusedDays", "7");
        unusedDays.set(UNUSED_DAYS.stream().filter(d -> d.toString().equals(days)).findFirst().orElse(7));
        unusedDays.addListener((o, a, b) -> settings.put("overview.unusedDays", b.toString()));
    }

    /** Scans every key again; a scan in progress is cancelled first. */
    public void scan() {
        Attention rules = new Attention(threshold.get() / 100.0, Duration.ofDays(7));
        scanning.set(true);
        error.set(null);
        progress.set(-1);
        progressText.set("Reading teams and customers\u2026");
        Progress p = new Progress();
        LatestRequest.Ticket ticket = request.start();
        Duration unusedPeriod = Duration.ofDays(unusedDays.get());
        CompletableFuture<ScanResult> scanned = ticket.track(scan.runAsync(rules, unusedPeriod, p, background));
        // The spend chart's histograms are asked for once the keys are read, not beside them: on two cores the
        // gateway's work for them then fills the time it would stand idle while the result is turned into rows,
        // instead of slowing the key pages it serves (README, Performance, "Overview scan").
        scanned.whenComplete((r, failure) -> ticket.ui(spendOverTime::refresh));
        CompletableFuture<Shown> work = scanned.thenApplyAsync(this::toShown, background);
        p.ticket = ticket;
        work.whenComplete((result, failure) -> ticket.ui(() -> {
            scanning.set(false);
            if (failure != null) {
                Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause()
                        != null ? failure.getCause() : failure;
                if (!(cause instanceof java.util.concurrent.CancellationException)) {
                    error.set(UserMessages.of(cause, "The gateway could not be scanned"));
                }
                progressText.set(cause instanceof java.util.concurrent.CancellationException ? "Scan cancelled."
                        : "");
                return;
            }
            shown.set(result);
            progress.set(1);
            progressText.set(result.summary());
            for (Consumer<ScanResult> l : resultListeners) {
                l.accept(result.result());
            }
        }));
    }

    public void cancel() {
        request.cancel();
        scanning.set(false);
        progressText.set("Scan cancelled.");
    }

    /** The view is on screen: the spend-over-time chart asks for the logs; the first visit scans. */
    public void setActive(boolean active) {
        spendOverTime.setActive(active);
        if (active && shown.get() == null && !scanning.get()) {
            scan();
        }
    }

    public void openKey(String keyId) {
        keyOpener.accept(keyId);
    }

    /** What opening a row does: the composition root shows the key in the key table's detail pane. */
    public void setKeyOpener(Consumer<String> opener) {
        this.keyOpener = opener;
    }

    /** Told of every completed scan, on the UI executor (the alerts and the key table's headroom). */
    public void onResult(Consumer<ScanResult> listener) {
        resultListeners.add(listener);
    }

    /** The least time between two progress updates handed to the UI. */
    private static final long PROGRESS_EVERY_NANOS = 100_000_000L;

    /**
     * Progress from the scan's worker, handed to the UI at most once in flight and at most every 100 ms: when the
     * FX thread is busy, intermediate counts are skipped rather than queued. Each update is a pulse that lays out
     * and paints the bar and its text, and a free FX thread took one every 45 ms or so (110 per 100,000-key scan),
     * each one CPU the scan's two cores were short of.
     */
    private final class Progress implements ProgressListener {
        private final AtomicLong done = new AtomicLong();
        private final AtomicLong total = new AtomicLong(-1);
        private final AtomicBoolean posted = new AtomicBoolean();
        /** When the last update was handed over (the first one goes at once); written by the scan's thread. */
        private volatile long postedAt = System.nanoTime() - PROGRESS_EVERY_NANOS;
        volatile LatestRequest.Ticket ticket;

        @Override
        public void progress(long d, long t) {
            done.set(d);
            total.set(t);
            LatestRequest.Ticket current = ticket;
            long now = System.nanoTime();
            if (current != null && now - postedAt >= PROGRESS_EVERY_NANOS && posted.compareAndSet(false, true)) {
                postedAt = now;
                current.ui(() -> {
                    posted.set(false);
                    long n = done.get();
                    long of = total.get();
                    progress.set(of <= 0 ? -1 : (double) n / of);
                    progressText.set(of < 0 ? "Scanned " + formats.count(n) + " keys\u2026"
                            : "Scanned " + formats.count(n) + " of " + formats.count(of) + " keys\u2026");
                });
            }
        }
    }

    // ---- from a scan to what the view draws (off the FX thread) ------------------------------------------

    Shown toShown(ScanResult r) {
        HeadroomWords words = new HeadroomWords(formats::money, formats::count);
        Map<Reason, List<AttentionRow>> attention = new EnumMap<>(Reason.class);
        for (Reason reason : Reason.values()) {
            attention.put(reason, new ArrayList<>());
        }
        java.time.Instant now = clock.instant();
        for (AttentionItem item : r.attention()) {
            AttentionRow row = new AttentionRow(item.keyId(), item.keyName(), detail(item, words, now));
            for (Reason reason : item.reasons()) {
                attention.get(reason).add(row);
            }
        }
        // A list equal to the last scan's is that very list again, so the view can tell "unchanged" at a glance
        // (comparing 50,000 rows is work the FX thread should not do).
        Map<Reason, List<AttentionRow>> previous = lastRows;
        attention.replaceAll((reason, rows) -> rows.equals(previous.get(reason)) ? previous.get(reason)
                : List.copyOf(rows));
        lastRows = attention;
        // Each list's size is its reason's count (ScanResult.count walks every item again, once per call).
        List<Tile> tiles = new ArrayList<>();
        tiles.add(new Tile("keys", "Keys", formats.count(r.keys()), formats.count(r.active()) + " active \u00b7 "
                + formats.count(r.inactive()) + " inactive"));
        tiles.add(new Tile("expired", "Expired", formats.count(r.expired()), formats.count(r.expiring())
                + " expiring within 7 days"));
        tiles.add(new Tile("exhausted", "Exhausted", formats.count(attention.get(Reason.EXHAUSTED).size()),
                formats.count(attention.get(Reason.NEAR_LIMIT).size()) + " at or above "
                        + Math.round(r.rules().threshold() * 100) + "%"));
        tiles.add(new Tile("owners", "Teams \u00b7 Customers", formats.count(r.teams()) + " \u00b7 "
                + formats.count(r.customers()), formats.count(attention.get(Reason.UNASSIGNED).size())
                + " keys on neither"));
        for (Map.Entry<String, Map<String, double[]>> level : r.spendByWindow().entrySet()) {
            Map.Entry<String, double[]> largest = level.getValue().entrySet().stream()
                    .max(Comparator.comparingDouble(e -> e.getValue()[1])).orElse(null);
            if (largest == null) {
                continue;
            }
            double[] sums = largest.getValue();
            tiles.add(new Tile("spend-" + level.getKey(), capitalised(ResetWindow.inWords(largest.getKey()))
                    + " " + level.getKey() + " budgets", formats.money(sums[0]), "of " + formats.money(sums[1])
                    + (sums[1] > 0 ? " (" + formats.percent(sums[0] / sums[1]) + ")" : "")
                    + " in the windows open now"));
        }
        List<Bar> use = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            use.add(new Bar(i * 10 + "\u2013" + (i * 10 + 9), r.usedDistribution()[i]));
        }
        use.add(new Bar("100", r.usedDistribution()[10]));
        String useNote = formats.count(r.unbounded()) + " keys have no limit at all";
        String summary = "Scanned " + formats.count(r.keys()) + " keys \u00b7 " + formats.count(r.attention().size())
                + " need attention";
        Attention.Traffic traffic = r.rules().traffic();
        String unusedNote = traffic == null ? "Unused keys were not looked for in this scan."
                : traffic.notAvailable();
        return new Shown(r, List.copyOf(tiles), top(r.spendByTeam()), top(r.spendByCustomer()), List.copyOf(use),
                useNote, attention, summary, unusedNote);
    }

    /** "83% used · $1.70 left · team Platform, monthly · expires in 3 days" (its parts joined by " · "). */
    private String detail(AttentionItem item, HeadroomWords words, java.time.Instant now) {
        StringBuilder b = new StringBuilder(96);
        if (item.limit() != null) {
            b.append(formats.percent(item.usedFraction())).append(" used \u00b7 ").append(words.left(item.limit()))
                    .append(" \u00b7 ").append(words.what(item.limit()));
        }
        if (item.expiresAt() != null) {
            separate(b).append(item.has(Reason.EXPIRED) ? "expired " : "expires ")
                    .append(formats.relative(item.expiresAt(), now));
        }
        boolean ownerNamed = item.limit() != null && item.limit().level() != bifrostconsole.headroom.Level.KEY
                && item.limit().level() != bifrostconsole.headroom.Level.PROVIDER;
        if (!ownerNamed) {
            separate(b);
            if (item.teamName() != null) {
                b.append("team ").append(item.teamName());
            } else if (item.customerName() != null) {
                b.append("customer ").append(item.customerName());
            } else {
                b.append("no team or customer");
            }
        }
        return b.toString();
    }

    private static StringBuilder separate(StringBuilder b) {
        return b.isEmpty() ? b : b.append(" \u00b7 ");
    }

    /** The {@link #TOP} largest, largest first, and the rest summed as "Others". */
    static List<Bar> top(Map<String, Double> values) {
        List<Map.Entry<String, Double>> sorted = new ArrayList<>(values.entrySet());
        sorted.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<Bar> bars = new ArrayList<>();
        double others = 0;
        for (int i = 0; i < sorted.size(); i++) {
            if (i < TOP) {
                bars.add(new Bar(sorted.get(i).getKey(), sorted.get(i).getValue()));
            } else {
                others += sorted.get(i).getValue();
            }
        }
        if (others > 0) {
            bars.add(new Bar("Others", others));
        }
        return List.copyOf(bars);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public IntegerProperty thresholdProperty() {
        return threshold;
    }

    /** How many days back the unused list looks for traffic (one of {@link #UNUSED_DAYS}; remembered). */
    public IntegerProperty unusedDaysProperty() {
        return unusedDays;
    }

    public ReadOnlyBooleanProperty scanningProperty() {
        return scanning.getReadOnlyProperty();
    }

    /** 0 to 1, or -1 while the total is not known yet. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Shown> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** The gateway's cost over the last 30 days, from the logs when the server has them. */
    public UsageViewModel spendOverTime() {
        return spendOverTime;
    }
}
