package bifrostconsole.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hands items, in the order they are added, to one consumer that runs on another thread: the demo's keys are
 * drawn from one seeded sequence (so they cannot be made in parallel), but encoding them for the store, about half
 * of the work, can go on beside the drawing, on the second core. The consumer sees every item, in order, on a
 * single thread at a time, so what it builds is the same as when it is called inline. At most a few batches wait,
 * so the items in flight stay few (100,000 decoded keys would be about 130 MB).
 *
 * <p>Used from one thread (the one adding); {@link #finish} waits for the consumer and rethrows what it threw.
 */
final class InOrderHandOff<T> {
    static final int BATCH = 64;
    private static final int WAITING_BATCHES = 8;

    private final BlockingQueue<List<T>> queue = new ArrayBlockingQueue<>(WAITING_BATCHES);
    /** The end of the items: a list of its own, told apart by identity. */
    private final List<T> end = new ArrayList<>(0);
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private List<T> batch = new ArrayList<>(BATCH);

    InOrderHandOff(Consumer<? super T> consumer, Executor executor) {
        executor.execute(() -> {
            try {
                for (List<T> items = queue.take(); items != end; items = queue.take()) {
                    items.forEach(consumer);
                }
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e); // the adding thread stops at its next batch
            }
        });
    }

    void add(T item) {
        batch.add(item);
        if (batch.size() == BATCH) {
            put(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    /** Waits until the consumer has taken every item added. */
    void finish() {
        if (!batch.isEmpty()) {
            put(batch);
        }
        put(end);
        try {
            done.join();
        } catch (CompletionException e) {
            throw rethrown(e.getCause());
        }
    }

    private void put(List<T> items) {
        try {
            while (!queue.offer(items, 20, TimeUnit.MILLISECONDS)) {
                if (done.isCompletedExceptionally()) {
                    done.join(); // throws the consumer's failure: it takes nothing any more
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing items over", e);
        } catch (CompletionException e) {
            throw rethrown(e.getCause());
        }
    }

    private static RuntimeException rethrown(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }
}
