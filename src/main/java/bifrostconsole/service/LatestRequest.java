package bifrostconsole.service;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * "Latest request wins" for one stream of requests of a view-model (the key page, a detail pane, a picker's
 * options): starting a request cancels the one in flight, and an answer that arrives after a newer request
 * started is dropped instead of shown. Answers reach the caller on the injected UI executor
 * ({@code Platform::runLater} in the app, {@code Runnable::run} in tests).
 *
 * <p>Call {@link #start()}, {@link #submit} and {@link #cancel()} on the UI thread.
 */
public final class LatestRequest {
    private final Executor uiExecutor;
    private volatile long generation;
    private CompletableFuture<?> inFlight = CompletableFuture.completedFuture(null);

    public LatestRequest(Executor uiExecutor) {
        this.uiExecutor = uiExecutor;
    }

    /**
     * One started request. A multi-step flow keeps its ticket and applies each step's result with
     * {@link #ui(Runnable)}, so a newer start silences every step of the older flow at once.
     */
    public final class Ticket {
        private final long number;

        private Ticket(long number) {
            this.number = number;
        }

        /** True while no newer request has started and {@link LatestRequest#cancel()} was not called. */
        public boolean isCurrent() {
            return number == generation;
        }

        /** Runs {@code update} on the UI executor, unless a newer request started meanwhile. */
        public void ui(Runnable update) {
            uiExecutor.execute(() -> {
                if (isCurrent()) {
                    update.run();
                }
            });
        }

        /** Remembers {@code future} as this request's work, so the next start or cancel cancels it. */
        public <T> CompletableFuture<T> track(CompletableFuture<T> future) {
            if (isCurrent()) {
                inFlight = future;
            } else {
                future.cancel(true);
            }
            return future;
        }
    }

    /** Cancels the request in flight and makes its late answers disappear; returns the new request's ticket. */
    public Ticket start() {
        Ticket ticket = new Ticket(++generation); // first, so the cancelled request's own callback is dropped
        CompletableFuture<?> older = inFlight;
        inFlight = CompletableFuture.completedFuture(null);
        older.cancel(true);
        return ticket;
    }

    /**
     * Starts {@code call} as the latest request and hands its value or failure (never both) to
     * {@code onAnswer} on the UI executor, only if it is still the latest (the failure unwrapped from its
     * {@link CompletionException}). A call that throws instead of
     * returning a future counts as a failed answer.
     */
    public <T> Ticket submit(Supplier<CompletableFuture<T>> call, BiConsumer<? super T, Throwable> onAnswer) {
        return submit(call, Function.identity(), onAnswer);
    }

    /**
     * As {@link #submit(Supplier, BiConsumer)}, with {@code prepare} turning the answer into what the UI shows
     * off the UI thread (formatting rows, building detail models). Cancelling cancels {@code call}'s own
     * future, so the HTTP exchange is aborted, not just a stage derived from it.
     */
    public <T, R> Ticket submit(Supplier<CompletableFuture<T>> call, Function<? super T, ? extends R> prepare,
                                BiConsumer<? super R, Throwable> onAnswer) {
        Ticket ticket = start();
        CompletableFuture<T> future;
        try {
            future = call.get();
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        ticket.track(future).thenApply(prepare)
                .whenComplete((value, failure) -> ticket.ui(() -> onAnswer.accept(value, unwrap(failure))));
        return ticket;
    }

    /** The failure itself, not the {@link CompletionException} that a derived stage wraps it in. */
    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** Cancels the request in flight; any answer still on its way is dropped. */
    public void cancel() {
        start();
    }

    /** Whether the latest request's work is still running. */
    public boolean isBusy() {
        return !inFlight.isDone();
    }
}
