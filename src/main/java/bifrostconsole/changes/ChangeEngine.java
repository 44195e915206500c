package bifrostconsole.changes;

import bifrostconsole.api.ApiException;
import bifrostconsole.api.Budget;
import bifrostconsole.api.Json;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.Secret;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.messages.UserMessages;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Plans changes to keys and carries them out safely, one key or a thousand. No JavaFX: the window's view-models
 * and the {@code keys} command use it alike.
 *
 * <h2>What every run does, per key</h2>
 * <ol>
 *   <li>A plan that is not {@link KeyPlan.Status#READY} ends at once (nothing to do, or refused as planned).</li>
 *   <li><b>Lost-update guard</b>: the key is read again just before sending (on its own, or in a bulk run from
 *       the page of the server's list just read, see {@link ReReads}); if its {@code updated_at} or content
 *       differs from what the admin saw ({@link ServerChanges}), nothing is sent and the key ends
 *       {@link KeyOutcome.Status#CHANGED_ON_SERVER} with the fields that differ and the server's copy.</li>
 *   <li>A delete first saves the key's configuration (without its value) through {@link DeletedKeys}; if that
 *       fails, the key is not deleted.</li>
 *   <li>The plan's request is sent as it was previewed, once: writes are never retried.</li>
 *   <li>The outcome is appended to {@link ChangeHistory}.</li>
 * </ol>
 * Keys run a few at a time ({@link #DEFAULT_CONCURRENCY}), never all at once; cancelling stops keys that have not
 * been sent yet, and lets the ones in flight finish so their outcome is known.
 *
 * <h2>Threads</h2>
 * Planning is pure and quick. {@link #start} returns at once; HTTP runs on the client's threads, file writes on
 * the injected I/O executor, and the listener and the result's completion on the {@code callbacks} executor
 * ({@code Platform::runLater} in the window, {@code Runnable::run} in tests and on the command line).
 */
public final class ChangeEngine {
    /** Requests in flight at once in a bulk run: quick on a real gateway, gentle on it. */
    public static final int DEFAULT_CONCURRENCY = 4;

    private final ManagementApiClient client;
    private final ChangeHistory history;
    private final DeletedKeys backups;
    private final Executor io;
    private final Clock clock;
    private final HistoryWriter historyWriter;

    /**
     * @param io runs the blocking file writes (backups and History): a background executor, never the FX thread
     */
    public ChangeEngine(ManagementApiClient client, ChangeHistory history, DeletedKeys backups, Executor io,
                        Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.history = Objects.requireNonNull(history, "history");
        this.backups = Objects.requireNonNull(backups, "backups");
        this.io = Objects.requireNonNull(io, "io");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.historyWriter = new HistoryWriter(history, io);
    }

    /** The engine for a data folder: History in {@code history.jsonl}, backups in {@code deleted-keys/}. */
    public static ChangeEngine inDataFolder(ManagementApiClient client, Path dataFolder, Executor io) {
        return new ChangeEngine(client, ChangeHistory.in(dataFolder), DeletedKeys.in(dataFolder), io,
                Clock.systemUTC());
    }

    /** The server as History names it. */
    public String server() {
        return client.displayName();
    }

    public ChangeHistory history() {
        return history;
    }

    public DeletedKeys backups() {
        return backups;
    }

    public KeyPlan plan(VirtualKey seen, KeyChange change) {
        return ChangePlanner.plan(seen, change, clock.instant());
    }

    public List<KeyPlan> plan(List<VirtualKey> seen, KeyChange change) {
        return ChangePlanner.plan(seen, change, clock.instant());
    }

    /** The plan to make a new key like a deleted one, from its backup ({@link DeletedKeys#load}). */
    public KeyPlan planRecreate(DeletedKey deleted) {
        return ChangePlanner.plan((VirtualKey) null, new KeyChange.Recreate(deleted), clock.instant());
    }

    /** Starts carrying out {@code plans} with {@link #DEFAULT_CONCURRENCY} keys at a time. */
    public ChangeRun start(List<KeyPlan> plans, ChangeListener listener, Executor callbacks) {
        return start(plans, DEFAULT_CONCURRENCY, listener, callbacks);
    }

    /** Starts carrying out {@code plans}, {@code concurrency} keys at a time (1: strictly one after another). */
    public ChangeRun start(List<KeyPlan> plans, int concurrency, ChangeListener listener, Executor callbacks) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
        }
        ReReads reReads = ReReads.forRun(client, plans);
        // History is written outside the bound: a key's place goes to the next key as soon as its answer is in,
        // and the key ends (listener, result) once its entry is written.
        ChangeRun run = new ChangeRun(plans, reReads.order(plans), (plan, r) -> runOne(plan, r, reReads),
                this::logged, listener, callbacks);
        run.begin(concurrency);
        return run;
    }

    // ---- one key ------------------------------------------------------------------------------------------

    private CompletableFuture<KeyOutcome> runOne(KeyPlan plan, ChangeRun run, ReReads reReads) {
        if (!plan.ready()) {
            return CompletableFuture.completedFuture(KeyOutcome.of(plan, plan.status() == KeyPlan.Status.NOTHING_TO_DO
                    ? KeyOutcome.Status.UNCHANGED : KeyOutcome.Status.FAILED, plan.reason()));
        }
        if (run.isCancelled()) {
            return CompletableFuture.completedFuture(cancelled(plan));
        }
        CompletableFuture<VirtualKey> reRead = plan.seen() == null ? CompletableFuture.completedFuture(null)
                : reReads.of(plan);
        return reRead.handle((server, failure) -> failure != null
                        ? CompletableFuture.completedFuture(reReadFailed(plan, failure))
                        : guardedSend(plan, server, run))
                .thenCompose(outcome -> outcome);
    }

    /** The re-read found something else than what the admin saw, or the key can be changed as planned. */
    private CompletableFuture<KeyOutcome> guardedSend(KeyPlan plan, VirtualKey server, ChangeRun run) {
        if (server != null) {
            List<FieldDiff> changed = ServerChanges.between(plan.seen(), server);
            if (!changed.isEmpty()) {
                return CompletableFuture.completedFuture(new KeyOutcome(plan, KeyOutcome.Status.CHANGED_ON_SERVER,
                        "It changed on the server since it was read, so nothing was sent (" + join(changed)
                                + "): review the newer data and try again.", server, changed, null, null, null, null));
            }
        }
        if (run.isCancelled()) {
            return CompletableFuture.completedFuture(cancelled(plan));
        }
        CompletableFuture<Path> backup = plan.backup()
                ? CompletableFuture.supplyAsync(() -> saveBackup(server), io) : CompletableFuture.completedFuture(null);
        return backup.handle((file, failure) -> {
            if (failure != null) {
                return CompletableFuture.completedFuture(KeyOutcome.of(plan, KeyOutcome.Status.FAILED,
                        "Its configuration could not be saved first (" + UserMessages.of(failure)
                                + "), so it was not deleted."));
            }
            // Past this point the request goes out: a cancel no longer stops this key.
            return client.sendForAnswer(plan.request()).handle((answer, sendFailure) -> sendFailure != null
                    ? KeyOutcome.failed(plan, UserMessages.of(sendFailure), sendFailure)
                    : applied(plan, server, answer, file));
        }).thenCompose(outcome -> outcome);
    }

    private Path saveBackup(VirtualKey server) {
        try {
            return backups.save(client.displayName(), server, clock.instant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private KeyOutcome reReadFailed(KeyPlan plan, Throwable failure) {
        Throwable cause = UserMessages.unwrap(failure);
        if (cause instanceof ApiException api && api.kind() == ApiException.Kind.NOT_FOUND) {
            return new KeyOutcome(plan, KeyOutcome.Status.CHANGED_ON_SERVER, "It was deleted on the server since it"
                    + " was read, so nothing was sent.", null, List.of(new FieldDiff("key", "exists", "deleted")),
                    null, null, null, null);
        }
        return KeyOutcome.failed(plan, "It could not be read again before the change (" + UserMessages.of(failure)
                + "), so nothing was sent.", failure);
    }

    /** The server accepted the request: the key as it now is, and any check of the answer. */
    private KeyOutcome applied(KeyPlan plan, VirtualKey server, byte[] answer, Path backup) {
        KeyChange change = plan.change();
        try {
            if (change instanceof KeyChange.Delete) {
                return new KeyOutcome(plan, KeyOutcome.Status.DONE, null, null, List.of(), null, null, backup, null);
            }
            if (change instanceof KeyChange.SetBudgetOverride || change instanceof KeyChange.RemoveBudgetOverride) {
                // The answer holds only the budget: the key is the one just read with that budget replaced.
                Budget budget = Json.mapper().treeToValue(Json.mapper().readTree(answer).get("budget"), Budget.class);
                return done(plan, withBudget(server, budget));
            }
            VirtualKey after = client.virtualKeyIn(answer);
            boolean resetAsked = change instanceof KeyChange.ResetUsage
                    || (change instanceof KeyChange.SetBudget s && s.resetUsage())
                    || (change instanceof KeyChange.Edit e && e.resetsUsage());
            if (resetAsked && after.budgets().stream().anyMatch(b -> b.currentUsage() != 0)) {
                return new KeyOutcome(plan, KeyOutcome.Status.FAILED, "The server accepted the request but did not"
                        + " reset the usage: Bifrost before 2.0 ignores reset_budget_usage.", after, List.of(), null,
                        null, null, null);
            }
            if (change instanceof KeyChange.Rotate || change instanceof KeyChange.Create) {
                return new KeyOutcome(plan, KeyOutcome.Status.DONE, null, after, List.of(),
                        Secret.of(after.plainValue()), after.previousValueExpiresAt(), null, null);
            }
            return done(plan, after);
        } catch (IOException | RuntimeException e) {
            return KeyOutcome.of(plan, KeyOutcome.Status.FAILED, "The server applied the change but its answer could"
                    + " not be read (" + UserMessages.of(e) + "): refresh to see the key.");
        }
    }

    private static KeyOutcome done(KeyPlan plan, VirtualKey after) {
        return new KeyOutcome(plan, KeyOutcome.Status.DONE, null, after, List.of(), null, null, null, null);
    }

    private static VirtualKey withBudget(VirtualKey key, Budget budget) throws JsonProcessingException {
        ObjectNode node = Json.mapper().valueToTree(key);
        ArrayNode budgets = node.putArray("budgets");
        for (Budget b : key.budgets()) {
            budgets.add(Json.mapper().valueToTree(Objects.equals(b.id(), budget.id()) ? budget : b));
        }
        return Json.mapper().treeToValue(node, VirtualKey.class);
    }

    private static KeyOutcome cancelled(KeyPlan plan) {
        return KeyOutcome.of(plan, KeyOutcome.Status.CANCELLED, "The run was cancelled before this key was sent.");
    }

    private static String join(List<FieldDiff> diffs) {
        List<String> parts = new ArrayList<>();
        diffs.forEach(d -> parts.add(d.toString()));
        return String.join("; ", parts);
    }

    // ---- History --------------------------------------------------------------------------------------------

    /** Appends what was attempted (done, failed, skipped) to History; an untried key leaves no entry. */
    private CompletableFuture<KeyOutcome> logged(KeyOutcome outcome) {
        KeyPlan plan = outcome.plan();
        boolean attempted = plan.ready() && outcome.status() != KeyOutcome.Status.CANCELLED;
        if (!attempted) {
            return CompletableFuture.completedFuture(outcome);
        }
        HistoryEntry entry = new HistoryEntry(clock.instant(), client.displayName(), outcome.keyId(),
                plan.keyName(), plan.change().action(), plan.fields(), outcome.status().word(), outcome.reason(),
                outcome.backup() == null ? null : outcome.backup().toString());
        return historyWriter.append(entry).handle((written, failure) -> {
            if (failure != null) {
                throw new HistoryFailure(outcome, "History could not be written ("
                        + UserMessages.of(UserMessages.unwrap(failure)) + ")");
            }
            return outcome;
        });
    }

    /**
     * Writes History entries on the I/O executor, as many at once as are waiting: while one write is under way,
     * the entries of keys finishing meanwhile queue up and go in the next one.
     */
    private static final class HistoryWriter {
        private record Pending(HistoryEntry entry, CompletableFuture<Void> written) {
        }

        private final ChangeHistory history;
        private final Executor io;
        private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean draining = new AtomicBoolean();

        HistoryWriter(ChangeHistory history, Executor io) {
            this.history = history;
            this.io = io;
        }

        CompletableFuture<Void> append(HistoryEntry entry) {
            Pending pending = new Pending(entry, new CompletableFuture<>());
            queue.add(pending);
            if (draining.compareAndSet(false, true)) {
                try {
                    io.execute(this::drain);
                } catch (RuntimeException e) { // the executor refused: nothing will write it
                    draining.set(false);
                    pending.written().completeExceptionally(e);
                }
            }
            return pending.written();
        }

        private void drain() {
            do {
                List<Pending> batch = new ArrayList<>();
                for (Pending p = queue.poll(); p != null; p = queue.poll()) {
                    batch.add(p);
                }
                if (!batch.isEmpty()) {
                    try {
                        history.append(batch.stream().map(Pending::entry).toList());
                        batch.forEach(p -> p.written().complete(null));
                    } catch (IOException | RuntimeException e) {
                        batch.forEach(p -> p.written().completeExceptionally(e));
                    }
                }
                draining.set(false);
            } while (!queue.isEmpty() && draining.compareAndSet(false, true));
        }
    }

    /** The change happened but its History entry could not be written: the run reports it once. */
    static final class HistoryFailure extends RuntimeException {
        final KeyOutcome outcome;

        HistoryFailure(KeyOutcome outcome, String message) {
            super(message, null, false, false);
            this.outcome = outcome;
        }
    }
}
