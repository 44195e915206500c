package bifrostconsole.history;

import bifrostconsole.messages.DisplayText;
import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.ToggleSwitch;
import bifrostconsole.keyactions.ChangeDialog;
import bifrostconsole.keys.KeyBrowserView;
import bifrostconsole.ui.Icons;
import bifrostconsole.ui.Stylesheets;
import bifrostconsole.ui.WindowService;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;

import java.io.File;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The History view: every change made from this console (window or {@code keys} command), newest first, with
 * filters, "Export CSV…", and "Recreate…" for a key deleted from this server. It opens in a window of its own from
 * the key table's toolbar or with Ctrl+H, one window per server.
 */
public final class HistoryView extends BorderPane {
    /** Opens History from anywhere in the main window. */
    public static final KeyCombination SHORTCUT = new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN);
    private static final String STYLESHEET = Objects.requireNonNull(HistoryView.class.getResource(
            "/bifrostconsole/keyactions/key-actions.css")).toExternalForm();

    private final HistoryViewModel vm;
    private final WindowService windows;
    private final TableView<HistoryViewModel.Row> table = new TableView<>();

    public HistoryView(HistoryViewModel vm, WindowService windows) {
        this.vm = vm;
        this.windows = windows;
        getStyleClass().add("history-view");
        setId("history-view");
        Stylesheets.apply(this);
        getStylesheets().add(STYLESHEET);
        setTop(filters());
        setCenter(table());
        setBottom(statusRow());
    }

    /** Adds a "History" button to the key table's toolbar and Ctrl+H to its window; builds History when first asked. */
    public static void install(KeyBrowserView browser, Supplier<HistoryViewModel> models, WindowService windows) {
        Stage[] open = new Stage[1];
        Runnable show = () -> {
            if (open[0] == null) {
                HistoryViewModel vm = models.get();
                HistoryView view = new HistoryView(vm, windows);
                Window owner = browser.getScene() == null ? null : browser.getScene().getWindow();
                open[0] = windows.window(owner, "History \u2014 " + vm.server(), view, 1100, 640);
                open[0].setOnHidden(e -> {
                    vm.close();
                    open[0] = null;
                });
                vm.reload();
            }
            open[0].show();
            open[0].toFront();
        };
        Button button = new Button("History", Icons.icon(Feather.CLOCK));
        button.setId("history-button");
        Icons.tooltip(button, "The changes made from this console, with Recreate for deleted keys ("
                + SHORTCUT.getDisplayText() + ")");
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setOnAction(e -> show.run());
        browser.addToolbarItem(button);
        // On the scene, so Ctrl+H works wherever the focus is in the main window.
        EventHandler<KeyEvent> shortcut = e -> {
            if (SHORTCUT.match(e) && browser.isVisible()) {
                show.run();
                e.consume();
            }
        };
        browser.sceneProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.removeEventFilter(KeyEvent.KEY_PRESSED, shortcut);
            }
            if (now != null) {
                now.addEventFilter(KeyEvent.KEY_PRESSED, shortcut);
            }
        });
        Scene scene = browser.getScene();
        if (scene != null) {
            scene.addEventFilter(KeyEvent.KEY_PRESSED, shortcut);
        }
    }

    private HBox filters() {
        CustomTextField search = new CustomTextField();
        search.setId("history-search");
        search.setPromptText("Key name or id");
        search.setLeft(Icons.icon(Feather.SEARCH));
        search.textProperty().bindBidirectional(vm.textProperty());
        search.setPrefColumnCount(18);

        ComboBox<String> action = choice("history-action", "All actions", HistoryViewModel.ACTIONS);
        action.valueProperty().bindBidirectional(vm.actionProperty());
        ComboBox<String> outcome = choice("history-outcome", "All outcomes", HistoryViewModel.OUTCOMES);
        outcome.valueProperty().bindBidirectional(vm.outcomeProperty());
        ComboBox<HistoryViewModel.Period> period = new ComboBox<>(FXCollections.observableArrayList(
                HistoryViewModel.Period.values()));
        period.setId("history-period");
        period.valueProperty().bindBidirectional(vm.periodProperty());
        ToggleSwitch all = new ToggleSwitch("All servers");
        all.setId("history-all-servers");
        all.selectedProperty().bindBidirectional(vm.allServersProperty());
        Tooltip.install(all, new Tooltip("Show the changes made to every server, not only " + vm.server()));
        Button refresh = Icons.button(Feather.REFRESH_CW, "Read History again");
        refresh.setId("history-refresh");
        refresh.setOnAction(e -> vm.reload());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(search, action, outcome, period, all, spacer, refresh);
        row.getStyleClass().add("filter-row");
        return row;
    }

    /** A choice of {@code values} with "all" shown for null. */
    private static ComboBox<String> choice(String id, String all, List<String> values) {
        List<String> items = new ArrayList<>();
        items.add(null);
        items.addAll(values);
        ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(items));
        box.setId(id);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null ? all : value;
            }

            @Override
            public String fromString(String text) {
                return all.equals(text) ? null : text;
            }
        });
        box.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(item == null ? all : item);
            }
        });
        return box;
    }

    private TableView<HistoryViewModel.Row> table() {
        table.setId("history-table");
        table.setItems(vm.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Time", HistoryViewModel.Row::time, 175));
        TableColumn<HistoryViewModel.Row, String> server = column("Server", HistoryViewModel.Row::server, 170);
        server.visibleProperty().bind(vm.allServersProperty());
        table.getColumns().add(server);
        table.getColumns().add(column("Key", r -> r.keyName().isEmpty() ? r.keyId() : DisplayText.line(r.keyName()) + "\n" + r.keyId(),
                200));
        table.getColumns().add(column("Action", HistoryViewModel.Row::action, 110));
        table.getColumns().add(column("Changes", HistoryViewModel.Row::changes, 300));
        TableColumn<HistoryViewModel.Row, String> outcome = column("Outcome", HistoryViewModel.Row::outcome, 90);
        outcome.setCellFactory(c -> new TableCell<>() {
            {
                getStyleClass().add("outcome-cell");
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                for (String o : HistoryViewModel.OUTCOMES) {
                    pseudoClassStateChanged(PseudoClass.getPseudoClass(o), !empty && o.equals(item));
                }
            }
        });
        table.getColumns().add(outcome);
        table.getColumns().add(column("Reason", HistoryViewModel.Row::reason, 260));
        table.setRowFactory(t -> {
            TableRow<HistoryViewModel.Row> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null && row.getItem().recreatable()) {
                    recreate(row.getItem());
                }
            });
            return row;
        });
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("muted");
        Runnable empty = () -> placeholder.setText(vm.emptyText());
        vm.rows().addListener((ListChangeListener<HistoryViewModel.Row>) c -> empty.run());
        empty.run();
        table.setPlaceholder(placeholder);
        return table;
    }

    private static TableColumn<HistoryViewModel.Row, String> column(String title,
                                                                   Function<HistoryViewModel.Row, String> text,
                                                                   double width) {
        TableColumn<HistoryViewModel.Row, String> c = new TableColumn<>(title);
        c.setId("history-col-" + title.toLowerCase());
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(text.apply(f.getValue())));
        c.setPrefWidth(width);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
        return c;
    }

    private HBox statusRow() {
        Label status = new Label();
        status.setId("history-status");
        status.getStyleClass().add("muted");
        status.textProperty().bind(vm.statusProperty());
        status.setMinWidth(0);
        Label message = new Label();
        message.setId("history-message");
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button recreate = new Button("Recreate\u2026", Icons.icon(Feather.ROTATE_CCW));
        recreate.setId("history-recreate");
        recreate.setTooltip(new Tooltip("Make a new key with the deleted key's configuration and a new value"
                + " (only for keys deleted from " + vm.server() + ")"));
        recreate.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            HistoryViewModel.Row row = table.getSelectionModel().getSelectedItem();
            return row == null || !row.recreatable();
        }, table.getSelectionModel().selectedItemProperty()));
        recreate.setOnAction(e -> recreate(table.getSelectionModel().getSelectedItem()));
        Button export = new Button("Export CSV\u2026", Icons.icon(Feather.DOWNLOAD));
        export.setId("history-export");
        export.setOnAction(e -> exportCsv());
        HBox row = new HBox(status, message, spacer, recreate, export);
        row.getStyleClass().add("status-row");
        return row;
    }

    private void recreate(HistoryViewModel.Row row) {
        if (row != null) {
            vm.recreate(row, dialog -> ChangeDialog.show(windows, getScene() == null ? null : getScene().getWindow(),
                    dialog));
        }
    }

    private void exportCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export History as CSV");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        chooser.setInitialFileName("bifrost-console-history-" + LocalDate.now() + ".csv");
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            vm.exportCsv(file.toPath());
        }
    }

    public TableView<HistoryViewModel.Row> tableView() {
        return table;
    }
}
