package bifrostconsole.bench;

import bifrostconsole.api.ConnectionSettings;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.Secret;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.config.UiSettings;
import bifrostconsole.demo.DemoDataGenerator;
import bifrostconsole.demo.DemoGateway;
import bifrostconsole.keydetail.KeyDetails;
import bifrostconsole.keys.KeyBrowserView;
import bifrostconsole.keys.KeyBrowserViewModel;
import bifrostconsole.keys.KeyColumn;
import bifrostconsole.keys.KeyRow;
import bifrostconsole.testing.TestServices;
import bifrostconsole.ui.Formats;
import bifrostconsole.ui.Stylesheets;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Does the key table keep the window responsive? Drives the real key browser (table and details pane) headlessly
 * against the demo gateway in this JVM, as the console's demo workspace does, while {@link FxStalls#heartbeat}
 * measures how long the FX thread takes to pick up a task queued every 5 ms: idle, paging through 100- and 25-key
 * pages, sorting by each sortable column, filtering by search text, and opening a key's details row after row.
 * Beside the stalls it prints the FX thread's own CPU time per action, which a busy machine inflates far less than
 * the stalls (they include waiting for a core and for the renderer), the rest of the process's CPU time per action
 * (the gateway, the client, the renderer, GC: on 2 cores what the FX thread competes with for a core) and the
 * collectors' time per action, and marks each stretch as a JFR event
 * ({@code bifrostconsole.BenchPhase}) so a recording's FX-thread samples can be split by action.
 * Ends with this process's peak RSS (VmHWM) after paging {@code bench.table.memoryPages} 100-key pages, which is
 * the console's own memory when run as a fresh JVM with {@code -Dbench.table.keys=100000}.
 * Run: {@code mvn -B -q -Pbench test-compile exec:java -Dbench=table}, or for the memory figure in a fresh JVM
 * without the build tool: {@code java -Dbench.table.keys=100000 -cp "target/classes:target/test-classes:target/lib/*"
 * bifrostconsole.bench.KeyTableBenchmark}.
 */
public final class KeyTableBenchmark implements Benchmarks.Benchmark {
    private static final int PAGES = 20;
    private static final int OPENS = 20;

    public static void main(String[] args) throws Exception {
        new KeyTableBenchmark().run(System.out);
        Platform.exit();
    }

    @Override
    public String description() {
        return "the key table: FX-thread stalls while paging, sorting, filtering, opening details; peak RSS";
    }

    @Override
    public boolean inDefaultRun() {
        return false;
    }

    @Override
    public void run(PrintStream out) throws Exception {
        int keyCount = Integer.getInteger("bench.table.keys", 5_000);
        int memoryPages = Integer.getInteger("bench.table.memoryPages", 50);
        Instant now = Instant.now();
        try (DemoGateway gateway = DemoGateway.start(DemoGateway.Options.of(
                DemoDataGenerator.generate(11, keyCount, now)))) {
            ManagementApiClient client = new ManagementApiClient(ConnectionSettings.of(gateway.baseUrl(), Secret.of("")));
            rowBuilding(client, out);

            FxStalls.startHeadless();
            KeyBrowserViewModel vm = FxStalls.onFx(() -> {
                KeyBrowserViewModel model = TestServices.keyBrowser(client, UiSettings.inMemory());
                Stage stage = new Stage();
                KeyBrowserView view = new KeyBrowserView(model);
                Scene scene = new Scene(view, 1280, 800);
                Stylesheets.apply(scene);
                stage.setScene(scene);
                stage.show();
                view.table().requestFocus(); // no blinking caret in the search box
                return model;
            });
            vm.firstPageShown().get(60, TimeUnit.SECONDS);
            Thread.sleep(2000); // let the first frames settle before measuring

            out.printf(Locale.ROOT, "Key table: %,d keys in the demo gateway (this JVM), Monocle headless, load %s%n",
                    keyCount, load());
            out.printf(Locale.ROOT, "%-34s %8s %8s %8s %16s %12s %12s %8s%n", "FX thread stall (ms)", "p50", "p99",
                    "max", "action shown ms", "FX CPU ms", "other CPU ms", "GC ms");
            report(out, "idle", phase("idle", () -> Thread.sleep(3000)), Double.NaN, 1);

            for (int size : new int[]{100, 25}) {
                setPageSize(vm, size);
                double[] ms = new double[1];
                List<Double> stalls = phase("paging " + size,
                        () -> ms[0] = repeat(PAGES, () -> pageShown(vm, vm::nextPage)));
                report(out, "paging, " + size + "-key pages x" + PAGES, stalls, ms[0], PAGES);
            }
            setPageSize(vm, 100);

            List<KeyColumn> sortable = java.util.Arrays.stream(KeyColumn.values()).filter(KeyColumn::sortable).toList();
            double[] ms = new double[1];
            List<Double> stalls = phase("sorting", () -> ms[0] = repeat(PAGES,
                    i -> pageShown(vm, () -> vm.sortBy(sortable.get(i % sortable.size())))));
            report(out, "sorting x" + PAGES + " (" + sortable.size() + " columns)", stalls, ms[0], PAGES);

            String[] searches = {"a", "an", "api", "s", "se", "sec", "p", "pr", "prod", ""};
            stalls = phase("filtering", () -> ms[0] = repeat(searches.length * 2,
                    i -> pageShown(vm, () -> vm.searchTextProperty().set(searches[i % searches.length]))));
            report(out, "filtering x" + searches.length * 2 + " (search text)", stalls, ms[0], searches.length * 2);

            long[] firstOpenEnd = new long[1];
            double[] firstOpenCpu = new double[1];
            List<FxStalls.Beat> opens = beats("details", () -> ms[0] = repeat(OPENS, i -> {
                long cpu0 = fxCpuNs();
                Phase first = new Phase(); // the first open's own stretch in a recording
                first.what = "first open";
                first.begin();
                double shown = detailShown(vm, i);
                if (i == 0) {
                    first.commit();
                    firstOpenEnd[0] = System.nanoTime();
                    firstOpenCpu[0] = (fxCpuNs() - cpu0) / 1e6;
                }
                return shown;
            }));
            report(out, "opening details x" + OPENS, waits(opens), ms[0], OPENS);
            // The first open adds the pane beside the table (the table narrows); the others only refill it.
            out.printf(Locale.ROOT, "  of which the first open: longest stall %.1f ms, FX CPU %.1f ms; the other %d:"
                            + " p99 %.1f ms%n",
                    FxStalls.pct(waits(opens.stream().filter(b -> b.queuedAt() < firstOpenEnd[0]).toList()), 1),
                    firstOpenCpu[0], OPENS - 1, FxStalls.pct(waits(opens.stream()
                            .filter(b -> b.queuedAt() >= firstOpenEnd[0]).toList()), 0.99));
            FxStalls.onFx(() -> {
                vm.closeDetail();
                return null;
            });

            // Memory: page on through the rest, then the peak resident size of this whole process. The heap in use
            // after a full GC, before and after, says whether paging leaks (it should not grow with pages).
            double before = heapAfterGc();
            for (int i = 0; i < memoryPages; i++) {
                pageShown(vm, vm::nextPage);
            }
            Runtime rt = Runtime.getRuntime();
            out.printf(Locale.ROOT, "Memory after %d more 100-key pages (%d in all): peak RSS %s, heap in use after GC"
                            + " %.0f MB (%.0f MB before these pages), heap committed %.0f MB, max heap %.0f MB%n",
                    memoryPages, vm.loadedPageCountProperty().get(), peakRss(), heapAfterGc(), before,
                    rt.totalMemory() / 1e6, rt.maxMemory() / 1e6);
        }
    }

    private static void rowBuilding(ManagementApiClient client, PrintStream out) {
        List<VirtualKey> keys = client.listVirtualKeys(VirtualKeyQuery.firstPage(100)).join().items();
        Formats formats = Formats.system();
        for (int i = 0; i < 50; i++) {
            build(keys, formats);
        }
        int rounds = 100;
        long t0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            build(keys, formats);
        }
        out.printf(Locale.ROOT, "Building the rows of a 100-key page (off the FX thread): %.3f ms per page%n",
                (System.nanoTime() - t0) / 1e6 / rounds);
    }

    private static int build(List<VirtualKey> keys, Formats formats) {
        int n = 0;
        Instant now = Instant.now();
        for (VirtualKey k : keys) {
            n += KeyRow.of(k, formats, now).budgets().size();
        }
        return n;
    }

    private interface Step {
        double run(int i) throws Exception;
    }

    /** Runs {@code step} {@code times} times; returns its mean result (ms). */
    private static double repeat(int times, Step step) throws Exception {
        double total = 0;
        for (int i = 0; i < times; i++) {
            total += step.run(i);
        }
        return total / times;
    }

    private static double repeat(int times, FxStalls.Work step) throws Exception {
        return repeat(times, i -> {
            long t0 = System.nanoTime();
            step.run();
            return (System.nanoTime() - t0) / 1e6;
        });
    }

    /** Runs {@code action} on the FX thread and waits until the page it asked for is on screen; returns ms. */
    private static double pageShown(KeyBrowserViewModel vm, Runnable action) throws Exception {
        int target = vm.loadedPageCountProperty().get() + 1;
        long t0 = System.nanoTime();
        Platform.runLater(action);
        await(() -> vm.loadedPageCountProperty().get() >= target, "the page");
        afterPulse();
        return (System.nanoTime() - t0) / 1e6;
    }

    /** Selects row {@code i} of the page, opens it, and waits until its details are shown and laid out. */
    private static double detailShown(KeyBrowserViewModel vm, int i) throws Exception {
        String id = FxStalls.onFx(() -> vm.rows().get(i % vm.rows().size()).id());
        long t0 = System.nanoTime();
        Platform.runLater(() -> {
            vm.selectedIndexProperty().set(i % vm.rows().size());
            vm.openSelected();
        });
        await(() -> {
            KeyDetails d = vm.detail().detailsProperty().get();
            return d != null && d.key().id().equals(id) && !vm.detail().loadingProperty().get();
        }, "the key's details");
        afterPulse();
        return (System.nanoTime() - t0) / 1e6;
    }

    private static void afterPulse() throws Exception {
        FxStalls.afterNextPulse();
    }

    private static void setPageSize(KeyBrowserViewModel vm, int size) throws Exception {
        if (vm.pageSizeProperty().get() != size) {
            pageShown(vm, () -> vm.pageSizeProperty().set(size));
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " did not arrive within 30 s");
            }
            Thread.sleep(1);
        }
    }

    private static double heapAfterGc() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) / 1e6;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static String peakRss() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                    .map(l -> String.format(Locale.ROOT, "%.0f MB",
                            Long.parseLong(l.replaceAll("\\D", "")) / 1024.0))
                    .findFirst().orElse("unknown");
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** Marks a measured stretch in a JFR recording (when one runs), so its FX-thread samples can be told apart. */
    @jdk.jfr.Name("bifrostconsole.BenchPhase")
    @jdk.jfr.Label("Benchmark phase")
    static final class Phase extends jdk.jfr.Event {
        @jdk.jfr.Label("What")
        String what;
    }

    /** The FX thread's CPU time in the last {@link #phase}, ms: unlike the stalls, it hardly depends on the load. */
    private static double phaseFxCpuMs;
    /**
     * The rest of this process's CPU time (the demo gateway, the HTTP client, the renderer, GC) and the collectors'
     * pause time in the last {@link #phase}, ms: on 2 cores the FX thread waits for a core while they run.
     */
    private static double phaseOtherCpuMs;
    private static double phaseGcMs;
    private static long fxThreadId = -1;

    private static long fxCpuNs() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getThreadCpuTime(fxThreadId);
    }

    private static List<Double> phase(String what, FxStalls.Work work) throws Exception {
        return waits(beats(what, work));
    }

    private static List<Double> waits(List<FxStalls.Beat> beats) {
        return beats.stream().map(FxStalls.Beat::waitMs).toList();
    }

    /** {@link #phase}, each wait with the time it was queued. */
    private static List<FxStalls.Beat> beats(String what, FxStalls.Work work) throws Exception {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        if (fxThreadId < 0) {
            fxThreadId = FxStalls.onFx(() -> Thread.currentThread().getId());
        }
        Phase phase = new Phase();
        phase.what = what;
        phase.begin();
        long cpu0 = threads.getThreadCpuTime(fxThreadId);
        long process0 = processCpuNs();
        long gc0 = gcMs();
        java.util.Map<String, Long> byThread0 = THREADS ? cpuByThread() : java.util.Map.of();
        try {
            return FxStalls.beats(work);
        } finally {
            if (THREADS) {
                java.util.Map<String, Long> byThread = cpuByThread();
                byThread0.forEach((name, ns) -> byThread.merge(name, -ns, Long::sum));
                System.out.println("  " + what + ": CPU ms by thread " + byThread.entrySet().stream()
                        .filter(e -> e.getValue() > 5_000_000)
                        .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                        .map(e -> e.getKey() + " " + e.getValue() / 1_000_000).toList());
            }
            phaseFxCpuMs = (threads.getThreadCpuTime(fxThreadId) - cpu0) / 1e6;
            phaseOtherCpuMs = (processCpuNs() - process0) / 1e6 - phaseFxCpuMs;
            phaseGcMs = gcMs() - gc0;
            phase.commit();
        }
    }

    /** {@code -Dbench.table.threads=true}: each phase's CPU time by thread (names without their numbers). */
    private static final boolean THREADS = Boolean.getBoolean("bench.table.threads");

    private static java.util.Map<String, Long> cpuByThread() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.Map<String, Long> byName = new java.util.HashMap<>();
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            long ns = info == null ? -1 : threads.getThreadCpuTime(info.getThreadId());
            if (ns > 0) {
                byName.merge(info.getThreadName().replaceAll("[-#]?\\d+$", ""), ns, Long::sum);
            }
        }
        return byName;
    }

    private static long processCpuNs() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long gcMs() {
        long ms = 0;
        for (java.lang.management.GarbageCollectorMXBean gc
                : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            ms += Math.max(0, gc.getCollectionTime());
        }
        return ms;
    }

    private static void report(PrintStream out, String label, List<Double> waits, double actionMs, int actions) {
        out.printf(Locale.ROOT, "%-34s %8.1f %8.1f %8.1f %16s %12.1f %12.1f %8.1f%n", label, FxStalls.pct(waits, 0.5),
                FxStalls.pct(waits, 0.99), FxStalls.pct(waits, 1.0),
                Double.isNaN(actionMs) ? "-" : String.format(Locale.ROOT, "%.1f", actionMs), phaseFxCpuMs / actions,
                phaseOtherCpuMs / actions, phaseGcMs / actions);
    }
}
