package bifrostconsole.testing;

import bifrostconsole.service.Scheduler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A timer the test moves by hand: scheduled tasks run, on the test's thread, when {@link #advance} passes them. */
public final class ManualScheduler implements Scheduler {
    private record Task(long due, Runnable run, boolean[] cancelled) {
    }

    private final List<Task> tasks = new ArrayList<>();
    private long now;

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        boolean[] cancelled = {false};
        tasks.add(new Task(now + delay.toMillis(), task, cancelled));
        return () -> cancelled[0] = true;
    }

    public void advance(Duration d) {
        now += d.toMillis();
        List<Task> due = new ArrayList<>();
        for (Task t : tasks) {
            if (t.due <= now && !t.cancelled[0]) {
                due.add(t);
            }
        }
        tasks.removeIf(t -> t.due <= now || t.cancelled[0]);
        due.forEach(t -> t.run.run());
    }
}
