package bifrostconsole.ui;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task after a delay (search debounce). The real one waits on a daemon timer thread and then hands
 * the task to the UI executor; tests use a manual one so no test sleeps.
 */
public interface Scheduler {

    /** A handle that cancels the task if it has not run yet. */
    interface Cancellable {
        void cancel();
    }

    Cancellable schedule(Duration delay, Runnable task);

    /** A scheduler whose tasks run on {@code uiExecutor} once the delay is over. */
    static Scheduler onUiExecutor(Executor uiExecutor) {
        return (delay, task) -> {
            ScheduledFuture<?> f = Timer.INSTANCE.schedule(() -> uiExecutor.execute(task), delay.toMillis(),
                    TimeUnit.MILLISECONDS);
            return () -> f.cancel(false);
        };
    }

    /** One shared daemon thread is plenty for debouncing keystrokes. */
    final class Timer {
        static final ScheduledExecutorService INSTANCE = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ui-delay-timer");
            t.setDaemon(true);
            return t;
        });

        private Timer() {
        }
    }
}
