package bifrostconsole.connection;

import bifrostconsole.api.ConnectionSettings;
import bifrostconsole.service.ConnectionCheck;
import bifrostconsole.service.LatestRequest;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * "Test connection" on screen: shows each step of a {@link ConnectionCheck} as it starts and ends, through the
 * UI executor. A newer run cancels the older one and its late answers are dropped, so only the latest run shows.
 */
public final class ConnectionTestViewModel {

    public enum StepState { WAITING, RUNNING, PASSED, FAILED, SKIPPED }

    public enum Outcome { NOT_RUN, RUNNING, PASSED, FAILED }

    /** One line of the result: its name, its state and a sentence. */
    public static final class Step {
        private final String title;
        private final ReadOnlyObjectWrapper<StepState> state = new ReadOnlyObjectWrapper<>(StepState.WAITING);
        private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");

        Step(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }

        public ReadOnlyObjectProperty<StepState> stateProperty() {
            return state.getReadOnlyProperty();
        }

        public StepState state() {
            return state.get();
        }

        public ReadOnlyStringProperty detailProperty() {
            return detail.getReadOnlyProperty();
        }

        public String detail() {
            return detail.get();
        }

        void set(StepState s, String text) {
            state.set(s);
            detail.set(text);
        }
    }

    private final ConnectionCheck check;
    private final LatestRequest latest;
    /** In the order of {@link ConnectionCheck.Step}, so a result's step ordinal is its line. */
    private final List<Step> steps = Arrays.stream(ConnectionCheck.Step.values()).map(s -> new Step(s.title())).toList();
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>(Outcome.NOT_RUN);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);

    public ConnectionTestViewModel(ConnectionCheck check, Executor uiExecutor) {
        this.check = check;
        this.latest = new LatestRequest(uiExecutor);
    }

    public ConnectionTestViewModel(Executor uiExecutor) {
        this(new ConnectionCheck(), uiExecutor);
    }

    public List<Step> steps() {
        return steps;
    }

    public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Call on the UI thread. Completes with true when every step passed, after the result is shown. */
    public CompletableFuture<Boolean> run(ConnectionSettings settings) {
        LatestRequest.Ticket ticket = restart();
        String server = settings.displayName();
        return ticket.track(check.run(settings, result -> ticket.ui(() -> show(result)))).thenApply(report -> {
            ticket.ui(() -> finish(report, server));
            return report.passed();
        });
    }

    /** Shows a failure that happened before any request, e.g. an unreadable CA file or a bad address. */
    public void failBeforeStart(String message) {
        restart();
        for (Step s : steps) {
            s.set(StepState.SKIPPED, "Not tried.");
        }
        running.set(false);
        outcome.set(Outcome.FAILED);
        summary.set(message);
    }

    /** Forgets the last result: the settings it was about changed. */
    public void reset() {
        restart();
        running.set(false);
        outcome.set(Outcome.NOT_RUN);
        summary.set("");
    }

    /** Cancels the run in flight (its late answers are dropped) and clears the lines for a new one. */
    private LatestRequest.Ticket restart() {
        LatestRequest.Ticket ticket = latest.start();
        for (Step s : steps) {
            s.set(StepState.WAITING, "");
        }
        running.set(true);
        outcome.set(Outcome.RUNNING);
        summary.set("Testing\u2026");
        return ticket;
    }

    private void show(ConnectionCheck.StepResult result) {
        StepState state = switch (result.status()) {
            case RUNNING -> StepState.RUNNING;
            case PASSED -> StepState.PASSED;
            case FAILED -> StepState.FAILED;
            case SKIPPED -> StepState.SKIPPED;
        };
        steps.get(result.step().ordinal()).set(state, result.detail());
    }

    private void finish(ConnectionCheck.Report report, String server) {
        running.set(false);
        outcome.set(report.passed() ? Outcome.PASSED : Outcome.FAILED);
        summary.set(report.passed() ? "Connected to " + server + ": all checks passed."
                : report.firstFailure().map(ConnectionCheck.StepResult::detail).orElse(steps.get(0).detail()));
    }
}
