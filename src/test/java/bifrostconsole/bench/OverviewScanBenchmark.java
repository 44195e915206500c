package bifrostconsole.bench;

import atlantafx.base.theme.PrimerLight;
import bifrostconsole.api.ConnectionSettings;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.config.UiSettings;
import bifrostconsole.export.Cancellation;
import bifrostconsole.export.ExportFormat;
import bifrostconsole.export.ExportRequest;
import bifrostconsole.export.KeyExporter;
import bifrostconsole.export.KeyPageSource;
import bifrostconsole.export.ProgressListener;
import bifrostconsole.overview.OverviewView;
import bifrostconsole.overview.OverviewViewModel;
import bifrostconsole.ui.Formats;
import bifrostconsole.ui.Stylesheets;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The overview's full scan of 100,000 keys against the export of the same keys, in one run, with the demo
 * gateway in a child JVM: rounds alternate an export to a CSV file (the baseline) and the Overview's scan, from
 * the click to the totals, lists and charts on screen (under Monocle's headless renderer). Meanwhile a heartbeat
 * queues a task on the FX thread every 5 ms and records how long each waited: the FX thread's longest stall.
 * Both read the keys the same way (KeyPager's export pages of 10,000, the next asked for while one is read); the
 * scan also reads the teams, customers and the logs' ranking of keys (for the Unused list), and the overview asks
 * for the gateway's spend over time. Each round's scan is set against that round's export, and the median of
 * those ratios is printed beside the ratio of the medians; so are the collectors' time and the load.
 * Needs {@code mvn -B -DskipTests package} first (for target/lib). Run:
 * {@code mvn -B -q -Pbench test-compile exec:java -Dbench=overview} ({@code -Dbench.overview.rounds=5}), or in a
 * JVM of its own (any runtime and collector options, without Maven in the process): {@code java -cp
 * "target/classes:target/test-classes:$(cat target/test-cp.txt)" bifrostconsole.bench.OverviewScanBenchmark 100000 3}
 * after {@code mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test}.
 * {@code -Dbench.overview.serverOptions="..."} (split at spaces) are the gateway JVM's options, e.g. a JFR recording.
 * With {@code -Dbench.overview.inProcess=true} the demo gateway runs in this JVM instead, as in the console's demo
 * workspace, and the run ends with the process's peak RSS and the heap in use after a full GC: the window's memory
 * during a 100,000-key scan (run it with the window launcher's java options to check its heap limit).
 */
public final class OverviewScanBenchmark {

    private OverviewScanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int keys = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : Integer.getInteger("bench.overview.rounds", 3);
        boolean inProcess = Boolean.getBoolean("bench.overview.inProcess");
        if (!inProcess && !Files.isDirectory(Path.of("target", "lib"))) {
            System.err.println("OverviewScanBenchmark: target/lib is missing: run 'mvn -B -DskipTests package' first.");
            System.exit(2);
        }
        headless();
        bifrostconsole.demo.DemoGateway inJvm = inProcess ? bifrostconsole.demo.DemoGateway.start(
                bifrostconsole.demo.DemoGateway.Options.generated(42, keys)) : null;
        // -Dbench.overview.serverOptions="-XX:StartFlightRecording=filename=gw.jfr ..." gives the gateway's JVM options
        List<String> command = new ArrayList<>(List.of(java()));
        String serverOptions = System.getProperty("bench.overview.serverOptions", "").trim();
        if (!serverOptions.isEmpty()) {
            command.addAll(List.of(serverOptions.split("\\s+")));
        }
        command.addAll(List.of("-cp", "target/classes:target/lib/*", "bifrostconsole.Launcher", "demo-server",
                "--port", "0", "--keys", String.valueOf(keys), "--seed", "42"));
        Process server = inProcess ? null : new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        ExecutorService background = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "bench-background");
            t.setDaemon(true);
            return t;
        });
        Path csv = Files.createTempFile("overview-bench", ".csv");
        try {
            String url = inProcess ? inJvm.baseUrl() : ExportBenchmark.awaitUrl(server);
            ManagementApiClient client = new ManagementApiClient(ConnectionSettings.of(url, null)
                    .withTimeouts(null, java.time.Duration.ofMinutes(2)));
            KeyExporter exporter = new KeyExporter(KeyPageSource.of(client));

            CountDownLatch started = new CountDownLatch(1);
            Platform.startup(started::countDown);
            started.await();
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            // Every update the overview hands the FX thread, timed as it runs there (the view's redraw included):
            // unlike the heartbeat's waits, this does not count time the thread spent waiting for a busy core.
            List<Double> taskMs = Collections.synchronizedList(new ArrayList<>());
            java.util.concurrent.Executor timedUi = task -> Platform.runLater(() -> {
                long t0 = System.nanoTime();
                task.run();
                taskMs.add((System.nanoTime() - t0) / 1e6);
            });
            List<Double> layoutMs = Collections.synchronizedList(new ArrayList<>());
            OverviewViewModel vm = onFx(() -> {
                OverviewViewModel model = new OverviewViewModel(client, timedUi, background,
                        Clock.systemUTC(), new Formats(Locale.US, java.time.ZoneOffset.UTC), UiSettings.inMemory());
                Stage stage = new Stage();
                Scene scene = new Scene(new OverviewView(model, new Formats(Locale.US, java.time.ZoneOffset.UTC)),
                        1280, 800);
                Stylesheets.apply(scene);
                stage.setScene(scene);
                stage.show();
                // each pulse's CSS and layout pass, timed on the FX thread (not in the updates' times above)
                long[] pulseStart = {0};
                scene.addPreLayoutPulseListener(() -> pulseStart[0] = System.nanoTime());
                scene.addPostLayoutPulseListener(() -> layoutMs.add((System.nanoTime() - pulseStart[0]) / 1e6));
                return model;
            });
            System.out.printf(Locale.ROOT, "Overview scan benchmark: %,d keys, demo gateway in %s at %s,"
                    + " %d rounds (median), %d cores%n", keys, inProcess ? "this JVM" : "a child JVM", url, rounds,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "Java %s, collectors %s, max heap %d MB, JVM options %s%n",
                    System.getProperty("java.version"), java.lang.management.ManagementFactory
                            .getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList(),
                    Runtime.getRuntime().maxMemory() >> 20, java.lang.management.ManagementFactory.getRuntimeMXBean()
                            .getInputArguments().stream().filter(a -> a.startsWith("-X")).toList());
            Path loadavg = Path.of("/proc/loadavg");
            if (Files.exists(loadavg)) {
                System.out.println("Load average (1, 5, 15 min): " + Files.readString(loadavg).trim());
            }
            // The export (the baseline) and the scan read the keys the same way: KeyPager's export pages of
            // 10,000, the next one asked for while this one is read, one page at a time.
            // Warm-up: the server sorts its keys, both JVMs compile the hot paths.
            export(exporter, csv);
            onFx(() -> {
                vm.setActive(true); // the first visit scans, and the spend chart asks for the logs
                return null;
            });
            awaitScan(vm);

            taskMs.clear();
            layoutMs.clear();
            long fxThread = onFx(() -> Thread.currentThread().getId());
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            List<Double> fxCpu = new ArrayList<>();
            List<Double> exports = new ArrayList<>();
            List<Double> scans = new ArrayList<>();
            List<Double> stalls = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            long gcBefore = gcMillis();
            List<Double> gcPauses = Collections.synchronizedList(new ArrayList<>());
            Runnable stopPauses = recordPauses(gcPauses);
            // the pauses' total while exporting and while scanning: [0] export, [1] scan
            double[] pausesBy = new double[2];
            java.util.concurrent.atomic.AtomicInteger phase = new java.util.concurrent.atomic.AtomicInteger();
            Runnable stopPhases = recordPauses(new java.util.AbstractList<Double>() {
                @Override
                public boolean add(Double ms) {
                    synchronized (pausesBy) {
                        pausesBy[phase.get()] += ms;
                    }
                    return true;
                }

                @Override
                public Double get(int index) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int size() {
                    return 0;
                }
            });
            double scanning = 0;
            // CPU seconds of this JVM and of the gateway's per export and per scan: less swayed by a busy machine
            // than the wall time (the heartbeat's own few tasks are in the scan's share).
            List<Double> exportCpu = new ArrayList<>();
            List<Double> scanCpu = new ArrayList<>();
            // MB allocated by this JVM's threads per export and per scan: what its collections have to clear, the
            // same on a busy machine as on a quiet one (unlike the times and the collectors' CPU)
            List<Double> exportMb = new ArrayList<>();
            List<Double> scanMb = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                long t = System.nanoTime();
                double c = cpu(server);
                long a = allocated();
                phase.set(0);
                export(exporter, csv);
                phase.set(1);
                exports.add(seconds(t));
                exportCpu.add(cpu(server) - c);
                exportMb.add((allocated() - a) / 1e6);
                long scanAllocated = allocated();
                double[] before = {0};
                long fx0 = threads.getThreadCpuTime(fxThread);
                List<Double> waits = heartbeat(() -> {
                    long s = System.nanoTime();
                    before[0] = cpu(server);
                    Platform.runLater(vm::scan);
                    awaitScan(vm);
                    scans.add(seconds(s));
                    scanCpu.add(cpu(server) - before[0]);
                });
                scanMb.add((allocated() - scanAllocated) / 1e6);
                fxCpu.add((threads.getThreadCpuTime(fxThread) - fx0) / 1e6);
                stalls.addAll(waits);
                ratios.add(scans.get(r) / exports.get(r));
                scanning += scans.get(r) + exports.get(r);
            }
            long gcDuring = gcMillis() - gcBefore;
            stopPauses.run();
            stopPhases.run();
            List<Double> idle = heartbeat(() -> Thread.sleep(3000));
            double exportMedian = median(exports);
            double scanMedian = median(scans);
            System.out.printf(Locale.ROOT, "  export CSV to a file (baseline): %.2f s %s%n", exportMedian, exports);
            System.out.printf(Locale.ROOT, "  overview scan, click to screen:  %.2f s %s, ratio %.2fx (aim <= 1.2x)%n",
                    scanMedian, scans, scanMedian / exportMedian);
            System.out.printf(Locale.ROOT, "  scan / export of the same round: median %.2fx %s%n", median(ratios),
                    ratios.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList());
            System.out.printf(Locale.ROOT, "  CPU of this JVM and the gateway's: export %.2f s, scan %.2f s"
                    + " (medians), ratio %.2fx%n", median(exportCpu), median(scanCpu),
                    median(scanCpu) / median(exportCpu));
            System.out.printf(Locale.ROOT, "  CPU, the least of the rounds: export %.2f s, scan %.2f s, ratio %.2fx%n",
                    pct(exportCpu, 0), pct(scanCpu, 0), pct(scanCpu, 0) / pct(exportCpu, 0));
            System.out.printf(Locale.ROOT, "  allocated by this JVM: export %.0f MB, scan %.0f MB (medians), ratio %.2fx%n",
                    median(exportMb), median(scanMb), median(scanMb) / median(exportMb));
            System.out.printf(Locale.ROOT, "  garbage collection during the rounds: %,d ms in %.1f s (all collectors)%n",
                    gcDuring, scanning);
            System.out.printf(Locale.ROOT, "  GC pauses during the rounds (the world stopped, FX thread too): %d, p99 %.1f"
                    + " ms, longest %.1f ms, %.0f ms in all%n", gcPauses.size(), gcPauses.isEmpty() ? 0
                    : pct(gcPauses, 0.99), gcPauses.isEmpty() ? 0 : pct(gcPauses, 1),
                    gcPauses.stream().mapToDouble(Double::doubleValue).sum());
            System.out.printf(Locale.ROOT, "  GC pauses in all: %.0f ms while exporting, %.0f ms while scanning%n",
                    pausesBy[0], pausesBy[1]);
            System.out.printf(Locale.ROOT, "  FX thread stall during the scans: p50 %.1f ms, p99 %.1f ms, max %.1f ms"
                    + " (aim < 50 ms); idle: p50 %.1f, p99 %.1f, max %.1f ms%n", pct(stalls, 0.5), pct(stalls, 0.99),
                    pct(stalls, 1), pct(idle, 0.5), pct(idle, 0.99), pct(idle, 1));
            System.out.printf(Locale.ROOT, "  the overview's own work on the FX thread: %d updates, longest %.1f ms, p99 %.1f"
                    + " ms (each timed as it runs, redraw included)%n", taskMs.size(), pct(taskMs, 1), pct(taskMs, 0.99));
            System.out.printf(Locale.ROOT, "  the FX thread's CPU per scan (heartbeat included): median %.0f ms %s;"
                    + " its CSS and layout passes: longest %.1f ms, p99 %.1f ms%n", median(fxCpu), fxCpu.stream()
                    .map(v -> String.format(Locale.ROOT, "%.0f", v)).toList(), pct(layoutMs, 1), pct(layoutMs, 0.99));
            System.out.printf(Locale.ROOT, "  keys needing attention: %,d of %,d%n",
                    onFx(() -> vm.shownProperty().get().result().attention().size()),
                    onFx(() -> vm.shownProperty().get().result().keys()));
            Path status = Path.of("/proc/self/status");
            if (inProcess) {
                System.gc();
                Runtime rt = Runtime.getRuntime();
                System.out.printf(Locale.ROOT, "  memory: peak RSS %s, heap in use after a full GC %.0f MB, committed %.0f"
                        + " MB, max heap %.0f MB%n", peakRss(), (rt.totalMemory() - rt.freeMemory()) / 1e6,
                        rt.totalMemory() / 1e6, rt.maxMemory() / 1e6);
            } else if (Files.exists(status)) {
                System.out.println("  this JVM's peak resident memory: " + Files.readAllLines(status).stream()
                        .filter(l -> l.startsWith("VmHWM")).map(l -> l.replaceAll("\\s+", " ")).findFirst()
                        .orElse("?"));
            }
            if (Files.exists(loadavg)) {
                System.out.println("Load average at the end: " + Files.readString(loadavg).trim());
            }
            Platform.exit();
        } finally {
            if (inJvm != null) {
                inJvm.close();
            } else {
                server.destroy();
                server.waitFor(10, TimeUnit.SECONDS);
            }
            Files.deleteIfExists(csv);
            background.shutdownNow();
        }
    }

    /**
     * Records each stop-the-world collection's duration, as the JVM reports it (G1, Serial and Parallel young and
     * full collections, G1's remark and cleanup; for ZGC and Shenandoah only their pauses, not their concurrent
     * cycles). Returns what stops the recording.
     */
    private static Runnable recordPauses(List<Double> pauses) {
        List<Runnable> stops = new ArrayList<>();
        for (java.lang.management.GarbageCollectorMXBean bean
                : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            String name = bean.getName();
            if (name.contains("Cycles") || !(bean instanceof javax.management.NotificationEmitter emitter)) {
                continue; // ZGC's and Shenandoah's cycles run beside the application
            }
            javax.management.NotificationListener listener = (n, h) -> {
                if (com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                        .equals(n.getType())) {
                    com.sun.management.GarbageCollectionNotificationInfo info = com.sun.management
                            .GarbageCollectionNotificationInfo.from((javax.management.openmbean.CompositeData)
                                    n.getUserData());
                    pauses.add((double) info.getGcInfo().getDuration());
                }
            };
            emitter.addNotificationListener(listener, null, null);
            stops.add(() -> {
                try {
                    emitter.removeNotificationListener(listener);
                } catch (javax.management.ListenerNotFoundException e) {
                    // already gone
                }
            });
        }
        return () -> stops.forEach(Runnable::run);
    }

    /** CPU seconds used so far by this JVM and the gateway's. */
    private static double cpu(Process server) {
        double own = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
        // in process (-Dbench.overview.inProcess=true) the gateway's CPU is this JVM's
        return own + (server == null ? 0 : server.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9)
                .orElse(0.0));
    }

    /** Bytes allocated so far by this JVM's live threads (the pools' threads outlive a round). */
    private static long allocated() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management
                .ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long b : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            sum += Math.max(0, b);
        }
        return sum;
    }

    private static long gcMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
    }

    private static void export(KeyExporter exporter, Path csv) throws Exception {
        exporter.toFile(csv, ExportRequest.allMatching(VirtualKeyQuery.all(), ExportFormat.CSV),
                ProgressListener.NONE, new Cancellation());
    }

    /** Waits (off the FX thread) until the scan asked for has put its result on screen, and the spend chart its. */
    private static void awaitScan(OverviewViewModel vm) throws Exception {
        long deadline = System.currentTimeMillis() + 300_000;
        // scanning goes true on the FX thread when scan() runs there; wait for it, then for it to end
        while (!onFx(() -> vm.scanningProperty().get()) && onFx(() -> vm.shownProperty().get() == null)) {
            Thread.sleep(5);
        }
        while (onFx(() -> vm.scanningProperty().get())) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the scan did not finish within 5 minutes");
            }
            Thread.sleep(5);
        }
        // the spend-over-time chart too: it is asked for when the keys are read and may come after the lists
        while (onFx(() -> vm.spendOverTime().loadingProperty().get())) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the spend chart did not load within 5 minutes");
            }
            Thread.sleep(5);
        }
        if (onFx(() -> vm.errorProperty().get()) != null) {
            throw new IllegalStateException(onFx(() -> vm.errorProperty().get()));
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    /** Runs the work while a task is queued on the FX thread every 5 ms; returns each task's wait in ms. */
    private static List<Double> heartbeat(Work work) throws Exception {
        List<Double> waits = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        timer.scheduleAtFixedRate(() -> {
            long queued = System.nanoTime();
            Platform.runLater(() -> waits.add((System.nanoTime() - queued) / 1e6));
        }, 0, 5, TimeUnit.MILLISECONDS);
        try {
            work.run();
        } finally {
            timer.shutdownNow();
        }
        return new ArrayList<>(waits);
    }

    private static double pct(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * p)));
    }

    private static double median(List<Double> values) {
        return pct(values, 0.5);
    }

    private static double seconds(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 1e7) / 100.0;
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }

    /** This process's peak resident size (VmHWM), Linux only. */
    static String peakRss() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                    .map(l -> String.format(Locale.ROOT, "%.0f MB", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0))
                    .findFirst().orElse("unknown");
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static void headless() {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
