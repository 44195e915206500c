package bifrostconsole.testing;

import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waiting for work on other threads without sleeping: for a future, or for a condition that no future signals
 * (a file written by a background thread, a request the gateway logged). Everything waits at most
 * {@link #TIMEOUT}, which a passing test never comes near, so a busy machine slows a test down but never fails it.
 */
public final class Wait {
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Wait() {
    }

    /** The future's value, waiting up to {@link #TIMEOUT}; a failure comes out as the future's own cause. */
    public static <T> T get(Future<T> future) throws Exception {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            throw new AssertionError("no answer within " + TIMEOUT.toSeconds() + " s", e);
        }
    }

    /** Returns once {@code condition} holds, checked every few milliseconds; fails naming {@code what}. */
    public static void until(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("not within " + TIMEOUT.toSeconds() + " s: " + what, e);
        }
    }
}
