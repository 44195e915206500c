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

    /** Starts JavaFX without a display, in the light theme. */
    static void startHeadless() throws InterruptedException {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyStarted) {
            started.countDown(); // an earlier benchmark of the same run started it: -Dbench=writes-fx,table
        }
        started.await();
        Platform.runLater(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
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
    record Beat(long queuedAt, double waitMs, double cpuMs) {
    }

    /** {@link #heartbeat}, each wait with the time it was queued, to tell which phase of the work it fell in. */
    static List<Beat> beats(Work work) throws Exception {
        List<Beat> waits = Collections.synchronizedList(new ArrayList<>());
        long[] lastBeatCpu = {-1}; // the FX thread's CPU time (ns) as the last beat ran; only the FX thread uses it
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        timer.scheduleAtFixedRate(() -> {
            long queued = System.nanoTime();
            StallEvent event = new StallEvent();
            event.begin();
            Platform.runLater(() -> {
                double ms = (System.nanoTime() - queued) / 1e6;
                long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                waits.add(new Beat(queued, ms, lastBeatCpu[0] < 0 ? 0 : (cpu - lastBeatCpu[0]) / 1e6));
                lastBeatCpu[0] = cpu;
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
        onFx(() -> null);
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
