package bifrostconsole.keys;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.ToggleSwitch;
import bifrostconsole.api.KeyMetadata;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.keydetail.KeyDetailView;
import bifrostconsole.keydetail.KeyDetails;
import bifrostconsole.startup.FirstFrame;
import bifrostconsole.tables.PagerBar;
import bifrostconsole.ui.FxClipboardService;
import bifrostconsole.ui.Icons;
import bifrostconsole.ui.Navigator;
import bifrostconsole.ui.StyleNow;
import bifrostconsole.ui.Stylesheets;
import bifrostconsole.ui.Switches;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The virtual key browser: search and filters on top, the server-sorted, server-paged key table in the
 * middle with the selected key's details beside it, and the pager below. Loads its first page when built.
 * Keyboard: Ctrl+F search, F5/Ctrl+R refresh, PgUp/PgDn page, Enter open, J/K or Up/Down next key,
 * Ctrl+C copy the key id, Esc close the details.
 */
public final class KeyBrowserView extends BorderPane {
    /** The key browser's height from which the search hint is shown (the window at 1440x900 gives it 810 px). */
    static final double TALL_ENOUGH_FOR_HINT = 700;
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination RELOAD = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REFRESH = new KeyCodeCombination(KeyCode.F5);
    /** Copy the key id: the key actions' "Copy id" is this same shortcut. */
    public static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination NEW = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination EDIT = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN);

    /**
     * The browser's own shortcuts by what they do. Other parts of the key window add theirs (the key actions,
     * History, the workspace tabs); a test checks that no two of them share a key.
     */
    public static final java.util.Map<String, KeyCombination> SHORTCUTS = java.util.Collections.unmodifiableMap(
            new java.util.LinkedHashMap<>(java.util.Map.of("new key", NEW, "edit key", EDIT, "search", FIND,
                    "refresh", RELOAD, "refresh (F5)", REFRESH, "copy id", COPY)));

    private final KeyBrowserViewModel vm;
    private final KeyTable keyTable;
    private final CustomTextField search = new CustomTextField();
    private static final javafx.css.PseudoClass INVALID = javafx.css.PseudoClass.getPseudoClass("invalid");
    private final CustomTextField metadataField = new CustomTextField();
    private final HBox metadataChips = new HBox(6);
    private final HBox toolbarSlot = new HBox(8);
    private final VBox tableBox = new VBox();
    private final List<Node> detailHeaderItems = new ArrayList<>();
    private final SplitPane split = new SplitPane();
    /**
     * Built ahead of the first open, in the idle pulses after the first page is painted ({@link #prebuildDetail}),
     * or by the first open if that comes sooner: building and styling it took one stall of about 200 ms.
     */
    private KeyDetailView detailView;
    /** The details pane while it is styled and laid out, hidden, before its first open; null otherwise. */
    private StackPane prebuildHost;
    /** Takes the prebuilt pane back to what the view-model holds, once it is styled and laid out. */
    private Runnable prebuildRestore;
    /** The details pane's own children while its tabs wait to be styled in the next frame. */
    private List<Node> prebuildParts;
    /** Set once the pane was opened or is ready: the steps still to come then do nothing. */
    private boolean prebuildOver;
    private Navigator navigator = Navigator.NONE;
    private Editing editing;
    private final Button newKey = new Button("New key", Icons.icon(Feather.PLUS));

    /** How the key browser opens the key editor (in another package, so keys do not depend on it). */
    public interface Editing {
        void create();

        /** Edits {@code key}, the copy the detail pane read fresh (the lost-update guard compares with it). */
        void edit(VirtualKey key);

        void duplicate(VirtualKey key);
    }
    private final StackPane tableArea;
    private boolean syncingSelection;

    public KeyBrowserView(KeyBrowserViewModel vm) {
        this.vm = vm;
        getStyleClass().add("key-browser");
        setId("key-browser");
        Stylesheets.apply(this);
        if (vm.clipboard() == null) {
            vm.setClipboard(new FxClipboardService());
        }
        keyTable = new KeyTable(vm);
        if (!vm.source().holdsKeyValues()) {
            // A snapshot saved without key values: a Key column would read "(not sent by the server)" on every
            // row beside a dead copy button, contradicting the banner that says the file holds none.
            keyTable.view().getColumns().remove(keyTable.column(KeyColumn.KEY));
        }

        setTop(buildToolbar());
        tableArea = buildTableArea();
        // The pager sits under the table, beside the details: Tab then meets table, pager, details, as one reads.
        VBox tableAndPager = new VBox(tableArea, buildPager());
        VBox.setVgrow(tableArea, Priority.ALWAYS);
        tableAndPager.setMinWidth(0);
        split.getItems().add(tableAndPager);
        split.setOrientation(Orientation.HORIZONTAL);
        setCenter(new StackPane(split, copyToast()));

        bindSelection();
        vm.detail().shownProperty().addListener((o, a, shown) -> showDetail(shown));
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        vm.firstPageShown().thenRun(() -> Platform.runLater(this::prebuildDetail));
        if (vm.loadedPageCountProperty().get() == 0 && !vm.loadingProperty().get()) {
            vm.start();
        }
    }

    /** A slot in the toolbar for other features' actions, e.g. "Export…". */
    public void addToolbarItem(Node item) {
        toolbarSlot.getChildren().add(item);
    }

    /**
     * Turns on New key (Ctrl+N), Edit (Ctrl+E, a double-click in the details) and Duplicate, opened through
     * {@code editing}. Without it (a snapshot) the browser only reads.
     */
    public void setEditing(Editing editing) {
        this.editing = editing;
        newKey.setVisible(true);
        if (detailView != null) {
            detailView.setEditing(this::editShown, this::duplicateShown);
        }
    }

    private VirtualKey shownKey() {
        var d = vm.detail().detailsProperty().get();
        return d == null ? null : d.key();
    }

    private void editShown() {
        VirtualKey key = shownKey();
        if (editing != null && key != null) {
            editing.edit(key);
        }
    }

    private void duplicateShown() {
        VirtualKey key = shownKey();
        if (editing != null && key != null) {
            editing.duplicate(key);
        }
    }

    /** Where the links in the key details (a key's team and customer) lead. */
    public void setNavigator(Navigator navigator) {
        this.navigator = navigator;
        if (detailView != null) {
            detailView.setNavigator(navigator);
            if (editing != null) {
                detailView.setEditing(this::editShown, this::duplicateShown);
            }
        }
    }

    /** A bar between the toolbar and the table for other features, e.g. the key actions' selection bar. */
    public void addAboveTable(Node item) {
        tableBox.getChildren().add(0, item);
    }

    /** An item in the details' header for other features (the key actions), added once the details exist. */
    public void addDetailHeaderItem(Node item) {
        detailHeaderItems.add(item);
        if (detailView != null) {
            detailView.addHeaderItem(item);
        }
    }

    public KeyBrowserViewModel viewModel() {
        return vm;
    }

    /** The table, for tests and for focus handling by the main window. */
    public TableView<KeyRow> table() {
        return keyTable.view();
    }

    public KeyDetailView detailView() {
        if (detailView == null) {
            detailView = new KeyDetailView(vm.detail(), vm.formats(), vm::selectPrevious, vm::selectNext,
                    this::closeDetail);
            detailView.setNavigator(navigator);
            if (editing != null) {
                detailView.setEditing(this::editShown, this::duplicateShown);
            }
            detailHeaderItems.forEach(detailView::addHeaderItem);
            detailView.offerReveal(vm.source().live());
            detailView.offerValue(vm.source().holdsKeyValues());
        }
        return detailView;
    }

    // ---- toolbar --------------------------------------------------------------------------------------

    private Node buildToolbar() {
        search.setId("key-search");
        search.getStyleClass().add("search-field");
        // What Bifrost 2.x matches (API.md §4; the demo gateway does the same): parts of these, ignoring case.
        search.setPromptText("Search name, team, customer, metadata");
        search.setLeft(Icons.icon(Feather.SEARCH));
        Button clearSearch = Icons.button(Feather.X, "Clear the search");
        clearSearch.setOnAction(e -> {
            search.clear();
            search.requestFocus();
        });
        clearSearch.visibleProperty().bind(search.textProperty().isNotEmpty());
        search.setRight(clearSearch);
        search.textProperty().bindBidirectional(vm.searchTextProperty());
        Icons.tooltip(search, "Search (Ctrl+F): sent to the server 300 ms after you stop typing. Matches part of a key's name,"
                + " its team's or customer's name, or a metadata value, ignoring case; servers before Bifrost 2.x"
                + " match key names only.");

        FilterPicker team = new FilterPicker(vm.teamPicker(), Feather.USERS);
        FilterPicker customer = new FilterPicker(vm.customerPicker(), Feather.BRIEFCASE);
        Label or = new Label("or");
        or.getStyleClass().add("or-label");
        Icons.tooltip(or, "The server combines team and customer filters with OR: "
                + "a key of the team or of the customer is shown.");
        or.setMinWidth(Region.USE_PREF_SIZE);

        Node metadataFilter = buildMetadataFilter();
        Node statusFilter = buildStatusFilter();

        ToggleSwitch hideProfiles = Switches.create("Hide access-profile keys");
        javafx.scene.layout.HBox.setMargin(hideProfiles, new javafx.geometry.Insets(0, 0, 0, 12));
        hideProfiles.setId("hide-access-profile-keys");
        hideProfiles.selectedProperty().bindBidirectional(vm.hideAccessProfileKeysProperty());
        Icons.tooltip(hideProfiles, "Leave out keys managed by access profiles (Bifrost Enterprise).");
        hideProfiles.setMinWidth(Region.USE_PREF_SIZE);
        ToggleSwitch fromMemory = Switches.create("From memory");
        fromMemory.setId("from-memory");
        fromMemory.selectedProperty().bindBidirectional(vm.fromMemoryProperty());
        Icons.tooltip(fromMemory, "Read the gateway's in-memory governance cache instead of its "
                + "database: what the gateway enforces right now.");
        fromMemory.setMinWidth(Region.USE_PREF_SIZE);
        // A snapshot has no gateway cache to read: the switch would only mislead there.
        fromMemory.setVisible(vm.source().live());
        fromMemory.setManaged(vm.source().live());

        search.disableProperty().bind(vm.fromMemoryProperty());
        team.disableProperty().bind(vm.fromMemoryProperty());
        customer.disableProperty().bind(vm.fromMemoryProperty());
        hideProfiles.disableProperty().bind(vm.fromMemoryProperty());

        MenuButton columns = new MenuButton("Columns", Icons.icon(Feather.COLUMNS));
        columns.setId("columns-menu");
        Icons.tooltip(columns, "Show or hide columns; your choice is remembered.");
        for (KeyColumn c : KeyColumn.values()) {
            if (c == KeyColumn.KEY && !vm.source().holdsKeyValues()) {
                continue;
            }
            CheckMenuItem item = new CheckMenuItem(c.title());
            item.selectedProperty().bindBidirectional(vm.columnVisibleProperty(c));
            item.setDisable(c == KeyColumn.NAME);
            columns.getItems().add(item);
        }
        Button refresh = Icons.button(Feather.REFRESH_CW, "Refresh (F5 or Ctrl+R)");
        refresh.setId("refresh");
        refresh.setOnAction(e -> vm.refresh());
        // A file does not change: reading it again would only pretend to fetch something new.
        refresh.setVisible(vm.source().live());
        refresh.setManaged(vm.source().live());

        newKey.setId("new-key");
        Icons.tooltip(newKey, "Create a key (Ctrl+N)");
        newKey.setOnAction(e -> {
            if (editing != null) {
                editing.create();
            }
        });
        newKey.setVisible(false);
        newKey.managedProperty().bind(newKey.visibleProperty());
        newKey.setMinWidth(Region.USE_PREF_SIZE);
        columns.setMinWidth(Region.USE_PREF_SIZE);
        refresh.setMinWidth(Region.USE_PREF_SIZE);
        toolbarSlot.setAlignment(Pos.CENTER_RIGHT);
        toolbarSlot.setMinWidth(Region.USE_PREF_SIZE);
        // The search and the actions share the first row; the filters have the whole width of the second, which
        // wraps only in a narrow window. In one row with the actions, the filters had what the actions left: at
        // 1024 px that was one filter per line, and two table rows were left in sight.
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox.setHgrow(search, Priority.SOMETIMES);
        HBox row = new HBox(search, gap, newKey, toolbarSlot, columns, refresh);
        row.getStyleClass().add("filter-row");
        row.setAlignment(Pos.CENTER_LEFT);
        FlowPane filters = new FlowPane(10, 8, team, or, customer, metadataFilter, metadataChips,
                statusFilter, hideProfiles, fromMemory);
        filters.setId("key-filters");
        filters.setAlignment(Pos.CENTER_LEFT);
        filters.setMinWidth(0);

        Label hint = new Label();
        hint.setId("search-hint");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.textProperty().bind(Bindings.when(vm.fromMemoryProperty())
                .then("From memory: every key in the gateway's in-memory cache, by creation time. The server "
                        + "ignores search, filters, sorting and paging in this mode.")
                .otherwise("Search matches names (the key's, its team's, its customer's) and metadata values. Team"
                        + " and customer filters combine with OR; metadata conditions must all hold (AND)."));
        // In a short window (1024x700 and the like) the table's rows matter more than the search hint, which the
        // search field's tooltip and the "or" between the owner filters also say. The from-memory note stays: it
        // says that the server ignores the filters, which nothing else on screen does.
        hint.visibleProperty().bind(vm.fromMemoryProperty()
                .or(heightProperty().greaterThanOrEqualTo(TALL_ENOUGH_FOR_HINT)));
        hint.managedProperty().bind(hint.visibleProperty());
        Label metadataProblem = new Label();
        metadataProblem.setId("metadata-problem");
        metadataProblem.getStyleClass().add("field-error");
        metadataProblem.setWrapText(true);
        metadataProblem.textProperty().bind(vm.metadataProblemProperty());
        Label metadataIgnored = new Label();
        metadataIgnored.setId("metadata-ignored");
        metadataIgnored.getStyleClass().add("field-warning");
        metadataIgnored.setWrapText(true);
        metadataIgnored.textProperty().bind(vm.metadataIgnoredProperty());
        // The status filter and the Status sort work on less than they seem to: said where they are in force.
        Label statusFilterNote = new Label();
        statusFilterNote.setId("status-filter-note");
        statusFilterNote.getStyleClass().add("field-warning");
        statusFilterNote.setWrapText(true);
        statusFilterNote.textProperty().bind(vm.statusFilterNoteProperty());
        Label statusSortNote = new Label();
        statusSortNote.setId("status-sort-note");
        statusSortNote.getStyleClass().add("hint");
        statusSortNote.setWrapText(true);
        statusSortNote.textProperty().bind(vm.statusSortNoteProperty());
        for (Label l : new Label[] {metadataProblem, metadataIgnored, statusFilterNote, statusSortNote}) {
            l.visibleProperty().bind(l.textProperty().isNotEmpty());
            l.managedProperty().bind(l.visibleProperty());
        }
        VBox area = new VBox(row, filters, metadataProblem, metadataIgnored, statusFilterNote, statusSortNote, hint);
        area.getStyleClass().add("toolbar-area");
        return area;
    }

    /**
     * The metadata filter: a field taking {@code key = value} (checked as you type, added with Enter or +), and a
     * removable chip per condition in force. Conditions are AND-ed, as Bifrost does.
     */
    private Node buildMetadataFilter() {
        metadataField.setId("metadata-filter");
        metadataField.getStyleClass().add("metadata-field");
        metadataField.setPromptText("Metadata key = value");
        metadataField.setLeft(Icons.icon(Feather.TAG));
        metadataField.textProperty().bindBidirectional(vm.metadataInputProperty());
        Icons.tooltip(metadataField, "Show only keys whose metadata holds exactly this value (Bifrost 2.x):"
                + " type key = value and press Enter. Several conditions must all hold.");
        metadataField.setAccessibleText("Metadata filter, key = value");
        metadataField.setOnAction(e -> vm.addMetadataCondition());
        vm.metadataProblemProperty().addListener((o, a, problem) ->
                metadataField.pseudoClassStateChanged(INVALID, problem != null));
        Button add = Icons.button(Feather.PLUS, "Add the metadata condition (Enter)");
        add.setId("metadata-filter-add");
        add.setOnAction(e -> {
            vm.addMetadataCondition();
            metadataField.requestFocus();
        });
        add.disableProperty().bind(vm.metadataInputProperty().isEmpty());
        metadataField.setRight(add);
        metadataField.disableProperty().bind(vm.fromMemoryProperty());
        metadataChips.setId("metadata-chips");
        metadataChips.setAlignment(Pos.CENTER_LEFT);
        metadataChips.disableProperty().bind(vm.fromMemoryProperty());
        vm.metadataConditions().addListener((javafx.collections.ListChangeListener<KeyMetadata.Condition>) c ->
                showMetadataChips());
        showMetadataChips();
        return metadataField;
    }

    /**
     * "Any status", Active, Inactive, Expired, Exhausted. Bifrost cannot filter by status, so the menu filters the
     * page on screen and the note under the filters says how many of the page's keys it kept.
     */
    private Node buildStatusFilter() {
        javafx.scene.control.ComboBox<bifrostconsole.api.KeyStatus> status = new javafx.scene.control.ComboBox<>();
        status.setId("status-filter");
        status.getItems().add(null);
        status.getItems().addAll(KeyBrowserViewModel.FILTERABLE_STATUSES);
        javafx.util.StringConverter<bifrostconsole.api.KeyStatus> words = new javafx.util.StringConverter<>() {
            @Override
            public String toString(bifrostconsole.api.KeyStatus s) {
                return s == null ? "Any status" : s.label();
            }

            @Override
            public bifrostconsole.api.KeyStatus fromString(String text) {
                return null;
            }
        };
        status.setConverter(words);
        // A ComboBox draws a null item as blank unless its cells are told how to show it; the button shows
        // "Any status" for no value (its cell is then empty), the list for its null item.
        status.setButtonCell(statusCell(words, true));
        status.setCellFactory(list -> statusCell(words, false));
        status.valueProperty().bindBidirectional(vm.statusFilterProperty());
        Icons.tooltip(status, "Show only the keys of this status among the keys on this page. The server"
                + " cannot filter by status, so other pages are not searched; the note under the filters says how"
                + " many of the page's keys are shown.");
        status.setAccessibleText("Status filter (this page)");
        status.setMinWidth(Region.USE_PREF_SIZE);
        return status;
    }

    private static javafx.scene.control.ListCell<bifrostconsole.api.KeyStatus> statusCell(
            javafx.util.StringConverter<bifrostconsole.api.KeyStatus> words, boolean button) {
        return new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(bifrostconsole.api.KeyStatus item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty && !button ? null : words.toString(empty ? null : item));
            }
        };
    }

    private void showMetadataChips() {
        metadataChips.getChildren().setAll(vm.metadataConditions().stream().map(this::metadataChip).toList());
        metadataChips.setVisible(!vm.metadataConditions().isEmpty());
        metadataChips.setManaged(metadataChips.isVisible());
    }

    /** "env = prod ×": a click (or Space on it) takes the condition out of the filter. */
    private Node metadataChip(KeyMetadata.Condition condition) {
        Button chip = new Button(condition.toString(), Icons.icon(Feather.X));
        chip.getStyleClass().addAll("metadata-chip", "small");
        chip.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        chip.setMnemonicParsing(false);
        chip.setMaxWidth(260);
        chip.setTooltip(new Tooltip("Metadata " + condition.key() + " is exactly \u201c" + condition.value()
                + "\u201d. Click to remove this condition."));
        chip.setAccessibleText("Remove the metadata condition " + condition);
        chip.setOnAction(e -> {
            vm.removeMetadataCondition(condition);
            metadataField.requestFocus();
        });
        return chip;
    }

    // ---- table and its states -------------------------------------------------------------------------

    private StackPane buildTableArea() {
        TableView<KeyRow> table = keyTable.view();

        Label errorText = new Label();
        errorText.textProperty().bind(vm.errorMessageProperty());
        errorText.setWrapText(true);
        errorText.setId("inline-error-text");
        HBox.setHgrow(errorText, Priority.ALWAYS);
        errorText.setMaxWidth(Double.MAX_VALUE);
        Button retryInline = new Button("Retry", Icons.icon(Feather.REFRESH_CW));
        retryInline.setId("retry-inline");
        retryInline.setOnAction(e -> vm.retry());
        retryInline.setMinWidth(Region.USE_PREF_SIZE);
        Label keptNote = new Label("Showing the last page that loaded.");
        keptNote.setMinWidth(Region.USE_PREF_SIZE);
        HBox inlineError = new HBox(Icons.icon(Feather.ALERT_TRIANGLE), errorText, keptNote, retryInline);
        inlineError.getStyleClass().add("inline-error");
        inlineError.setId("inline-error");
        var showInline = vm.errorMessageProperty().isNotNull()
                .and(vm.viewStateProperty().isNotEqualTo(KeyBrowserViewModel.ViewState.ERROR));
        inlineError.visibleProperty().bind(showInline);
        inlineError.managedProperty().bind(showInline);

        ProgressBar strip = new ProgressBar(ProgressIndicator.INDETERMINATE_PROGRESS);
        strip.getStyleClass().addAll("loading-strip", "small");
        strip.setMaxWidth(Double.MAX_VALUE);
        var busyWithRows = vm.loadingProperty().and(vm.viewStateProperty().isNotEqualTo(
                KeyBrowserViewModel.ViewState.LOADING));
        strip.visibleProperty().bind(busyWithRows);
        // An indeterminate bar animates (and repaints every frame) even when hidden: only while loading.
        strip.progressProperty().bind(Bindings.when(busyWithRows).then(-1.0).otherwise(0.0));
        strip.setId("loading-strip");
        // Keep the strip's 3 px even when hidden so the table does not jump.
        StackPane stripHolder = new StackPane(strip);
        stripHolder.setMinHeight(3);
        stripHolder.setMaxHeight(3);

        VBox.setVgrow(table, Priority.ALWAYS);
        addEachWhenFirstShown(tableBox, inlineError, stripHolder, table);

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(36, 36);
        Label loadingText = new Label("Loading keys\u2026");
        loadingText.getStyleClass().add("state-text");
        VBox loadingPane = statePane("loading-state", spinner, loadingText);
        loadingPane.visibleProperty().bind(vm.viewStateProperty().isEqualTo(KeyBrowserViewModel.ViewState.LOADING));
        spinner.progressProperty().bind(Bindings.when(loadingPane.visibleProperty()).then(-1.0).otherwise(0.0));

        Label emptyTitle = new Label();
        emptyTitle.getStyleClass().add("state-title");
        emptyTitle.setId("empty-title");
        emptyTitle.textProperty().bind(Bindings.when(vm.filtersActiveProperty())
                .then("No keys match").otherwise("No virtual keys yet"));
        Label emptyText = new Label();
        emptyText.getStyleClass().add("state-text");
        emptyText.setWrapText(true);
        emptyText.textProperty().bind(Bindings.when(vm.filtersActiveProperty())
                .then("No key matches the search and filters. Try other words, or clear the filters.")
                .otherwise("Virtual keys give applications access to providers, with budgets and rate limits. "
                        + "Keys created on the gateway appear here."));
        Button clearFilters = new Button("Clear filters", Icons.icon(Feather.X));
        clearFilters.setId("clear-filters");
        clearFilters.getStyleClass().add("accent");
        clearFilters.setOnAction(e -> vm.clearFilters());
        clearFilters.visibleProperty().bind(vm.filtersActiveProperty());
        FontIcon emptyIcon = Icons.icon(Feather.SEARCH, Icons.STATE_SIZE);
        emptyIcon.getStyleClass().add("state-icon");
        VBox emptyPane = statePane("empty-state", emptyIcon, emptyTitle, emptyText, clearFilters);
        emptyPane.visibleProperty().bind(vm.viewStateProperty().isEqualTo(KeyBrowserViewModel.ViewState.EMPTY));

        Label errorTitle = new Label("The keys could not be loaded");
        errorTitle.getStyleClass().add("state-title");
        Label errorBody = new Label();
        errorBody.setId("error-state-text");
        errorBody.getStyleClass().add("state-text");
        errorBody.setWrapText(true);
        errorBody.setMaxWidth(560);
        errorBody.textProperty().bind(vm.errorMessageProperty());
        Button retry = new Button("Retry", Icons.icon(Feather.REFRESH_CW));
        retry.setId("retry");
        retry.getStyleClass().add("accent");
        retry.setOnAction(e -> vm.retry());
        retry.disableProperty().bind(vm.loadingProperty());
        FontIcon errorIcon = Icons.icon(Feather.ALERT_TRIANGLE, Icons.STATE_SIZE);
        errorIcon.getStyleClass().add("state-icon");
        VBox errorPane = statePane("error-state", errorIcon, errorTitle, errorBody, retry);
        errorPane.getStyleClass().add("error");
        errorPane.visibleProperty().bind(vm.viewStateProperty().isEqualTo(KeyBrowserViewModel.ViewState.ERROR));

        StackPane stack = new StackPane();
        addEachWhenFirstShown(stack, tableBox, loadingPane, emptyPane, errorPane, waitingBanner(table));
        return stack;
    }

    /** The key of a pane's nodes that {@link #addEachWhenFirstShown} adds once they show. */
    private static final Object NOT_YET_SHOWN = new Object();

    /**
     * Adds each of {@code inOrder} to {@code parent}: a node shown now at once, a node hidden now (its visibility
     * bound to when it shows) the first time it shows. A pane hidden at first is otherwise built, skinned and styled
     * before the first frame (README, Performance): the state panes, the inline error and the waiting banner are 46
     * of the first page's nodes. A late node goes in before the first of the nodes after it that is there, so the
     * order (what paints over what, the Tab order) is the one {@code inOrder} gives. It is styled at once when added,
     * so its first frame has its looks; once added it stays, hidden and shown as before.
     *
     * <p>{@code parent} holds each node until it is added: nothing else does. The view-model's properties hold
     * the bindings of a node's visibility only weakly, so a node out of the scene would otherwise be collected, and
     * with it the listener that was to add it.
     */
    private static void addEachWhenFirstShown(Pane parent, Node... inOrder) {
        @SuppressWarnings("unchecked")
        List<Node> waiting = (List<Node>) parent.getProperties().computeIfAbsent(NOT_YET_SHOWN,
                k -> new ArrayList<Node>());
        for (int i = 0; i < inOrder.length; i++) {
            Node node = inOrder[i];
            if (node.isVisible()) {
                parent.getChildren().add(node);
                continue;
            }
            waiting.add(node);
            List<Node> after = List.of(inOrder).subList(i + 1, inOrder.length);
            node.visibleProperty().addListener(new javafx.beans.value.ChangeListener<Boolean>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was,
                                    Boolean now) {
                    if (now) {
                        node.visibleProperty().removeListener(this);
                        int at = after.stream().filter(n -> n.getParent() == parent).findFirst()
                                .map(n -> parent.getChildren().indexOf(n)).orElse(parent.getChildren().size());
                        parent.getChildren().add(at, node);
                        waiting.remove(node);
                        StyleNow.apply(node);
                    }
                }
            });
        }
    }

    /**
     * "Waiting for the server… 12 s" with Cancel, over the rows (or the first load's spinner) once an answer is
     * two seconds late: the thin strip alone does not say the rows may be stale, nor offer a way out.
     */
    private Node waitingBanner(TableView<KeyRow> table) {
        Label text = new Label();
        text.setId("waiting-text");
        text.textProperty().bind(vm.waitingProperty());
        text.setMinWidth(Region.USE_PREF_SIZE);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.setMaxSize(16, 16);
        Button cancel = new Button("Cancel");
        cancel.setId("waiting-cancel");
        cancel.getStyleClass().add("small");
        Icons.tooltip(cancel, "Stop waiting: the rows on screen stay, and Retry asks again");
        cancel.setOnAction(e -> vm.cancelWaiting());
        HBox banner = new HBox(10, spinner, text, cancel);
        banner.setId("waiting-banner");
        banner.getStyleClass().add("waiting-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane.setAlignment(banner, Pos.TOP_CENTER);
        // Just under the column headers, wherever bars above the table (an error, the selection) put them.
        Runnable place = () -> StackPane.setMargin(banner, new javafx.geometry.Insets(table.getLayoutY() + 34, 0, 0, 0));
        table.layoutYProperty().addListener((o, a, b) -> place.run());
        place.run();
        var shown = vm.waitingProperty().isNotNull();
        banner.visibleProperty().bind(shown);
        // Spins (and repaints) only while shown.
        spinner.progressProperty().bind(Bindings.when(shown).then(-1.0).otherwise(0.0));
        return banner;
    }

    /** "Copied — clears in 30 s" for a moment at the bottom of the browser, whichever copy button was used. */
    private Node copyToast() {
        Label toast = new Label();
        toast.setId("copy-toast");
        toast.getStyleClass().add("copy-toast");
        toast.setGraphic(Icons.icon(Feather.CHECK));
        toast.textProperty().bind(vm.copyConfirmationProperty());
        toast.visibleProperty().bind(vm.copyConfirmationProperty().isNotNull());
        toast.setMouseTransparent(true);
        toast.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane.setAlignment(toast, Pos.BOTTOM_CENTER);
        StackPane.setMargin(toast, new javafx.geometry.Insets(0, 0, 56, 0));
        return toast;
    }

    private static VBox statePane(String id, Node... children) {
        VBox pane = new VBox(children);
        pane.getStyleClass().add("state-pane");
        pane.setId(id);
        pane.setAlignment(Pos.CENTER);
        pane.managedProperty().bind(pane.visibleProperty());
        return pane;
    }

    // ---- pager ----------------------------------------------------------------------------------------

    private Node buildPager() {
        PagerBar pager = new PagerBar(vm);
        pager.disablePaging(vm.fromMemoryProperty());
        return pager;
    }

    // ---- selection, details and keys ------------------------------------------------------------------

    private void bindSelection() {
        TableView<KeyRow> table = keyTable.view();
        table.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (!syncingSelection) {
                syncingSelection = true;
                vm.selectedIndexProperty().set(b.intValue());
                syncingSelection = false;
            }
        });
        vm.selectedIndexProperty().addListener((o, a, b) -> {
            if (syncingSelection) {
                return;
            }
            syncingSelection = true;
            int i = b.intValue();
            if (i < 0) {
                table.getSelectionModel().clearSelection();
            } else {
                table.getSelectionModel().clearAndSelect(i);
                table.getFocusModel().focus(i);
                table.scrollTo(Math.max(0, i - 3));
            }
            syncingSelection = false;
        });
        table.setOnMouseClicked(e -> {
            if (e.getTarget() instanceof Node n && isInside(n, javafx.scene.control.ButtonBase.class)) {
                return;
            }
            // A right click opens a menu, Ctrl/Shift-click picks several keys: only a plain click opens the key.
            if (e.getButton() != javafx.scene.input.MouseButton.PRIMARY || e.isShortcutDown() || e.isShiftDown()) {
                return;
            }
            if (table.getSelectionModel().getSelectedIndex() >= 0) {
                vm.openSelected();
            }
        });
    }

    private static boolean isInside(Node node, Class<?> type) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (type.isInstance(n)) {
                return true;
            }
            if (n instanceof TableView) {
                return false;
            }
        }
        return false;
    }

    /**
     * Makes the details pane ready before a key is first opened, after the first page is painted, one step per
     * painted frame so that no frame waits long for it: the pane is built; then styled and laid out, hidden and
     * outside the layout, its header first and its tabs in the next frame (it shows the table's
     * first key meanwhile, so the overview's rows and tooltips are made too); then its header emptied again, its
     * tabs' panes hidden where they are ({@link KeyDetailView#prepare}), and put, folded, into the split beside the
     * table, so that the first open only fills and unfolds it. An open that comes first
     * takes the pane as far as it got and adds it to the split itself.
     */
    private void prebuildDetail() {
        // First, the table's usage cells make what the first page did not need (KeyTable.completeUsageCells).
        List<Runnable> steps = List.of(keyTable::completeUsageCells, this::detailView, () -> {
            prebuildHost = (StackPane) getCenter();
            prebuildParts = List.copyOf(detailView.getChildren());
            detailView.getChildren().remove(detailView.tabs());
            detailView.setManaged(false);
            detailView.setVisible(false);
            // Last, after the table: a lookup of the scene (a test's query for the first secret) meets the table's
            // nodes before this hidden pane's.
            prebuildHost.getChildren().add(detailView);
            detailView.resize(Math.max(detailView.getMinWidth(), detailView.getPrefWidth()),
                    Math.max(0, prebuildHost.getHeight()));
            detailView.applyCss();
        }, () -> {
            detailView.getChildren().setAll(prebuildParts);
            detailView.applyCss();
        }, () -> {
            // Without its value: the sample's secret has no business in a pane no one looks at.
            prebuildRestore = vm.rows().isEmpty() ? null : detailView.prepare(KeyDetails.of(
                    vm.rows().get(0).key().withoutValue(), vm.formats(), Instant.now()));
            detailView.applyCss();
        }, this::endPrebuild);
        runAfterPaints(steps, 0);
    }

    /** Runs {@code steps} from {@code next} on, each after a painted frame, while the pane was not opened. */
    private void runAfterPaints(List<Runnable> steps, int next) {
        afterPaint(() -> {
            if (next < steps.size() && !prebuildOver) {
                steps.get(next).run();
                runAfterPaints(steps, next + 1);
            }
        });
    }

    /** Runs {@code step} once what the window shows now is painted; not at all if this view left its scene. */
    private void afterPaint(Runnable step) {
        if (getScene() != null) {
            FirstFrame.afterPaint(getScene(), step);
        }
    }

    /** The details pane is built, styled and laid out, not yet opened: for tests. */
    boolean detailPrebuilt() {
        return prebuildOver && detailView != null && !vm.detail().shownProperty().get();
    }

    private void endPrebuild() {
        prebuildOver = true;
        if (prebuildHost != null) {
            prebuildHost.getChildren().remove(detailView);
            prebuildHost = null;
            detailView.getChildren().setAll(prebuildParts);
            if (prebuildRestore != null) {
                prebuildRestore.run();
            }
            if (!vm.detail().shownProperty().get()) {
                // Into the split now, folded away, and never out again: adding a pane to a SplitPane gives it a
                // new parent (the skin's content box and a divider), restyled from scratch, which was most of
                // the first open's stall.
                split.getItems().add(detailView);
                foldDetail(true);
                split.applyCss();
            }
        }
    }

    private void showDetail(boolean shown) {
        endPrebuild();
        if (shown && !split.getItems().contains(detailView())) {
            split.getItems().add(detailView());
        }
        if (detailView != null && split.getItems().contains(detailView)) {
            foldDetail(!shown);
        }
    }

    /**
     * Folds the details pane away (the table takes the whole width, no divider, nothing to tab to) or opens it
     * where a newly added one would sit: a new divider starts at the middle, then keeps the pane's minimum.
     */
    private void foldDetail(boolean fold) {
        detailView.setManaged(!fold);
        detailView.setVisible(!fold);
        // A wider window gives part of the growth to every pane that resizes with the split, the folded one too:
        // the table would stop short of the right edge.
        SplitPane.setResizableWithParent(detailView, !fold);
        for (Node divider : split.getChildrenUnmodifiable()) {
            if (!divider.getStyleClass().contains("split-pane-divider")) {
                continue;
            }
            divider.setVisible(!fold);
            // An inline style on this one node: toggling a style class on the split would restyle all of it.
            divider.setStyle(fold ? "-fx-padding: 0;" : "");
        }
        split.setDividerPosition(0, fold ? 1.0 : 0.5);
    }

    private void closeDetail() {
        vm.closeDetail();
        keyTable.view().requestFocus();
    }

    private void onKey(KeyEvent e) {
        Node focus = getScene() == null ? null : getScene().getFocusOwner();
        boolean typing = focus instanceof TextInputControl;
        if (NEW.match(e) && editing != null) {
            editing.create();
            e.consume();
        } else if (EDIT.match(e) && editing != null) {
            editShown();
            e.consume();
        } else if (FIND.match(e)) {
            search.requestFocus();
            search.selectAll();
            e.consume();
        } else if ((REFRESH.match(e) || RELOAD.match(e)) && vm.source().live()) {
            vm.refresh();
            e.consume();
        } else if (e.getCode() == KeyCode.PAGE_DOWN && !e.isShortcutDown()) {
            vm.nextPage();
            e.consume();
        } else if (e.getCode() == KeyCode.PAGE_UP && !e.isShortcutDown()) {
            vm.previousPage();
            e.consume();
        } else if (COPY.match(e)) {
            if (typing && !((TextInputControl) focus).getSelectedText().isEmpty()) {
                return; // copying selected text in a field is the field's business
            }
            vm.copySelectedKeyId();
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE) {
            if (vm.detail().shownProperty().get()) {
                closeDetail();
                e.consume();
            } else if (focus == search && !search.getText().isEmpty()) {
                search.clear();
                e.consume();
            } else if (focus == search) {
                // An empty search has nothing left to undo: Esc hands the keyboard back to the keys (J/K, Enter).
                keyTable.view().requestFocus();
                e.consume();
            }
        } else if (!typing && !e.isShortcutDown() && (e.getCode() == KeyCode.J || e.getCode() == KeyCode.K)) {
            if (e.getCode() == KeyCode.J) {
                vm.selectNext();
            } else {
                vm.selectPrevious();
            }
            keyTable.view().requestFocus();
            e.consume();
        } else if (focus == keyTable.view()) {
            int i = vm.selectedIndexProperty().get();
            if (e.getCode() == KeyCode.ENTER) {
                vm.openSelected();
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN && i == vm.rows().size() - 1) {
                vm.selectNext();
                e.consume();
            } else if (e.getCode() == KeyCode.UP && i <= 0) {
                vm.selectPrevious();
                e.consume();
            }
        }
    }
}
