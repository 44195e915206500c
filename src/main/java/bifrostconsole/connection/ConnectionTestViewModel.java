package bifrostconsole.connection;

import bifrostconsole.api.ApiException;
import bifrostconsole.api.ConnectionSettings;
import bifrostconsole.api.Health;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.Page;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * "Test connection": {@code /health}, then {@code /api/version}, then one authenticated list call
 * ({@code limit=1}), each with its own result line, so the user sees exactly which step failed and why.
 * When the server cannot be reached at all, the later steps are marked as not tried rather than failing
 * with the same message three times. A newer run makes an older run's late answers disappear.
 */
public final class ConnectionTestViewModel {

    public enum StepState { WAITING, RUNNING, PASSED, FAILED, SKIPPED }

    public enum Outcome { NOT_RUN, RUNNING, PASSED, FAILED }

    /** One line of the result: its name, its state and a sentence. */
    public static final class Step {
        private final String title;
        private final ReadOnlyObjectWrapper<StepState> state = new ReadOnlyObjectWrapper<>(StepState.WAITING);
        private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
        private volatile ApiException.Kind failureKind;

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

        /** What kind of failure this step met, or null: lets the command line choose its exit code. */
        public ApiException.Kind failureKind() {
            return failureKind;
        }

        void set(StepState s, String text) {
            set(s, text, null);
        }

        void set(StepState s, String text, ApiException.Kind kind) {
            failureKind = kind;
            state.set(s);
            detail.set(text);
        }
    }

    private final Function<ConnectionSettings, ManagementApiClient> clients;
    private final Executor uiExecutor;
    private final Step health = new Step("Server reachable (/health)");
    private final Step version = new Step("Bifrost version (/api/version)");
    private final Step keyList = new Step("Key accepted (list virtual keys)");
    private final List<Step> steps = List.of(health, version, keyList);
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>(Outcome.NOT_RUN);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private volatile long generation;
    private CompletableFuture<?> inFlight = CompletableFuture.completedFuture(null);

    public ConnectionTestViewModel(Function<ConnectionSettings, ManagementApiClient> clients, Executor uiExecutor) {
        this.clients = clients;
        this.uiExecutor = uiExecutor;
    }

    public ConnectionTestViewModel(Executor uiExecutor) {
        this(ManagementApiClient::new, uiExecutor);
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

    /** Call on the UI thread. Completes with true when every step passed. */
    public CompletableFuture<Boolean> run(ConnectionSettings settings) {
        long gen = restart();
        ManagementApiClient client = clients.apply(settings);
        boolean hasKey = settings.apiKey() != null;
        String server = settings.displayName();

        CompletableFuture<Boolean> result = step(gen, health, client::health, this::describeHealth)
                .thenCompose(healthError -> {
                    if (healthError != null && healthError.kind().isUnreachable()) {
                        skip(gen, "Not tried: the server could not be reached.", version, keyList);
                        return CompletableFuture.completedFuture(false);
                    }
                    return step(gen, version, client::version, v -> "Bifrost " + v)
                            .thenCompose(versionError -> step(gen, keyList,
                                    () -> client.listVirtualKeys(VirtualKeyQuery.firstPage(1)),
                                    page -> describeList(page, hasKey))
                                    .thenApply(listError -> healthError == null && versionError == null
                                            && listError == null));
                });
        inFlight = result;
        result.thenAccept(passed -> ui(gen, () -> finish(passed, server)));
        return result;
    }

    /** Shows a failure that happened before any request, e.g. an unreadable CA file or a bad address. */
    public void failBeforeStart(String message) {
        restart();
        skip(generation, "Not tried.", steps.toArray(Step[]::new));
        running.set(false);
        outcome.set(Outcome.FAILED);
        summary.set(message);
    }

    /** Forgets the last result: the settings it was about changed. */
    public void reset() {
        restart();
        for (Step s : steps) {
            s.set(StepState.WAITING, "");
        }
        running.set(false);
        outcome.set(Outcome.NOT_RUN);
        summary.set("");
    }

    private long restart() {
        inFlight.cancel(true);
        generation++;
        for (Step s : steps) {
            s.set(StepState.WAITING, "");
        }
        running.set(true);
        outcome.set(Outcome.RUNNING);
        summary.set("Testing\u2026");
        return generation;
    }

    private void finish(boolean passed, String server) {
        running.set(false);
        outcome.set(passed ? Outcome.PASSED : Outcome.FAILED);
        if (passed) {
            summary.set("Connected to " + server + ": all checks passed.");
        } else {
            Step failed = steps.stream().filter(s -> s.state() == StepState.FAILED).findFirst().orElse(health);
            summary.set(failed.detail());
        }
    }

    /** Runs one call; completes with its failure (null on success), never exceptionally. */
    private <T> CompletableFuture<ApiException> step(long gen, Step step, Supplier<CompletableFuture<T>> call,
                                                     Function<T, String> describe) {
        ui(gen, () -> step.set(StepState.RUNNING, "Checking\u2026"));
        CompletableFuture<T> future;
        try {
            future = call.get();
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        return future.handle((value, failure) -> {
            ApiException error = failure == null ? null : asApiException(failure);
            String text;
            if (error == null) {
                try {
                    text = describe.apply(value);
                } catch (ApiException e) {
                    error = e;
                    text = e.getMessage();
                }
            } else {
                text = error.getMessage();
            }
            StepState state = error == null ? StepState.PASSED : StepState.FAILED;
            String shown = text;
            ApiException.Kind kind = error == null ? null : error.kind();
            ui(gen, () -> step.set(state, shown, kind));
            return error;
        });
    }

    private String describeHealth(Health h) {
        if (!h.ok()) {
            throw new ApiException(ApiException.Kind.UNAVAILABLE, 200, "", "The server answers but reports its"
                    + " health as '" + h.status() + "': check the gateway's logs and its database.", null, null);
        }
        String components = h.components().entrySet().stream().map(Map.Entry::toString)
                .collect(Collectors.joining(", "));
        return "Healthy" + (components.isEmpty() ? "." : " (" + components + ").");
    }

    private static String describeList(Page<VirtualKey> page, boolean hasKey) {
        String count = String.format("%,d virtual key%s visible", page.totalCount(), page.totalCount() == 1 ? "" : "s");
        return hasKey ? "Key accepted: " + count + "."
                : "No key needed (authentication is off on this server): " + count + ".";
    }

    private static ApiException asApiException(Throwable failure) {
        Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (t instanceof ApiException api) {
            return api;
        }
        return new ApiException(ApiException.Kind.NETWORK, 0, "", "The check failed unexpectedly ("
                + t.getClass().getSimpleName() + "): retry.", null, null);
    }

    private void skip(long gen, String why, Step... skipped) {
        ui(gen, () -> {
            for (Step s : skipped) {
                s.set(StepState.SKIPPED, why);
            }
        });
    }

    private void ui(long gen, Runnable update) {
        uiExecutor.execute(() -> {
            if (gen == generation) {
                update.run();
            }
        });
    }
}
