package bifrostconsole.tables;

import atlantafx.base.controls.CustomTextField;
import bifrostconsole.ui.Icons;
import bifrostconsole.ui.Stylesheets;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
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
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import java.util.function.Consumer;

/**
 * A server-paged, searchable table with a detail pane beside it: the search box, the feature's own buttons, the
 * Columns menu and Refresh on top; the table with its loading, empty and error states in the middle; the pager
 * below. The team and customer views are this, with their own columns, texts and detail pane.
 * Keyboard: Ctrl+F search, F5/Ctrl+R refresh, PgUp/PgDn page, Enter open, J/K or Up/Down next row, Esc close the
 * details.
 */
public final class PagedTableView<R> extends BorderPane {
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination RELOAD = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);

    /** The words of one list: what it holds, its search prompt and its empty states. */
    public record Texts(String singular, String plural, String searchPrompt, String hint, String emptyTitle,
                        String emptyText) {
    }

    private final PagedListViewModel<?, R> vm;
    private final TableView<R> table;
    private final CustomTextField search = new CustomTextField();
    private final HBox toolbarSlot = new HBox(8);
    private final SplitPane split = new SplitPane();
    private Node detail;
    private Consumer<R> onOpen = r -> { };
    private Consumer<R> onActivate = r -> { };
    private Runnable onCloseDetail = () -> { };
    private boolean syncingSelection;

    public PagedTableView(PagedListViewModel<?, R> vm, PagedTable<R> pagedTable, List<? extends TableColumnSpec> columns,
                          Texts texts) {
        this.vm = vm;
        this.table = pagedTable.view();
        getStyleClass().addAll("key-browser", "list-browser");
        Stylesheets.apply(this);
        setTop(toolbar(columns, texts));
        split.getItems().add(tableArea(texts));
        split.setOrientation(Orientation.HORIZONTAL);
        setCenter(split);
        setBottom(new PagerBar(vm));
        bindSelection();
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        vm.start();
    }

    /** A slot in the toolbar for the feature's actions, e.g. "New team". */
    public void addToolbarItem(Node item) {
        toolbarSlot.getChildren().add(item);
    }

    /** What a click or Enter on a row does (open its details). */
    public void setOnOpen(Consumer<R> onOpen) {
        this.onOpen = onOpen;
    }

    /** What a double-click on a row does (edit it). */
    public void setOnActivate(Consumer<R> onActivate) {
        this.onActivate = onActivate;
    }

    /** What Esc does while the details are shown. */
    public void setOnCloseDetail(Runnable onCloseDetail) {
        this.onCloseDetail = onCloseDetail;
    }

    /** Shows {@code pane} beside the table, or takes the details away with null. */
    public void showDetail(Node pane) {
        if (detail != null && detail != pane) {
            split.getItems().remove(detail);
        }
        detail = pane;
        if (pane != null && !split.getItems().contains(pane)) {
            split.getItems().add(pane);
            split.setDividerPositions(vm.detailDividerProperty().get());
            split.getDividers().get(0).positionProperty().addListener((o, a, b) ->
                    vm.detailDividerProperty().set(b.doubleValue()));
        }
    }

    public TableView<R> table() {
        return table;
    }

    public CustomTextField searchField() {
        return search;
    }

    // ---- toolbar ------------------------------------------------------------------------------------------

    private Node toolbar(List<? extends TableColumnSpec> columns, Texts texts) {
        search.setId(texts.singular() + "-search");
        search.getStyleClass().add("search-field");
        search.setPromptText(texts.searchPrompt());
        search.setLeft(Icons.icon(Feather.SEARCH));
        Button clearSearch = Icons.button(Feather.X, "Clear the search");
        clearSearch.setOnAction(e -> {
            search.clear();
            search.requestFocus();
        });
        clearSearch.visibleProperty().bind(search.textProperty().isNotEmpty());
        search.setRight(clearSearch);
        search.textProperty().bindBidirectional(vm.searchTextProperty());
        search.setTooltip(new Tooltip("Sent to the server 300 ms after you stop typing; matches parts of "
                + texts.singular() + " names."));

        MenuButton columnsMenu = new MenuButton("Columns", Icons.icon(Feather.COLUMNS));
        columnsMenu.setId(texts.singular() + "-columns-menu");
        columnsMenu.setTooltip(new Tooltip("Show or hide columns; your choice is remembered."));
        boolean first = true;
        for (TableColumnSpec c : columns) {
            CheckMenuItem item = new CheckMenuItem(c.title());
            item.selectedProperty().bindBidirectional(vm.columnVisibleProperty(c));
            item.setDisable(first); // the name column always shows
            first = false;
            columnsMenu.getItems().add(item);
        }
        Button refresh = Icons.button(Feather.REFRESH_CW, "Refresh (F5 or Ctrl+R)");
        refresh.setId(texts.singular() + "-refresh");
        refresh.setOnAction(e -> vm.refresh());
        columnsMenu.setMinWidth(Region.USE_PREF_SIZE);
        refresh.setMinWidth(Region.USE_PREF_SIZE);
        toolbarSlot.setAlignment(Pos.CENTER_RIGHT);
        toolbarSlot.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(10, search, spacer, toolbarSlot, columnsMenu, refresh);
        row.getStyleClass().add("filter-row");
        row.setAlignment(Pos.CENTER_LEFT);

        Label hint = new Label(texts.hint());
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        VBox area = new VBox(row, hint);
        area.getStyleClass().add("toolbar-area");
        return area;
    }

    // ---- table and its states -----------------------------------------------------------------------------

    private StackPane tableArea(Texts texts) {
        Label errorText = new Label();
        errorText.textProperty().bind(vm.errorMessageProperty());
        errorText.setWrapText(true);
        HBox.setHgrow(errorText, Priority.ALWAYS);
        errorText.setMaxWidth(Double.MAX_VALUE);
        Button retryInline = new Button("Retry", Icons.icon(Feather.REFRESH_CW));
        retryInline.setOnAction(e -> vm.retry());
        retryInline.setMinWidth(Region.USE_PREF_SIZE);
        Label keptNote = new Label("Showing the last page that loaded.");
        keptNote.setMinWidth(Region.USE_PREF_SIZE);
        HBox inlineError = new HBox(Icons.icon(Feather.ALERT_TRIANGLE), errorText, keptNote, retryInline);
        inlineError.getStyleClass().add("inline-error");
        var showInline = vm.errorMessageProperty().isNotNull()
                .and(vm.viewStateProperty().isNotEqualTo(PagedListViewModel.ViewState.ERROR));
        inlineError.visibleProperty().bind(showInline);
        inlineError.managedProperty().bind(showInline);

        ProgressBar strip = new ProgressBar(ProgressIndicator.INDETERMINATE_PROGRESS);
        strip.getStyleClass().addAll("loading-strip", "small");
        strip.setMaxWidth(Double.MAX_VALUE);
        var busyWithRows = vm.loadingProperty().and(vm.viewStateProperty().isNotEqualTo(
                PagedListViewModel.ViewState.LOADING));
        strip.visibleProperty().bind(busyWithRows);
        // An indeterminate bar animates (and repaints every frame) even when hidden: only while loading.
        strip.progressProperty().bind(Bindings.when(busyWithRows).then(-1.0).otherwise(0.0));
        StackPane stripHolder = new StackPane(strip);
        stripHolder.setMinHeight(3);
        stripHolder.setMaxHeight(3);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox tableBox = new VBox(inlineError, stripHolder, table);

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(36, 36);
        Label loadingText = new Label("Loading " + texts.plural() + "\u2026");
        loadingText.getStyleClass().add("state-text");
        VBox loadingPane = statePane(spinner, loadingText);
        loadingPane.visibleProperty().bind(vm.viewStateProperty().isEqualTo(PagedListViewModel.ViewState.LOADING));
        spinner.progressProperty().bind(Bindings.when(loadingPane.visibleProperty()).then(-1.0).otherwise(0.0));

        Label emptyTitle = new Label();
        emptyTitle.getStyleClass().add("state-title");
        emptyTitle.textProperty().bind(Bindings.when(vm.searchActiveProperty())
                .then("No " + texts.plural() + " match").otherwise(texts.emptyTitle()));
        Label emptyText = new Label();
        emptyText.getStyleClass().add("state-text");
        emptyText.setWrapText(true);
        emptyText.textProperty().bind(Bindings.when(vm.searchActiveProperty())
                .then("No " + texts.singular() + " name matches the search. Try other words, or clear it.")
                .otherwise(texts.emptyText()));
        Button clear = new Button("Clear the search", Icons.icon(Feather.X));
        clear.getStyleClass().add("accent");
        clear.setOnAction(e -> vm.clearSearch());
        clear.visibleProperty().bind(vm.searchActiveProperty());
        FontIcon emptyIcon = Icons.icon(Feather.SEARCH, Icons.STATE_SIZE);
        emptyIcon.getStyleClass().add("state-icon");
        VBox emptyPane = statePane(emptyIcon, emptyTitle, emptyText, clear);
        emptyPane.setId(texts.singular() + "-empty-state");
        emptyPane.visibleProperty().bind(vm.viewStateProperty().isEqualTo(PagedListViewModel.ViewState.EMPTY));

        Label errorTitle = new Label("The " + texts.plural() + " could not be loaded");
        errorTitle.getStyleClass().add("state-title");
        Label errorBody = new Label();
        errorBody.getStyleClass().add("state-text");
        errorBody.setWrapText(true);
        errorBody.setMaxWidth(560);
        errorBody.textProperty().bind(vm.errorMessageProperty());
        Button retry = new Button("Retry", Icons.icon(Feather.REFRESH_CW));
        retry.getStyleClass().add("accent");
        retry.setOnAction(e -> vm.retry());
        retry.disableProperty().bind(vm.loadingProperty());
        FontIcon errorIcon = Icons.icon(Feather.ALERT_TRIANGLE, Icons.STATE_SIZE);
        errorIcon.getStyleClass().add("state-icon");
        VBox errorPane = statePane(errorIcon, errorTitle, errorBody, retry);
        errorPane.setId(texts.singular() + "-error-state");
        errorPane.getStyleClass().add("error");
        errorPane.visibleProperty().bind(vm.viewStateProperty().isEqualTo(PagedListViewModel.ViewState.ERROR));

        return new StackPane(tableBox, loadingPane, emptyPane, errorPane);
    }

    private static VBox statePane(Node... children) {
        VBox pane = new VBox(children);
        pane.getStyleClass().add("state-pane");
        pane.setAlignment(Pos.CENTER);
        pane.managedProperty().bind(pane.visibleProperty());
        return pane;
    }

    // ---- selection and keys ---------------------------------------------------------------------------------

    private void bindSelection() {
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
            if (e.getButton() != MouseButton.PRIMARY || e.getTarget() instanceof Node n && inside(n, ButtonBase.class)) {
                return;
            }
            R row = vm.selectedRow();
            if (row != null) {
                if (e.getClickCount() == 2) {
                    onActivate.accept(row);
                } else {
                    onOpen.accept(row);
                }
            }
        });
    }

    private static boolean inside(Node node, Class<?> type) {
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

    private void onKey(KeyEvent e) {
        Node focus = getScene() == null ? null : getScene().getFocusOwner();
        boolean typing = focus instanceof TextInputControl;
        if (FIND.match(e)) {
            search.requestFocus();
            search.selectAll();
            e.consume();
        } else if (e.getCode() == KeyCode.F5 || RELOAD.match(e)) {
            vm.refresh();
            e.consume();
        } else if (e.getCode() == KeyCode.PAGE_DOWN && !e.isShortcutDown()) {
            vm.nextPage();
            e.consume();
        } else if (e.getCode() == KeyCode.PAGE_UP && !e.isShortcutDown()) {
            vm.previousPage();
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE) {
            if (detail != null) {
                onCloseDetail.run();
                table.requestFocus();
                e.consume();
            } else if (focus == search && !search.getText().isEmpty()) {
                search.clear();
                e.consume();
            }
        } else if (!typing && !e.isShortcutDown() && (e.getCode() == KeyCode.J || e.getCode() == KeyCode.K)) {
            if (e.getCode() == KeyCode.J) {
                vm.selectNext();
            } else {
                vm.selectPrevious();
            }
            table.requestFocus();
            e.consume();
        } else if (focus == table) {
            int i = vm.selectedIndexProperty().get();
            if (e.getCode() == KeyCode.ENTER) {
                R row = vm.selectOrFirst();
                if (row != null) {
                    onOpen.accept(row);
                }
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
