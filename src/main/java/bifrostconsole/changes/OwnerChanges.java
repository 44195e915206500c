package bifrostconsole.changes;

import bifrostconsole.api.ApiException;
import bifrostconsole.api.Json;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.WriteRequest;
import bifrostconsole.messages.UserMessages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Changes to teams and customers, carried out as key changes are ({@link ChangeEngine}): the editor plans the exact
 * request ({@link OwnerPlan}); just before sending, the team or customer is read again and, if it changed on the
 * server since the admin read it, nothing is sent ({@link KeyOutcome.Status#CHANGED_ON_SERVER} with the fields that
 * differ); the request is sent once, never retried; and the outcome is appended to History, whose key columns then
 * hold the team's or customer's id and name and whose action says what it was ({@code edit-team},
 * {@code delete-customer}, ...).
 *
 * <p>Threads as the engine: HTTP on the client's threads, History on {@code io}, the returned future completes on
 * {@code io} or a client thread (apply it to the UI through the view-model's executor).
 */
public final class OwnerChanges {

    public enum Kind {
        TEAM("team"), CUSTOMER("customer");

        private final String noun;

        Kind(String noun) {
            this.noun = noun;
        }

        public String noun() {
            return noun;
        }
    }

    /**
     * What one change to a team or customer will do, worked out before anything is sent.
     *
     * @param id          its id; null for a create
     * @param seen        its wire form as the admin read it (the guard compares the server's copy with it); null for
     *                    a create
     * @param action      History's action: {@code create-team}, {@code edit-team}, {@code delete-team}, ...
     * @param fields      the change in words, field by field
     * @param request     the exact request
     * @param sideEffects what the server does besides (keys detached, usage kept or reset)
     * @param resetsUsage the request asks {@code reset_budget_usage}: the answer is checked for it
     */
    public record OwnerPlan(Kind kind, String id, String name, JsonNode seen, String action, List<FieldDiff> fields,
                            WriteRequest request, List<String> sideEffects, boolean resetsUsage) {
        public OwnerPlan {
            Objects.requireNonNull(request, "request");
            fields = List.copyOf(fields);
            sideEffects = List.copyOf(sideEffects);
            seen = seen == null ? null : seen.deepCopy();
        }

        /** The whole plan as text: each field, what the server does besides, and the exact request. */
        public String describe() {
            StringBuilder b = new StringBuilder();
            b.append(kind.noun()).append(' ').append(name).append(id == null ? "" : " (" + id + ")").append(": ")
                    .append(action).append('\n');
            fields.forEach(f -> b.append("  ").append(f).append('\n'));
            sideEffects.forEach(e -> b.append("  also: ").append(e).append('\n'));
            b.append("  request: ").append(request.preview().replace("\n", "\n  ")).append('\n');
            return b.toString();
        }
    }

    /**
     * How it ended: {@code after} is the team or customer as the server answered (its newer copy for
     * {@link KeyOutcome.Status#CHANGED_ON_SERVER}; null after a delete or a failure).
     */
    public record OwnerOutcome(OwnerPlan plan, KeyOutcome.Status status, String reason, JsonNode after,
                               List<FieldDiff> serverChanges) {
        public OwnerOutcome {
            serverChanges = serverChanges == null ? List.of() : List.copyOf(serverChanges);
        }

        public boolean ok() {
            return status == KeyOutcome.Status.DONE;
        }

        /** The id of what was changed: the new one's after a create. */
        public String id() {
            return after != null && after.hasNonNull("id") ? after.get("id").asText() : plan.id();
        }
    }

    /** Fields the server moves by itself, or that change when something else changes (its keys, its teams). */
    private static final Set<String> NOT_COMPARED = Set.of("updated_at", "created_at", "virtual_key_count",
            "virtual_keys", "customer", "teams", "rate_limit_id", "profile", "claims");

    private final ManagementApiClient client;
    private final ChangeHistory history;
    private final Executor io;
    private final Clock clock;

    public OwnerChanges(ManagementApiClient client, ChangeHistory history, Executor io, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.history = Objects.requireNonNull(history, "history");
        this.io = Objects.requireNonNull(io, "io");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Team and customer changes logged in the same History as the key changes of {@code engine}. */
    public static OwnerChanges besides(ChangeEngine engine, ManagementApiClient client, Executor io, Clock clock) {
        return new OwnerChanges(client, engine.history(), io, clock);
    }

    /** Carries out one plan: the guard, the request (once), History. Never fails: a failure is an outcome. */
    public CompletableFuture<OwnerOutcome> run(OwnerPlan plan) {
        CompletableFuture<JsonNode> reRead = plan.id() == null || plan.seen() == null
                ? CompletableFuture.completedFuture(null) : read(plan);
        return reRead.handle((server, failure) -> {
            if (failure != null) {
                return CompletableFuture.completedFuture(reReadFailed(plan, failure));
            }
            if (server != null) {
                List<FieldDiff> changed = between(plan.seen(), server);
                if (!changed.isEmpty()) {
                    return CompletableFuture.completedFuture(new OwnerOutcome(plan, KeyOutcome.Status.CHANGED_ON_SERVER,
                            "it changed on the server since it was read, so nothing was sent (" + join(changed)
                                    + "): review the newer data and try again.", server, changed));
                }
            }
            return client.send(plan.request()).handle((answer, sendFailure) -> sendFailure != null
                    ? new OwnerOutcome(plan, KeyOutcome.Status.FAILED, UserMessages.of(sendFailure), null, List.of())
                    : applied(plan, answer));
        }).thenCompose(outcome -> outcome).thenCompose(this::logged);
    }

    private CompletableFuture<JsonNode> read(OwnerPlan plan) {
        return (plan.kind() == Kind.TEAM ? client.getTeam(plan.id()).thenApply(t -> (Object) t)
                : client.getCustomer(plan.id()).thenApply(c -> (Object) c))
                .thenApply(item -> (JsonNode) Json.mapper().valueToTree(item));
    }

    private OwnerOutcome reReadFailed(OwnerPlan plan, Throwable failure) {
        if (UserMessages.unwrap(failure) instanceof ApiException api && api.kind() == ApiException.Kind.NOT_FOUND) {
            return new OwnerOutcome(plan, KeyOutcome.Status.CHANGED_ON_SERVER, "it was deleted on the server since it"
                    + " was read, so nothing was sent.", null,
                    List.of(new FieldDiff(plan.kind().noun(), "exists", "deleted")));
        }
        return new OwnerOutcome(plan, KeyOutcome.Status.FAILED, "it could not be read again before the change ("
                + UserMessages.of(failure) + "), so nothing was sent.", null, List.of());
    }

    private OwnerOutcome applied(OwnerPlan plan, JsonNode answer) {
        JsonNode after = answer == null ? null : answer.get(plan.kind().noun());
        if (plan.request().method().equals("DELETE")) {
            return new OwnerOutcome(plan, KeyOutcome.Status.DONE, null, null, List.of());
        }
        if (after == null || !after.isObject()) {
            return new OwnerOutcome(plan, KeyOutcome.Status.FAILED, "the server applied the change but its answer"
                    + " held no " + plan.kind().noun() + ": refresh to see it.", null, List.of());
        }
        if (plan.resetsUsage()) {
            for (JsonNode b : after.path("budgets")) {
                if (b.path("current_usage").asDouble() != 0) {
                    return new OwnerOutcome(plan, KeyOutcome.Status.FAILED, "the server accepted the request but did"
                            + " not reset the usage: Bifrost before 2.0 ignores reset_budget_usage.", after, List.of());
                }
            }
        }
        return new OwnerOutcome(plan, KeyOutcome.Status.DONE, null, after, List.of());
    }

    /** The fields an admin sets that differ between the copy seen and the server's, usage counters aside. */
    public static List<FieldDiff> between(JsonNode seen, JsonNode server) {
        ObjectNode a = canonical(seen);
        ObjectNode b = canonical(server);
        Set<String> names = new LinkedHashSet<>();
        a.fieldNames().forEachRemaining(names::add);
        b.fieldNames().forEachRemaining(names::add);
        List<FieldDiff> diffs = new ArrayList<>();
        for (String name : names) {
            JsonNode before = a.get(name);
            JsonNode after = b.get(name);
            if (!Objects.equals(before, after)) {
                diffs.add(new FieldDiff(name.replace('_', ' '), words(before), words(after)));
            }
        }
        if (!Objects.equals(seen.get("updated_at"), server.get("updated_at"))) {
            diffs.add(new FieldDiff("updated_at", words(seen.get("updated_at")), words(server.get("updated_at"))));
        }
        return diffs;
    }

    private static ObjectNode canonical(JsonNode item) {
        ObjectNode node = item.deepCopy();
        NOT_COMPARED.forEach(node::remove);
        // Null and absent mean the same on the wire; usage counters and window starts move with traffic.
        List<String> nulls = new ArrayList<>();
        node.fields().forEachRemaining(f -> {
            if (f.getValue().isNull()) {
                nulls.add(f.getKey());
            }
        });
        nulls.forEach(node::remove);
        ServerChanges.stripRunning(node, true);
        return node;
    }

    private static String words(JsonNode value) {
        if (value == null || value.isNull()) {
            return KeyWords.NONE;
        }
        return value.isTextual() ? value.asText() : value.toString();
    }

    private static String join(List<FieldDiff> diffs) {
        return String.join("; ", diffs.stream().map(FieldDiff::toString).toList());
    }

    private CompletableFuture<OwnerOutcome> logged(OwnerOutcome outcome) {
        OwnerPlan plan = outcome.plan();
        HistoryEntry entry = new HistoryEntry(clock.instant(), client.displayName(), outcome.id(), plan.name(),
                plan.action(), plan.fields(), outcome.status().word(), outcome.reason(), null);
        return CompletableFuture.supplyAsync(() -> {
            try {
                history.append(entry);
                return outcome;
            } catch (IOException e) {
                return new OwnerOutcome(plan, outcome.status(), (outcome.reason() == null ? "" : outcome.reason() + " ")
                        + "History could not be written (" + UserMessages.describe(e) + ").", outcome.after(),
                        outcome.serverChanges());
            }
        }, io);
    }
}
