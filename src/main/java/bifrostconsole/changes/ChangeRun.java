package bifrostconsole.changes;

import bifrostconsole.messages.UserMessages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A run of planned changes under way ({@link ChangeEngine#start}): a few keys at a time, each through the guard,
 * the request and History. {@link #result()} completes, on the callbacks executor and after the last
 * {@link ChangeListener} call, with every key's outcome in plan order. {@link #cancel()} sends no further key; the
 * keys already sent finish, so every outcome is known.
 */
public final class ChangeRun {
    /** What the engine does for one key: the guard and the request, until the server's answer (or none). */
    @FunctionalInterface
    interface KeyRunner {
        CompletableFuture<KeyOutcome> run(KeyPlan plan, ChangeRun run);
    }

    /**
     * What follows a key's answer without holding its place among the keys under way: its History entry. The key
     * ends (listener, result) when this completes; the next key starts as soon as the answer is in.
     */
    @FunctionalInterface
    interface Afterwards {
        Afterwards NONE = CompletableFuture::completedFuture;

        CompletableFuture<KeyOutcome> of(KeyOutcome outcome);
    }

    private final List<KeyPlan> plans;
    private final int[] order;
    private final KeyRunner runner;
    private final Afterwards afterwards;
    private final ChangeListener listener;
    private final Executor callbacks;
    private final KeyOutcome[] outcomes;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();
    private final AtomicReference<String> historyProblem = new AtomicReference<>();
    private final CompletableFuture<RunResult> result = new CompletableFuture<>();
    private volatile boolean cancelled;

    ChangeRun(List<KeyPlan> plans, KeyRunner runner, ChangeListener listener, Executor callbacks) {
        this(plans, null, runner, Afterwards.NONE, listener, callbacks);
    }

    /**
     * @param order      the order to go through the plans in (indexes into {@code plans}); null: as given
     * @param afterwards what each key's outcome goes through before the key ends (History), outside the bound
     */
    ChangeRun(List<KeyPlan> plans, int[] order, KeyRunner runner, Afterwards afterwards, ChangeListener listener,
              Executor callbacks) {
        this.plans = List.copyOf(plans);
        this.order = order == null ? null : order.clone();
        if (this.order != null && this.order.length != this.plans.size()) {
            throw new IllegalArgumentException("an order for " + this.order.length + " of " + this.plans.size()
                    + " plans");
        }
        this.runner = runner;
        this.afterwards = afterwards;
        this.listener = listener == null ? ChangeListener.NONE : listener;
        this.callbacks = callbacks;
        this.outcomes = new KeyOutcome[this.plans.size()];
    }

    void begin(int concurrency) {
        if (plans.isEmpty()) {
            callbacks.execute(() -> result.complete(new RunResult(List.of(), null)));
            return;
        }
        for (int worker = 0; worker < Math.min(concurrency, plans.size()); worker++) {
            pump();
        }
    }

    /**
     * Starts the next key; when its answer is in, the same worker takes the next, while the key's outcome goes
     * through {@link #afterwards} (its History entry) on its own. Keys that end at once (nothing to do, cancelled)
     * are looped over here rather than recursed into, so ten thousand of them cannot overflow a stack.
     */
    private void pump() {
        while (true) {
            int position = next.getAndIncrement();
            if (position >= plans.size()) {
                return;
            }
            int index = order == null ? position : order[position];
            CompletableFuture<KeyOutcome> outcome;
            try {
                outcome = runner.run(plans.get(index), this);
            } catch (RuntimeException e) {
                outcome = CompletableFuture.failedFuture(e);
            }
            if (outcome.isDone()) {
                end(index, outcome);
                continue;
            }
            CompletableFuture<KeyOutcome> pending = outcome;
            pending.whenComplete((value, failure) -> {
                end(index, pending);
                pump();
            });
            return;
        }
    }

    /** The key's answer is in (or it ended without one): it ends once {@link #afterwards} is through with it. */
    private void end(int index, CompletableFuture<KeyOutcome> answered) {
        CompletableFuture<KeyOutcome> ended;
        if (answered.isCompletedExceptionally()) {
            ended = answered;
        } else {
            try {
                ended = afterwards.of(answered.join());
            } catch (RuntimeException e) {
                ended = CompletableFuture.failedFuture(e);
            }
        }
        if (ended.isDone()) {
            finish(index, ended);
        } else {
            CompletableFuture<KeyOutcome> pending = ended;
            pending.whenComplete((value, failure) -> finish(index, pending));
        }
    }

    private void finish(int index, CompletableFuture<KeyOutcome> future) {
        KeyOutcome outcome;
        try {
            outcome = future.join();
        } catch (RuntimeException e) {
            Throwable cause = UserMessages.unwrap(e);
            if (cause instanceof ChangeEngine.HistoryFailure h) {
                historyProblem.compareAndSet(null, h.getMessage());
                outcome = h.outcome;
            } else {
                outcome = KeyOutcome.failed(plans.get(index), UserMessages.of(cause), cause);
            }
        }
        KeyOutcome reported = outcome;
        // One at a time, so the result is handed to the callbacks executor after every listener call.
        synchronized (this) {
            outcomes[index] = outcome;
            int done = finished.incrementAndGet();
            callbacks.execute(() -> listener.outcome(reported, done, plans.size()));
            if (done == plans.size()) {
                List<KeyOutcome> all = new ArrayList<>(Arrays.asList(outcomes));
                callbacks.execute(() -> result.complete(new RunResult(all, historyProblem.get())));
            }
        }
    }

    /** Sends no further key; the ones in flight finish. */
    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public int total() {
        return plans.size();
    }

    /** Keys that have ended so far. */
    public int finished() {
        return finished.get();
    }

    public List<KeyPlan> plans() {
        return plans;
    }

    /** Every key's outcome, in plan order, once all have ended. */
    public CompletableFuture<RunResult> result() {
        return result;
    }
}
