package bifrostconsole.owners;

import bifrostconsole.usage.UsageViewModel;
import bifrostconsole.api.Customer;
import bifrostconsole.api.GovernanceSource;
import bifrostconsole.api.ServerFeatures;
import bifrostconsole.api.Team;
import bifrostconsole.changes.OwnerChanges;
import bifrostconsole.service.Scheduler;
import bifrostconsole.tables.PagedListViewModel;
import bifrostconsole.ui.Formats;
import bifrostconsole.ui.Navigator;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * What the team view and the customer view share: the server-paged table of them, the detail pane of the one
 * opened, the forms that create, edit and delete them (through {@link OwnerChanges}, so every write is previewed,
 * guarded and logged), and the links to keys, teams and customers ({@link Navigator}).
 *
 * @param <T> {@code Team} or {@code Customer}
 * @param <R> a row of its table
 */
public final class OwnerListViewModel<T, R> {

    /** What the forms need to know about the server and where to send. */
    public record Writes(GovernanceSource source, OwnerChanges writer, ServerFeatures features, Executor uiExecutor,
                         Scheduler scheduler, Formats formats) {
    }

    private final OwnerChanges.Kind kind;
    private final PagedListViewModel<T, R> list;
    private final OwnerDetailViewModel<T> detail;
    private final Function<R, String> idOf;
    private final Writes writes;
    private Navigator navigator = Navigator.NONE;

    public OwnerListViewModel(OwnerChanges.Kind kind, PagedListViewModel<T, R> list, Function<R, String> idOf,
                              Function<String, CompletableFuture<OwnerDetailViewModel.Loaded<T>>> details,
                              Function<OwnerDetailViewModel.Loaded<T>, UsageViewModel.Subject> usageOf,
                              Writes writes, Clock clock) {
        this.kind = kind;
        this.list = list;
        this.idOf = idOf;
        this.writes = writes;
        this.detail = new OwnerDetailViewModel<>(kind == OwnerChanges.Kind.TEAM ? OwnerDetails.Kind.TEAM
                : OwnerDetails.Kind.CUSTOMER, details, writes.uiExecutor(),
                new UsageViewModel(writes.source(), writes.uiExecutor(), clock, writes.formats()), usageOf);
        // Stepping through the table with the details open shows each one in turn.
        list.selectedIndexProperty().addListener((o, a, b) -> {
            R row = list.selectedRow();
            if (row != null && detail.shownProperty().get()) {
                detail.open(idOf.apply(row));
            }
        });
    }

    // ---- reading and links ------------------------------------------------------------------------------

    /** Opens a row's details (click or Enter). */
    public void open(R row) {
        detail.open(idOf.apply(row));
    }

    /** Lands on one from a link elsewhere: its row searched for and selected, its details open. */
    public void show(String id, String name) {
        list.show(name, id);
        detail.open(id);
    }

    public void closeDetail() {
        detail.close();
    }

    public void openKey(OwnerDetails.Link key) {
        navigator.showKey(key.id(), key.name());
    }

    public void showKeysOf(OwnerDetails details) {
        if (kind == OwnerChanges.Kind.TEAM) {
            navigator.showKeysOfTeam(details.id(), details.name());
        } else {
            navigator.showKeysOfCustomer(details.id(), details.name());
        }
    }

    public void openTeam(OwnerDetails.Link team) {
        if (kind == OwnerChanges.Kind.TEAM) {
            show(team.id(), team.name());
        } else {
            navigator.showTeam(team.id(), team.name());
        }
    }

    public void openCustomer(OwnerDetails.Link customer) {
        if (kind == OwnerChanges.Kind.CUSTOMER) {
            show(customer.id(), customer.name());
        } else {
            navigator.showCustomer(customer.id(), customer.name());
        }
    }

    // ---- writing ----------------------------------------------------------------------------------------

    /** False over a snapshot or a source the console cannot write to: New, Edit and Delete are disabled. */
    public boolean writable() {
        return writes.writer() != null && writes.source().live();
    }

    /** The form for a new one. */
    public OwnerEditorViewModel create() {
        return editor(null);
    }

    /** The form for the one in the detail pane, or null when none is loaded. */
    public OwnerEditorViewModel editShown() {
        OwnerDetailViewModel.Loaded<T> shown = detail.loadedProperty().get();
        return shown == null ? null : editor(shown.item());
    }

    private OwnerEditorViewModel editor(T item) {
        OwnerEditorViewModel editor = new OwnerEditorViewModel(kind, item instanceof Team t ? t : null,
                item instanceof Customer c ? c : null, writes.source(), writes.writer(), writes.uiExecutor(),
                writes.scheduler(), writes.formats(), writes.features());
        editor.addOnSaved(outcome -> saved(outcome, item == null));
        return editor;
    }

    /** The delete confirmation for the one in the detail pane, or null when none is loaded. */
    public OwnerDeleteViewModel deleteShown() {
        OwnerDetailViewModel.Loaded<T> shown = detail.loadedProperty().get();
        if (shown == null) {
            return null;
        }
        OwnerDeleteViewModel delete = new OwnerDeleteViewModel(kind, shown.item(), shown.details().id(),
                shown.details().name(), writes.source(), writes.writer(), writes.uiExecutor());
        delete.addOnDeleted(outcome -> {
            detail.close();
            list.refresh();
            list.tell(capitalised() + " \u201c" + outcome.plan().name() + "\u201d deleted.");
        });
        return delete;
    }

    private void saved(OwnerChanges.OwnerOutcome outcome, boolean created) {
        list.refreshSelecting(outcome.id());
        detail.open(outcome.id());
        list.tell(capitalised() + " \u201c" + outcome.plan().name() + "\u201d " + (created ? "created." : "saved."));
    }

    private String capitalised() {
        return Character.toUpperCase(kind.noun().charAt(0)) + kind.noun().substring(1);
    }

    // ---- properties -------------------------------------------------------------------------------------

    /** Stops for good (the workspace closed). */
    public void close() {
        list.close();
        detail.close();
    }

    public void setNavigator(Navigator navigator) {
        this.navigator = navigator;
    }

    public OwnerChanges.Kind kind() {
        return kind;
    }

    public PagedListViewModel<T, R> list() {
        return list;
    }

    public OwnerDetailViewModel<T> detail() {
        return detail;
    }

    public Formats formats() {
        return writes.formats();
    }
}
