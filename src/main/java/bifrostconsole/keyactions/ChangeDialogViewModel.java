package bifrostconsole.keyactions;

import bifrostconsole.messages.DisplayText;
import bifrostconsole.api.Secret;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.changes.ChangeEngine;
import bifrostconsole.changes.ChangeRun;
import bifrostconsole.changes.FieldDiff;
import bifrostconsole.changes.KeyChange;
import bifrostconsole.changes.KeyOutcome;
import bifrostconsole.changes.KeyPlan;
import bifrostconsole.changes.RunResult;
import bifrostconsole.config.AtomicFiles;
import bifrostconsole.messages.UserMessages;
import bifrostconsole.service.LatestRequest;
import bifrostconsole.service.Scheduler;
import bifrostconsole.ui.ClipboardService;
import bifrostconsole.ui.Formats;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One change from preview to result, as the change dialog shows it: the plans are worked out off the UI thread
 * (reading every matching key first when the target is "all matching"), previewed key by key in words with the
 * exact request and what the server does besides, confirmed (a delete by typing the key's name or the count),
 * carried out by the {@link ChangeEngine} a few keys at a time with progress and Cancel, and ended with every key's
 * outcome, which can be copied or saved as CSV. Nothing here retries a write: "Preview again" plans anew against
 * the server's newer copies and asks again.
 */
public final class ChangeDialogViewModel {

    public enum Step { PLANNING, PREVIEW, RUNNING, FINISHED, FAILED }

    /** What the dialog asks of the key actions around it. */
    interface Hooks {
        /** A run ended: refresh what shows the keys, remember the answers. */
        void finished(RunResult result);

        /** The admin wants to look at a key's newer data. */
        void review(String keyId, String keyName);

        /** The same change, planned again against these keys (the server's copies). */
        ChangeDialogViewModel again(KeyChange change, List<VirtualKey> keys);
    }

    /** One key's plan in words, built off the UI thread. */
    public record PlanItem(KeyPlan plan, String keyLabel, String keyId, String status, String fields, String effects,
                           String request) {
        public boolean ready() {
            return plan.ready();
        }
    }

    /**
     * One key's outcome in words.
     *
     * @param serverChanges for a key skipped because it changed meanwhile, the fields that differ (seen → server)
     * @param newValue      for a rotated key, its new value (shown masked until revealed)
     * @param valueNote     for a rotated key, until when the old value keeps working, if the server says
     */
    public record ResultItem(KeyOutcome outcome, String keyLabel, String keyId, String status, String reason,
                             String serverChanges, Secret newValue, String valueNote) {
        public KeyOutcome.Status kind() {
            return outcome.status();
        }

        /** The server has a newer copy the admin can look at. */
        public boolean reviewable() {
            return outcome.status() == KeyOutcome.Status.CHANGED_ON_SERVER && outcome.after() != null;
        }
    }

    private record Planned(List<KeyPlan> plans, List<PlanItem> items, List<String> commonEffects) {
    }

    private final ChangeEngine engine;
    private final KeyChange change;
    private final Supplier<CompletableFuture<List<KeyPlan>>> planning;
    private final Executor uiExecutor;
    private final Scheduler scheduler;
    private final Executor background;
    private final Clock clock;
    private final Formats formats;
    private final Supplier<ClipboardService> clipboard;
    private final Hooks hooks;
    private final LatestRequest request;

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(this, "step", Step.PLANNING);
    private final ReadOnlyStringWrapper subtitle = new ReadOnlyStringWrapper(this, "subtitle", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ObservableList<PlanItem> plans = FXCollections.observableArrayList();
    private final ObservableList<String> commonEffects = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper readyCount = new ReadOnlyIntegerWrapper(this, "readyCount");
    private final ReadOnlyStringWrapper confirmPrompt = new ReadOnlyStringWrapper(this, "confirmPrompt", "");
    private final ReadOnlyStringWrapper expectedConfirmation = new ReadOnlyStringWrapper(this, "expected");
    private final StringProperty confirmation = new SimpleStringProperty(this, "confirmation", "");
    private final ReadOnlyStringWrapper confirmLabel = new ReadOnlyStringWrapper(this, "confirmLabel", "");
    private final BooleanBinding canConfirm;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper(this, "cancelling");
    private final ObservableList<ResultItem> results = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper resultSummary = new ReadOnlyStringWrapper(this, "resultSummary", "");
    private final ReadOnlyStringWrapper historyProblem = new ReadOnlyStringWrapper(this, "historyProblem");
    private final ReadOnlyIntegerWrapper skippedCount = new ReadOnlyIntegerWrapper(this, "skippedCount");
    private final ReadOnlyIntegerWrapper newValueCount = new ReadOnlyIntegerWrapper(this, "newValueCount");

    private List<KeyPlan> planned = List.of();
    private ChangeRun run;
    private RunResult result;
    /** Counted on the engine's threads as keys end; the FX thread reads them when it shows the progress. */
    private final java.util.concurrent.atomic.AtomicInteger finishedSoFar = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger failedSoFar = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger skippedSoFar = new java.util.concurrent.atomic.AtomicInteger();
    /** A progress update is queued on the UI executor and has not run yet: keys ending meanwhile join it. */
    private final java.util.concurrent.atomic.AtomicBoolean progressQueued = new java.util.concurrent.atomic.AtomicBoolean();
    /** When the progress was last shown ({@link System#nanoTime}). */
    private volatile long progressShownAt;

    /**
     * The progress is shown at most this often. Each update is a new frame, and a frame the FX thread starts while
     * the previous one is still being drawn waits for it there: with software rendering and no window manager
     * (Monocle, some remote desktops) every window is drawn whole in each frame, 20-60 ms for the key table's, and
     * one frame after another would hold the FX thread in that wait for most of a run. Five updates a second still
     * read as steady progress, and every frame fewer leaves the two cores to the threads sending the keys: at ten a
     * second a 1,000-key run's frames were 0.7-1.0 s of the render thread's CPU under Monocle, at five 0.7-0.8 s
     * (the result list's cells, made meanwhile, are frames too).
     */
    static final Duration PROGRESS_INTERVAL = Duration.ofMillis(200);

    /**
     * @param subject  the keys in words before they are planned ("payments-prod", "12 keys")
     * @param planning works out the plans (off the UI thread; it may read keys first)
     */
    ChangeDialogViewModel(ChangeEngine engine, KeyChange change, String subject,
                          Supplier<CompletableFuture<List<KeyPlan>>> planning, Executor uiExecutor, Scheduler scheduler,
                          Executor background, Clock clock, Formats formats, Supplier<ClipboardService> clipboard,
                          Hooks hooks) {
        this.engine = engine;
        this.change = change;
        this.planning = planning;
        this.uiExecutor = uiExecutor;
        this.scheduler = scheduler;
        this.background = background;
        this.clock = clock;
        this.formats = formats;
        this.clipboard = clipboard;
        this.hooks = hooks;
        this.request = new LatestRequest(uiExecutor);
        subtitle.set(subject);
        canConfirm = Bindings.createBooleanBinding(() -> step.get() == Step.PREVIEW && readyCount.get() > 0
                        && (expectedConfirmation.get() == null
                        || expectedConfirmation.get().equals(confirmation.get().strip())),
                step, readyCount, expectedConfirmation, confirmation);
    }

    // ---- planning ------------------------------------------------------------------------------------------

    /** Works out what the change does to every key; the dialog shows "Working it out…" meanwhile. */
    public void plan() {
        step.set(Step.PLANNING);
        message.set("Working out what changes\u2026");
        request.submit(() -> planning.get().thenApplyAsync(this::describe, background), (done, failure) -> {
            if (failure != null) {
                message.set(UserMessages.of(failure, "The change could not be prepared"));
                step.set(Step.FAILED);
                return;
            }
            showPreview(done);
        });
    }

    private Planned describe(List<KeyPlan> list) {
        List<KeyPlan> ready = list.stream().filter(KeyPlan::ready).toList();
        // What the server does besides, said once for all keys when every key's plan says it.
        List<String> common = new ArrayList<>(ready.isEmpty() ? List.of() : ready.get(0).sideEffects());
        for (KeyPlan p : ready) {
            common.retainAll(p.sideEffects());
        }
        Set<String> shared = Set.copyOf(common);
        List<PlanItem> items = new ArrayList<>(list.size());
        for (KeyPlan p : list) {
            items.add(item(p, shared));
        }
        // Refused keys first (the admin must notice them), then the keys that change, then the ones already so.
        items.sort(Comparator.comparingInt(i -> switch (i.plan().status()) {
            case REFUSED -> 0;
            case READY -> 1;
            case NOTHING_TO_DO -> 2;
        }));
        return new Planned(list, items, common);
    }

    private static PlanItem item(KeyPlan p, Set<String> shared) {
        String status = switch (p.status()) {
            case READY -> "";
            case NOTHING_TO_DO -> "Nothing to do: " + p.reason();
            case REFUSED -> "Refused: " + p.reason();
        };
        String fields = p.fields().stream().map(FieldDiff::toString).collect(Collectors.joining("\n"));
        String effects = p.sideEffects().stream().filter(e -> !shared.contains(e))
                .collect(Collectors.joining("\n"));
        return new PlanItem(p, p.keyLabel(), p.keyId(), status, fields, effects,
                p.request() == null ? "" : p.request().preview());
    }

    private void showPreview(Planned done) {
        planned = done.plans();
        List<KeyPlan> ready = planned.stream().filter(KeyPlan::ready).toList();
        readyCount.set(ready.size());
        plans.setAll(done.items());
        commonEffects.setAll(done.commonEffects());
        long nothing = planned.stream().filter(p -> p.status() == KeyPlan.Status.NOTHING_TO_DO).count();
        long refused = planned.stream().filter(p -> p.status() == KeyPlan.Status.REFUSED).count();
        subtitle.set(previewSummary(ready.size(), nothing, refused));
        if (change instanceof KeyChange.Delete && !ready.isEmpty()) {
            String expected = ready.size() == 1 ? ready.get(0).keyLabel() : Integer.toString(ready.size());
            // A name with a line break, a bidi control or an invisible character cannot be typed: ask for the id.
            boolean byId = ready.size() == 1 && !DisplayText.isPlain(expected);
            if (byId) {
                expected = ready.get(0).keyId();
            }
            expectedConfirmation.set(expected);
            confirmPrompt.set(byId ? "Type the key's id, \u201c" + expected + "\u201d, to delete it (its name holds"
                    + " characters that cannot be typed)."
                    : ready.size() == 1 ? "Type the key's name, \u201c" + DisplayText.inline(expected)
                    + "\u201d, to delete it."
                    : "Type " + expected + " to delete these " + formats.count(ready.size()) + " keys.");
        } else {
            expectedConfirmation.set(null);
            confirmPrompt.set("");
        }
        confirmLabel.set(ready.isEmpty() ? "Nothing to change" : verb() + " " + keys(ready.size()));
        message.set(ready.isEmpty() ? "Every key is already so, or the change cannot be made: nothing would be sent."
                : "");
        step.set(Step.PREVIEW);
    }

    private String previewSummary(long ready, long nothing, long refused) {
        List<String> parts = new ArrayList<>();
        parts.add(keys(ready) + (ready == 1 ? " changes" : " change"));
        if (nothing > 0) {
            parts.add(formats.count(nothing) + " already so (nothing is sent to "
                    + (nothing == 1 ? "it" : "them") + ")");
        }
        if (refused > 0) {
            parts.add(formats.count(refused) + " cannot be changed so");
        }
        return String.join(" \u00b7 ", parts);
    }

    /** The confirm button's verb: short, so "Reset usage of 12 keys" fits a button. */
    private String verb() {
        return switch (change.action()) {
            case "enable" -> "Enable";
            case "disable" -> "Disable";
            case "rotate" -> "Rotate";
            case "delete" -> "Delete";
            case "reset-usage" -> "Reset usage of";
            case "assign" -> "Assign";
            case "override" -> "Add the override to";
            case "remove-override" -> "Remove the override from";
            case "recreate" -> "Recreate";
            default -> "Change";
        };
    }

    private String keys(long n) {
        return formats.count(n) + (n == 1 ? " key" : " keys");
    }

    // ---- running -------------------------------------------------------------------------------------------

    /** Sends the change, as previewed, to every key that is ready; does nothing unless it can be confirmed. */
    public void confirm() {
        if (!canConfirm.get()) {
            return;
        }
        step.set(Step.RUNNING);
        finishedSoFar.set(0);
        failedSoFar.set(0);
        skippedSoFar.set(0);
        progress.set(0);
        progressText.set("Starting\u2026");
        // The engine reports each key where it ends; the UI executor hears of them at most one update at a time
        // and one every PROGRESS_INTERVAL (the keys ending meanwhile join the next), and the result after them.
        progressShownAt = System.nanoTime() - PROGRESS_INTERVAL.toNanos();
        run = engine.start(planned, this::heard, Runnable::run);
        int total = planned.size();
        // The outcomes are put in words and sorted off the UI thread: the FX thread only shows them.
        run.result().thenApplyAsync(this::describeResult, background)
                .whenComplete((done, failure) -> uiExecutor.execute(() -> finish(done, failure)));
        showProgressSoon(total);
    }

    /** On an engine thread: counts the key and queues one progress update unless one is queued already. */
    private void heard(KeyOutcome outcome, int finished, int total) {
        if (outcome.status() == KeyOutcome.Status.FAILED) {
            failedSoFar.incrementAndGet();
        } else if (outcome.status() == KeyOutcome.Status.CHANGED_ON_SERVER) {
            skippedSoFar.incrementAndGet();
        }
        finishedSoFar.accumulateAndGet(finished, Math::max);
        showProgressSoon(total);
    }

    private void showProgressSoon(int total) {
        if (progressQueued.compareAndSet(false, true)) {
            long wait = progressShownAt + PROGRESS_INTERVAL.toNanos() - System.nanoTime();
            if (wait <= 0) {
                uiExecutor.execute(() -> showProgress(total));
            } else {
                scheduler.schedule(Duration.ofNanos(wait), () -> showProgress(total));
            }
        }
    }

    private void showProgress(int total) {
        progressShownAt = System.nanoTime();
        progressQueued.set(false); // keys ending from now on queue the next update
        if (step.get() != Step.RUNNING) {
            return;
        }
        int finished = finishedSoFar.get();
        progress.set(total == 0 ? 1 : (double) finished / total);
        StringBuilder text = new StringBuilder(formats.count(finished)).append(" of ").append(keys(total));
        if (failedSoFar.get() > 0) {
            text.append(" \u00b7 ").append(formats.count(failedSoFar.get())).append(" failed");
        }
        if (skippedSoFar.get() > 0) {
            text.append(" \u00b7 ").append(formats.count(skippedSoFar.get())).append(" skipped");
        }
        progressText.set(text.toString());
    }

    /** A run's result with its outcomes in words, problems first, and what the dialog counts of them. */
    private record Described(RunResult run, List<ResultItem> items, String summary, int skipped, int newValues) {
    }

    /** Off the UI thread: every outcome in words, sorted, and counted. */
    private Described describeResult(RunResult done) {
        List<ResultItem> items = new ArrayList<>(done.outcomes().size());
        for (KeyOutcome o : done.outcomes()) {
            items.add(resultItem(o));
        }
        // Problems first: they are what the admin has to act on.
        items.sort(Comparator.comparingInt(i -> i.outcome().ok() ? 1 : 0));
        int skipped = 0;
        int newValues = 0;
        for (ResultItem i : items) {
            skipped += i.reviewable() ? 1 : 0;
            newValues += i.newValue() != null ? 1 : 0;
        }
        return new Described(done, items, capitalised(done.summary()) + ".", skipped, newValues);
    }

    private void finish(Described done, Throwable failure) {
        if (failure != null) {
            // The engine turns every key's failure into an outcome: this is a bug, said plainly.
            message.set(UserMessages.of(failure, "The change stopped unexpectedly"));
            step.set(Step.FAILED);
            return;
        }
        result = done.run();
        results.setAll(done.items());
        resultSummary.set(done.summary());
        historyProblem.set(result.historyProblem());
        skippedCount.set(done.skipped());
        newValueCount.set(done.newValues());
        progress.set(1);
        step.set(Step.FINISHED);
        hooks.finished(result);
    }

    /**
     * The result lines the first {@code count} planned keys would have once done, made as the real ones are: the
     * dialog makes and styles its result cells with them while the keys are sent, hidden, and never shows them.
     */
    public List<ResultItem> doneLinesAhead(int count) {
        return plans.subList(0, Math.min(plans.size(), count)).stream()
                .map(p -> resultItem(new KeyOutcome(p.plan(), KeyOutcome.Status.DONE, null, null, List.of(), null,
                        null, null, null)))
                .toList();
    }

    /**
     * Stand-in plan lines, as tall as a bulk change's (a field, a request of a few lines), with no plan behind them:
     * the dialog makes and styles its preview cells with them while the keys are read and planned, hidden, and never
     * shows them. Nothing but the cells may read them ({@link PlanItem#ready()} has no plan to ask).
     */
    public List<PlanItem> planLinesAhead(int count) {
        PlanItem line = new PlanItem(null, "\u2026", "\u2026", "", "\u2026", "",
                "PUT \u2026\n{\n  \u2026\n}");
        return java.util.Collections.nCopies(count, line);
    }

    private ResultItem resultItem(KeyOutcome o) {
        String changes = o.serverChanges().stream().map(d -> d.field() + ": " + d.before() + " (seen) \u2192 "
                + d.after() + " (on the server)").collect(Collectors.joining("\n"));
        String note = null;
        if (o.newValue() != null) {
            note = o.previousValueExpiresAt() == null
                    ? "Copy it now: it is not shown again. The old value no longer works."
                    : "Copy it now: it is not shown again. The old value keeps working until "
                    + formats.dateTime(o.previousValueExpiresAt()) + " ("
                    + formats.relative(o.previousValueExpiresAt(), clock.instant()) + ").";
        }
        String label = o.after() != null && o.after().name() != null ? o.after().name() : o.plan().keyLabel();
        return new ResultItem(o, label, o.keyId(), o.status().word(), o.reason() == null ? "" : capitalised(o.reason()),
                changes, o.newValue(), note);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * Before the run: gives up (the dialog closes). During it: sends no further key; the keys already sent finish,
     * so every outcome is known. Returns true when the dialog may close now.
     */
    public boolean cancel() {
        if (step.get() == Step.RUNNING) {
            if (run != null) {
                run.cancel();
                cancelling.set(true);
                progressText.set(progressText.get() + " \u00b7 cancelling: keys already sent finish");
            }
            return false;
        }
        request.cancel();
        return true;
    }

    // ---- after the run -------------------------------------------------------------------------------------

    /** The result list as tab-separated lines (id, name, outcome, reason; never a key value). */
    public void copyResults() {
        if (result != null && clipboard.get() != null) {
            clipboard.get().copy(result.text());
            message.set("Copied the results of " + keys(result.outcomes().size()) + ".");
        }
    }

    /** Writes the result list as CSV (never a key value), atomically and off the UI thread. */
    public void saveCsv(Path file) {
        if (result == null) {
            return;
        }
        String csv = result.csv();
        int rows = result.outcomes().size();
        message.set("Saving\u2026");
        request.submit(() -> CompletableFuture.runAsync(() -> {
            try {
                AtomicFiles.writeString(file, csv);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, background), (done, failure) -> message.set(failure != null
                ? UserMessages.of(failure, "The results could not be saved")
                : "Saved " + formats.count(rows) + (rows == 1 ? " row" : " rows") + " to " + file + "."));
    }

    /** Copies one rotated key's new value; the clipboard forgets it after 30 s. */
    public void copyNewValue(ResultItem item) {
        if (item.newValue() != null && clipboard.get() != null) {
            clipboard.get().copySecret(item.newValue().reveal());
            message.set("Copied the new value of \u201c" + item.keyLabel()
                    + "\u201d; it is cleared from the clipboard in 30 s.");
        }
    }

    /** Copies every new value, one {@code ID<TAB>VALUE} line per key, as a secret (cleared after 30 s). */
    public void copyAllNewValues() {
        String lines = results.stream().filter(i -> i.newValue() != null)
                .map(i -> i.keyId() + "\t" + i.newValue().reveal()).collect(Collectors.joining("\n"));
        if (!lines.isEmpty() && clipboard.get() != null) {
            clipboard.get().copySecret(lines + "\n");
            int n = newValueCount.get();
            message.set("Copied " + formats.count(n) + (n == 1 ? " new value" : " new values")
                    + " (id and value per line); the clipboard forgets them in 30 s.");
        }
    }

    /** Opens a skipped key's newer data (the dialog closes). */
    public void review(ResultItem item) {
        hooks.review(item.keyId(), item.keyLabel());
    }

    /** The same change for the keys that were skipped, planned against the server's newer copies: a new preview. */
    public ChangeDialogViewModel previewAgain() {
        List<VirtualKey> newer = results.stream().filter(ResultItem::reviewable).map(i -> i.outcome().after())
                .toList();
        return hooks.again(change, newer);
    }

    // ---- what the view binds -----------------------------------------------------------------------------

    public KeyChange change() {
        return change;
    }

    /** What the change is, as the dialog's heading says it. */
    public String title() {
        return change.label();
    }

    /** Shown in red, with the warning that it destroys something. */
    public boolean destructive() {
        return change.destructive();
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** Under the title: the keys before planning, then how many change. */
    public ReadOnlyStringProperty subtitleProperty() {
        return subtitle.getReadOnlyProperty();
    }

    /** A line for the admin: working it out, why it failed, saved, copied. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ObservableList<PlanItem> plans() {
        return FXCollections.unmodifiableObservableList(plans);
    }

    /** What the server does besides, common to every key that changes. */
    public ObservableList<String> commonEffects() {
        return FXCollections.unmodifiableObservableList(commonEffects);
    }

    public ReadOnlyIntegerProperty readyCountProperty() {
        return readyCount.getReadOnlyProperty();
    }

    /** For a delete: what to type; empty when no typing is needed. */
    public ReadOnlyStringProperty confirmPromptProperty() {
        return confirmPrompt.getReadOnlyProperty();
    }

    /** What the admin typed to confirm a delete. */
    public StringProperty confirmationProperty() {
        return confirmation;
    }

    public ReadOnlyStringProperty confirmLabelProperty() {
        return confirmLabel.getReadOnlyProperty();
    }

    public BooleanBinding canConfirmProperty() {
        return canConfirm;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cancellingProperty() {
        return cancelling.getReadOnlyProperty();
    }

    public ObservableList<ResultItem> results() {
        return FXCollections.unmodifiableObservableList(results);
    }

    public ReadOnlyStringProperty resultSummaryProperty() {
        return resultSummary.getReadOnlyProperty();
    }

    /** One sentence when History could not be written (the changes happened as listed); else null. */
    public ReadOnlyStringProperty historyProblemProperty() {
        return historyProblem.getReadOnlyProperty();
    }

    /** Keys skipped because they changed on the server, whose newer copy can be previewed again. */
    public ReadOnlyIntegerProperty skippedCountProperty() {
        return skippedCount.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty newValueCountProperty() {
        return newValueCount.getReadOnlyProperty();
    }

    /** The run's result once finished, else null. */
    public RunResult result() {
        return result;
    }
}
