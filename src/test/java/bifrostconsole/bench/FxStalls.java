package bifrostconsole.bench;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Measuring how responsive the window stays while work runs, for benchmarks that drive real views headlessly
 * (Monocle, software rendering): a heartbeat queues a task on the FX thread every 5 ms and records how long each
 * waited (the FX thread's stall, which includes waiting for a busy core), and a timed UI executor records how long
 * each update a view-model hands the FX thread takes to run there.
 */
final class FxStalls {
    private FxStalls() {
    }

    /** Something measured that may fail. */
    interface Work {
        void run() throws Exception;
    }

    /**
     * Starts JavaFX without a display (Monocle's headless screen, Prism's software renderer), in the light theme; with
     * {@code -Dbench.fx=desktop} on the display in {@code DISPLAY} instead (GTK, e.g. under {@code xvfb-run}), as the
     * window runs on a Linux desktop. The two differ in what is drawn: Monocle has no window manager, so every frame
     * copies every window to its screen and a window with nothing changed is painted whole (the main window behind
     * a change dialog, at each progress update); on a desktop only the changed windows' changed regions are painted.
     */
    static void startHeadless() throws InterruptedException {
        if (!desktop()) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("prism.text", "t2k");
            System.setProperty("java.awt.headless", "true");
        }
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyStarted) {
            started.countDown(); // an earlier benchmark of the same run started it: -Dbench=writes-fx,table
        }
        started.await();
        Platform.runLater(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    /** {@code -Dbench.fx=desktop}: the benchmark's windows are on a real display, not Monocle's headless screen. */
    static boolean desktop() {
        return "desktop".equals(System.getProperty("bench.fx", "headless"));
    }

    /** Where the windows are and what draws them, e.g. "Monocle headless, Prism sw". */
    static String platform() {
        String pipeline;
        try {
            pipeline = com.sun.prism.GraphicsPipeline.getPipeline().getClass().getSimpleName();
        } catch (RuntimeException | LinkageError e) {
            pipeline = "unknown (" + e + ")";
        }
        return (desktop() ? "desktop on " + System.getenv("DISPLAY") + " (" + com.sun.glass.ui.Application
                .GetApplication().getClass().getSimpleName() + ")" : "Monocle headless") + ", Prism " + pipeline;
    }

    /**
     * The render thread's CPU time so far, ns (-1 when it is not found): it paints the frames the FX thread waits
     * for at the start of its next pulse.
     */
    static long rendererCpuNanos() {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("QuantumRenderer")) {
                return threads.getThreadCpuTime(t.getId());
            }
        }
        return -1;
    }

    /**
     * Counts the frames the render thread paints per window: every window that is or becomes showing while it runs
     * (under Monocle every window is painted in every frame; on a desktop only the windows that changed).
     */
    static final class Frames implements AutoCloseable {
        /** Windows painted so far, all windows and frames together, while a {@code Frames} counts. */
        static final java.util.concurrent.atomic.AtomicLong PAINTED = new java.util.concurrent.atomic.AtomicLong();

        private final java.util.Map<javafx.scene.Scene, java.util.concurrent.atomic.AtomicInteger> trackers =
                new java.util.IdentityHashMap<>();
        private final javafx.collections.ListChangeListener<javafx.stage.Window> added = c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(this::track);
            }
        };
        private final java.util.Map<javafx.scene.Scene, String> names = new java.util.IdentityHashMap<>();
        private final java.util.Map<String, Integer> resizes = new java.util.TreeMap<>();

        Frames() throws Exception {
            onFx(() -> {
                javafx.stage.Window.getWindows().forEach(this::track);
                javafx.stage.Window.getWindows().addListener(added);
                return null;
            });
        }

        private void track(javafx.stage.Window w) {
            javafx.scene.Scene scene = w.getScene();
            if (scene != null && !trackers.containsKey(scene)) {
                var count = new java.util.concurrent.atomic.AtomicInteger();
                trackers.put(scene, count);
                // Run on the render thread as each of the scene's frames is painted.
                com.sun.javafx.perf.PerformanceTracker.getSceneTracker(scene).setOnRenderedFrameTask(() -> {
                    count.incrementAndGet();
                    PAINTED.incrementAndGet();
                });
                names.put(scene, scene.getRoot().getClass().getSimpleName());
                // A resized window gets a new back buffer and is laid out and painted whole.
                javafx.beans.InvalidationListener resized = o -> resizes.merge(names.get(scene), 1, Integer::sum);
                w.widthProperty().addListener(resized);
                w.heightProperty().addListener(resized);
            }
        }

        /** How often windows changed width or height while counted, per root class. */
        java.util.Map<String, Integer> resizes() throws Exception {
            return onFx(() -> new java.util.TreeMap<>(resizes));
        }

        /** Frames painted per window root class (summed over that class's windows), on the FX thread. */
        java.util.Map<String, Integer> counts() throws Exception {
            return onFx(() -> {
                java.util.Map<String, Integer> byRoot = new java.util.TreeMap<>();
                trackers.forEach((scene, count) -> byRoot.merge(names.get(scene), count.get(), Integer::sum));
                return byRoot;
            });
        }

        @Override
        public void close() throws Exception {
            onFx(() -> {
                javafx.stage.Window.getWindows().removeListener(added);
                trackers.keySet().forEach(com.sun.javafx.perf.PerformanceTracker::releaseSceneTracker);
                return null;
            });
        }
    }

    /** Runs {@code work} while a task is queued on the FX thread every 5 ms; returns each task's wait in ms. */
    static List<Double> heartbeat(Work work) throws Exception {
        return beats(work).stream().map(Beat::waitMs).toList();
    }

    /**
     * One heartbeat: when it was queued ({@link System#nanoTime}), how long it waited for the FX thread, and the FX
     * thread's CPU time since the beat before it ran (the work that held it up, without the time spent waiting for
     * a core or in a GC pause).
     */
    record Beat(long queuedAt, double waitMs, double cpuMs, double runQueueMs) {
        /**
         * What of the wait was neither the FX thread's CPU nor its wait for a core: blocked (on the renderer at the
         * start of a pulse, in a GC pause, on a lock). Approximate: the CPU and the run-queue wait are since the beat
         * before, which ran at most 5 ms before this one was queued (less when beats queue up behind a stall).
         */
        double blockedMs() {
            return Math.max(0, waitMs - cpuMs - runQueueMs);
        }
    }

    /**
     * One thread's time spent runnable but waiting for a core so far (Linux schedstat's second field): on a shared,
     * loaded machine most of a long stall can be this, which no change to the window can remove. Opened on, and
     * read only by, the thread it measures; each read reuses its buffer (a fresh read of the file per beat was
     * 18 MB of the FX thread's garbage in a run, a tenth of the console's, and so part of the GC it measures).
     */
    static final class RunQueue {
        private final java.nio.channels.FileChannel file;
        private final java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(128);

        /** The calling thread's; null where there is no schedstat. */
        static RunQueue ofThisThread() {
            try {
                return new RunQueue(java.nio.channels.FileChannel.open(java.nio.file.Path.of(
                        "/proc/thread-self/schedstat")));
            } catch (java.io.IOException | RuntimeException e) {
                return null;
            }
        }

        private RunQueue(java.nio.channels.FileChannel file) {
            this.file = file;
        }

        /** The wait so far, ns; -1 when it cannot be read. */
        long nanos() {
            try {
                buffer.clear();
                file.read(buffer, 0);
                int i = 0;
                int n = buffer.position();
                while (i < n && buffer.get(i) != ' ') {
                    i++;
                }
                long v = 0;
                for (i++; i < n && buffer.get(i) >= '0' && buffer.get(i) <= '9'; i++) {
                    v = v * 10 + buffer.get(i) - '0';
                }
                return v;
            } catch (java.io.IOException e) {
                return -1;
            }
        }

        void close() {
            try {
                file.close();
            } catch (java.io.IOException ignored) {
                // read-only
            }
        }
    }

    /** {@link #heartbeat}, each wait with the time it was queued, to tell which phase of the work it fell in. */
    static List<Beat> beats(Work work) throws Exception {
        List<Beat> waits = Collections.synchronizedList(new ArrayList<>());
        long[] lastBeatCpu = {-1}; // the FX thread's CPU time (ns) as the last beat ran; only the FX thread uses it
        long[] lastBeatQueue = {-1}; // and its run-queue wait (ns)
        RunQueue[] queueOfFx = new RunQueue[1]; // opened by the first beat, on the FX thread
        boolean[] opened = new boolean[1];
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        timer.scheduleAtFixedRate(() -> {
            long queued = System.nanoTime();
            StallEvent event = new StallEvent();
            event.begin();
            Platform.runLater(() -> {
                double ms = (System.nanoTime() - queued) / 1e6;
                long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                if (!opened[0]) {
                    opened[0] = true;
                    queueOfFx[0] = RunQueue.ofThisThread();
                }
                long queue = queueOfFx[0] == null ? -1 : queueOfFx[0].nanos();
                waits.add(new Beat(queued, ms, lastBeatCpu[0] < 0 ? 0 : (cpu - lastBeatCpu[0]) / 1e6,
                        lastBeatQueue[0] < 0 || queue < 0 ? 0 : (queue - lastBeatQueue[0]) / 1e6));
                lastBeatCpu[0] = cpu;
                lastBeatQueue[0] = queue;
                event.waitMs = ms;
                event.commit();
            });
        }, 0, 5, TimeUnit.MILLISECONDS);
        try {
            work.run();
        } finally {
            timer.shutdownNow();
        }
        // Beats still queued behind a stall count too: let the FX thread run them before reading.
        onFx(() -> {
            if (queueOfFx[0] != null) {
                queueOfFx[0].close();
            }
            return null;
        });
        return new ArrayList<>(waits);
    }

    /**
     * A heartbeat's wait, from its queueing to its run, in a JFR recording (when one runs, and over the threshold it
     * is given, e.g. {@code bifrostconsole.FxStall#threshold=20ms}): the FX thread's samples inside it say what
     * held the thread up.
     */
    @jdk.jfr.Name("bifrostconsole.FxStall")
    @jdk.jfr.Label("FX thread stall (heartbeat wait)")
    @jdk.jfr.Threshold("20 ms")
    static final class StallEvent extends jdk.jfr.Event {
        @jdk.jfr.Label("Wait (ms)")
        double waitMs;
    }

    /** An update a view-model handed the FX thread: how long it ran there, and its class (a lambda's names where it was written). */
    record Update(double ms, String what) {
    }

    /** {@code Platform::runLater} that records each update's run time into {@code updates}. */
    static Executor timedUi(List<Update> updates) {
        return task -> Platform.runLater(() -> {
            long t0 = System.nanoTime();
            task.run();
            updates.add(new Update((System.nanoTime() - t0) / 1e6, task.getClass().getName()));
        });
    }

    /** The longest of {@code updates}, or null. */
    static Update longest(List<Update> updates) {
        synchronized (updates) {
            return updates.stream().max(java.util.Comparator.comparingDouble(Update::ms)).orElse(null);
        }
    }

    static <T> T onFx(Callable<T> c) throws Exception {
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

    /**
     * Waits until the FX thread has run the pulse after the current one: a change made before this call has then
     * been laid out and rendered (animation timers run at the start of a pulse, layout and rendering after them).
     */
    static void afterNextPulse() throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> new javafx.animation.AnimationTimer() {
            private int ticks;

            @Override
            public void handle(long now) {
                if (++ticks == 2) {
                    stop();
                    done.complete(null);
                }
            }
        }.start());
        done.get(60, TimeUnit.SECONDS);
    }

    /** The nearest-rank share {@code p} (0 to 1) of {@code values}; NaN when there are none. */
    static double pct(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * p)));
    }
}
