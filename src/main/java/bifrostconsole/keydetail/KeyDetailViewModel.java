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
 * Opening another key while one loads supersedes it; the late answer is dropped. While the next key loads,
 * the previous key's details stay visible so stepping with J/K does not flicker.
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

    private ClipboardService clipboard;
    private final LatestRequest request;
    private java.util.function.Supplier<Owners> owners = () -> Owners.EMBEDDED;
    private final UsageViewModel usage;

    public KeyDetailViewModel(GovernanceSource source, Executor uiExecutor, Clock clock, Formats formats) {
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

    /** Shows the pane and fetches the key by id. */
    public void open(String id) {
        shown.set(true);
        if (!id.equals(requestedId.get())) {
            valueRevealed.set(false);
        }
        requestedId.set(id);
        fetch(id);
    }

    public void retry() {
        if (requestedId.get() != null) {
            fetch(requestedId.get());
        }
    }

    public void close() {
        request.cancel();
        usage.setActive(false);
        loading.set(false);
        shown.set(false);
        valueRevealed.set(false);
    }

    private void fetch(String id) {
        loading.set(true);
        errorMessage.set(null);
        Instant now = clock.instant();
        Owners known = owners.get();
        // Another key opened, or the pane closed, meanwhile: LatestRequest drops this answer.
        request.submit(() -> source.getVirtualKey(id), k -> KeyDetails.of(k, formats, now, known), (result, failure) -> {
            loading.set(false);
            if (failure != null) {
                errorMessage.set(UserMessages.of(failure, "The key's details could not be loaded"));
                if (details.get() != null && !details.get().key().id().equals(id)) {
                    details.set(null);
                }
            } else {
                details.set(result);
                usage.show(UsageViewModel.Subject.key(result.key().id(), chartedBudget(result.key()),
                        result.key().calendarAligned()));
            }
        });
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

    public void toggleReveal() {
        valueRevealed.set(!valueRevealed.get());
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

    public ReadOnlyBooleanProperty valueRevealedProperty() {
        return valueRevealed.getReadOnlyProperty();
    }
}
