package bifrostconsole.keydetail;

import bifrostconsole.api.GovernanceSource;
import bifrostconsole.api.Budget;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.headroom.Owners;
import bifrostconsole.messages.UserMessages;
import bifrostconsole.service.LatestRequest;
import bifrostconsole.ui.ClipboardService;
import bifrostconsole.ui.Formats;
import bifrostconsole.usage.UsageViewModel;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The drill-down of one key: fetched fresh by id each time it opens (the table's copy may be a page old).
 * Opening another key while one loads supersedes it; the late answer is dropped. Opened from the table, the pane
 * shows the table's copy of the key at once (so stepping with J/K does not flicker, and the pane never shows
 * another key than the table), then the fresh one; when the fresh read fails, the table's copy stays with the
 * reason, so the key keeps its name, id and value.
 */
public final class KeyDetailViewModel {
    private final GovernanceSource source;
    private final Clock clock;
    private final Formats formats;

    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(this, "shown");
    private final ReadOnlyStringWrapper requestedId = new ReadOnlyStringWrapper(this, "requestedId");
    private final ReadOnlyObjectWrapper<KeyDetails> details = new ReadOnlyObjectWrapper<>(this, "details");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage");
    private final ReadOnlyBooleanWrapper valueRevealed = new ReadOnlyBooleanWrapper(this, "valueRevealed");
    private final ReadOnlyBooleanWrapper fresh = new ReadOnlyBooleanWrapper(this, "fresh");
    private final ReadOnlyStringWrapper notInList = new ReadOnlyStringWrapper(this, "notInList");
    private final ReadOnlyStringWrapper gone = new ReadOnlyStringWrapper(this, "gone");

    private ClipboardService clipboard;
    private final LatestRequest request;
    private java.util.function.Supplier<Owners> owners = () -> Owners.EMBEDDED;
    private final UsageViewModel usage;

    /** How long a revealed key value stays readable before it is masked again. */
    public static final java.time.Duration REVEAL_FOR = java.time.Duration.ofSeconds(60);

    private final bifrostconsole.service.Scheduler scheduler;
    private bifrostconsole.service.Scheduler.Cancellable pendingMask;

    /** @param scheduler masks a revealed value again after {@link #REVEAL_FOR} */
    public KeyDetailViewModel(GovernanceSource source, Executor uiExecutor, Clock clock, Formats formats,
                              bifrostconsole.service.Scheduler scheduler) {
        this.scheduler = scheduler;
        this.source = source;
        this.clock = clock;
        this.formats = formats;
        this.request = new LatestRequest(uiExecutor);
        this.usage = new UsageViewModel(source, uiExecutor, clock, formats);
    }

    /** The Usage tab of the key on show. */
    public UsageViewModel usage() {
        return usage;
    }

    /** The budget whose line the cost chart draws: the key's longest window, the one a week or month shows. */
    static Budget chartedBudget(VirtualKey key) {
        return UsageViewModel.longestBudget(key.budgets());
    }

    /** Where the gateway's teams and customers come from, for the headroom explanation. */
    public void ownersFrom(java.util.function.Supplier<Owners> value) {
        owners = value;
    }

    /**
     * Shows the pane and fetches the key by id (a link from elsewhere: the overview, an alert). Until it arrives
     * the pane shows only the id, never the previous key.
     */
    public void open(String id) {
        select(id);
        KeyDetails d = details.get();
        if (d != null && !d.key().id().equals(id)) {
            details.set(null);
            fresh.set(false);
        }
        fetch(id, false);
    }

    /**
     * Opens a key of the table: its copy shows at once while the fresh one is read. A key already shown (or on its
     * way) is not asked for again, so the table's selection following the pane costs no second request.
     */
    public void open(VirtualKey fromTable) {
        String id = fromTable.id();
        if (shown.get() && id.equals(requestedId.get()) && errorMessage.get() == null
                && (loading.get() || fresh.get())) {
            return;
        }
        select(id);
        KeyDetails d = details.get();
        if (d == null || !d.key().id().equals(id)) {
            // Built here and not off the thread: one key is quick, and the pane must not show another meanwhile.
            details.set(KeyDetails.of(fromTable, formats, clock.instant(), owners.get()));
            fresh.set(false);
        }
        fetch(id, false);
    }

    private void select(String id) {
        shown.set(true);
        if (!id.equals(requestedId.get())) {
            setRevealed(false); // the value shown was another key's
            notInList.set(null);
        }
        gone.set(null);
        requestedId.set(id);
    }

    public void retry() {
        if (requestedId.get() != null) {
            fetch(requestedId.get(), false);
        }
    }

    /**
     * Reads the key on show again (F5, auto-refresh): as {@link #retry}, but a key deleted on the server meanwhile
     * (404) closes the pane and {@link #goneProperty} says which key it was.
     */
    public void refresh() {
        if (shown.get() && requestedId.get() != null) {
            fetch(requestedId.get(), true);
        }
    }

    /**
     * Marks the key on show as not in the table's list (a search, a filter, another page or an empty answer left
     * it out), with the sentence to show; null when the list holds it.
     */
    public void markNotInList(String why) {
        notInList.set(why);
    }

    public void close() {
        request.cancel();
        usage.setActive(false);
        loading.set(false);
        shown.set(false);
        setRevealed(false);
    }

    private void fetch(String id, boolean closeIfGone) {
        loading.set(true);
        errorMessage.set(null);
        Instant now = clock.instant();
        Owners known = owners.get();
        // Another key opened, or the pane closed, meanwhile: LatestRequest drops this answer.
        request.submit(() -> source.getVirtualKey(id), k -> KeyDetails.of(k, formats, now, known), (result, failure) -> {
            loading.set(false);
            if (failure != null) {
                if (closeIfGone && UserMessages.unwrap(failure) instanceof bifrostconsole.api.ApiException api
                        && api.kind() == bifrostconsole.api.ApiException.Kind.NOT_FOUND) {
                    KeyDetails d = details.get();
                    close();
                    gone.set(d != null && d.key().id().equals(id) ? d.key().name() : id);
                    return;
                }
                errorMessage.set(UserMessages.of(failure, "The key's details could not be loaded"));
                if (details.get() != null && !details.get().key().id().equals(id)) {
                    details.set(null);
                    fresh.set(false);
                } else if (details.get() != null && !fresh.get()) {
                    showUsage(details.get().key()); // the logs may still answer for the table's copy
                }
            } else {
                details.set(result);
                fresh.set(true);
                showUsage(result.key());
            }
        });
    }

    private void showUsage(VirtualKey key) {
        usage.show(UsageViewModel.Subject.key(key.id(), chartedBudget(key), key.calendarAligned()));
    }

    public void copyId() {
        KeyDetails d = details.get();
        if (d != null && clipboard != null) {
            clipboard.copy(d.key().id());
        }
    }

    /** Copies the name exactly as the server has it, hidden characters and all (the pane shows them as markers). */
    public void copyName() {
        KeyDetails d = details.get();
        if (d != null && clipboard != null && d.key().name() != null) {
            clipboard.copy(d.key().name());
        }
    }

    public void copyValue() {
        KeyDetails d = details.get();
        if (d != null && clipboard != null && !d.key().plainValue().isEmpty()) {
            clipboard.copySecret(d.key().plainValue());
        }
    }

    /** Shows the value in full, or masks it again; a shown value is masked again after {@link #REVEAL_FOR}. */
    public void toggleReveal() {
        setRevealed(!valueRevealed.get());
    }

    private void setRevealed(boolean value) {
        if (pendingMask != null) {
            pendingMask.cancel();
            pendingMask = null;
        }
        valueRevealed.set(value);
        if (value) {
            pendingMask = scheduler.schedule(REVEAL_FOR, () -> setRevealed(false));
        }
    }

    public void setClipboard(ClipboardService clipboard) {
        this.clipboard = clipboard;
    }

    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** The id last asked for; the details may still be the previous key's while it loads. */
    public ReadOnlyStringProperty requestedIdProperty() {
        return requestedId.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<KeyDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    /** True once the details on show were read fresh from the server; false while they are the table's copy. */
    public ReadOnlyBooleanProperty freshProperty() {
        return fresh.getReadOnlyProperty();
    }

    /** Why the key on show is not in the table's list (search, filters, page, empty answer), or null. */
    public ReadOnlyStringProperty notInListProperty() {
        return notInList.getReadOnlyProperty();
    }

    /** The name of the key a refresh found deleted on the server (the pane closed), or null. */
    public ReadOnlyStringProperty goneProperty() {
        return gone.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty valueRevealedProperty() {
        return valueRevealed.getReadOnlyProperty();
    }
}
