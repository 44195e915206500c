package bifrostconsole.keyactions;

import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.changes.ChangeEngine;
import bifrostconsole.changes.DeletedKey;
import bifrostconsole.changes.KeyChange;
import bifrostconsole.changes.KeyOutcome;
import bifrostconsole.changes.KeyPlan;
import bifrostconsole.changes.KeySelection;
import bifrostconsole.changes.RunResult;
import bifrostconsole.keydetail.KeyDetails;
import bifrostconsole.keys.FilterOptions;
import bifrostconsole.keys.FilterPickerViewModel;
import bifrostconsole.keys.KeyBrowserViewModel;
import bifrostconsole.keys.KeyRow;
import bifrostconsole.service.Scheduler;
import bifrostconsole.ui.Formats;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The actions on the keys of one live server: what the key table's menus, the row's ⋯ button, the selection bar,
 * the keyboard shortcuts and the details offer for a key, a selection or all matching keys, and the change
 * dialog each of them opens. All the work is the {@link ChangeEngine}'s (plans, the lost-update guard, bounded
 * runs, History); this class picks the keys and the change, and afterwards refreshes the table and the open
 * details to the server's answer.
 */
public final class KeyActionsViewModel {
    private final ChangeEngine engine;
    private final ManagementApiClient client;
    private final KeyBrowserViewModel browser;
    private final Executor uiExecutor;
    private final Executor background;
    private final Clock clock;
    private final Formats formats;
    private final Scheduler scheduler;
    private final SelectedKeys selection = new SelectedKeys();
    private final ReadOnlyIntegerWrapper runsFinished = new ReadOnlyIntegerWrapper(this, "runsFinished");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");

    public KeyActionsViewModel(ChangeEngine engine, ManagementApiClient client, KeyBrowserViewModel browser,
                               Executor uiExecutor, Executor background, Clock clock, Formats formats,
                               Scheduler scheduler) {
        this.engine = engine;
        this.client = client;
        this.browser = browser;
        this.uiExecutor = uiExecutor;
        this.background = background;
        this.clock = clock;
        this.formats = formats;
        this.scheduler = scheduler;
        browser.queryProperty().addListener((o, before, after) -> selection.queryChanged(before, after));
    }

    // ---- which keys ----------------------------------------------------------------------------------------

    public SelectedKeys selection() {
        return selection;
    }

    public KeyBrowserViewModel browser() {
        return browser;
    }

    /** The selection, or the table's selected row when the selection holds nothing. */
    public KeyTarget selectionTarget() {
        KeyTarget target = selection.target();
        if (!target.isEmpty()) {
            return target;
        }
        KeyRow row = browser.selectedRow();
        return row == null ? KeyTarget.NONE : KeyTarget.of(row.key());
    }

    /** The key the details show, as they read it (fresh by id), or nothing while none is loaded. */
    public KeyTarget detailTarget() {
        KeyDetails details = browser.detail().detailsProperty().get();
        return details == null || !browser.detail().shownProperty().get() ? KeyTarget.NONE
                : KeyTarget.of(details.key());
    }

    /** All keys of the search and filters on screen, across pages. */
    public void selectAllMatching() {
        if (canSelectAllMatching()) {
            selection.selectAllMatching(browser.shownQueryProperty().get(), browser.pageProperty().get().total());
        }
    }

    /** From memory the server ignores search and filters and pages, so there is nothing more to select. */
    public boolean canSelectAllMatching() {
        return !browser.shownQueryProperty().get().fromMemory() && browser.pageProperty().get().total() > 0;
    }

    /** How many keys the search and filters on screen match. */
    public long matchingCount() {
        return browser.pageProperty().get().total();
    }

    // ---- what is offered -----------------------------------------------------------------------------------

    /** Whether a menu lists {@code action} for {@code target} (one key shows Enable or Disable, not both). */
    public boolean offered(KeyAction action, KeyTarget target) {
        if (target.isEmpty() || (!target.single() && !action.bulk())) {
            return false;
        }
        if (target.single()) {
            VirtualKey key = target.only();
            return switch (action) {
                case ENABLE -> !key.active();
                case DISABLE -> key.active();
                default -> true;
            };
        }
        return true;
    }

    /** Whether an offered action can be chosen: a key without budgets has no usage to reset or budget to override. */
    public boolean enabled(KeyAction action, KeyTarget target) {
        if (!offered(action, target)) {
            return false;
        }
        if (!target.single()) {
            return true;
        }
        VirtualKey key = target.only();
        return switch (action) {
            case RESET_USAGE, ADD_OVERRIDE -> !key.budgets().isEmpty();
            case REMOVE_OVERRIDE -> key.budgets().stream().anyMatch(b -> b.overrideAmount() != null);
            default -> true;
        };
    }

    /** The menu's words for {@code action}: "Copy 3 ids" for several keys. */
    public String label(KeyAction action, KeyTarget target) {
        if (action == KeyAction.COPY_ID && target.total() > 1) {
            return "Copy " + formats.count(target.total()) + " ids";
        }
        // A greyed-out item says why, as a menu item has no tooltip.
        if (target.single() && offered(action, target) && !enabled(action, target)) {
            return action.label() + (action == KeyAction.REMOVE_OVERRIDE ? " (no override)" : " (no budget)");
        }
        return action.label();
    }

    /** The change an action makes when it needs no more choices; null for overrides and assignments (a form first). */
    public KeyChange changeFor(KeyAction action) {
        return switch (action) {
            case ENABLE -> new KeyChange.SetActive(true);
            case DISABLE -> new KeyChange.SetActive(false);
            case ROTATE -> new KeyChange.Rotate();
            case DELETE -> new KeyChange.Delete();
            case RESET_USAGE -> new KeyChange.ResetUsage(null);
            default -> null;
        };
    }

    // ---- commands ------------------------------------------------------------------------------------------

    /** The change dialog for {@code change} on {@code target}; call {@link ChangeDialogViewModel#plan()} to start. */
    public ChangeDialogViewModel change(KeyChange change, KeyTarget target) {
        String subject = subject(target);
        Supplier<CompletableFuture<List<KeyPlan>>> planning = () -> {
            CompletableFuture<List<VirtualKey>> keys = target.isAllMatching()
                    ? KeySelection.allMatching(client, target.allMatching())
                    : CompletableFuture.completedFuture(target.keys());
            return keys.thenApplyAsync(list -> engine.plan(list, change), background);
        };
        return dialog(change, subject, planning);
    }

    /** The dialog that makes a new key like a deleted one, from the configuration saved before it was deleted. */
    public ChangeDialogViewModel recreate(DeletedKey deleted) {
        KeyChange.Recreate change = new KeyChange.Recreate(deleted);
        return dialog(change, "a new key named " + deleted.key().name(),
                () -> CompletableFuture.completedFuture(List.of(engine.planRecreate(deleted))));
    }

    private ChangeDialogViewModel dialog(KeyChange change, String subject,
                                         Supplier<CompletableFuture<List<KeyPlan>>> planning) {
        return new ChangeDialogViewModel(engine, change, subject, planning, uiExecutor, scheduler, background, clock,
                formats, browser::clipboard, new ChangeDialogViewModel.Hooks() {
                    @Override
                    public void finished(RunResult result) {
                        KeyActionsViewModel.this.finished(result);
                    }

                    @Override
                    public void review(String keyId, String keyName) {
                        browser.detail().open(keyId);
                    }

                    @Override
                    public ChangeDialogViewModel again(KeyChange again, List<VirtualKey> keys) {
                        return change(again, KeyTarget.of(keys));
                    }
                });
    }

    private String subject(KeyTarget target) {
        if (target.isAllMatching()) {
            return "All " + formats.count(target.total()) + " matching keys";
        }
        if (target.single()) {
            VirtualKey key = target.only();
            return key.name() == null || key.name().isBlank() ? key.id() : key.name();
        }
        return formats.count(target.total()) + " keys";
    }

    /** The choices of a budget override for one key (adding one, or which one to remove). */
    public OverrideFormViewModel overrideForm(KeyTarget target, boolean remove) {
        return new OverrideFormViewModel(target.only(), remove, formats);
    }

    /** The choice of a team, a customer or none, searched on the server. */
    public AssignFormViewModel assignForm() {
        FilterOptions options = new FilterOptions(client, formats);
        return new AssignFormViewModel(new FilterPickerViewModel("team", options::teams, uiExecutor, scheduler),
                new FilterPickerViewModel("customer", options::customers, uiExecutor, scheduler));
    }

    /** Copies the keys' ids, one a line (all matching keys are not read for this: only keys as seen). */
    public void copyIds(KeyTarget target) {
        if (browser.clipboard() == null || target.keys().isEmpty()) {
            return;
        }
        String ids = target.keys().stream().map(VirtualKey::id).collect(Collectors.joining("\n"));
        browser.clipboard().copy(ids);
        notice.set(target.keys().size() == 1 ? "Copied the id of \u201c" + target.keys().get(0).name() + "\u201d."
                : "Copied " + formats.count(target.keys().size()) + " ids, one a line.");
    }

    /**
     * A run ended: the selection keeps the server's answers and loses deleted keys, the table reloads its page
     * (the rows that changed are replaced in place), and the details reload the key they show, or close if it is gone.
     */
    private void finished(RunResult result) {
        List<VirtualKey> answers = new ArrayList<>();
        Set<String> deleted = new HashSet<>();
        Set<String> touched = new HashSet<>();
        for (KeyOutcome o : result.outcomes()) {
            touched.add(o.plan().keyId());
            if (o.after() != null) {
                answers.add(o.after());
            }
            if (o.status() == KeyOutcome.Status.DONE && o.plan().change() instanceof KeyChange.Delete) {
                deleted.add(o.plan().keyId());
            }
        }
        selection.updated(answers);
        selection.removed(deleted);
        browser.refresh();
        String shown = browser.detail().requestedIdProperty().get();
        if (browser.detail().shownProperty().get() && shown != null && touched.contains(shown)) {
            if (deleted.contains(shown)) {
                browser.closeDetail();
            } else {
                browser.detail().retry();
            }
        }
        notice.set(result.summary().isEmpty() ? "" : "Last change: " + result.summary() + ".");
        runsFinished.set(runsFinished.get() + 1);
    }

    /** The engine: History and the deleted keys' backups live in it. */
    public ChangeEngine engine() {
        return engine;
    }

    /** The server as History names it. */
    public String server() {
        return engine.server();
    }

    public Formats formats() {
        return formats;
    }

    /** Counts the runs that ended, so History can read itself again. */
    public ReadOnlyIntegerProperty runsFinishedProperty() {
        return runsFinished.getReadOnlyProperty();
    }

    /** A short line after a copy or a run, for the selection bar. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
