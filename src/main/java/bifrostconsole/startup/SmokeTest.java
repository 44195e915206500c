package bifrostconsole.startup;

import javafx.application.Platform;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.Scene;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/**
 * {@code --smoke-test}: proves an installed console can start. The composition root opens the demo workspace
 * and hands over the main window's root, its "first page of keys shown" signal and its failure message; this prints
 * {@code first page shown in N ms} (N from process start) once that page is painted, and exits 0. It exits 1
 * with the reason when loading fails, an exception escapes, or nothing is shown within the time limit.
 */
public final class SmokeTest {
    public static final String OPTION = "--smoke-test";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final int PASSED = 0;
    public static final int FAILED = 1;

    private final PrintStream out;
    private final PrintStream err;
    private final IntConsumer exit;
    private final LongSupplier millisSinceStart;
    private final Duration timeout;
    private final AtomicBoolean finished = new AtomicBoolean();
    private final Timer watchdog = new Timer("smoke-test watchdog", true);

    public SmokeTest(PrintStream out, PrintStream err, IntConsumer exit, LongSupplier millisSinceStart,
                     Duration timeout) {
        this.out = out;
        this.err = err;
        this.exit = exit;
        this.millisSinceStart = millisSinceStart;
        this.timeout = timeout;
    }

    /** The smoke test of this process: standard streams, {@code System.exit}, and the default time limit. */
    public static SmokeTest forThisProcess() {
        return new SmokeTest(System.out, System.err, System::exit, StartupClock::millisSinceProcessStart,
                DEFAULT_TIMEOUT);
    }

    public static boolean requested(String... args) {
        return Arrays.asList(args).contains(OPTION);
    }

    /**
     * Starts the clock on the time limit and fails the test on any exception no one handled. Call as early as
     * possible, before the toolkit starts, so a start-up that hangs before the window is built still ends.
     */
    public SmokeTest arm() {
        watchdog.schedule(new TimerTask() {
            @Override
            public void run() {
                fail("the first page of keys was not shown within " + timeout.toSeconds() + " s");
            }
        }, timeout.toMillis());
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            fail("an unexpected error on thread " + thread.getName() + ": " + error);
            if (previous != null) {
                previous.uncaughtException(thread, error);
            }
        });
        return this;
    }

    /**
     * Passes once {@code firstPageShown} completes and the frame showing {@code view} after that is painted;
     * fails if it completes exceptionally. Call on the FX thread.
     */
    public void watch(Node view, CompletionStage<?> firstPageShown) {
        firstPageShown.whenComplete((ignored, error) -> Platform.runLater(() -> {
            if (error != null) {
                fail("the first page of keys could not be loaded: " + error.getMessage());
            } else if (view.getScene() == null) {
                fail("the first page of keys was loaded into a view that is not in a window");
            } else {
                FirstFrame.afterPaint(view.getScene(), () -> {
                    StartupClock.mark("painted");
                    pass();
                });
            }
        }));
    }

    /**
     * Marks the main window's first layout pulse ("pulse 1"): the window's first frame, which the wait for the demo's
     * first page comes after. Only the first: the later pulses until the page arrives are empty.
     */
    public static void markFirstPulse(Scene scene) {
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                StartupClock.mark("pulse 1");
            }
        });
    }

    /** Fails the test as soon as {@code message} holds text, e.g. a view-model's error message. */
    public void failWhenSet(ObservableStringValue message) {
        if (message.get() != null && !message.get().isBlank()) {
            fail(message.get());
            return;
        }
        message.addListener((obs, old, now) -> {
            if (now != null && !now.isBlank()) {
                fail(now);
            }
        });
    }

    /** Ends the test as failed, e.g. when the demo workspace cannot be opened. Any thread. */
    public void fail(String reason) {
        if (finished.compareAndSet(false, true)) {
            watchdog.cancel();
            err.println("smoke test failed: " + reason);
            err.flush();
            exit.accept(FAILED);
        }
    }

    private void pass() {
        if (finished.compareAndSet(false, true)) {
            watchdog.cancel();
            out.println("first page shown in " + millisSinceStart.getAsLong() + " ms");
            // Where the time went: the start-up marks of this process, oldest first.
            out.println("start-up marks (ms since process start): " + StartupClock.marks().stream()
                    .map(StartupClock.Mark::toString).collect(java.util.stream.Collectors.joining(", ")));
            // And what each thread cost: on two shared cores, CPU time shows what a wall-clock mark cannot.
            out.println("start-up CPU ms by thread: " + StartupClock.cpuByThread());
            out.flush();
            exit.accept(PASSED);
        }
    }

    /** Whether the test has ended, passed or failed. */
    public boolean finished() {
        return finished.get();
    }
}
