package bifrostconsole.keys;

import bifrostconsole.api.GovernanceSource;
import bifrostconsole.api.KeyMetadata;
import bifrostconsole.api.KeyStatus;
import bifrostconsole.api.Page;
import bifrostconsole.api.SortField;
import bifrostconsole.api.SortOrder;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.headroom.Owners;
import bifrostconsole.keydetail.KeyDetailViewModel;
import bifrostconsole.messages.UserMessages;
import bifrostconsole.service.LatestRequest;
import bifrostconsole.service.Scheduler;
import bifrostconsole.tables.PageWindow;
import bifrostconsole.tables.Pageable;
import bifrostconsole.ui.ClipboardService;
import bifrostconsole.ui.Formats;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The key browser's state: the query in force (search, filters, sort, page), the page of rows on screen,
 * and whether it is loading, empty or failed. Every change of search, filter or sort goes back to the first
 * page; every request supersedes the one before (its answer, if late, is dropped); a failure keeps the last
 * good page on screen with the error beside it. Results are applied through the injected UI executor.
 */
public final class KeyBrowserViewModel implements Pageable {

    /** What the table area shows. READY can carry an error too: the last good page stays with a Retry. */
    public enum ViewState { LOADING, READY, EMPTY, ERROR }

    /** Where the selection goes once a page arrives after stepping past the edge of the previous one. */
    private enum PendingSelection { NONE, FIRST, LAST }

    public static final List<Integer> PAGE_SIZES = KeyTableSettings.PAGE_SIZES;
    static final Duration SEARCH_DELAY = Duration.ofMillis(300);

    private final GovernanceSource source;
    private final KeyTableSettings settings;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Formats formats;
    private final LatestRequest pageRequest;
    private final KeyDetailViewModel detail;
    private final FilterPickerViewModel teamPicker;
    private final FilterPickerViewModel customerPicker;

    private final ReadOnlyObjectWrapper<VirtualKeyQuery> query = new ReadOnlyObjectWrapper<>(this, "query");
    private final ReadOnlyObjectWrapper<VirtualKeyQuery> shownQuery = new ReadOnlyObjectWrapper<>(this, "shownQuery");
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final BooleanProperty hideAccessProfileKeys = new SimpleBooleanProperty(this, "hideAccessProfileKeys");
    private final BooleanProperty fromMemory = new SimpleBooleanProperty(this, "fromMemory");
    private final StringProperty metadataInput = new SimpleStringProperty(this, "metadataInput", "");
    private final ReadOnlyStringWrapper metadataProblem = new ReadOnlyStringWrapper(this, "metadataProblem");
    private final ObservableList<KeyMetadata.Condition> metadataConditions = FXCollections.observableArrayList();
    private final ObservableList<KeyMetadata.Condition> readOnlyMetadataConditions =
            FXCollections.unmodifiableObservableList(metadataConditions);
    private final ReadOnlyStringWrapper metadataIgnored = new ReadOnlyStringWrapper(this, "metadataIgnored");
    private final IntegerProperty pageSize = new SimpleIntegerProperty(this, "pageSize", 25);
    private final RowList<KeyRow> rows = new RowList<>();
    private final ObservableList<KeyRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    /** The page as the server sent it (in the page's order); {@link #rows} is what of it the status filter lets through. */
    private List<KeyRow> pageRows = List.of();
    /** Only keys of this status among the page's, or null for every key: the server cannot filter by status. */
    private final ObjectProperty<KeyStatus> statusFilter = new SimpleObjectProperty<>(this, "statusFilter");
    private final ReadOnlyStringWrapper statusFilterNote = new ReadOnlyStringWrapper(this, "statusFilterNote");
    private final ReadOnlyStringWrapper statusSortNote = new ReadOnlyStringWrapper(this, "statusSortNote");
    private final ReadOnlyObjectWrapper<ViewState> viewState = new ReadOnlyObjectWrapper<>(this, "viewState",
            ViewState.LOADING);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage");
    private final ReadOnlyObjectWrapper<PageWindow> page = new ReadOnlyObjectWrapper<>(this, "page", PageWindow.NONE);
    private final ReadOnlyStringWrapper rangeText = new ReadOnlyStringWrapper(this, "rangeText", "");
    private final ReadOnlyStringWrapper pageText = new ReadOnlyStringWrapper(this, "pageText", "");
    private final ReadOnlyBooleanWrapper filtersActive = new ReadOnlyBooleanWrapper(this, "filtersActive");
    private final ReadOnlyIntegerWrapper loadedPageCount = new ReadOnlyIntegerWrapper(this, "loadedPageCount");
    private final ReadOnlyObjectWrapper<Instant> lastRefreshed = new ReadOnlyObjectWrapper<>(this, "lastRefreshed");
    private final ReadOnlyObjectWrapper<ListAnswer> lastAnswer = new ReadOnlyObjectWrapper<>(this, "lastAnswer");
    private final ReadOnlyStringWrapper waiting = new ReadOnlyStringWrapper(this, "waiting");
    private final ReadOnlyStringWrapper copyConfirmation = new ReadOnlyStringWrapper(this, "copyConfirmation");
    private final IntegerProperty selectedIndex = new SimpleIntegerProperty(this, "selectedIndex", -1);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final CompletableFuture<Void> firstPageShown = new CompletableFuture<>();
    private final Map<KeyColumn, BooleanProperty> columnVisible = new EnumMap<>(KeyColumn.class);
    private final Map<KeyColumn, DoubleProperty> columnWidth = new EnumMap<>(KeyColumn.class);
    /** The table's revealed key values: each is masked again after {@link #REVEAL_FOR}, and when the page changes. */
    private final javafx.collections.ObservableSet<String> revealedKeyIds = FXCollections.observableSet();
    private final javafx.collections.ObservableSet<String> readOnlyRevealedKeyIds =
            FXCollections.unmodifiableObservableSet(revealedKeyIds);
    private final Map<String, Scheduler.Cancellable> revealTimers = new java.util.HashMap<>();
    private Scheduler.Cancellable pendingCopyClear;
    private final DoubleProperty detailDivider = new SimpleDoubleProperty(this, "detailDivider");

    /** The page sorted by the console by headroom (the server cannot), or NONE for the server's order. */
    public enum PageSort { NONE, MOST_USED_FIRST, LEAST_USED_FIRST }

    private final ReadOnlyObjectWrapper<PageSort> pageSort = new ReadOnlyObjectWrapper<>(this, "pageSort",
            PageSort.NONE);
    /** Teams and customers read for headroom; until they arrive, each key's embedded ones count. */
    private volatile Owners owners = Owners.EMBEDDED;

    private ClipboardService clipboard;
    private Scheduler.Cancellable pendingSearch;
    private boolean batchingChanges;
    private PendingSelection pendingSelection = PendingSelection.NONE;
    private String selectionToKeep;
    /** How long an answer may take before the table says it is waiting, with a Cancel. */
    static final Duration WAIT_SHOWN_AFTER = Duration.ofSeconds(2);
    private Scheduler.Cancellable pendingWaitTick;
    /** Tells a tick of an earlier wait (its timer already on the UI queue) from the current one. */
    private long waitGeneration;
    /** The details were asked for again with this page (a refresh): the page need not retry them. */
    private boolean detailAsked;
    /** The last list on screen that held the details' key, to tell "another page" from "filtered out". */
    private VirtualKeyQuery detailListedIn;
    /** The answer on its way is a refresh of the page on screen: it may replace rows in place. */
    private boolean refreshInPlace;

    public KeyBrowserViewModel(GovernanceSource source, Executor uiExecutor, KeyTableSettings settings, Scheduler scheduler,
                               Clock clock, Formats formats) {
        this.source = source;
        this.settings = settings;
        this.scheduler = scheduler;
        this.clock = clock;
        this.formats = formats;
        this.pageRequest = new LatestRequest(uiExecutor);
        this.detail = new KeyDetailViewModel(source, uiExecutor, clock, formats, scheduler);
        detail.ownersFrom(this::owners);
        FilterOptions filterOptions = new FilterOptions(source, formats);
        this.teamPicker = new FilterPickerViewModel("team", filterOptions::teams, uiExecutor, scheduler);
        this.customerPicker = new FilterPickerViewModel("customer", filterOptions::customers, uiExecutor, scheduler);

        query.set(initialQuery(settings));
        pageSize.set(query.get().limit());
        shownQuery.set(query.get());
        for (KeyColumn c : KeyColumn.values()) {
            BooleanProperty visible = new SimpleBooleanProperty(this, c.id() + "Visible", settings.columnVisible(c));
            visible.addListener((o, a, b) -> settings.saveColumnVisible(c, b));
            columnVisible.put(c, visible);
            DoubleProperty width = new SimpleDoubleProperty(this, c.id() + "Width", settings.columnWidth(c));
            width.addListener((o, a, b) -> settings.saveColumnWidth(c, b.doubleValue()));
            columnWidth.put(c, width);
        }

        detailDivider.set(settings.detailDivider());
        detailDivider.addListener((o, a, b) -> dividerSettle(b.doubleValue()));

        searchText.addListener((obs, old, text) -> {
            if (pendingSearch != null) {
                pendingSearch.cancel();
            }
            pendingSearch = scheduler.schedule(SEARCH_DELAY, () -> applySearch(text));
        });
        // Checked as you type, with Bifrost's key rules; nothing is sent until the condition is added.
        metadataInput.addListener((o, a, text) -> metadataProblem.set(text == null || text.isBlank() ? null
                : KeyMetadata.parseCondition(text).problem()));
        teamPicker.selectedProperty().addListener((o, a, b) -> filtersChanged());
        customerPicker.selectedProperty().addListener((o, a, b) -> filtersChanged());
        hideAccessProfileKeys.addListener((o, a, b) -> filtersChanged());
        statusFilter.addListener((o, a, b) -> showStatusFiltered());
        fromMemory.addListener((o, a, b) -> filtersChanged());
        pageSize.addListener((o, a, b) -> {
            settings.savePageSize(b.intValue());
            if (!batchingChanges) {
                load(query.get().withLimit(b.intValue()).withOffset(0));
            }
        });
        selectedIndex.addListener((o, a, b) -> {
            KeyRow row = selectedRow();
            if (row != null && detail.shownProperty().get()) {
                detail.open(row.key());
            }
        });
        // The table highlights the key the details show, however it was opened (a link, the overview).
        detail.requestedIdProperty().addListener((o, a, id) -> followDetail());
        detail.shownProperty().addListener((o, a, shown) -> {
            if (shown) {
                followDetail();
            }
        });
        detail.goneProperty().addListener((o, a, name) -> {
            if (name != null) {
                notice.set("\u201c" + name + "\u201d no longer exists on the server: its details were closed.");
            }
        });
    }

    /**
     * The first page a browser over these settings asks for: the remembered page size and sort. Opening a server
     * asks for it already ({@link #showPrefetched}), so the first page needs no request of its own.
     */
    public static VirtualKeyQuery initialQuery(KeyTableSettings settings) {
        KeyTableSettings.Sort sort = settings.sort();
        return VirtualKeyQuery.firstPage(settings.pageSize()).withSort(sort.field(), sort.order());
    }

    // ---- commands ---------------------------------------------------------------------------------------

    /**
     * Shows a first page fetched while the server was being opened, instead of asking for it again. Ignored
     * (returns false, and {@link #start} asks as usual) unless it answers the query in force and nothing has been
     * shown or asked for yet. Call on the UI thread.
     */
    public boolean showPrefetched(VirtualKeyQuery answered, Page<VirtualKey> page) {
        return showPrefetched(answered, page, null);
    }

    /**
     * {@link #showPrefetched(VirtualKeyQuery, Page)} with the page's rows already made off the UI thread by
     * {@link #firstRows} (with this browser's formats); null or rows of other keys are made again here.
     */
    public boolean showPrefetched(VirtualKeyQuery answered, Page<VirtualKey> page, List<KeyRow> rows) {
        if (page == null || !answered.equals(query.get()) || loadedPageCount.get() > 0 || pageRequest.isBusy()) {
            return false;
        }
        boolean usable = rows != null && owners == Owners.EMBEDDED && rows.size() == page.items().size();
        for (int i = 0; usable && i < rows.size(); i++) {
            usable = rows.get(i).key() == page.items().get(i);
        }
        showPage(answered, new LoadedPage(page, usable ? List.copyOf(rows) : toRows(page.items(), clock.instant())));
        return true;
    }

    /**
     * The rows of a first page as a new browser with {@code formats} shows them (the keys' own team and customer
     * names): any thread, so opening a server can make them as the page arrives, off the UI thread.
     */
    public static List<KeyRow> firstRows(Page<VirtualKey> page, Formats formats, Instant now) {
        List<KeyRow> result = new ArrayList<>(page.items().size());
        for (VirtualKey k : page.items()) {
            result.add(KeyRow.of(k, formats, now, Owners.EMBEDDED));
        }
        return result;
    }

    /** Loads the first page; call once when the view is shown. */
    public void start() {
        load(query.get());
    }

    /** Loads the page in force again (F5), keeping the selected key selected. */
    public void refresh() {
        KeyRow row = selectedRow();
        selectionToKeep = row == null ? null : row.id();
        load(query.get());
        refreshInPlace = true;
        detail.refresh(); // the open key's details too; the old ones stay on screen meanwhile, a deleted key closes
        detailAsked = true;
    }

    /**
     * Sets the teams and customers headroom is computed with, and recomputes the rows on screen (in place: the
     * selection and scroll position stay).
     */
    public void setOwners(Owners value) {
        owners = value;
        Instant now = clock.instant();
        List<KeyRow> recomputed = new ArrayList<>(pageRows.size());
        for (KeyRow r : pageRows) {
            recomputed.add(KeyRow.of(r.key(), formats, now, value));
        }
        pageRows = recomputed;
        replaceInPlace(byStatus(recomputed));
    }

    public Owners owners() {
        return owners;
    }

    /**
     * The Headroom header was clicked: sorts the page on screen by the used share of each key's binding limit,
     * most used first, then the other way; later pages are sorted the same until a server column is clicked.
     */
    public void sortPageByHeadroom() {
        pageSort.set(pageSort.get() == PageSort.MOST_USED_FIRST ? PageSort.LEAST_USED_FIRST
                : PageSort.MOST_USED_FIRST);
        KeyRow selected = selectedRow();
        pageRows = sortedForPage(new ArrayList<>(pageRows));
        selectedIndex.set(-1);
        rows.setAll(byStatus(pageRows));
        if (selected != null) {
            restoreSelection(selected.id());
        }
    }

    private List<KeyRow> sortedForPage(List<KeyRow> list) {
        if (pageSort.get() == PageSort.NONE) {
            return list;
        }
        java.util.Comparator<KeyRow> byUse = java.util.Comparator.comparingDouble(KeyRow::headroomUsed);
        list.sort(pageSort.get() == PageSort.MOST_USED_FIRST ? byUse.reversed() : byUse);
        return list;
    }

    /**
     * Puts fresh rows on screen without a flicker: when they are the same keys in the same order, only the rows
     * that changed are replaced, in one list change, so the selection, the scroll position and the open details stay
     * as they are.
     */
    private boolean replaceInPlace(List<KeyRow> fresh) {
        if (fresh.size() != rows.size()) {
            return false;
        }
        for (int i = 0; i < fresh.size(); i++) {
            if (!fresh.get(i).id().equals(rows.get(i).id())) {
                return false;
            }
        }
        int selected = selectedIndex.get();
        rows.replaceDiffering(fresh); // one list change for the page, however many rows differ
        if (selectedIndex.get() != selected) {
            selectedIndex.set(selected);
        }
        return true;
    }

    /** Repeats the request that failed. */
    public void retry() {
        load(query.get());
    }

    public void firstPage() {
        goToOffset(0);
    }

    public void previousPage() {
        PageWindow p = page.get();
        if (p.hasPrevious()) {
            goToOffset(Math.max(0, p.offset() - p.limit()));
        }
    }

    public void nextPage() {
        PageWindow p = page.get();
        if (p.hasNext()) {
            goToOffset(p.offset() + p.limit());
        }
    }

    public void lastPage() {
        goToOffset(page.get().lastPageOffset());
    }

    /** Jumps to a 1-based page number; numbers past either end go to the first or last page. */
    public void goToPage(int pageNumber) {
        goToOffset(page.get().offsetOfPage(pageNumber));
    }

    /**
     * A click on a column header: a new column sorts in its natural first order, the column in force flips
     * its order. Columns the server cannot sort by are ignored.
     */
    public void sortBy(KeyColumn column) {
        if (!column.sortable() || fromMemory.get()) {
            return;
        }
        VirtualKeyQuery q = query.get();
        SortOrder order = q.sortBy() == column.sortField() ? q.order().reversed() : column.firstOrder();
        sort(column.sortField(), order);
    }

    public void sort(SortField field, SortOrder order) {
        pageSort.set(PageSort.NONE);
        settings.saveSort(field, order);
        load(query.get().withSort(field, order).withOffset(0));
    }

    /**
     * Adds the condition typed in the metadata field ({@code key = value}) to the metadata filter and asks the
     * server for the first page; a condition on a key already filtered replaces it (one key holds one value).
     * Returns false, leaving the text and its problem on screen, when the text is not a valid condition.
     */
    public boolean addMetadataCondition() {
        KeyMetadata.Parsed parsed = KeyMetadata.parseCondition(metadataInput.get());
        if (!parsed.ok()) {
            metadataProblem.set(parsed.problem());
            return false;
        }
        KeyMetadata.Condition added = parsed.condition();
        batchingChanges = true;
        try {
            metadataConditions.removeIf(c -> c.key().equals(added.key()));
            metadataConditions.add(added);
            metadataInput.set("");
        } finally {
            batchingChanges = false;
        }
        filtersChanged();
        return true;
    }

    /** Takes one condition out of the metadata filter (its chip's ×). */
    public void removeMetadataCondition(KeyMetadata.Condition condition) {
        if (metadataConditions.remove(condition)) {
            filtersChanged();
        }
    }

    /** Empties the search box and every filter, with one request. */
    public void clearFilters() {
        if (pendingSearch != null) {
            pendingSearch.cancel();
        }
        batchingChanges = true;
        try {
            searchText.set("");
            if (pendingSearch != null) {
                pendingSearch.cancel();
            }
            teamPicker.clear();
            customerPicker.clear();
            hideAccessProfileKeys.set(false);
            fromMemory.set(false);
            metadataConditions.clear();
            metadataInput.set("");
            statusFilter.set(null);
        } finally {
            batchingChanges = false;
        }
        load(buildQuery(null).withOffset(0));
    }

    /**
     * Lands on one key from a link elsewhere (a team's key list): the table searches for its name at once, the
     * key's row is selected when it arrives, and its details open. Filters are cleared so the key is not hidden.
     */
    public void showKey(String id, String name) {
        batchingChanges = true;
        try {
            searchText.set(name == null ? "" : name);
            teamPicker.clear();
            customerPicker.clear();
            hideAccessProfileKeys.set(false);
            fromMemory.set(false);
            metadataConditions.clear();
        } finally {
            batchingChanges = false;
        }
        if (pendingSearch != null) {
            pendingSearch.cancel();
        }
        selectionToKeep = id;
        load(buildQuery(null).withOffset(0));
        detail.open(id);
    }

    /** Shows only one team's keys (a team's "keys" link): the search and the other filters are cleared. */
    public void showKeysOfTeam(String teamId, String teamName) {
        showOnly(teamPicker, customerPicker, new FilterOption(teamId, teamName, ""));
    }

    /** Shows only one customer's keys (a customer's "keys" link): the search and the other filters are cleared. */
    public void showKeysOfCustomer(String customerId, String customerName) {
        showOnly(customerPicker, teamPicker, new FilterOption(customerId, customerName, ""));
    }

    private void showOnly(FilterPickerViewModel picker, FilterPickerViewModel other, FilterOption option) {
        batchingChanges = true;
        try {
            searchText.set("");
            other.clear();
            picker.choose(option);
            hideAccessProfileKeys.set(false);
            fromMemory.set(false);
            metadataConditions.clear();
        } finally {
            batchingChanges = false;
        }
        if (pendingSearch != null) {
            pendingSearch.cancel();
        }
        load(buildQuery(null).withOffset(0));
    }

    /**
     * Stops this browser for good (the user switched to another server): cancels the request in flight and
     * the pending search, and ignores any answer still on its way.
     */
    public void close() {
        stopWaitWatch();
        pageRequest.cancel();
        if (pendingSearch != null) {
            pendingSearch.cancel();
        }
        loading.set(false);
        detail.close();
    }

    /**
     * Stops waiting for a slow answer (the Cancel of "Waiting for the server…"): the request is aborted and its
     * answer dropped, the rows on screen stay, and Retry asks again.
     */
    public void cancelWaiting() {
        if (!loading.get()) {
            return;
        }
        stopWaitWatch();
        pageRequest.cancel();
        loading.set(false);
        pendingSelection = PendingSelection.NONE;
        selectionToKeep = null;
        refreshInPlace = false;
        errorMessage.set(STOPPED_WAITING);
        viewState.set(pageRows.isEmpty() ? ViewState.ERROR : ViewState.READY);
    }

    /** After {@link #WAIT_SHOWN_AFTER} without an answer, says how long the server has taken, every second. */
    static final String STOPPED_WAITING = "You stopped waiting for the server's answer.";

    private void watchWait() {
        stopWaitWatch();
        long started = ++waitGeneration;
        pendingWaitTick = scheduler.schedule(WAIT_SHOWN_AFTER, () -> waitTick(started,
                (int) WAIT_SHOWN_AFTER.toSeconds()));
    }

    private void waitTick(long generation, int seconds) {
        if (generation != waitGeneration || !loading.get()) {
            return;
        }
        waiting.set("Waiting for the server\u2026 " + seconds + " s");
        pendingWaitTick = scheduler.schedule(Duration.ofSeconds(1), () -> waitTick(generation, seconds + 1));
    }

    private void stopWaitWatch() {
        waitGeneration++;
        if (pendingWaitTick != null) {
            pendingWaitTick.cancel();
            pendingWaitTick = null;
        }
        waiting.set(null);
    }

    /** Moves the selection down one key; past the last row of the page it loads the next page. */
    public void selectNext() {
        int i = selectedIndex.get();
        if (i + 1 < rows.size()) {
            selectedIndex.set(i + 1);
        } else if (page.get().hasNext() && !loading.get()) {
            pendingSelection = PendingSelection.FIRST;
            nextPage();
        }
    }

    /** Moves the selection up one key; before the first row of the page it loads the previous page. */
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

    /** Opens the details of the selected key (Enter); selects the first row when none is selected. */
    public void openSelected() {
        if (selectedRow() == null && !rows.isEmpty()) {
            selectedIndex.set(0);
        }
        KeyRow row = selectedRow();
        if (row != null) {
            detail.open(row.key());
        }
    }

    public void closeDetail() {
        detail.close();
    }

    /** Copies the selected key's id (Ctrl+C); returns false when nothing is selected. */
    public boolean copySelectedKeyId() {
        KeyRow row = selectedRow();
        if (row == null || clipboard == null) {
            return false;
        }
        clipboard.copy(row.id());
        confirmCopy(COPIED);
        notice.set("Copied the id of \u201c" + row.name() + "\u201d.");
        return true;
    }

    /** Copies a key's value; the clipboard service clears it again after a while. */
    public void copyKeyValue(KeyRow row) {
        if (clipboard == null || row.plainValue().isEmpty()) {
            return;
        }
        clipboard.copySecret(row.plainValue());
        confirmCopy(COPIED_SECRET);
        notice.set("Copied the value of \u201c" + row.name() + "\u201d; it is cleared from the clipboard in 30 s.");
    }

    public boolean isRevealed(KeyRow row) {
        return revealedKeyIds.contains(row.id());
    }

    /**
     * Shows or masks one key's value again; never saved. A shown value is masked again after {@link #REVEAL_FOR},
     * or when its row leaves the screen (another page, search or filter), so a value is not left on screen.
     */
    public boolean toggleReveal(KeyRow row) {
        String id = row.id();
        Scheduler.Cancellable timer = revealTimers.remove(id);
        if (timer != null) {
            timer.cancel();
        }
        if (revealedKeyIds.remove(id)) {
            return false;
        }
        revealedKeyIds.add(id);
        revealTimers.put(id, scheduler.schedule(REVEAL_FOR, () -> {
            revealTimers.remove(id);
            revealedKeyIds.remove(id);
        }));
        return true;
    }

    private void maskAllRevealed() {
        revealTimers.values().forEach(Scheduler.Cancellable::cancel);
        revealTimers.clear();
        revealedKeyIds.clear();
    }

    /** The ids whose value the table shows in full; a cell shows its value masked again when its id leaves. */
    public javafx.collections.ObservableSet<String> revealedKeyIds() {
        return readOnlyRevealedKeyIds;
    }

    /** How long a revealed key value stays readable, in the table and in the details. */
    public static final Duration REVEAL_FOR = KeyDetailViewModel.REVEAL_FOR;
    /** How long "Copied" stays on screen. */
    static final Duration COPY_CONFIRMATION_FOR = Duration.ofSeconds(3);
    static final String COPIED = "Copied";
    static final String COPIED_SECRET = "Copied \u2014 clears in 30 s";

    /** Says "Copied…" for a moment where the user looks, whichever button or key copied. */
    private void confirmCopy(String text) {
        if (pendingCopyClear != null) {
            pendingCopyClear.cancel();
        }
        copyConfirmation.set(null); // the same text again still shows anew
        copyConfirmation.set(text);
        pendingCopyClear = scheduler.schedule(COPY_CONFIRMATION_FOR, () -> copyConfirmation.set(null));
    }

    /**
     * The clipboard the table and its details copy through (the value a key action copies too). The details copy
     * through it with a confirmation of their own; {@link #clipboard()} hands the same one to other features.
     */
    public void setClipboard(ClipboardService clipboard) {
        this.clipboard = clipboard;
        detail.setClipboard(new ClipboardService() {
            @Override
            public void copy(String text) {
                clipboard.copy(text);
                confirmCopy(COPIED);
            }

            @Override
            public void copySecret(String secret) {
                clipboard.copySecret(secret);
                confirmCopy(COPIED_SECRET);
            }
        });
    }

    /** "Copied — clears in 30 s" for a moment after a copy, or null. */
    public ReadOnlyStringProperty copyConfirmationProperty() {
        return copyConfirmation.getReadOnlyProperty();
    }

    public ClipboardService clipboard() {
        return clipboard;
    }

    // ---- the status filter (on the page: the server cannot filter by status) -------------------------

    /** Said where the Status sort is in force: the server's order is not the order of the badges. */
    static final String STATUS_SORT_NOTE = "Sorted by the on/off switch only: the server sorts by is_active and"
            + " does not know Expired or Exhausted, so those keys sit among the Active ones. The status filter picks"
            + " them out on a page.";

    /** The statuses the filter offers, in the menu's order; null in the menu is "Any status". */
    public static final List<KeyStatus> FILTERABLE_STATUSES = List.of(KeyStatus.ACTIVE, KeyStatus.INACTIVE,
            KeyStatus.EXPIRED, KeyStatus.EXHAUSTED);

    private List<KeyRow> byStatus(List<KeyRow> page) {
        KeyStatus wanted = statusFilter.get();
        if (wanted == null) {
            return page;
        }
        List<KeyRow> kept = new ArrayList<>(page.size());
        for (KeyRow r : page) {
            if (r.status() == wanted) {
                kept.add(r);
            }
        }
        return kept;
    }

    /** The filter changed: the same page, filtered anew, keeping the selected key when it still shows. */
    private void showStatusFiltered() {
        KeyRow selected = selectedRow();
        selectedIndex.set(-1);
        rows.setAll(byStatus(pageRows));
        if (selected != null) {
            restoreSelection(selected.id());
        }
        updateStatusFilterNote();
        followDetail();
    }

    private void updateStatusFilterNote() {
        KeyStatus wanted = statusFilter.get();
        if (wanted == null) {
            statusFilterNote.set(null);
            return;
        }
        int total = pageRows.size();
        String page = total == 1 ? "the 1 key on this page" : "the " + formats.count(total) + " keys on this page";
        String found = rows.isEmpty() ? "None of " + page + " is " + wanted.label()
                : formats.count(rows.size()) + " of " + page + (rows.size() == 1 ? " is " : " are ") + wanted.label();
        statusFilterNote.set(found + ". The status filter applies to " + page + " only: the server cannot filter by"
                + " status, so other pages are not searched.");
    }

    /** Shows only keys of one status among the page's keys (null: all); set by the Status menu. */
    public ObjectProperty<KeyStatus> statusFilterProperty() {
        return statusFilter;
    }

    /** What the status filter did and that it covers this page only; null while no status is picked. */
    public ReadOnlyStringProperty statusFilterNoteProperty() {
        return statusFilterNote.getReadOnlyProperty();
    }

    /** Set while the rows on screen are sorted by Status: what that order really is; null otherwise. */
    public ReadOnlyStringProperty statusSortNoteProperty() {
        return statusSortNote.getReadOnlyProperty();
    }

    // ---- loading ----------------------------------------------------------------------------------------

    private void applySearch(String text) {
        String search = normalise(text);
        if (!java.util.Objects.equals(search, query.get().search())) {
            filtersChanged();
        }
    }

    private void filtersChanged() {
        if (batchingChanges) {
            return;
        }
        load(buildQuery(query.get()).withOffset(0));
    }

    private VirtualKeyQuery buildQuery(VirtualKeyQuery previous) {
        VirtualKeyQuery base = previous == null ? query.get() : previous;
        FilterOption team = teamPicker.selectedProperty().get();
        FilterOption customer = customerPicker.selectedProperty().get();
        Map<String, String> metadata = new java.util.LinkedHashMap<>();
        metadataConditions.forEach(c -> metadata.put(c.key(), c.value()));
        return new VirtualKeyQuery(pageSize.get(), base.offset(), normalise(searchText.get()),
                customer == null ? null : customer.id(), team == null ? null : team.id(), base.sortBy(),
                base.order(), false, fromMemory.get(), hideAccessProfileKeys.get(), metadata);
    }

    private void goToOffset(int offset) {
        if (fromMemory.get()) {
            return;
        }
        load(query.get().withOffset(offset));
    }

    private void load(VirtualKeyQuery q) {
        refreshInPlace = false;
        query.set(q);
        filtersActive.set(q.search() != null || q.teamId() != null || q.customerId() != null
                || q.excludeAccessProfileManaged() || q.fromMemory() || !q.metadata().isEmpty());
        loading.set(true);
        if (pageRows.isEmpty()) {
            viewState.set(ViewState.LOADING);
        }
        // From memory the server ignores every other parameter and returns all keys by creation time.
        VirtualKeyQuery wire = q.fromMemory() ? VirtualKeyQuery.all().withFromMemory(true) : q;
        Instant now = clock.instant();
        // A newer request wins: the older exchange is aborted and its late answer dropped.
        watchWait();
        if (STOPPED_WAITING.equals(errorMessage.get())) {
            errorMessage.set(null); // asking again: no longer true, while a real failure stays until an answer
        }
        pageRequest.submit(() -> source.listVirtualKeys(wire), p -> new LoadedPage(p, toRows(p.items(), now)),
                (loaded, failure) -> {
                    stopWaitWatch();
                    loading.set(false);
                    if (failure != null) {
                        showFailure(failure);
                    } else {
                        showPage(q, loaded);
                    }
                });
    }

    private List<KeyRow> toRows(List<VirtualKey> keys, Instant now) {
        List<KeyRow> result = new ArrayList<>(keys.size());
        for (VirtualKey k : keys) {
            result.add(KeyRow.of(k, formats, now, owners));
        }
        return result;
    }

    private void showPage(VirtualKeyQuery q, LoadedPage loaded) {
        Page<VirtualKey> p = loaded.page();
        if (loaded.rows().isEmpty() && p.totalCount() > 0 && q.offset() != null && q.offset() > 0
                && !q.fromMemory()) {
            // Keys were deleted meanwhile and this page is now past the end: step back to the last page.
            PageWindow shrunk = new PageWindow(0, limitOf(q, p), 0, p.totalCount());
            load(q.withOffset(shrunk.lastPageOffset()));
            return;
        }
        String keep = selectionToKeep;
        selectionToKeep = null;
        errorMessage.set(null);
        metadataIgnored.set(ignoredMetadataFilter(q, p));
        shownQuery.set(q);
        pageRows = sortedForPage(new ArrayList<>(loaded.rows()));
        List<KeyRow> fresh = byStatus(pageRows);
        boolean quiet = refreshInPlace && pendingSelection == PendingSelection.NONE && replaceInPlace(fresh);
        refreshInPlace = false;
        if (!quiet) {
            selectedIndex.set(-1);
            rows.setAll(fresh);
            maskAllRevealed(); // the rows whose values were shown have left the screen
        }
        PageWindow window = q.fromMemory()
                ? new PageWindow(0, Math.max(1, p.items().size()), p.items().size(), p.items().size())
                : new PageWindow(p.offset(), limitOf(q, p), p.items().size(), p.totalCount());
        page.set(window);
        rangeText.set(window.rangeText(formats));
        pageText.set(window.pageText(formats));
        // A page whose keys the status filter all hides is not an empty list: the note says so, with the pager.
        viewState.set(pageRows.isEmpty() ? ViewState.EMPTY : ViewState.READY);
        statusSortNote.set(q.sortBy() == bifrostconsole.api.SortField.STATUS && !q.fromMemory() ? STATUS_SORT_NOTE : null);
        updateStatusFilterNote();
        lastRefreshed.set(clock.instant());
        lastAnswer.set(answer(gatewayKeyCount(q, p), null));
        loadedPageCount.set(loadedPageCount.get() + 1);
        if (!quiet) {
            restoreSelection(keep);
        }
        // Details that failed to load are read again with the table (its Retry, a refresh), once the server answers.
        if (!detailAsked && detail.shownProperty().get() && detail.errorMessageProperty().get() != null) {
            detail.retry();
        }
        detailAsked = false;
        followDetail();
        if (firstPageShown.complete(null)) {
            bifrostconsole.startup.StartupClock.mark("first page in the table");
        }
    }

    /**
     * A server without metadata filters (before they shipped, after v2.2.5) ignores them and sends the whole list
     * (API.md §4): a key on the page that does not match shows it, whatever the version says.
     */
    private static String ignoredMetadataFilter(VirtualKeyQuery q, Page<VirtualKey> p) {
        if (q.metadata().isEmpty() || q.fromMemory()) {
            return null;
        }
        for (VirtualKey k : p.items()) {
            if (!KeyMetadata.matches(k.metadata(), q.metadata())) {
                return "This server ignored the metadata filter and lists keys that do not match it: metadata"
                        + " filters need a Bifrost newer than 2.2.5.";
            }
        }
        return null;
    }

    /**
     * Keeps the table and the details on the same key: the details' key is selected when the page holds it (none
     * is, when it does not: the table must not highlight another key), and the details say when the list on screen
     * does not hold it, and why.
     */
    private void followDetail() {
        String id = detail.requestedIdProperty().get();
        if (!detail.shownProperty().get() || id == null) {
            return;
        }
        int index = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id().equals(id)) {
                index = i;
                break;
            }
        }
        if (index >= 0) {
            detailListedIn = shownQuery.get();
            detail.markNotInList(null);
            if (selectedIndex.get() != index && (selectedRow() == null || !selectedRow().id().equals(id))) {
                selectedIndex.set(index);
            }
            return;
        }
        if (loading.get()) {
            return; // the list is about to change: it is compared once it is on screen
        }
        if (selectedRow() != null) {
            selectedIndex.set(-1);
        }
        VirtualKeyQuery shown = shownQuery.get();
        String why;
        if (pageRows.stream().anyMatch(r -> r.id().equals(id))) {
            why = "Not in the current list: the status filter leaves it out.";
        } else if (rows.isEmpty()) {
            why = "Not in the current list: the list is empty.";
        } else if (!filtersActive.get()
                || detailListedIn != null && shown != null && detailListedIn.withOffset(0).equals(shown.withOffset(0))) {
            why = "Not on this page of the list.";
        } else {
            why = "Not in the current list: the search or filters leave it out.";
        }
        detail.markNotInList(why);
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
                if (rows.get(i).id().equals(keepId)) {
                    selectedIndex.set(i);
                    return;
                }
            }
        }
    }

    private void showFailure(Throwable failure) {
        pendingSelection = PendingSelection.NONE;
        selectionToKeep = null;
        detailAsked = false;
        errorMessage.set(UserMessages.of(failure, "The keys could not be loaded"));
        viewState.set(pageRows.isEmpty() ? ViewState.ERROR : ViewState.READY);
        lastAnswer.set(answer(null, errorMessage.get()));
    }

    private ListAnswer answer(Long keyCount, String failure) {
        Instant at = clock.instant();
        return new ListAnswer(at, ANSWER_TIME.withLocale(formats.locale()).withZone(formats.zone()).format(at),
                keyCount, failure);
    }

    private static final java.time.format.DateTimeFormatter ANSWER_TIME =
            java.time.format.DateTimeFormatter.ofLocalizedTime(java.time.format.FormatStyle.MEDIUM);

    /**
     * How many keys the whole gateway holds, when this answer says: its total counts every key only when nothing
     * narrowed the list (a search or filter counts the matches). From memory the gateway sends every key.
     */
    private static Long gatewayKeyCount(VirtualKeyQuery q, Page<VirtualKey> p) {
        if (q.fromMemory()) {
            return (long) p.items().size();
        }
        boolean narrowed = q.search() != null || q.teamId() != null || q.customerId() != null
                || q.excludeAccessProfileManaged() || !q.metadata().isEmpty();
        return narrowed ? null : p.totalCount();
    }

    private static int limitOf(VirtualKeyQuery q, Page<?> p) {
        if (p.limit() > 0) {
            return p.limit();
        }
        return q.limit() == null || q.limit() <= 0 ? 25 : q.limit();
    }

    private static String normalise(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private Scheduler.Cancellable pendingDividerSave;

    /** Saves where the user left the divider once dragging stops, not on every pixel. */
    private void dividerSettle(double position) {
        if (pendingDividerSave != null) {
            pendingDividerSave.cancel();
        }
        pendingDividerSave = scheduler.schedule(Duration.ofMillis(500), () -> settings.saveDetailDivider(position));
    }

    private record LoadedPage(Page<VirtualKey> page, List<KeyRow> rows) {
    }

    // ---- properties -------------------------------------------------------------------------------------

    public KeyRow selectedRow() {
        int i = selectedIndex.get();
        return i >= 0 && i < rows.size() ? rows.get(i) : null;
    }

    /** The query in force (search, filters, sort, page): for export and snapshots. */
    public ReadOnlyObjectProperty<VirtualKeyQuery> queryProperty() {
        return query.getReadOnlyProperty();
    }

    /** The query whose answer is on screen: its sort is the order the rows are in (the header arrow). */
    public ReadOnlyObjectProperty<VirtualKeyQuery> shownQueryProperty() {
        return shownQuery.getReadOnlyProperty();
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public BooleanProperty hideAccessProfileKeysProperty() {
        return hideAccessProfileKeys;
    }

    public BooleanProperty fromMemoryProperty() {
        return fromMemory;
    }

    /** The metadata condition being typed, {@code key = value}; added to the filter by {@link #addMetadataCondition}. */
    public StringProperty metadataInputProperty() {
        return metadataInput;
    }

    /** What is wrong with the condition being typed (Bifrost's key rules), or null. */
    public ReadOnlyStringProperty metadataProblemProperty() {
        return metadataProblem.getReadOnlyProperty();
    }

    /** The metadata filter in force, AND-ed; change it with the add and remove commands. */
    public ObservableList<KeyMetadata.Condition> metadataConditions() {
        return readOnlyMetadataConditions;
    }

    /** Set when the page on screen shows the server ignored the metadata filter; null otherwise. */
    public ReadOnlyStringProperty metadataIgnoredProperty() {
        return metadataIgnored.getReadOnlyProperty();
    }

    public IntegerProperty pageSizeProperty() {
        return pageSize;
    }

    public ObservableList<KeyRow> rows() {
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

    public ReadOnlyObjectProperty<PageWindow> pageProperty() {
        return page.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rangeTextProperty() {
        return rangeText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pageTextProperty() {
        return pageText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty filtersActiveProperty() {
        return filtersActive.getReadOnlyProperty();
    }

    /** How many pages have been put on screen so far; the smoke test waits for the first. */
    public ReadOnlyIntegerProperty loadedPageCountProperty() {
        return loadedPageCount.getReadOnlyProperty();
    }

    /** Completes (on the UI executor) once the first page of keys is on screen. */
    public CompletableFuture<Void> firstPageShown() {
        return firstPageShown;
    }

    public ReadOnlyObjectProperty<Instant> lastRefreshedProperty() {
        return lastRefreshed.getReadOnlyProperty();
    }

    /** "Waiting for the server… 12 s" while an answer is late (after 2 s), or null. */
    public ReadOnlyStringProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    /** The server's last answer to the key list (or its failure) and when it came, for the window's header. */
    public ReadOnlyObjectProperty<ListAnswer> lastAnswerProperty() {
        return lastAnswer.getReadOnlyProperty();
    }

    /**
     * A snapshot's rows are as old as the snapshot, whenever the file was opened: the pager dates them by the
     * snapshot's own time, with the date (it may be weeks old), as the rest of the console writes times.
     */
    @Override
    public String asOfText(Instant loaded, java.time.format.DateTimeFormatter time) {
        return source.takenAt().map(t -> "Snapshot taken " + formats.dateTime(t))
                .orElseGet(() -> Pageable.super.asOfText(loaded, time));
    }

    public IntegerProperty selectedIndexProperty() {
        return selectedIndex;
    }

    /** Whether, and how, the page on screen is sorted by headroom instead of the server's order. */
    public ReadOnlyObjectProperty<PageSort> pageSortProperty() {
        return pageSort.getReadOnlyProperty();
    }

    /** A short confirmation such as "Copied the id of …", for a status line. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public BooleanProperty columnVisibleProperty(KeyColumn column) {
        return columnVisible.get(column);
    }

    public DoubleProperty columnWidthProperty(KeyColumn column) {
        return columnWidth.get(column);
    }

    /** Where the divider between the table and the details sits (0 to 1), remembered. */
    public DoubleProperty detailDividerProperty() {
        return detailDivider;
    }

    public KeyDetailViewModel detail() {
        return detail;
    }

    public FilterPickerViewModel teamPicker() {
        return teamPicker;
    }

    public FilterPickerViewModel customerPicker() {
        return customerPicker;
    }

    public Formats formats() {
        return formats;
    }

    public Clock clock() {
        return clock;
    }

    public GovernanceSource source() {
        return source;
    }
}
