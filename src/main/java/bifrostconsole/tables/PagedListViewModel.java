package bifrostconsole.tables;

import bifrostconsole.api.ListQuery;
import bifrostconsole.api.Page;
import bifrostconsole.messages.UserMessages;
import bifrostconsole.service.LatestRequest;
import bifrostconsole.service.Scheduler;
import bifrostconsole.ui.Formats;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A searchable list the server pages but does not sort (Bifrost's teams and customers: creation order, API.md
 * §4), as a table shows it: the query in force, the page of rows on screen, paging, the selection, and whether it
 * is loading, empty or failed. Every change of the search goes back to the first page; every request supersedes
 * the one before (its late answer is dropped); a failure keeps the last good page on screen with the error beside
 * it. Rows are built off the UI thread; results are applied through the injected UI executor. Column choices,
 * widths, page size and the detail divider are remembered through {@link TableSettings}.
 *
 * @param <T> what the server lists ({@code Team}, {@code Customer})
 * @param <R> one row of the table, with its texts computed once
 */
public final class PagedListViewModel<T, R> implements Pageable {

    /** What the table area shows. READY can carry an error too: the last good page stays with a Retry. */
    public enum ViewState { LOADING, READY, EMPTY, ERROR }

    private enum PendingSelection { NONE, FIRST, LAST }

    static final Duration SEARCH_DELAY = Duration.ofMillis(300);

    private final String plural;
    private final Function<ListQuery, CompletableFuture<Page<T>>> loader;
    private final BiFunction<T, Instant, R> toRow;
    private final Function<R, String> idOf;
    private final TableSettings settings;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Formats formats;
    private final LatestRequest pageRequest;

    private final ReadOnlyObjectWrapper<ListQuery> query = new ReadOnlyObjectWrapper<>(this, "query");
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final IntegerProperty pageSize = new SimpleIntegerProperty(this, "pageSize", 25);
    private final ObservableList<R> rows = FXCollections.observableArrayList();
    private final ObservableList<R> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<ViewState> viewState = new ReadOnlyObjectWrapper<>(this, "viewState",
            ViewState.LOADING);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage");
    private final ReadOnlyObjectWrapper<PageWindow> page = new ReadOnlyObjectWrapper<>(this, "page", PageWindow.NONE);
    private final ReadOnlyStringWrapper rangeText = new ReadOnlyStringWrapper(this, "rangeText", "");
    private final ReadOnlyStringWrapper pageText = new ReadOnlyStringWrapper(this, "pageText", "");
    private final ReadOnlyBooleanWrapper searchActive = new ReadOnlyBooleanWrapper(this, "searchActive");
    private final ReadOnlyObjectWrapper<Instant> lastRefreshed = new ReadOnlyObjectWrapper<>(this, "lastRefreshed");
    private final IntegerProperty selectedIndex = new SimpleIntegerProperty(this, "selectedIndex", -1);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final Map<String, BooleanProperty> columnVisible = new HashMap<>();
    private final Map<String, DoubleProperty> columnWidth = new HashMap<>();
    private final DoubleProperty detailDivider = new SimpleDoubleProperty(this, "detailDivider");

    private Scheduler.Cancellable pendingSearch;
    private Scheduler.Cancellable pendingDividerSave;
    private PendingSelection pendingSelection = PendingSelection.NONE;
    private String selectionToKeep;
    private boolean started;

    /**
     * @param plural  what the rows are, for messages: "teams", "customers"
     * @param loader  one page from the server for a query
     * @param toRow   a row with its texts, built off the UI thread at the given time
     * @param idOf    the id of a row's item, to keep a selection across reloads
     * @param columns the table's columns, whose visibility and width are remembered
     */
    public PagedListViewModel(String plural, Function<ListQuery, CompletableFuture<Page<T>>> loader,
                              BiFunction<T, Instant, R> toRow, Function<R, String> idOf,
                              List<? extends TableColumnSpec> columns, TableSettings settings, Executor uiExecutor,
                              Scheduler scheduler, Clock clock, Formats formats) {
        this.plural = plural;
        this.loader = loader;
        this.toRow = toRow;
        this.idOf = idOf;
        this.settings = settings;
        this.scheduler = scheduler;
        this.clock = clock;
        this.formats = formats;
        this.pageRequest = new LatestRequest(uiExecutor);

        pageSize.set(settings.pageSize());
        query.set(ListQuery.firstPage(pageSize.get()));
        for (TableColumnSpec c : columns) {
            BooleanProperty visible = new SimpleBooleanProperty(this, c.id() + "Visible", settings.columnVisible(c));
            visible.addListener((o, a, b) -> settings.saveColumnVisible(c, b));
            columnVisible.put(c.id(), visible);
            DoubleProperty width = new SimpleDoubleProperty(this, c.id() + "Width", settings.columnWidth(c));
            width.addListener((o, a, b) -> settings.saveColumnWidth(c, b.doubleValue()));
            columnWidth.put(c.id(), width);
        }
        detailDivider.set(settings.detailDivider());
        detailDivider.addListener((o, a, b) -> dividerSettle(b.doubleValue()));

        searchText.addListener((obs, old, text) -> {
            cancelPendingSearch();
            pendingSearch = scheduler.schedule(SEARCH_DELAY, () -> applySearch(text));
        });
        pageSize.addListener((o, a, b) -> {
            settings.savePageSize(b.intValue());
            load(new ListQuery(b.intValue(), 0, query.get().search(), query.get().customerId()));
        });
    }

    // ---- commands ---------------------------------------------------------------------------------------

    /** Loads the first page, once; later calls do nothing (the view calls it when it is first shown). */
    public void start() {
        if (!started) {
            started = true;
            load(query.get());
        }
    }

    /** Loads the page in force again (F5), keeping the selected row selected. */
    public void refresh() {
        R row = selectedRow();
        refreshSelecting(row == null ? null : idOf.apply(row));
    }

    /** Loads the page in force again and selects the row with {@code id} if it is on it (after a save). */
    public void refreshSelecting(String id) {
        started = true;
        selectionToKeep = id;
        load(query.get());
    }

    /** Repeats the request that failed. */
    public void retry() {
        load(query.get());
    }

    /**
     * Searches for {@code search} at once (no typing delay) and selects the row with {@code id} when it arrives:
     * how a link from elsewhere ("team Payments") lands on its row.
     */
    public void show(String search, String id) {
        started = true;
        cancelPendingSearch();
        searchText.set(search == null ? "" : search);
        cancelPendingSearch();
        selectionToKeep = id;
        load(new ListQuery(pageSize.get(), 0, normalise(search), query.get().customerId()));
    }

    /** Empties the search box, with one request. */
    public void clearSearch() {
        searchText.set("");
        cancelPendingSearch();
        load(new ListQuery(pageSize.get(), 0, null, query.get().customerId()));
    }

    @Override
    public void firstPage() {
        goToOffset(0);
    }

    @Override
    public void previousPage() {
        PageWindow p = page.get();
        if (p.hasPrevious()) {
            goToOffset(Math.max(0, p.offset() - p.limit()));
        }
    }

    @Override
    public void nextPage() {
        PageWindow p = page.get();
        if (p.hasNext()) {
            goToOffset(p.offset() + p.limit());
        }
    }

    @Override
    public void lastPage() {
        goToOffset(page.get().lastPageOffset());
    }

    @Override
    public void goToPage(int pageNumber) {
        goToOffset(page.get().offsetOfPage(pageNumber));
    }

    /** Moves the selection down one row; past the last row of the page it loads the next page. */
    public void selectNext() {
        int i = selectedIndex.get();
        if (i + 1 < rows.size()) {
            selectedIndex.set(i + 1);
        } else if (page.get().hasNext() && !loading.get()) {
            pendingSelection = PendingSelection.FIRST;
            nextPage();
        }
    }

    /** Moves the selection up one row; before the first row of the page it loads the previous page. */
    public void selectPrevious() {
        int i = selectedIndex.get();
        if (i > 0) {
            selectedIndex.set(i - 1);
        } else if (i == -1 && !rows.isEmpty()) {
            selectedIndex.set(0);
        } else if (page.get().hasPrevious() && !loading.get()) {
            pendingSelection = PendingSelection.LAST;
            previousPage();
        }
    }

    /** The selected row, selecting the first one when none is (Enter on a table without a selection). */
    public R selectOrFirst() {
        if (selectedRow() == null && !rows.isEmpty()) {
            selectedIndex.set(0);
        }
        return selectedRow();
    }

    /** A short confirmation for the status line, e.g. "Team “Payments” created." */
    public void tell(String text) {
        notice.set(text);
    }

    /** Stops for good (the workspace closed): cancels the request in flight and the pending search. */
    public void close() {
        pageRequest.cancel();
        cancelPendingSearch();
        loading.set(false);
    }

    // ---- loading ----------------------------------------------------------------------------------------

    private void applySearch(String text) {
        String search = normalise(text);
        if (!Objects.equals(search, query.get().search())) {
            load(new ListQuery(pageSize.get(), 0, search, query.get().customerId()));
        }
    }

    private void goToOffset(int offset) {
        load(query.get().withOffset(offset));
    }

    private void load(ListQuery q) {
        query.set(q);
        searchActive.set(q.search() != null);
        loading.set(true);
        if (rows.isEmpty()) {
            viewState.set(ViewState.LOADING);
        }
        Instant now = clock.instant();
        pageRequest.submit(() -> loader.apply(q), p -> new Loaded<>(p, toRows(p.items(), now)),
                (loaded, failure) -> {
                    loading.set(false);
                    if (failure != null) {
                        showFailure(failure);
                    } else {
                        showPage(q, loaded);
                    }
                });
    }

    private List<R> toRows(List<T> items, Instant now) {
        List<R> result = new ArrayList<>(items.size());
        for (T item : items) {
            result.add(toRow.apply(item, now));
        }
        return result;
    }

    private void showPage(ListQuery q, Loaded<T, R> loaded) {
        Page<T> p = loaded.page();
        int limit = p.limit() > 0 ? p.limit() : q.limit() == null || q.limit() <= 0 ? 25 : q.limit();
        if (loaded.rows().isEmpty() && p.totalCount() > 0 && q.offset() != null && q.offset() > 0) {
            // Rows were deleted meanwhile and this page is now past the end: step back to the last page.
            load(q.withOffset(new PageWindow(0, limit, 0, p.totalCount()).lastPageOffset()));
            return;
        }
        String keep = selectionToKeep;
        selectionToKeep = null;
        errorMessage.set(null);
        selectedIndex.set(-1);
        rows.setAll(loaded.rows());
        PageWindow window = new PageWindow(p.offset(), limit, p.items().size(), p.totalCount());
        page.set(window);
        rangeText.set(window.rangeText(formats));
        pageText.set(window.pageText(formats));
        viewState.set(rows.isEmpty() ? ViewState.EMPTY : ViewState.READY);
        lastRefreshed.set(clock.instant());
        restoreSelection(keep);
    }

    private void restoreSelection(String keepId) {
        PendingSelection pending = pendingSelection;
        pendingSelection = PendingSelection.NONE;
        if (rows.isEmpty()) {
            return;
        }
        if (pending == PendingSelection.FIRST) {
            selectedIndex.set(0);
        } else if (pending == PendingSelection.LAST) {
            selectedIndex.set(rows.size() - 1);
        } else if (keepId != null) {
            for (int i = 0; i < rows.size(); i++) {
                if (keepId.equals(idOf.apply(rows.get(i)))) {
                    selectedIndex.set(i);
                    return;
                }
            }
        }
    }

    private void showFailure(Throwable failure) {
        pendingSelection = PendingSelection.NONE;
        selectionToKeep = null;
        errorMessage.set(UserMessages.of(failure, "The " + plural + " could not be loaded"));
        viewState.set(rows.isEmpty() ? ViewState.ERROR : ViewState.READY);
    }

    private void cancelPendingSearch() {
        if (pendingSearch != null) {
            pendingSearch.cancel();
            pendingSearch = null;
        }
    }

    /** Saves where the user left the divider once dragging stops, not on every pixel. */
    private void dividerSettle(double position) {
        if (pendingDividerSave != null) {
            pendingDividerSave.cancel();
        }
        pendingDividerSave = scheduler.schedule(Duration.ofMillis(500), () -> settings.saveDetailDivider(position));
    }

    private static String normalise(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private record Loaded<T, R>(Page<T> page, List<R> rows) {
    }

    // ---- properties -------------------------------------------------------------------------------------

    public R selectedRow() {
        int i = selectedIndex.get();
        return i >= 0 && i < rows.size() ? rows.get(i) : null;
    }

    /** "teams", "customers". */
    public String plural() {
        return plural;
    }

    public ReadOnlyObjectProperty<ListQuery> queryProperty() {
        return query.getReadOnlyProperty();
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    @Override
    public IntegerProperty pageSizeProperty() {
        return pageSize;
    }

    public ObservableList<R> rows() {
        return readOnlyRows;
    }

    public ReadOnlyObjectProperty<ViewState> viewStateProperty() {
        return viewState.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** One sentence on why the last request failed, or null while all is well. */
    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyObjectProperty<PageWindow> pageProperty() {
        return page.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty rangeTextProperty() {
        return rangeText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pageTextProperty() {
        return pageText.getReadOnlyProperty();
    }

    /** True while a search narrows the list (the empty state then offers to clear it). */
    public ReadOnlyBooleanProperty searchActiveProperty() {
        return searchActive.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyObjectProperty<Instant> lastRefreshedProperty() {
        return lastRefreshed.getReadOnlyProperty();
    }

    public IntegerProperty selectedIndexProperty() {
        return selectedIndex;
    }

    @Override
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public BooleanProperty columnVisibleProperty(TableColumnSpec column) {
        return columnVisible.get(column.id());
    }

    public DoubleProperty columnWidthProperty(TableColumnSpec column) {
        return columnWidth.get(column.id());
    }

    /** Where the divider between the table and the details sits (0 to 1), remembered. */
    public DoubleProperty detailDividerProperty() {
        return detailDivider;
    }

    @Override
    public Formats formats() {
        return formats;
    }

    public Clock clock() {
        return clock;
    }
}
