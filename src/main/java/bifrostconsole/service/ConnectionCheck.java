package bifrostconsole.service;

import bifrostconsole.api.ApiException;
import bifrostconsole.api.ConnectionSettings;
import bifrostconsole.api.Health;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.Page;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.messages.UserMessages;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The connection check, shared by the profile editor's "Test connection" and the {@code check} command:
 * {@code /health}, then {@code /api/version}, then one authenticated list call ({@code limit=1}), each with its
 * own sentence, so the user sees exactly which step failed and why. When the server cannot be reached at all, the
 * later steps are skipped rather than failing with the same message three times; any other failure lets the next
 * steps run, since each says something of its own (a 404 on /health does not mean the key is wrong).
 */
public final class ConnectionCheck {

    /** The steps, in the order they run. */
    public enum Step {
        HEALTH("Server reachable (/health)"),
        VERSION("Bifrost version (/api/version)"),
        KEY_LIST("Key accepted (list virtual keys)");

        private final String title;

        Step(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    public enum Status { RUNNING, PASSED, FAILED, SKIPPED }

    /** Where one step stands: its sentence, and for a failure its kind (the command line's exit code). */
    public record StepResult(Step step, Status status, String detail, ApiException.Kind failureKind) {
    }

    /** Told each time a step starts or ends, in order, on whichever thread the answer arrives. */
    @FunctionalInterface
    public interface Listener {
        void stepChanged(StepResult result);
    }

    /** The end state of every step, in order. */
    public record Report(List<StepResult> steps) {
        public boolean passed() {
            return steps.stream().allMatch(s -> s.status() == Status.PASSED);
        }

        public Optional<StepResult> firstFailure() {
            return steps.stream().filter(s -> s.status() == Status.FAILED).findFirst();
        }
    }

    static final String CHECKING = "Checking\u2026";
    static final String UNREACHABLE = "Not tried: the server could not be reached.";

    private final Function<ConnectionSettings, ManagementApiClient> clients;

    public ConnectionCheck(Function<ConnectionSettings, ManagementApiClient> clients) {
        this.clients = clients;
    }

    public ConnectionCheck() {
        this(ManagementApiClient::new);
    }

    /**
     * Runs the steps one after another; never completes exceptionally except when cancelled. Cancelling the
     * returned future aborts the request in flight, and the listener hears nothing more of this run.
     */
    public CompletableFuture<Report> run(ConnectionSettings settings, Listener listener) {
        ManagementApiClient client = clients.apply(settings);
        boolean hasKey = settings.apiKey() != null;
        Run run = new Run(listener);
        CompletableFuture<Report> steps = run.step(Step.HEALTH, client::health, ConnectionCheck::describeHealth)
                .thenCompose(health -> {
                    if (health.status() == Status.FAILED && health.failureKind().isUnreachable()) {
                        return CompletableFuture.completedFuture(new Report(List.of(health,
                                run.skip(Step.VERSION), run.skip(Step.KEY_LIST))));
                    }
                    return run.step(Step.VERSION, client::version, v -> "Bifrost " + v)
                            .thenCompose(version -> run.step(Step.KEY_LIST,
                                    () -> client.listVirtualKeys(VirtualKeyQuery.firstPage(1)),
                                    page -> describeList(page, hasKey))
                                    .thenApply(keys -> new Report(List.of(health, version, keys))));
                });
        CompletableFuture<Report> report = new CompletableFuture<>();
        steps.whenComplete((done, failure) -> {
            if (failure != null) {
                report.completeExceptionally(failure);
            } else {
                report.complete(done);
            }
        });
        report.whenComplete((done, failure) -> {
            if (report.isCancelled()) {
                run.cancel();
            }
        });
        return report;
    }

    /** One run's state: whether it was cancelled, and the call to abort if so. */
    private static final class Run {
        private final Listener listener;
        private volatile boolean cancelled;
        private volatile CompletableFuture<?> inFlight;

        Run(Listener listener) {
            this.listener = listener;
        }

        /** Runs one call; completes with the step's result, never exceptionally unless cancelled. */
        <T> CompletableFuture<StepResult> step(Step step, Supplier<CompletableFuture<T>> call,
                                               Function<T, String> describe) {
            if (cancelled) {
                return CompletableFuture.failedFuture(new CancellationException());
            }
            tell(new StepResult(step, Status.RUNNING, CHECKING, null));
            CompletableFuture<T> future;
            try {
                future = call.get();
            } catch (RuntimeException e) {
                future = CompletableFuture.failedFuture(e);
            }
            inFlight = future;
            return future.handle((value, failure) -> {
                StepResult result;
                try {
                    if (failure != null) {
                        throw asApiException(failure);
                    }
                    result = new StepResult(step, Status.PASSED, describe.apply(value), null);
                } catch (ApiException e) {
                    result = new StepResult(step, Status.FAILED, e.getMessage(), e.kind());
                }
                tell(result);
                return result;
            });
        }

        StepResult skip(Step step) {
            StepResult skipped = new StepResult(step, Status.SKIPPED, UNREACHABLE, null);
            tell(skipped);
            return skipped;
        }

        void cancel() {
            cancelled = true;
            CompletableFuture<?> call = inFlight;
            if (call != null) {
                call.cancel(true);
            }
        }

        private void tell(StepResult result) {
            if (!cancelled) {
                listener.stepChanged(result);
            }
        }
    }

    private static String describeHealth(Health h) {
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
        Throwable t = UserMessages.unwrap(failure);
        if (t instanceof ApiException api) {
            return api;
        }
        return new ApiException(ApiException.Kind.NETWORK, 0, "", "The check failed unexpectedly ("
                + t.getClass().getSimpleName() + "): retry.", null, null);
    }
}
