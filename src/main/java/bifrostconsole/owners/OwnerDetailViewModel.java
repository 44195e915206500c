package bifrostconsole.owners;

import bifrostconsole.messages.UserMessages;
import bifrostconsole.service.LatestRequest;
import bifrostconsole.ui.ClipboardService;
import bifrostconsole.usage.UsageViewModel;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The drill-down of one team or customer: fetched fresh by id each time it opens, with its keys (and a customer's
 * teams). Opening another while one loads supersedes it; the late answer is dropped. While the next one loads, the
 * previous one's details stay, so stepping with J/K does not flicker.
 *
 * @param <T> {@code Team} or {@code Customer}: what the editor starts from
 */
public final class OwnerDetailViewModel<T> {

    /** The item as the server sent it (what an edit starts from) and its texts. */
    public record Loaded<T>(T item, OwnerDetails details) {
    }

    private final OwnerDetails.Kind kind;
    private final Function<String, CompletableFuture<Loaded<T>>> loader;
    private final LatestRequest request;
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(this, "shown");
    private final ReadOnlyStringWrapper requestedId = new ReadOnlyStringWrapper(this, "requestedId");
    private final ReadOnlyObjectWrapper<Loaded<T>> loaded = new ReadOnlyObjectWrapper<>(this, "loaded");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage");
    private final UsageViewModel usage;
    private final Function<Loaded<T>, UsageViewModel.Subject> usageOf;
    private ClipboardService clipboard;

    /**
     * @param loader  the item and its texts for an id, built off the UI thread
     * @param usage   the Usage tab's charts
     * @param usageOf whose usage the Usage tab charts once an item is loaded
     */
    public OwnerDetailViewModel(OwnerDetails.Kind kind, Function<String, CompletableFuture<Loaded<T>>> loader,
                                Executor uiExecutor, UsageViewModel usage,
                                Function<Loaded<T>, UsageViewModel.Subject> usageOf) {
        this.kind = kind;
        this.loader = loader;
        this.request = new LatestRequest(uiExecutor);
        this.usage = usage;
        this.usageOf = usageOf;
    }

    /** Shows the pane and fetches the item by id. */
    public void open(String id) {
        shown.set(true);
        requestedId.set(id);
        fetch(id);
    }

    public void retry() {
        if (requestedId.get() != null) {
            fetch(requestedId.get());
        }
    }

    /** Fetches the one shown again (after a save), if any. */
    public void reload() {
        if (shown.get()) {
            retry();
        }
    }

    public void close() {
        request.cancel();
        usage.setActive(false);
        loading.set(false);
        shown.set(false);
        requestedId.set(null);
    }

    private void fetch(String id) {
        loading.set(true);
        errorMessage.set(null);
        request.submit(() -> loader.apply(id), (result, failure) -> {
            loading.set(false);
            if (failure != null) {
                errorMessage.set(UserMessages.of(failure, "The " + kind.noun() + "'s details could not be loaded"));
                if (loaded.get() != null && !loaded.get().details().id().equals(id)) {
                    loaded.set(null);
                }
            } else {
                loaded.set(result);
                usage.show(usageOf.apply(result));
            }
        });
    }

    public void copyId() {
        Loaded<T> d = loaded.get();
        if (d != null && clipboard != null) {
            clipboard.copy(d.details().id());
        }
    }

    public void setClipboard(ClipboardService clipboard) {
        this.clipboard = clipboard;
    }

    /** The Usage tab of the one on show; it asks the server only while it is on screen. */
    public UsageViewModel usage() {
        return usage;
    }

    public OwnerDetails.Kind kind() {
        return kind;
    }

    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** The id last asked for; the details may still be the previous one's while it loads. */
    public ReadOnlyStringProperty requestedIdProperty() {
        return requestedId.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Loaded<T>> loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }
}
