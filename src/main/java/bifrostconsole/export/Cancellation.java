package bifrostconsole.export;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Lets a user stop a long export, snapshot or diff from another thread: {@link #cancel()} aborts the HTTP
 * exchange in flight and makes the worker stop at the next key.
 */
public final class Cancellation {
    private volatile boolean cancelled;
    private volatile CompletableFuture<?> inFlight;

    public void cancel() {
        cancelled = true;
        CompletableFuture<?> f = inFlight;
        if (f != null) {
            f.cancel(true);
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Throws when the user cancelled; called between keys, so a cancel takes effect within one key. */
    public void throwIfCancelled() {
        if (cancelled) {
            throw new CancellationException("Cancelled by the user.");
        }
    }

    /**
     * Waits for {@code future} on the calling (worker) thread, aborting it if the user cancels meanwhile.
     * Failures come out unwrapped: an {@code ApiException} stays an {@code ApiException}.
     */
    public <T> T await(CompletableFuture<T> future) {
        inFlight = future;
        try {
            if (cancelled) {
                future.cancel(true);
            }
            return future.join();
        } catch (CompletionException e) {
            throwIfCancelled();
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        } catch (CancellationException e) {
            throwIfCancelled();
            throw e;
        } finally {
            inFlight = null;
        }
    }
}
