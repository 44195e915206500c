package bifrostconsole.keyactions;

import atlantafx.base.theme.Styles;
import bifrostconsole.changes.KeyChange;
import bifrostconsole.keydetail.KeyDetailView;
import bifrostconsole.keys.KeyBrowserView;
import bifrostconsole.keys.KeyRow;
import bifrostconsole.ui.CellIconButton;
import bifrostconsole.ui.Icons;
import bifrostconsole.ui.StyleNow;
import bifrostconsole.ui.WindowService;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Puts the key actions into a live server's key browser: a {@code ⋯} button in every row and a context menu on
 * the table (both list the keyboard shortcuts), Shift/Ctrl-click and Ctrl+A selection that outlives pages, a
 * selection bar with the bulk actions and "select all N matching keys", the same menu in the details' header, and
 * the shortcuts themselves. Each action opens the {@link ChangeDialog}; nothing is sent before it is confirmed.
 *
 * <p>The menus are shown by hand rather than set with {@code setContextMenu}: a control's context menu puts its
 * accelerators into the whole scene, where Delete or Ctrl+Shift+D would act while the admin types in a field. The
 * shortcuts here act only when the focus is in the table or the details, never in a text field.
 */
public final class KeyActionsView {
    static final String STYLESHEET = Objects.requireNonNull(KeyActionsView.class.getResource(
            "/bifrostconsole/keyactions/key-actions.css"), "key-actions.css is missing from the build").toExternalForm();

    /**
     * The shortcuts, as the menus show them; Copy id is the browser's own Ctrl+C. Enable and Disable carry Shift:
     * Ctrl+E is the browser's Edit, and a key press reaches both the browser's and these handlers.
     */
    public static final Map<KeyAction, KeyCombination> SHORTCUTS = java.util.Collections.unmodifiableMap(
            new EnumMap<>(Map.of(
            KeyAction.ENABLE, new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN,
                    KeyCombination.SHIFT_DOWN),
            KeyAction.DISABLE, new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN,
                    KeyCombination.SHIFT_DOWN),
            KeyAction.ROTATE, new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN,
                    KeyCombination.SHIFT_DOWN),
            KeyAction.DELETE, new KeyCodeCombination(KeyCode.DELETE),
            KeyAction.RESET_USAGE, new KeyCodeCombination(KeyCode.U, KeyCombination.SHORTCUT_DOWN),
            KeyAction.ADD_OVERRIDE, new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN),
            KeyAction.REMOVE_OVERRIDE, new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN,
                    KeyCombination.SHIFT_DOWN),
            KeyAction.ASSIGN, new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN,
                    KeyCombination.SHIFT_DOWN),
            KeyAction.COPY_ID, KeyBrowserView.COPY)));

    /** The menu's groups: switch, change, copy, delete (last, apart, in red). */
    private static final List<List<KeyAction>> GROUPS = List.of(
            List.of(KeyAction.ENABLE, KeyAction.DISABLE),
            List.of(KeyAction.ROTATE, KeyAction.RESET_USAGE, KeyAction.ADD_OVERRIDE, KeyAction.REMOVE_OVERRIDE,
                    KeyAction.ASSIGN),
            List.of(KeyAction.COPY_ID),
            List.of(KeyAction.DELETE));

    private final KeyActionsViewModel vm;
    private final KeyBrowserView browser;
    private final WindowService windows;
    private final TableView<KeyRow> table;

    private KeyActionsView(KeyBrowserView browser, KeyActionsViewModel vm, WindowService windows) {
        this.vm = vm;
        this.browser = browser;
        this.windows = windows;
        this.table = browser.table();
    }

    /** Adds the actions to {@code browser}, whose keys come from the server {@code vm} changes. */
    public static KeyActionsView install(KeyBrowserView browser, KeyActionsViewModel vm, WindowService windows) {
        KeyActionsView view = new KeyActionsView(browser, vm, windows);
        browser.getStylesheets().add(STYLESHEET);
        SelectionSync.install(view.table, vm.selection(), browser);
        view.table.getColumns().add(0, view.actionsColumn());
        view.table.setOnContextMenuRequested(e -> {
            view.menu(vm.selectionTarget(), true).show(view.table, e.getScreenX(), e.getScreenY());
            e.consume();
        });
        browser.addEventFilter(KeyEvent.KEY_PRESSED, view::shortcut);
        view.selectionBar(); // joins the browser above the table when first shown
        browser.addDetailHeaderItem(view.detailButton());
        return view;
    }

    // ---- menus ---------------------------------------------------------------------------------------------

    /** The actions for {@code target}; {@code shortcuts} shows the keys that do the same. */
    ContextMenu menu(KeyTarget target, boolean shortcuts) {
        ContextMenu menu = new ContextMenu();
        menu.setId("key-actions-menu");
        for (List<KeyAction> group : GROUPS) {
            boolean any = false;
            for (KeyAction action : group) {
                if (!vm.offered(action, target)) {
                    continue;
                }
                if (!any && !menu.getItems().isEmpty()) {
                    menu.getItems().add(new SeparatorMenuItem());
                }
                any = true;
                MenuItem item = new MenuItem(vm.label(action, target));
                item.setId(action.id());
                item.setDisable(!vm.enabled(action, target));
                if (shortcuts && (action != KeyAction.COPY_ID || target.total() == 1)) {
                    // Shown only: a menu opened by hand installs no accelerator (see the class comment).
                    item.setAccelerator(SHORTCUTS.get(action));
                }
                if (action.destructive()) {
                    item.getStyleClass().add("danger-item");
                }
                item.setOnAction(e -> perform(action, target, table.getScene() == null ? null
                        : table.getScene().getWindow()));
                menu.getItems().add(item);
            }
        }
        return menu;
    }

    /** Runs {@code action}: a form first for overrides and assignments, then the preview. */
    void perform(KeyAction action, KeyTarget target, Window owner) {
        if (target.isEmpty() || !vm.enabled(action, target)) {
            return;
        }
        Optional<KeyChange> change = switch (action) {
            case COPY_ID -> {
                vm.copyIds(target);
                yield Optional.empty();
            }
            case ADD_OVERRIDE, REMOVE_OVERRIDE -> OverrideForm.ask(windows, owner,
                    vm.overrideForm(target, action == KeyAction.REMOVE_OVERRIDE));
            case ASSIGN -> AssignForm.ask(windows, owner, vm.assignForm(), target.single()
                    ? "\u201c" + target.only().name() + "\u201d" : vm.formats().count(target.total()) + " keys");
            default -> Optional.of(vm.changeFor(action));
        };
        change.ifPresent(c -> ChangeDialog.show(windows, owner, vm.change(c, target)));
    }

    private void shortcut(KeyEvent e) {
        Node focus = browser.getScene() == null ? null : browser.getScene().getFocusOwner();
        if (focus instanceof TextInputControl) {
            return; // Delete and Ctrl+Shift+D belong to the field being typed in
        }
        boolean inDetails = isInside(focus, KeyDetailView.class);
        for (Map.Entry<KeyAction, KeyCombination> s : SHORTCUTS.entrySet()) {
            if (s.getKey() != KeyAction.COPY_ID && s.getValue().match(e)) {
                KeyTarget target = inDetails ? vm.detailTarget() : vm.selectionTarget();
                if (vm.enabled(s.getKey(), target)) {
                    e.consume();
                    perform(s.getKey(), target, browser.getScene().getWindow());
                }
                return;
            }
        }
    }

    private static boolean isInside(Node node, Class<?> type) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (type.isInstance(n)) {
                return true;
            }
        }
        return false;
    }

    // ---- the row's ⋯ button -------------------------------------------------------------------------------

    private TableColumn<KeyRow, KeyRow> actionsColumn() {
        TableColumn<KeyRow, KeyRow> column = new TableColumn<>();
        column.setId("col-actions");
        column.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        column.setCellFactory(c -> new ActionsCell());
        column.setSortable(false);
        column.setReorderable(false);
        column.setResizable(false);
        column.setPrefWidth(44);
        column.setMinWidth(44);
        column.setMaxWidth(44);
        return column;
    }

    /**
     * The ⋯ button: the actions for this row's key alone, whatever else is selected. A {@link CellIconButton}, not a
     * Button, as every row has one; the keyboard opens the same menu on the table (the menu key or Shift+F10).
     */
    private final class ActionsCell extends TableCell<KeyRow, KeyRow> {
        private final CellIconButton button = new CellIconButton(Feather.MORE_HORIZONTAL, "Actions on this key",
                Icons.THEME_SIZE);

        ActionsCell() {
            getStyleClass().add("actions-cell");
            button.getStyleClass().add("row-actions");
            button.setOnAction(() -> {
                KeyRow row = getItem();
                if (row != null) {
                    menu(KeyTarget.of(row.key()), true).show(button, Side.BOTTOM, 0, 0);
                }
            });
            setGraphic(button);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            setAlignment(Pos.CENTER);
        }

        @Override
        protected void updateItem(KeyRow row, boolean empty) {
            super.updateItem(row, empty);
            button.setVisible(!empty && row != null);
            if (row != null) {
                button.setAccessibleText("Actions on " + row.name());
            }
        }
    }

    // ---- the details' menu ----------------------------------------------------------------------------------

    private Node detailButton() {
        Button button = Icons.button(Feather.MORE_VERTICAL, "Actions on this key");
        button.setId("detail-actions");
        button.disableProperty().bind(vm.browser().detail().detailsProperty().isNull());
        button.setOnAction(e -> menu(vm.detailTarget(), true).show(button, Side.BOTTOM, 0, 0));
        return button;
    }

    // ---- the selection bar ----------------------------------------------------------------------------------

    private void selectionBar() {
        Label count = new Label();
        count.setId("selection-count");
        count.getStyleClass().add("selection-count");
        count.setMinWidth(Region.USE_PREF_SIZE);
        // The bar sits above the table, beside the details, so it may be narrow: the buttons wrap.
        FlowPane actions = new FlowPane(4, 4);
        actions.setAlignment(Pos.CENTER_LEFT);
        for (KeyAction action : List.of(KeyAction.ENABLE, KeyAction.DISABLE, KeyAction.ROTATE,
                KeyAction.RESET_USAGE, KeyAction.ASSIGN, KeyAction.DELETE)) {
            Button b = new Button(action == KeyAction.ASSIGN ? "Assign\u2026" : action.label());
            b.setId("bulk-" + action.id());
            b.getStyleClass().add(Styles.SMALL);
            if (action.destructive()) {
                b.getStyleClass().add(action == KeyAction.DELETE ? Styles.DANGER : "destructive-text");
            }
            b.setMinWidth(Region.USE_PREF_SIZE);
            Icons.tooltip(b, action.label().replace("\u2026", "") + " ("
                    + SHORTCUTS.get(action).getDisplayText() + ")"); // made on first hover: the bar is hidden at first
            b.setOnAction(e -> perform(action, vm.selection().target(), browser.getScene().getWindow()));
            actions.getChildren().add(b);
        }
        Hyperlink all = new Hyperlink();
        all.setId("select-all-matching");
        all.setOnAction(e -> vm.selectAllMatching());
        all.setMinWidth(Region.USE_PREF_SIZE);
        Hyperlink clear = new Hyperlink("Clear selection");
        clear.setId("clear-selection");
        clear.setOnAction(e -> vm.selection().clear());
        clear.setMinWidth(Region.USE_PREF_SIZE);
        HBox summary = new HBox(10, count, all, clear);
        summary.setAlignment(Pos.CENTER_LEFT);
        VBox bar = new VBox(4, summary, actions);
        bar.setId("selection-bar");
        bar.getStyleClass().add("selection-bar");

        SelectedKeys selection = vm.selection();
        Runnable update = () -> {
            long n = selection.countProperty().get();
            long off = selection.offPage(table.getItems().stream().map(KeyRow::key).toList());
            boolean allMatching = selection.isAllMatching();
            count.setText(allMatching ? "All " + vm.formats().count(n) + " matching keys selected"
                    : vm.formats().count(n) + " keys selected"
                    + (off > 0 ? " (" + vm.formats().count(off) + " on other pages)" : ""));
            long matching = vm.matchingCount();
            all.setText("Select all " + vm.formats().count(matching) + " matching keys");
            boolean offerAll = !allMatching && vm.canSelectAllMatching() && matching > n;
            all.setVisible(offerAll);
            all.setManaged(offerAll);
            boolean show = n >= 2 || allMatching;
            if (show && bar.getParent() == null) {
                // Hidden until two keys are selected, it would be built and styled before the first frame (21
                // nodes and six buttons' skins): it joins the scene when first shown, styled at once so its first
                // frame has its looks (README, Performance).
                browser.addAboveTable(bar);
                StyleNow.apply(bar);
            }
            bar.setVisible(show);
            bar.setManaged(show);
        };
        selection.countProperty().addListener((o, a, b) -> update.run());
        selection.allMatchingProperty().addListener((o, a, b) -> update.run());
        table.getItems().addListener((ListChangeListener<KeyRow>) c -> update.run());
        vm.browser().pageProperty().addListener((o, a, b) -> update.run());
        update.run();
    }
}
