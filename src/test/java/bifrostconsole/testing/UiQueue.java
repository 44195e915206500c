package bifrostconsole.testing;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The UI executor of a view-model test without a toolkit, standing in for the FX thread: updates posted from
 * background threads wait in a queue, and the test's own thread runs them, one after the other, when it says. So
 * the test reads the view-model's properties only between two updates, as the FX thread would, and never while a
 * background thread is halfway through one (which {@code Runnable::run} allows as soon as work leaves the test's
 * thread).
 */
public final class UiQueue implements Executor {
    private static final long CHECK_EVERY_MILLIS = 10;
    private final BlockingQueue<Runnable> updates = new LinkedBlockingQueue<>();

    @Override
    public void execute(Runnable update) {
        updates.add(update);
    }

    /** How many updates wait to run. */
    public int pending() {
        return updates.size();
    }

    /** Runs the updates queued so far and those they queue; returns how many ran. */
    public int runPending() {
        int ran = 0;
        for (Runnable update; (update = updates.poll()) != null; ran++) {
            update.run();
        }
        return ran;
    }

    /**
     * Runs updates as they arrive until {@code condition} holds, checked after each update and every few
     * milliseconds while none arrives (it may wait on a background thread too, e.g. a file being saved); fails after
     * {@link Wait#TIMEOUT} naming {@code what} was awaited.
     */
    public void runUntil(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Wait.TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + Wait.TIMEOUT.toSeconds() + " s: " + what);
            }
            Runnable update = updates.poll(CHECK_EVERY_MILLIS, TimeUnit.MILLISECONDS);
            if (update != null) {
                update.run();
            }
        }
    }

    /** Waits for the next update and runs it: proves something was posted, e.g. a late answer. */
    public void runNext(String what) throws InterruptedException {
        Runnable update = updates.poll(Wait.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (update == null) {
            throw new AssertionError("no update within " + Wait.TIMEOUT.toSeconds() + " s: " + what);
        }
        update.run();
    }
}
