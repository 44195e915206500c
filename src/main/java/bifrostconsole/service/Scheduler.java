package bifrostconsole.service;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task after a delay (search debounce). The real one waits on a timer thread and then hands the task
 * to the UI executor; tests use a manual one so no test sleeps.
 */
public interface Scheduler {

    /** A handle that cancels the task if it has not run yet. */
    interface Cancellable {
        void cancel();
    }

    Cancellable schedule(Duration delay, Runnable task);

    /**
     * A scheduler whose tasks wait on {@code timer} (one daemon thread owned by the composition root) and then
     * run on {@code uiExecutor}.
     */
    static Scheduler onUiExecutor(ScheduledExecutorService timer, Executor uiExecutor) {
        return (delay, task) -> {
            ScheduledFuture<?> f = timer.schedule(() -> uiExecutor.execute(task), delay.toMillis(),
                    TimeUnit.MILLISECONDS);
            return () -> f.cancel(false);
        };
    }

    /** The timer thread for {@link #onUiExecutor}: one is plenty for debouncing keystrokes. */
    static ScheduledExecutorService newTimer() {
        return Executors.newSingleThreadScheduledExecutor(bifrostconsole.threads.BackgroundThreads.named("ui-delay-timer"));
    }
}
