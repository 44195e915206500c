package bifrostconsole.bench;

import bifrostconsole.api.ConnectionSettings;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.Secret;
import bifrostconsole.changes.ChangeEngine;
import bifrostconsole.changes.ChangeHistory;
import bifrostconsole.changes.DeletedKeys;
import bifrostconsole.changes.KeyChange;
import bifrostconsole.changes.KeyOutcome;
import bifrostconsole.config.UiSettings;
import bifrostconsole.demo.DemoDataGenerator;
import bifrostconsole.demo.DemoGateway;
import bifrostconsole.keyactions.ChangeDialog;
import bifrostconsole.keyactions.ChangeDialogViewModel;
import bifrostconsole.keyactions.KeyActionsView;
import bifrostconsole.keyactions.KeyActionsViewModel;
import bifrostconsole.keys.KeyBrowserView;
import bifrostconsole.keys.KeyBrowserViewModel;
import bifrostconsole.keys.KeyTableSettings;
import bifrostconsole.service.Scheduler;
import bifrostconsole.ui.Formats;
import bifrostconsole.ui.Stylesheets;
import bifrostconsole.ui.WindowService;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Does the window stay responsive while a bulk change runs? Drives the real key table and change dialog headlessly
 * (Monocle, software rendering) against the demo gateway, by default in a child JVM as a remote gateway would be
 * ({@code -Dbench.writesfx.gateway=in-process}: in this JVM, as the demo workspace runs it): selects all
 * 1,000 matching keys, previews (every key read afresh and planned), confirms, and waits for the result list and
 * the table's refresh; first disable, then enable. Meanwhile a heartbeat records how long the FX thread took to
 * pick up a task queued every 5 ms (its stall; aim: never over 50 ms), next to the same heartbeat while idle, and
 * every update the view-models hand the FX thread is timed as it runs there.
 * Run: {@code mvn -B -q -Pbench test-compile exec:java -Dbench=writes-fx} (after {@code mvn -B -DskipTests package}
 * for target/lib), or {@code java -Dbench=writes-fx -cp "target/classes:target/test-classes:$(cat
 * target/test-cp.txt)" bifrostconsole.bench.Benchmarks}.
 */
final class BulkWriteFxBenchmark implements Benchmarks.Benchmark {
    private static final int KEYS = 1_000;

    @Override
    public String description() {
        return "FX-thread stalls while the window disables then enables " + KEYS + " keys in bulk (preview, run,"
                + " result list)";
    }

    @Override
    public void run(PrintStream out) throws Exception {
        FxStalls.startHeadless();
        Path data = Files.createTempDirectory("bulk-write-fx-bench");
        // As the console's background pool (BifrostConsoleApp): below the FX thread with the window's priority options.
        ExecutorService background = Executors.newCachedThreadPool(
                bifrostconsole.threads.BackgroundThreads.named("bench-background"));
        List<FxStalls.Update> uiTasks = Collections.synchronizedList(new ArrayList<>());
        Executor ui = FxStalls.timedUi(uiTasks);
        boolean inProcess = "in-process".equals(System.getProperty("bench.writesfx.gateway", "child"));
        try (Gateway gateway = inProcess ? Gateway.inProcess() : Gateway.child(data)) {
            out.println("Windows: " + FxStalls.platform() + (FxStalls.desktop() ? "" : " (-Dbench.fx=desktop: on"
                    + " the display in DISPLAY, e.g. under xvfb-run)"));
            out.println("Gateway: " + gateway.mode() + " at " + gateway.baseUrl() + (inProcess
                    ? " (-Dbench.writesfx.gateway=in-process: in this JVM, as the demo workspace runs it)"
                    : " (the default, as a remote server; -Dbench.writesfx.gateway=in-process runs it in this JVM)"));
            ManagementApiClient client = new ManagementApiClient(ConnectionSettings.of(gateway.baseUrl(),
                    Secret.of(API_KEY)));
            Formats formats = new Formats(Locale.US, ZoneOffset.UTC);
            Scheduler scheduler = Scheduler.onUiExecutor(Scheduler.newTimer(), ui);
            WindowService windows = new WindowService(scene -> Stylesheets.apply(scene), List.of());
            Stage[] main = new Stage[1];
            KeyActionsViewModel actions = FxStalls.onFx(() -> {
                KeyBrowserViewModel browser = new KeyBrowserViewModel(client, ui, new KeyTableSettings(
                        UiSettings.inMemory(), Runnable::run), scheduler, Clock.systemUTC(), formats);
                ChangeEngine engine = new ChangeEngine(client, ChangeHistory.in(data), DeletedKeys.in(data),
                        background, Clock.systemUTC());
                KeyActionsViewModel model = new KeyActionsViewModel(engine, client, browser, ui, background,
                        Clock.systemUTC(), formats, scheduler);
                KeyBrowserView view = new KeyBrowserView(browser);
                KeyActionsView.install(view, model, windows);
                Scene scene = new Scene(view, 1280, 800);
                Stylesheets.apply(scene);
                main[0] = new Stage();
                main[0].setScene(scene);
                main[0].show();
                windows.decorateMain(main[0], scene);
                return model;
            });
            actions.browser().firstPageShown().get(1, TimeUnit.MINUTES);
            fxThreadId = FxStalls.onFx(() -> Thread.currentThread().getId());
            // A first bulk change warms up the code paths (JIT, CSS of the dialog) before anything is measured.
            change(actions, windows, new KeyChange.SetActive(true), Collections.synchronizedList(new ArrayList<>()));

            List<Double> idle = FxStalls.heartbeat(() -> Thread.sleep(3000));
            uiTasks.clear();
            List<String> rounds = new ArrayList<>();
            List<Phase> phases = Collections.synchronizedList(new ArrayList<>());
            double cpuBefore = processCpuSeconds();
            double gatewayCpuBefore = gateway.cpuSeconds();
            long gcBefore = gcMillis();
            java.util.Map<String, Long> gcCountsBefore = gcCounts();
            long threadsBefore = java.lang.management.ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();
            long rendererBefore = FxStalls.rendererCpuNanos();
            long wallBefore = System.nanoTime();
            List<FxStalls.Beat> beats;
            java.util.Map<String, Integer> frames;
            java.util.Map<String, Integer> resizes;
            long self = ProcessHandle.current().pid();
            // Every 250 ms (-Dbench.writesfx.threadCpuMs, 0: off): at 50 ms the sampler's own reads of /proc were
            // 240-270 ms of CPU in the sending phase, a competitor of the FX thread itself.
            long threadCpuMs = Long.getLong("bench.writesfx.threadCpuMs", 250);
            ThreadCpu threadCpu = new ThreadCpu(gateway.pid() == self ? List.of(self) : List.of(self, gateway.pid()),
                    List.of("", "gateway: "), threadCpuMs <= 0 ? Long.MAX_VALUE / 2_000_000 : threadCpuMs);
            try (FxStalls.Frames counted = new FxStalls.Frames(); threadCpu) {
                beats = FxStalls.beats(() -> {
                    rounds.add(change(actions, windows, new KeyChange.SetActive(false), phases));
                    rounds.add(change(actions, windows, new KeyChange.SetActive(true), phases));
                });
                frames = counted.counts();
                resizes = counted.resizes();
            }
            double wall = (System.nanoTime() - wallBefore) / 1e9;
            double renderer = (FxStalls.rendererCpuNanos() - rendererBefore) / 1e9;
            double consoleCpu = processCpuSeconds() - cpuBefore;
            double gatewayCpu = gateway.cpuSeconds() - gatewayCpuBefore;
            long gc = gcMillis() - gcBefore;
            java.util.Map<String, Long> gcCounts = new java.util.LinkedHashMap<>(gcCounts());
            gcCounts.replaceAll((name, n) -> n - gcCountsBefore.getOrDefault(name, 0L));
            long threads = java.lang.management.ManagementFactory.getThreadMXBean().getTotalStartedThreadCount()
                    - threadsBefore;
            List<Double> stalls = beats.stream().map(FxStalls.Beat::waitMs).toList();
            Path loadavg = Path.of("/proc/loadavg");
            if (Files.exists(loadavg)) {
                out.println("Load average (1, 5, 15 min): " + Files.readString(loadavg).trim() + " on "
                        + Runtime.getRuntime().availableProcessors() + " cores");
            }
            rounds.forEach(out::println);
            // CPU, unlike the stalls, hardly depends on the load: what both changes cost the console's JVM (the
            // gateway included when it runs in it) and the gateway's child JVM.
            // Threads started: on Java 17 with two cores CompletableFuture's default pool (where the HTTP client
            // completes each sendAsync) starts a thread per task; Java 25 (the app-image's runtime) uses the common pool.
            out.printf(Locale.ROOT, "CPU during both changes: this JVM %.2f s%s; its collectors %d ms; %,d threads"
                    + " started in it%n", consoleCpu, inProcess ? " (the gateway in it)"
                    : String.format(Locale.ROOT, ", the gateway's JVM %.2f s", gatewayCpu), gc, threads);
            // The render thread paints each frame while the FX thread goes on; the FX thread's next pulse that has
            // something to draw waits for it (QuantumToolkit's PaintCollector), so a slow frame is a stall.
            out.printf(Locale.ROOT, "Frames painted during both changes (%.1f s): %s; the render thread's CPU %.2f s%n",
                    wall, frames.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %,d (%.1f/s)",
                            e.getKey(), e.getValue(), e.getValue() / wall))
                            .collect(java.util.stream.Collectors.joining(", ")), renderer);
            out.println("Window width or height changes during both changes: " + resizes);
            // The collections behind the stalls' blocked parts (each young or mixed pause stops the FX thread; a
            // concurrent cycle adds a Remark and a Cleanup pause and a marking thread on the shared cores), with
            // what the heap and the process hold at the end: the window launcher's heap options trade these.
            java.lang.management.MemoryUsage heap = java.lang.management.ManagementFactory.getMemoryMXBean()
                    .getHeapMemoryUsage();
            out.printf(Locale.ROOT, "Collections during both changes: %s; heap at the end %d MB in use, %d MB"
                    + " committed; this JVM's peak RSS so far %s%n", gcCounts, heap.getUsed() >> 20,
                    heap.getCommitted() >> 20, peakRss());
            out.printf(Locale.ROOT, "FX thread stall during both bulk changes: p50 %.1f ms, p99 %.1f ms, max %.1f ms"
                    + " (aim: max < 50 ms); idle: p50 %.1f, p99 %.1f, max %.1f ms%n", FxStalls.pct(stalls, 0.5),
                    FxStalls.pct(stalls, 0.99), FxStalls.pct(stalls, 1), FxStalls.pct(idle, 0.5),
                    FxStalls.pct(idle, 0.99), FxStalls.pct(idle, 1));
            // Each beat counts in the phase it was queued in: the longest stall and p99 per phase, both changes.
            for (String name : PHASES) {
                List<Double> in = beats.stream().filter(b -> name.equals(phaseAt(phases, b.queuedAt())))
                        .map(FxStalls.Beat::waitMs).toList();
                List<Double> cpu = beats.stream().filter(b -> name.equals(phaseAt(phases, b.queuedAt())))
                        .map(FxStalls.Beat::cpuMs).toList();
                // The FX thread's CPU time between one beat and the next: what a stall would be with a core to
                // itself, which on a shared, loaded machine the waits alone cannot tell apart from waiting for one.
                out.printf(Locale.ROOT, "  %-44s %5d beats, p99 %6.1f ms, max %6.1f ms; FX CPU between beats p99"
                        + " %5.1f, max %5.1f ms%n", name, in.size(), FxStalls.pct(in, 0.99), FxStalls.pct(in, 1),
                        FxStalls.pct(cpu, 0.99), FxStalls.pct(cpu, 1));
                // The longest stall split: the FX thread's CPU, its wait for a core, the rest blocked (renderer,
                // GC pause, lock); and the longest blocked part of any beat in the phase.
                beats.stream().filter(b -> name.equals(phaseAt(phases, b.queuedAt())))
                        .max(java.util.Comparator.comparingDouble(FxStalls.Beat::waitMs)).ifPresent(w ->
                                out.printf(Locale.ROOT, "  %-44s longest: %.1f ms = FX CPU %.1f + waiting for a core"
                                        + " %.1f + blocked %.1f (queued at %.3f s, -Xlog's uptime); longest blocked"
                                        + " part of any beat %.1f ms%n", "", w.waitMs(), w.cpuMs(), w.runQueueMs(),
                                        w.blockedMs(), uptimeSeconds(w.queuedAt()), beats.stream().filter(b -> name.equals(
                                        phaseAt(phases, b.queuedAt()))).mapToDouble(FxStalls.Beat::blockedMs).max()
                                        .orElse(0)));
            }
            synchronized (phases) {
                if (openEvent != null) {
                    openEvent.commit();
                    openEvent = null;
                }
            }
            long end = fxCpuNow();
            long rendererEnd = FxStalls.rendererCpuNanos();
            java.util.Map<String, Double> cpu = new java.util.LinkedHashMap<>();
            java.util.Map<String, Double> rendererCpu = new java.util.LinkedHashMap<>();
            java.util.Map<String, Long> painted = new java.util.LinkedHashMap<>();
            long paintedEnd = FxStalls.Frames.PAINTED.get();
            for (int i = 0; i < phases.size(); i++) {
                long until = i + 1 < phases.size() ? phases.get(i + 1).fxCpu() : end;
                cpu.merge(phases.get(i).name(), (until - phases.get(i).fxCpu()) / 1e6, Double::sum);
                long rendererUntil = i + 1 < phases.size() ? phases.get(i + 1).rendererCpu() : rendererEnd;
                rendererCpu.merge(phases.get(i).name(), (rendererUntil - phases.get(i).rendererCpu()) / 1e6,
                        Double::sum);
                long paintedUntil = i + 1 < phases.size() ? phases.get(i + 1).painted() : paintedEnd;
                painted.merge(phases.get(i).name(), paintedUntil - phases.get(i).painted(), Long::sum);
            }
            // What shares the two cores in each phase: every thread's CPU, this JVM's and the gateway's.
            out.println("Threads' CPU per phase, both changes (ms, /proc's schedstat sampled every " + threadCpuMs
                    + " ms; a phase shorter than that is blurred):");
            for (String name : PHASES) {
                java.util.Map<String, Double> byThread = new java.util.HashMap<>();
                for (int i = 0; i < phases.size(); i++) {
                    if (phases.get(i).name().equals(name)) {
                        threadCpu.addBetween(phases.get(i).start(), i + 1 < phases.size() ? phases.get(i + 1).start()
                                : wallBefore + (long) (wall * 1e9), byThread);
                    }
                }
                out.printf(Locale.ROOT, "  %-44s %s%n", name, ThreadCpu.top(byThread, 9));
            }
            out.printf(Locale.ROOT, "FX thread CPU per phase, both changes (ms): %s%n", cpu.entrySet().stream()
                    .map(e -> String.format(Locale.ROOT, "%s %.0f", e.getKey(), e.getValue()))
                    .collect(java.util.stream.Collectors.joining("; ")));
            out.printf(Locale.ROOT, "render thread CPU per phase, both changes (ms; windows painted): %s%n",
                    rendererCpu.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.0f (%d)", e.getKey(),
                            e.getValue(), painted.get(e.getKey()))).collect(java.util.stream.Collectors.joining("; ")));
            List<Double> times = uiTasks.stream().map(FxStalls.Update::ms).toList();
            FxStalls.Update longest = FxStalls.longest(uiTasks);
            out.printf(Locale.ROOT, "the view-models' own updates on the FX thread: %,d, p99 %.2f ms, longest %.1f ms"
                    + " (%s; each timed as it runs)%n", times.size(), FxStalls.pct(times, 0.99), longest.ms(),
                    longest.what());
            synchronized (uiTasks) {
                out.println("  the five longest: " + uiTasks.stream()
                        .sorted(java.util.Comparator.comparingDouble(FxStalls.Update::ms).reversed()).limit(5)
                        .map(u -> String.format(Locale.ROOT, "%.1f ms %s", u.ms(), u.what()
                                .replaceAll("\\$\\$Lambda\\$.*", " (lambda)").replace("bifrostconsole.", "")))
                        .collect(java.util.stream.Collectors.joining("; ")));
            }
            FxStalls.onFx(() -> {
                main[0].close();
                return null;
            });
        } finally {
            background.shutdownNow();
        }
    }

    private static final String API_KEY = "bench-key";

    /**
     * The demo gateway the console talks to: by default a child JVM ({@code Launcher demo-server}, as the export
     * benchmark starts one), so that, as with a real, remote gateway, its threads and garbage are not the console's
     * (its CPU still shares the machine's cores); {@code -Dbench.writesfx.gateway=in-process} runs it in this JVM,
     * as the demo workspace does.
     */
    private interface Gateway extends AutoCloseable {
        String baseUrl();

        String mode();

        /** The CPU time of the gateway's own process so far; 0 in this JVM. */
        default double cpuSeconds() {
            return 0;
        }

        /** The gateway's process id; this JVM's when it runs in it. */
        default long pid() {
            return ProcessHandle.current().pid();
        }

        @Override
        void close() throws Exception;

        static Gateway inProcess() throws java.io.IOException {
            DemoGateway gateway = DemoGateway.start(DemoGateway.Options.of(
                    DemoDataGenerator.generate(42, KEYS, Instant.now())).withApiKey(API_KEY));
            return new Gateway() {
                @Override
                public String baseUrl() {
                    return gateway.baseUrl();
                }

                @Override
                public String mode() {
                    return "in this JVM (in-process)";
                }

                @Override
                public void close() {
                    gateway.close();
                }
            };
        }

        /**
         * Starts {@code demo-server} with this JVM's classpath (the same build) and reads its URL; the key goes in
         * a file, not on the command line. The child is killed on close and, should this JVM end first (Ctrl+C, an
         * uncaught error), by a shutdown hook. {@code -Dbench.writesfx.serverOptions="..."} (split at spaces) are
         * the child's JVM options, e.g. a JFR recording.
         */
        static Gateway child(Path dir) throws Exception {
            Path keyFile = Files.writeString(dir.resolve("api-key"), API_KEY);
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString()));
            String options = System.getProperty("bench.writesfx.serverOptions", "").strip();
            if (!options.isEmpty()) {
                command.addAll(List.of(options.split("\\s+")));
            }
            // Under exec:java the application's classes are not on this JVM's class path: the packaged ones then.
            String classpath = ClassLoader.getSystemClassLoader().getResource("bifrostconsole/Launcher.class") != null
                    ? System.getProperty("java.class.path") : "target/classes:target/lib/*";
            command.addAll(List.of("-cp", classpath, "bifrostconsole.Launcher",
                    "demo-server", "--port", "0", "--keys", String.valueOf(KEYS), "--seed", "42", "--api-key-file",
                    keyFile.toString()));
            Process server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            Thread kill = new Thread(server::destroyForcibly, "bench-kill-gateway");
            Runtime.getRuntime().addShutdownHook(kill);
            String url;
            try {
                url = ExportBenchmark.awaitUrl(server);
            } catch (Exception | Error e) {
                stop(server, kill);
                throw e;
            }
            return new Gateway() {
                @Override
                public String baseUrl() {
                    return url;
                }

                @Override
                public String mode() {
                    return "in a child JVM (pid " + server.pid() + ")";
                }

                @Override
                public long pid() {
                    return server.pid();
                }

                @Override
                public double cpuSeconds() {
                    return server.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
                }

                @Override
                public void close() throws InterruptedException {
                    stop(server, kill);
                }
            };
        }

        private static void stop(Process server, Thread kill) throws InterruptedException {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            try {
                Runtime.getRuntime().removeShutdownHook(kill);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }

    private static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /**
     * A {@link System#nanoTime} instant as the JVM's uptime in seconds, the time stamp of {@code -Xlog:...:uptime}
     * (e.g. {@code -Xlog:gc*,safepoint:file=gc.txt:uptime}): a stall lines up with the pauses logged around it.
     */
    private static double uptimeSeconds(long nanoTime) {
        long now = System.nanoTime();
        return (java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() - (now - nanoTime) / 1e6) / 1e3;
    }

    /** Each of this JVM's collectors' collections so far, by name (G1: young and mixed pauses; concurrent cycles). */
    private static java.util.Map<String, Long> gcCounts() {
        java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (var bean : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            counts.put(bean.getName(), bean.getCollectionCount());
        }
        return counts;
    }

    /** VmHWM from /proc/self/status ("n/a" where there is none). */
    private static String peakRss() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:"))
                    .map(l -> (Long.parseLong(l.replaceAll("\\D", "")) >> 10) + " MB").findFirst().orElse("n/a");
        } catch (java.io.IOException | RuntimeException e) {
            return "n/a";
        }
    }

    /** The time this JVM's collectors took so far, ms (G1: its young and mixed pauses and concurrent cycles). */
    private static long gcMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static final List<String> PHASES = List.of("select all, read and plan, show the preview",
            "sending (progress bar)", "result list shown, table refreshing", "after the refresh, dialog open",
            "closing the dialog");

    /** A phase of a change, from {@code start} ({@link System#nanoTime}) to the next phase's start. */
    private record Phase(String name, long start, long fxCpu, long rendererCpu, long painted) {
        Phase(String name, long start) {
            this(name, start, fxCpuNow(), FxStalls.rendererCpuNanos(), FxStalls.Frames.PAINTED.get());
        }
    }

    private static volatile long fxThreadId = -1;

    /** The FX thread's CPU time so far, ns: unlike the stalls, it hardly depends on the load. */
    private static long fxCpuNow() {
        return fxThreadId < 0 ? 0 : java.lang.management.ManagementFactory.getThreadMXBean()
                .getThreadCpuTime(fxThreadId);
    }

    /** Marks a phase in a JFR recording (when one runs), so its FX-thread samples can be told apart. */
    @jdk.jfr.Name("bifrostconsole.BulkPhase")
    @jdk.jfr.Label("Bulk change phase")
    static final class PhaseEvent extends jdk.jfr.Event {
        @jdk.jfr.Label("What")
        String what;
    }

    private static PhaseEvent openEvent;

    /** Adds {@code p} to {@code phases}, ending the JFR event of the phase before it and starting its own. */
    private static void enter(List<Phase> phases, Phase p) {
        synchronized (phases) {
            if (openEvent != null) {
                openEvent.commit();
            }
            openEvent = new PhaseEvent();
            openEvent.what = p.name();
            openEvent.begin();
            phases.add(p);
        }
    }

    private static String phaseAt(List<Phase> phases, long t) {
        String in = null;
        synchronized (phases) {
            for (Phase p : phases) {
                if (p.start() <= t) {
                    in = p.name();
                }
            }
        }
        return in;
    }

    /** Selects all matching keys, previews, confirms and waits for the results and the table's refresh. */
    private static String change(KeyActionsViewModel actions, WindowService windows, KeyChange change,
                                 List<Phase> phases) throws Exception {
        long start = System.nanoTime();
        enter(phases, new Phase(PHASES.get(0), start));
        ChangeDialogViewModel dialog = FxStalls.onFx(() -> {
            actions.selectAllMatching();
            ChangeDialogViewModel vm = actions.change(change, actions.selectionTarget());
            ChangeDialog.show(windows, windows.mainWindow(), vm);
            return vm;
        });
        await(dialog.stepProperty(), s -> s == ChangeDialogViewModel.Step.PREVIEW);
        double preview = (System.nanoTime() - start) / 1e9;
        // The admin clicks a confirm button that is on screen: the preview's first frame (its list's cells made and
        // styled) belongs to the preview, not to the sending that an instant click would overlap it with.
        FxStalls.afterNextPulse();
        long sent = System.nanoTime();
        enter(phases, new Phase(PHASES.get(1), sent));
        FxStalls.onFx(() -> {
            dialog.confirm();
            return null;
        });
        long[] finishedAt = new long[1];
        await(dialog.stepProperty(), s -> {
            boolean finished = s == ChangeDialogViewModel.Step.FINISHED;
            if (finished) {
                finishedAt[0] = System.nanoTime(); // on the FX thread, as the step changes
                enter(phases, new Phase(PHASES.get(2), finishedAt[0]));
            }
            return finished;
        });
        double run = (finishedAt[0] - sent) / 1e9;
        long[] refreshedAt = new long[1];
        await(actions.browser().loadingProperty(), loading -> {
            if (!loading) {
                refreshedAt[0] = System.nanoTime();
            }
            return !loading;
        });
        FxStalls.afterNextPulse(); // the refreshed rows laid out and drawn
        double refresh = (System.nanoTime() - finishedAt[0]) / 1e9;
        enter(phases, new Phase(PHASES.get(3), System.nanoTime()));
        Thread.sleep(200); // the dialog stays open a moment, as it would for the admin to read it
        long closing = System.nanoTime();
        enter(phases, new Phase(PHASES.get(4), closing));
        double closeCall = FxStalls.onFx(() -> {
            long t0 = System.nanoTime();
            ((Stage) javafx.stage.Window.getWindows().stream().filter(w -> w instanceof Stage s
                    && change.label().equals(s.getTitle())).findFirst().orElseThrow()).close();
            return (System.nanoTime() - t0) / 1e6;
        });
        FxStalls.afterNextPulse();
        double close = (System.nanoTime() - closing) / 1e3 / 1e3;
        long done = dialog.result().count(KeyOutcome.Status.DONE);
        return String.format(Locale.ROOT, "%-8s %,d keys: preview (read and plan all) %.2f s, run %.2f s, result"
                        + " list and table refresh %.0f ms (table loaded after %.0f ms), close %.0f ms (close() itself"
                        + " %.1f ms); %,d done, %,d already so, %,d not done", change.label(),
                dialog.result().outcomes().size(), preview, run, refresh * 1000,
                (refreshedAt[0] - finishedAt[0]) / 1e6, close, closeCall, done,
                dialog.result().count(KeyOutcome.Status.UNCHANGED),
                dialog.result().outcomes().size() - done - dialog.result().count(KeyOutcome.Status.UNCHANGED));
    }

    private static <T> void await(ObservableValue<T> value, Predicate<T> reached) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            if (reached.test(value.getValue())) {
                done.complete(null);
            }
            value.addListener((o, a, b) -> {
                if (reached.test(b)) {
                    done.complete(null);
                }
            });
        });
        done.get(10, TimeUnit.MINUTES);
    }
}
