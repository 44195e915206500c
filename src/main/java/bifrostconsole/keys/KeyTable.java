package bifrostconsole.keys;

import bifrostconsole.api.KeyStatus;
import bifrostconsole.api.SortField;
import bifrostconsole.api.SortOrder;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.ui.Icons;
import bifrostconsole.ui.MaskedSecretField;
import bifrostconsole.ui.UsageLine;
import bifrostconsole.ui.UsageLineView;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The key table. Sorting is the server's: a header click asks the view-model for a new order and the arrow
 * is then set from the query of the page on screen, never from a local sort. Cells build their nodes once
 * and only refill texts, so paging through 100-key pages stays light.
 */
final class KeyTable {
    /** How many usage lines a cell shows before "+N more". */
    private static final int MAX_LINES = 2;

    private final KeyBrowserViewModel vm;
    private final TableView<KeyRow> table = new TableView<>();
    private final Map<KeyColumn, TableColumn<KeyRow, KeyRow>> columns = new EnumMap<>(KeyColumn.class);
    private boolean syncingSort;
    /** One header click can change both the sort order list and a sort type: act on it once. */
    private boolean sortClickPending;

    KeyTable(KeyBrowserViewModel vm) {
        this.vm = vm;
        table.getStyleClass().addAll("key-table", "striped");
        table.setId("key-table");
        table.setItems(vm.rows());
        table.setFixedCellSize(58);
        table.setTableMenuButtonVisible(false); // the toolbar's Columns menu keeps Name visible
        table.setPlaceholder(new Label(""));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setSortPolicy(t -> true); // the server sorts; the rows arrive in order

        add(KeyColumn.NAME, NameCell::new);
        add(KeyColumn.ASSIGNED_TO, AssignedCell::new);
        add(KeyColumn.KEY, () -> new KeyValueCell());
        add(KeyColumn.BUDGET, () -> new UsageCell(true));
        add(KeyColumn.RATE_LIMITS, () -> new UsageCell(false));
        add(KeyColumn.STATUS, StatusCell::new);
        add(KeyColumn.PROVIDERS, () -> new TextCell(KeyRow::providersText, KeyRow::providersTooltip));
        add(KeyColumn.CREATED, () -> new TextCell(KeyRow::createdText, KeyRow::createdTooltip));

        table.getSortOrder().addListener((ListChangeListener<TableColumn<KeyRow, ?>>) c -> userSorted(null));
        vm.shownQueryProperty().addListener((o, a, b) -> showSortInForce());
        showSortInForce();
    }

    TableView<KeyRow> view() {
        return table;
    }

    TableColumn<KeyRow, KeyRow> column(KeyColumn c) {
        return columns.get(c);
    }

    private void add(KeyColumn c, Supplier<TableCell<KeyRow, KeyRow>> cell) {
        TableColumn<KeyRow, KeyRow> col = new TableColumn<>();
        Label header = new Label(c.title());
        header.setTooltip(new Tooltip(c.tooltip()));
        header.getTooltip().setWrapText(true);
        header.getTooltip().setMaxWidth(360);
        header.setMinWidth(Label.USE_PREF_SIZE);
        col.setGraphic(header);
        col.setText(null);
        col.setId("col-" + c.id());
        col.setUserData(c);
        col.setSortable(c.sortable());
        col.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        col.setCellFactory(x -> cell.get());
        col.setPrefWidth(vm.columnWidthProperty(c).get());
        col.setMinWidth(70);
        col.visibleProperty().bindBidirectional(vm.columnVisibleProperty(c));
        // Remember the width once the user stops dragging, not on every pixel.
        PauseTransition settle = new PauseTransition(Duration.millis(500));
        settle.setOnFinished(e -> vm.columnWidthProperty(c).set(col.getWidth()));
        col.widthProperty().addListener((o, a, b) -> settle.playFromStart());
        col.sortTypeProperty().addListener((o, a, b) -> userSorted(col));
        columns.put(c, col);
        table.getColumns().add(col);
    }

    /**
     * A header click changed the table's sort state. Whatever JavaFX decided (it cycles ascending,
     * descending, none), the click means "sort by this column": the view-model picks the order, and the
     * arrow goes back to the order of the rows on screen until the server's answer arrives.
     */
    private void userSorted(TableColumn<KeyRow, ?> changedColumn) {
        if (syncingSort || sortClickPending) {
            return;
        }
        TableColumn<KeyRow, ?> clicked = changedColumn;
        if (clicked == null) {
            clicked = table.getSortOrder().isEmpty()
                    ? columns.get(KeyColumn.forSortField(vm.shownQueryProperty().get().sortBy()))
                    : table.getSortOrder().get(0);
        }
        KeyColumn column = (KeyColumn) clicked.getUserData();
        sortClickPending = true;
        Platform.runLater(() -> {
            sortClickPending = false;
            vm.sortBy(column);
            showSortInForce();
        });
    }

    /** Sets the header arrow to the order of the rows on screen, as the server sorted them. */
    private void showSortInForce() {
        VirtualKeyQuery q = vm.shownQueryProperty().get();
        SortField field = q.fromMemory() || q.sortBy() == null ? SortField.CREATED_AT : q.sortBy();
        SortOrder order = q.fromMemory() || q.order() == null ? SortOrder.ASC : q.order();
        TableColumn<KeyRow, KeyRow> col = columns.get(KeyColumn.forSortField(field));
        syncingSort = true;
        try {
            col.setSortType(order == SortOrder.ASC ? TableColumn.SortType.ASCENDING : TableColumn.SortType.DESCENDING);
            if (table.getSortOrder().size() != 1 || table.getSortOrder().get(0) != col) {
                table.getSortOrder().setAll(List.of(col));
            }
        } finally {
            syncingSort = false;
        }
    }

    // ---- cells ----------------------------------------------------------------------------------------

    private static final class NameCell extends TableCell<KeyRow, KeyRow> {
        private final Label name = new Label();
        private final Label id = new Label();
        private final VBox box = new VBox(2, name, id);
        private final Tooltip tip = new Tooltip();

        NameCell() {
            getStyleClass().add("name-cell");
            name.getStyleClass().add("key-name");
            id.getStyleClass().addAll("muted", "small");
            id.setTextOverrun(OverrunStyle.ELLIPSIS);
            box.setAlignment(Pos.CENTER_LEFT);
            tip.setWrapText(true);
            tip.setMaxWidth(400);
        }

        @Override
        protected void updateItem(KeyRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            name.setText(row.name());
            String description = row.key().description();
            id.setText(description == null || description.isBlank() ? row.id() : description);
            tip.setText(row.name() + "\nID " + row.id() + (description == null || description.isBlank() ? ""
                    : "\n" + description));
            setTooltip(tip);
            setGraphic(box);
        }
    }

    private static final class AssignedCell extends TableCell<KeyRow, KeyRow> {
        private final FontIcon team = Icons.icon(Feather.USERS);
        private final FontIcon customer = Icons.icon(Feather.BRIEFCASE);
        private final FontIcon user = Icons.icon(Feather.USER);
        private final Tooltip tip = new Tooltip();

        AssignedCell() {
            setGraphicTextGap(6);
        }

        @Override
        protected void updateItem(KeyRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            String text = row.assignedTo();
            setText(text);
            setGraphic(text.startsWith("Team") ? team : text.startsWith("Customer") ? customer
                    : text.startsWith("User") ? user : null);
            tip.setText(row.assignedToTooltip());
            setTooltip(tip);
        }
    }

    private final class KeyValueCell extends TableCell<KeyRow, KeyRow> {
        private final MaskedSecretField field = new MaskedSecretField(KeyRow.VISIBLE_PREFIX);

        KeyValueCell() {
            field.revealButton().setOnAction(e -> {
                KeyRow row = getItem();
                if (row != null) {
                    field.show(row.plainValue(), vm.toggleReveal(row));
                }
            });
            field.setOnCopy(() -> {
                KeyRow row = getItem();
                if (row != null) {
                    vm.copyKeyValue(row);
                }
            });
        }

        @Override
        protected void updateItem(KeyRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            field.show(row.plainValue(), vm.isRevealed(row));
            setGraphic(field);
        }
    }

    private static final class UsageCell extends TableCell<KeyRow, KeyRow> {
        private final boolean budgets;
        private final UsageLineView[] lines = new UsageLineView[MAX_LINES];
        private final Label more = new Label();
        private final Label none = new Label();
        private final VBox box = new VBox(3);

        UsageCell(boolean budgets) {
            this.budgets = budgets;
            for (int i = 0; i < MAX_LINES; i++) {
                lines[i] = new UsageLineView(UsageLineView.Style.COMPACT);
            }
            more.getStyleClass().addAll("muted", "small");
            none.getStyleClass().add("muted");
            none.setText(budgets ? "No budget" : "No limits");
            box.setAlignment(Pos.CENTER_LEFT);
            box.setFillWidth(true);
        }

        @Override
        protected void updateItem(KeyRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            List<UsageLine> items = budgets ? row.budgets() : row.rateLimits();
            if (items.isEmpty()) {
                setGraphic(none);
                return;
            }
            box.getChildren().clear();
            int shown = Math.min(items.size(), MAX_LINES);
            for (int i = 0; i < shown; i++) {
                lines[i].show(items.get(i));
                box.getChildren().add(lines[i]);
            }
            if (items.size() > MAX_LINES) {
                more.setText("+" + (items.size() - MAX_LINES) + " more (open the key)");
                box.getChildren().add(more);
            }
            setGraphic(box);
        }
    }

    private static final class StatusCell extends TableCell<KeyRow, KeyRow> {
        private final Label badge = new Label();
        private final Tooltip tip = new Tooltip();

        StatusCell() {
            badge.getStyleClass().add("status-badge");
            badge.setMinWidth(Label.USE_PREF_SIZE);
            tip.setWrapText(true);
            tip.setMaxWidth(360);
            badge.setTooltip(tip);
        }

        @Override
        protected void updateItem(KeyRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            KeyStatus status = row.status();
            badge.setText(status.label());
            badge.getStyleClass().removeAll("active", "inactive", "expired", "exhausted");
            badge.getStyleClass().add(status.name().toLowerCase());
            tip.setText(row.statusReason());
            setGraphic(badge);
        }
    }

    private static final class TextCell extends TableCell<KeyRow, KeyRow> {
        private final java.util.function.Function<KeyRow, String> text;
        private final java.util.function.Function<KeyRow, String> tooltip;
        private final Tooltip tip = new Tooltip();

        TextCell(java.util.function.Function<KeyRow, String> text, java.util.function.Function<KeyRow, String> tooltip) {
            this.text = text;
            this.tooltip = tooltip;
            tip.setWrapText(true);
            tip.setMaxWidth(400);
        }

        @Override
        protected void updateItem(KeyRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(text.apply(row));
            tip.setText(tooltip.apply(row));
            setTooltip(tip);
        }
    }
}
