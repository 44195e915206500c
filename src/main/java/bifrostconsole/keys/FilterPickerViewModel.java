package bifrostconsole.keys;

import bifrostconsole.messages.UserMessages;
import bifrostconsole.service.LatestRequest;
import bifrostconsole.service.Scheduler;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * A searchable picker whose options come from the server (teams or customers): typing narrows the list
 * with the server's {@code search}, newest answer wins, and the chosen option is the filter value.
 */
public final class FilterPickerViewModel {

    /** One page of options and whether the server has more than were shown. */
    public record Options(List<FilterOption> items, long total) {
    }

    static final Duration SEARCH_DELAY = Duration.ofMillis(250);

    private final String noun;
    private final Function<String, CompletableFuture<Options>> fetch;
    private final Scheduler scheduler;

    private final ObjectProperty<FilterOption> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ObservableList<FilterOption> options = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    private final LatestRequest request;
    private Scheduler.Cancellable pendingSearch;

    public FilterPickerViewModel(String noun, Function<String, CompletableFuture<Options>> fetch, Executor uiExecutor,
                                 Scheduler scheduler) {
        this.noun = noun;
        this.fetch = fetch;
        this.scheduler = scheduler;
        this.request = new LatestRequest(uiExecutor);
        searchText.addListener((obs, old, text) -> {
            if (pendingSearch != null) {
                pendingSearch.cancel();
            }
            pendingSearch = scheduler.schedule(SEARCH_DELAY, () -> load(text));
        });
    }

    /** "team" or "customer", for prompts such as "Any team". */
    public String noun() {
        return noun;
    }

    /** Loads the options for the current search text, e.g. when the picker opens. */
    public void load() {
        load(searchText.get());
    }

    private void load(String text) {
        loading.set(true);
        message.set("Loading\u2026");
        String search = text == null || text.isBlank() ? null : text.trim();
        // A newer search sent meanwhile wins: LatestRequest drops this answer.
        request.submit(() -> fetch.apply(search), (result, failure) -> {
            loading.set(false);
            if (failure != null) {
                options.clear();
                message.set(UserMessages.of(failure, "The " + noun + "s could not be loaded"));
                return;
            }
            options.setAll(result.items());
            if (result.items().isEmpty()) {
                message.set(search == null ? "There are no " + noun + "s." : "No " + noun + " matches \u201c"
                        + search + "\u201d.");
            } else if (result.total() > result.items().size()) {
                message.set("Showing " + result.items().size() + " of " + result.total() + ": type to narrow.");
            } else {
                message.set("");
            }
        });
    }

    public void choose(FilterOption option) {
        selected.set(option);
    }

    public void clear() {
        selected.set(null);
    }

    public ObjectProperty<FilterOption> selectedProperty() {
        return selected;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObservableList<FilterOption> options() {
        return FXCollections.unmodifiableObservableList(options);
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** A line under the list: loading, nothing found, more than shown, or why loading failed. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
