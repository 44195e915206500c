package bifrostconsole.owners;

import bifrostconsole.api.GovernanceSource;
import bifrostconsole.api.Json;
import bifrostconsole.api.ListQuery;
import bifrostconsole.api.Page;
import bifrostconsole.api.Team;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.api.WriteRequest;
import bifrostconsole.changes.ChangePreview;
import bifrostconsole.changes.FieldDiff;
import bifrostconsole.changes.OwnerChanges;
import bifrostconsole.messages.UserMessages;
import com.fasterxml.jackson.databind.JsonNode;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Deleting a team or a customer, with what it takes along said first: every key (and, for a customer, every team)
 * that will be detached, read from the server and listed by name, then the exact request. Bifrost keeps those keys
 * and teams; they only lose their owner, and with it the owner's budgets and limits (API.md §6, §7). Sent through
 * {@link OwnerChanges}: refused if the team or customer changed since it was read, logged in History.
 */
public final class OwnerDeleteViewModel {
    /** How many keys or teams are read to list them; past that the count still says how many there are. */
    static final int LISTED_AT_MOST = 1_000;
    private static final int PAGE = 100;

    private final OwnerChanges.Kind kind;
    private final String id;
    private final String name;
    private final JsonNode seen;
    private final GovernanceSource source;
    private final OwnerChanges writer;
    private final Executor uiExecutor;

    private final ObservableList<String> keys = FXCollections.observableArrayList();
    private final ObservableList<String> teams = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyObjectWrapper<ChangePreview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final List<Consumer<OwnerChanges.OwnerOutcome>> onDeleted = new ArrayList<>();

    /** @param item the team or customer as read (its wire form goes to the lost-update guard) */
    public OwnerDeleteViewModel(OwnerChanges.Kind kind, Object item, String id, String name, GovernanceSource source,
                                OwnerChanges writer, Executor uiExecutor) {
        this.kind = kind;
        this.id = id;
        this.name = name;
        this.seen = Json.mapper().valueToTree(item);
        this.source = source;
        this.writer = writer;
        this.uiExecutor = uiExecutor;
    }

    /** Reads what will be detached; the preview appears when it is known. */
    public void load() {
        loading.set(true);
        error.set(null);
        VirtualKeyQuery byOwner = kind == OwnerChanges.Kind.TEAM ? VirtualKeyQuery.firstPage(PAGE).withTeamId(id)
                : VirtualKeyQuery.firstPage(PAGE).withCustomerId(id);
        CompletableFuture<Names> keyNames = all(offset -> source.listVirtualKeys(byOwner.withOffset(offset)),
                VirtualKey::name);
        CompletableFuture<Names> teamNames = kind == OwnerChanges.Kind.TEAM
                ? CompletableFuture.completedFuture(new Names(List.of(), 0))
                : all(offset -> source.listTeams(ListQuery.firstPage(PAGE).withCustomerId(id).withOffset(offset)),
                Team::name);
        keyNames.thenCombine(teamNames, (k, t) -> new Names[]{k, t}).whenCompleteAsync((both, failure) -> {
            loading.set(false);
            if (failure != null) {
                error.set(UserMessages.of(failure, "What the " + kind.noun() + " holds could not be read, so it"
                        + " cannot be deleted safely"));
                return;
            }
            keys.setAll(both[0].names());
            teams.setAll(both[1].names());
            preview.set(previewOf(both[0].total(), both[1].total()));
        }, uiExecutor);
    }

    private record Names(List<String> names, long total) {
    }

    /** Every item's name, page by page, up to {@link #LISTED_AT_MOST}; and how many the server says there are. */
    private static <T> CompletableFuture<Names> all(Function<Integer, CompletableFuture<Page<T>>> page,
                                                    Function<T, String> nameOf) {
        List<String> names = new ArrayList<>();
        return next(page, nameOf, names, 0);
    }

    private static <T> CompletableFuture<Names> next(Function<Integer, CompletableFuture<Page<T>>> page,
                                                     Function<T, String> nameOf, List<String> names, int offset) {
        return page.apply(offset).thenCompose(p -> {
            p.items().forEach(item -> names.add(nameOf.apply(item)));
            int nextOffset = offset + p.items().size();
            if (p.items().isEmpty() || nextOffset >= p.totalCount() || names.size() >= LISTED_AT_MOST) {
                return CompletableFuture.completedFuture(new Names(List.copyOf(names), p.totalCount()));
            }
            return next(page, nameOf, names, nextOffset);
        });
    }

    private ChangePreview previewOf(long keyCount, long teamCount) {
        List<FieldDiff> fields = new ArrayList<>();
        List<String> effects = new ArrayList<>();
        fields.add(new FieldDiff(kind.noun(), name, "deleted"));
        fields.add(new FieldDiff("keys", count(keyCount, "key") + " of the " + kind.noun(), "no " + kind.noun()));
        if (kind == OwnerChanges.Kind.CUSTOMER) {
            fields.add(new FieldDiff("teams", count(teamCount, "team") + " of the customer", "no customer"));
        }
        effects.add("The " + kind.noun() + "'s budgets and rate limit are deleted with their usage.");
        if (keyCount > 0) {
            effects.add(count(keyCount, "key") + " keep working, detached: no longer limited by the " + kind.noun()
                    + "'s budgets and limits.");
        }
        if (teamCount > 0) {
            effects.add(count(teamCount, "team") + " stay, without a customer.");
        }
        summary.set("Deleting " + kind.noun() + " \u201c" + name + "\u201d detaches " + count(keyCount, "key")
                + (kind == OwnerChanges.Kind.CUSTOMER ? " and " + count(teamCount, "team") : "")
                + ". Nothing else is deleted.");
        WriteRequest request = kind == OwnerChanges.Kind.TEAM ? WriteRequest.deleteTeam(id)
                : WriteRequest.deleteCustomer(id);
        return new ChangePreview("Delete the " + kind.noun() + " \u201c" + name + "\u201d?", fields, effects, request,
                "Delete " + kind.noun(), true);
    }

    private static String count(long n, String noun) {
        return String.format(java.util.Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    /** Sends the delete. */
    public void confirm() {
        ChangePreview p = preview.get();
        if (p == null || writer == null || saving.get()) {
            return;
        }
        saving.set(true);
        error.set(null);
        OwnerChanges.OwnerPlan plan = new OwnerChanges.OwnerPlan(kind, id, name, seen, "delete-" + kind.noun(),
                p.fields(), p.request(), p.sideEffects(), false);
        writer.run(plan).whenCompleteAsync((outcome, failure) -> {
            saving.set(false);
            if (failure != null) {
                error.set(UserMessages.of(failure, "The " + kind.noun() + " could not be deleted"));
            } else if (outcome.ok()) {
                onDeleted.forEach(c -> c.accept(outcome));
            } else {
                error.set("Not deleted: " + lowerFirst(outcome.reason()));
            }
        }, uiExecutor);
    }

    /** What happens once the server deleted it (refresh the list, close the dialog), in the order added. */
    public void addOnDeleted(Consumer<OwnerChanges.OwnerOutcome> then) {
        onDeleted.add(then);
    }

    public OwnerChanges.Kind kind() {
        return kind;
    }

    /** The keys that will be detached, by name (up to {@link #LISTED_AT_MOST}). */
    public ObservableList<String> keys() {
        return keys;
    }

    /** A customer's teams that will be detached, by name. */
    public ObservableList<String> teams() {
        return teams;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** "Deleting team “Payments” detaches 12 keys. Nothing else is deleted." */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ChangePreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** The engine's reason after "Not saved:": its sentence goes on, so its first word is not capitalised. */
    private static String lowerFirst(String s) {
        return s == null || s.isEmpty() ? "" : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
