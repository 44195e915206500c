package bifrostconsole.keys;

import bifrostconsole.api.SortField;
import bifrostconsole.api.SortOrder;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.tables.ColumnFit;
import bifrostconsole.tables.ReusedRowsSkin;
import bifrostconsole.ui.CellIconButton;
import bifrostconsole.ui.HoverTooltip;
import bifrostconsole.ui.Icons;
import bifrostconsole.ui.MaskedSecretField;
import bifrostconsole.ui.SecretMask;
import bifrostconsole.ui.StatusBadges;
import bifrostconsole.ui.StyleNow;
import bifrostconsole.ui.UsageLine;
import bifrostconsole.ui.UsageLineView;
import bifrostconsole.messages.DisplayText;
import bifrostconsole.ui.NameLabels;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
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
    /** The key value's buttons, as {@link MaskedSecretField} names them. */
    private static final String REVEAL = "Reveal the key value";
    private static final String MASK = "Mask the key value";
    private static final String COPY = "Copy the key value (cleared from the clipboard after 30 s)";

    private final KeyBrowserViewModel vm;
    private final TableView<KeyRow> table = new TableView<>() {
        @Override
        protected javafx.scene.control.Skin<?> createDefaultSkin() {
            return new ReusedRowsSkin<>(this); // with the fixed cell size below: a new page does not restyle rows
        }
    };
    private final Map<KeyColumn, TableColumn<KeyRow, KeyRow>> columns = new EnumMap<>(KeyColumn.class);
    private boolean syncingSort;
    /** Saves a dragged column's width once the dragging stops, not on every pixel. */
    private final PauseTransition dragSettle = new PauseTransition(Duration.millis(500));
    private ScrollBar verticalBar;
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
        table.setColumnResizePolicy(this::userResized);
        table.setSortPolicy(t -> true); // the server sorts; the rows arrive in order

        add(KeyColumn.NAME, NameCell::new);
        add(KeyColumn.ASSIGNED_TO, AssignedCell::new);
        add(KeyColumn.KEY, () -> new KeyValueCell());
        add(KeyColumn.BUDGET, () -> new UsageCell(true));
        add(KeyColumn.HEADROOM, HeadroomCell::new);
        add(KeyColumn.RATE_LIMITS, () -> new UsageCell(false));
        add(KeyColumn.STATUS, StatusCell::new);
        add(KeyColumn.PROVIDERS, () -> new TextCell(KeyRow::providersText, KeyRow::providersTooltip));
        add(KeyColumn.METADATA, () -> new TextCell(KeyRow::metadataText, KeyRow::metadataTooltip));
        add(KeyColumn.CREATED, () -> new TextCell(KeyRow::createdText, KeyRow::createdTooltip));

        table.getSortOrder().addListener((ListChangeListener<TableColumn<KeyRow, ?>>) c -> userSorted(null));
        vm.shownQueryProperty().addListener((o, a, b) -> showSortInForce());
        // A new result (search, filter, sort, page) starts at the Name column, wherever the last was scrolled to.
        // A refresh of the same page keeps the query (and the scroll position), so it does not come here.
        vm.shownQueryProperty().addListener((o, a, b) -> table.scrollToColumnIndex(0));
        table.widthProperty().addListener((o, a, b) -> fitColumns());
        table.getColumns().addListener((ListChangeListener<TableColumn<KeyRow, ?>>) c -> fitColumns());
        table.skinProperty().addListener((o, a, skin) -> watchVerticalScrollBar());
        vm.pageSortProperty().addListener((o, a, b) -> showSortInForce());
        showSortInForce();
    }

    TableView<KeyRow> view() {
        return table;
    }

    TableColumn<KeyRow, KeyRow> column(KeyColumn c) {
        return columns.get(c);
    }

    /**
     * Makes, hidden, what the usage cells on screen have not made yet (their second line, "+N more", "No budget"),
     * for a moment when the window is idle: the first page (made without them) is on screen. Made while a later page
     * is laid out, they were the one page-turn that made and styled some sixty nodes, the longest of the paging.
     */
    void completeUsageCells() {
        for (Node n : table.lookupAll(".table-cell")) {
            if (n instanceof UsageCell cell) {
                cell.makeAll();
            }
        }
    }

    private void add(KeyColumn c, Supplier<TableCell<KeyRow, KeyRow>> cell) {
        TableColumn<KeyRow, KeyRow> col = new TableColumn<>();
        Label header = new Label(c.title());
        HoverTooltip.wrapping(header, 360).setText(c.tooltip());
        header.setMinWidth(Label.USE_PREF_SIZE);
        col.setGraphic(header);
        col.setText(null);
        col.setId("col-" + c.id());
        col.setUserData(c);
        col.setSortable(c.sortable() || c.sortsOnPage());
        col.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        col.setCellFactory(x -> cell.get());
        col.setPrefWidth(vm.columnWidthProperty(c).get());
        col.setMinWidth(c.minWidth());
        col.visibleProperty().bindBidirectional(vm.columnVisibleProperty(c));
        col.visibleProperty().addListener((o, a, b) -> fitColumns());
        col.sortTypeProperty().addListener((o, a, b) -> userSorted(col));
        columns.put(c, col);
        table.getColumns().add(col);
    }

    /**
     * A column's edge was dragged: the column takes the new width (as in an unconstrained table; the others keep
     * theirs), and that width becomes what the column asks for from now on, remembered once the dragging stops. Only
     * a drag lands here with a column; the table's own resizing is {@link #fitColumns}'.
     */
    private boolean userResized(TableView.ResizeFeatures<KeyRow> features) {
        boolean done = TableView.UNCONSTRAINED_RESIZE_POLICY.call(features);
        TableColumn<KeyRow, ?> col = features.getColumn();
        if (col != null && col.getUserData() instanceof KeyColumn c) {
            dragSettle.setOnFinished(e -> vm.columnWidthProperty(c).set(col.getWidth()));
            dragSettle.playFromStart();
        }
        return done;
    }

    /**
     * Shares the table's width between the key columns shown ({@link ColumnFit}): each asks for its remembered or
     * default width and gives up part of what it has above its minimum when the table is narrower, so Status,
     * Providers and Created stay in sight without scrolling sideways. Columns other features add (the row's ⋯)
     * keep their width.
     */
    private void fitColumns() {
        if (table.getWidth() <= 0) {
            return;
        }
        double room = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset();
        if (verticalBar == null) {
            watchVerticalScrollBar();
        }
        if (verticalBar != null && verticalBar.isVisible()) {
            room -= verticalBar.getWidth();
        }
        List<TableColumn<KeyRow, KeyRow>> fitted = new ArrayList<>();
        List<ColumnFit.Need> needs = new ArrayList<>();
        for (TableColumn<KeyRow, ?> col : table.getVisibleLeafColumns()) {
            if (col.getUserData() instanceof KeyColumn c) {
                fitted.add(columns.get(c));
                needs.add(new ColumnFit.Need(c.minWidth(), vm.columnWidthProperty(c).get(), c.grow()));
            } else {
                room -= col.getWidth();
            }
        }
        List<Double> widths = ColumnFit.fit(room, needs);
        for (int i = 0; i < fitted.size(); i++) {
            fitted.get(i).setPrefWidth(widths.get(i));
        }
    }

    /** The vertical scroll bar comes and goes with the rows: the room for the columns changes with it. */
    private void watchVerticalScrollBar() {
        for (Node n : table.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL) {
                verticalBar = bar;
                bar.visibleProperty().addListener((o, a, b) -> fitColumns());
                bar.widthProperty().addListener((o, a, b) -> fitColumns());
            }
        }
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
            if (column.sortsOnPage()) {
                vm.sortPageByHeadroom();
            } else {
                vm.sortBy(column);
            }
            showSortInForce();
        });
    }

    /** Sets the header arrow to the order of the rows on screen: the server's, or the page's by headroom. */
    private void showSortInForce() {
        VirtualKeyQuery q = vm.shownQueryProperty().get();
        SortField field = q.fromMemory() || q.sortBy() == null ? SortField.CREATED_AT : q.sortBy();
        SortOrder order = q.fromMemory() || q.order() == null ? SortOrder.ASC : q.order();
        TableColumn<KeyRow, KeyRow> col = columns.get(KeyColumn.forSortField(field));
        if (vm.pageSortProperty().get() != KeyBrowserViewModel.PageSort.NONE) {
            col = columns.get(KeyColumn.HEADROOM);
            order = vm.pageSortProperty().get() == KeyBrowserViewModel.PageSort.MOST_USED_FIRST
                    ? SortOrder.DESC : SortOrder.ASC;
        }
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

    /**
     * Gives a cell its graphic once, for good: cells are reused for other rows and for empty rows, and
     * taking a graphic out and putting it back makes JavaFX restyle all of it, which is what made paging
     * slow. Empty rows hide the graphic instead.
     */
    private static void keepGraphic(TableCell<KeyRow, KeyRow> cell, Node graphic) {
        cell.setGraphic(graphic);
        cell.setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
    }

    /**
     * Makes a cell's graphic as wide as the cell: a graphic is otherwise only as wide as its own texts, so a usage
     * line would choose its text for a width that changes with the text it chose.
     */
    private static void fillWidth(TableCell<KeyRow, KeyRow> cell, javafx.scene.layout.Region graphic) {
        graphic.prefWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.max(0, cell.getWidth() - cell.snappedLeftInset() - cell.snappedRightInset()),
                cell.widthProperty(), cell.paddingProperty()));
    }

    private static final class NameCell extends TableCell<KeyRow, KeyRow> {
        private final Label name = new Label();
        private final Label id = new Label();
        private final VBox box = new VBox(2, name, id);
        private final HoverTooltip tip = HoverTooltip.wrapping(this, 400);

        NameCell() {
            getStyleClass().add("name-cell");
            name.getStyleClass().add("key-name");
            id.getStyleClass().addAll("muted", "small");
            id.setTextOverrun(OverrunStyle.ELLIPSIS);
            box.setAlignment(Pos.CENTER_LEFT);
            keepGraphic(this, box);
        }

        @Override
        protected void updateItem(KeyRow row, boolean empty) {
            super.updateItem(row, empty);
            box.setVisible(!empty && row != null);
            if (empty || row == null) {
                tip.setText(null);
                return;
            }
            // Shown as what it is, on one line: a line break, a tab or a bidi override in a name (or a description)
            // would spill out of the fixed-height row or draw the name reversed. The tooltip has it whole.
            NameLabels.show(name, row.name());
            String description = row.key().description();
            NameLabels.show(id, description == null || description.isBlank() ? row.id() : description);
            tip.setText(DisplayText.tooltip(row.name()) + "\nID " + row.id()
                    + (description == null || description.isBlank() ? "" : "\n" + DisplayText.line(description)));
        }
    }

    private static final class AssignedCell extends TableCell<KeyRow, KeyRow> {
        // One icon whose glyph changes: swapping icon nodes would make JavaFX restyle them on every update.
        private final FontIcon icon = Icons.icon(Feather.USERS);
        private final HoverTooltip tip = new HoverTooltip(this, t -> { });

        AssignedCell() {
            setGraphicTextGap(6);
            setGraphic(icon);
        }

        @Override
        protected void updateItem(KeyRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                // A space, not nothing: a label whose text goes empty takes its text node out, and putting it back
                // restyles it from scratch (a few on every page that ends early).
                setText(" ");
                setAccessibleText(null);
                icon.setVisible(false);
                tip.setText(null);
                return;
            }
            String text = row.assignedTo();
            // The icon says team, customer or user; the name alone then fits the column.
            int colon = text.indexOf(": ");
            NameLabels.show(this, colon > 0 ? text.substring(colon + 2) : text);
            setAccessibleText(text);
            Feather glyph = text.startsWith("Team") ? Feather.USERS : text.startsWith("Customer") ? Feather.BRIEFCASE
                    : text.startsWith("User") ? Feather.USER : null;
            if (glyph != null) {
                icon.setIconCode(glyph);
            }
            icon.setVisible(glyph != null);
            tip.setText(row.assignedToTooltip());
        }
    }

    /**
     * The key value, masked after its first characters, with reveal and copy buttons: drawn as a
     * {@link MaskedSecretField} is (the same nodes, style classes and sizes), but its buttons are
     * {@link CellIconButton}s, panes rather than Buttons, since every row has two (README, Performance).
     */
    private final class KeyValueCell extends TableCell<KeyRow, KeyRow> {
        private final Label text = new Label();
        private final CellIconButton reveal = new CellIconButton(Feather.EYE, REVEAL, MaskedSecretField.ICON_SIZE);
        private final CellIconButton copy = new CellIconButton(Feather.COPY, COPY, MaskedSecretField.ICON_SIZE);
        private final HBox field = new HBox(2, text, reveal, copy);
        /** Whether the value on show is the plain one. */
        private boolean revealed;

        KeyValueCell() {
            field.getStyleClass().add("masked-secret");
            field.setAlignment(Pos.CENTER_LEFT);
            text.getStyleClass().add("secret-text");
            text.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
            text.setMinWidth(0);
            text.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(text, Priority.ALWAYS);
            reveal.getStyleClass().addAll("reveal-secret", "reveal-button");
            copy.getStyleClass().add("copy-button");
            boolean live = vm.source().live(); // a snapshot file has nothing to reveal
            reveal.setVisible(live);
            reveal.setManaged(live);
            reveal.setOnAction(() -> {
                KeyRow row = getItem();
                if (row != null) {
                    show(row, vm.toggleReveal(row));
                }
            });
            copy.setOnAction(() -> {
                KeyRow row = getItem();
                if (row != null) {
                    vm.copyKeyValue(row);
                }
            });
            // A revealed value is masked again after a while or when its page goes: show it so at once.
            vm.revealedKeyIds().addListener((javafx.collections.SetChangeListener<String>) c -> {
                KeyRow row = getItem();
                String id = c.wasRemoved() ? c.getElementRemoved() : c.getElementAdded();
                if (row != null && row.id().equals(id)) {
                    show(row, vm.isRevealed(row));
                }
            });
            keepGraphic(this, field);
        }

        @Override
        protected void updateItem(KeyRow row, boolean empty) {
            super.updateItem(row, empty);
            field.setVisible(!empty && row != null);
            if (!empty && row != null) {
                boolean disabled = copy.isDisable();
                show(row, vm.isRevealed(row));
                if (copy.isDisable() != disabled) {
                    StyleNow.apply(field); // the buttons' :disabled look, in this frame
                }
            }
        }

        private void show(KeyRow row, boolean revealedNow) {
            String secret = row.plainValue() == null ? "" : row.plainValue();
            if (secret.isEmpty()) {
                text.setText("(not sent by the server)");
            } else {
                text.setText(revealedNow ? secret : SecretMask.mask(secret, SecretMask.VISIBLE_PREFIX));
            }
            if (revealedNow != revealed) {
                revealed = revealedNow;
                // One icon whose glyph changes (Icons#icon): a second icon put in would be styled again.
                reveal.icon().setIconCode(revealedNow ? Feather.EYE_OFF : Feather.EYE);
                reveal.setTooltipText(revealedNow ? MASK : REVEAL);
            }
            reveal.setDisable(secret.isEmpty());
            copy.setDisable(secret.isEmpty());
        }
    }

    /**
     * A cell's budgets or rate limits: up to two usage lines, or one and "+N more", or "No budget". What a row does
     * not need is not made: a first page's rows mostly show one line, and each line is five nodes to style before the
     * first frame. A node made for a later row is styled as it is added ({@link StyleNow}): a cell is updated in the
     * layout pass, after the pulse's CSS pass, and would otherwise be painted unstyled for one frame. Once made, a node
     * stays and only its visibility changes: taking it out and putting it back would restyle it.
     */
    private static final class UsageCell extends TableCell<KeyRow, KeyRow> {
        private final boolean budgets;
        private final UsageLineView[] lines = new UsageLineView[MAX_LINES];
        private Label more;
        private HoverTooltip moreTip;
        private Label none;
        private final VBox box = new VBox(3);

        UsageCell(boolean budgets) {
            this.budgets = budgets;
            box.setAlignment(Pos.CENTER_LEFT);
            box.setFillWidth(true);
            keepGraphic(this, box);
            fillWidth(this, box);
        }

        @Override
        protected void updateItem(KeyRow row, boolean empty) {
            super.updateItem(row, empty);
            box.setVisible(!empty && row != null);
            if (empty || row == null) {
                return;
            }
            List<UsageLine> items = budgets ? row.budgets() : row.rateLimits();
            // Two lines fit a row; with more, the first line and "+N more" keep the row height fixed.
            int shown = items.size() <= MAX_LINES ? items.size() : MAX_LINES - 1;
            for (int i = 0; i < MAX_LINES; i++) {
                if (i < shown) {
                    line(i).show(items.get(i));
                    lines[i].setVisible(true);
                } else if (lines[i] != null) {
                    lines[i].setVisible(false);
                }
            }
            boolean hasMore = items.size() > shown;
            if (hasMore) {
                // Short, so a narrow column shows it whole; the tooltip lists the rest.
                more().setText("+" + (items.size() - shown) + " more");
                StringBuilder rest = new StringBuilder("Open the key to see them all. The others:");
                for (UsageLine line : items.subList(shown, items.size())) {
                    rest.append("\n").append(line.compactText());
                }
                moreTip.setText(rest.toString());
            }
            if (more != null) {
                more.setVisible(hasMore);
            }
            if (items.isEmpty()) {
                none().setVisible(true);
            } else if (none != null) {
                none.setVisible(false);
            }
        }

        /** Makes every node this cell may show, hidden (see {@link KeyTable#completeUsageCells}). */
        void makeAll() {
            for (int i = 0; i < MAX_LINES; i++) {
                if (lines[i] == null) {
                    line(i).setVisible(false);
                }
            }
            if (more == null) {
                more().setVisible(false);
            }
            if (none == null) {
                none().setVisible(false);
            }
        }

        /**
         * Line {@code i}, made and styled the first time. Lines are asked for in order, so lines 0 to i-1 exist
         * and are the box's first children: line i goes right after them, before "+N more" and "No budget".
         */
        private UsageLineView line(int i) {
            if (lines[i] == null) {
                UsageLineView line = new UsageLineView(UsageLineView.Style.COMPACT);
                line.managedProperty().bind(line.visibleProperty());
                lines[i] = line;
                box.getChildren().add(i, line);
                StyleNow.apply(line);
            }
            return lines[i];
        }

        private Label more() {
            if (more == null) {
                more = new Label();
                more.getStyleClass().addAll("muted", "small");
                more.managedProperty().bind(more.visibleProperty());
                moreTip = new HoverTooltip(more, t -> { });
                int at = 0;
                for (UsageLineView line : lines) {
                    at += line == null ? 0 : 1;
                }
                box.getChildren().add(at, more);
                StyleNow.apply(more);
            }
            return more;
        }

        private Label none() {
            if (none == null) {
                none = new Label(budgets ? "No budget" : "No limits");
                none.getStyleClass().add("muted");
                none.managedProperty().bind(none.visibleProperty());
                box.getChildren().add(none);
                StyleNow.apply(none);
            }
            return none;
        }
    }

    /** "$12.40 left · team Platform, monthly" over a bar of the binding limit's used share. */
    private static final class HeadroomCell extends TableCell<KeyRow, KeyRow> {
        private final UsageLineView line = new UsageLineView(UsageLineView.Style.COMPACT);

        HeadroomCell() {
            getStyleClass().add("headroom-cell");
            keepGraphic(this, line);
            fillWidth(this, line);
        }

        @Override
        protected void updateItem(KeyRow row, boolean empty) {
            super.updateItem(row, empty);
            line.setVisible(!empty && row != null);
            if (!empty && row != null) {
                line.show(row.headroom());
                setAccessibleText(row.headroom().compactText());
            }
        }
    }

    private static final class StatusCell extends TableCell<KeyRow, KeyRow> {
        private final Label badge = StatusBadges.create();
        private final HoverTooltip tip = HoverTooltip.wrapping(badge, 360);

        StatusCell() {
            keepGraphic(this, badge);
        }

        @Override
        protected void updateItem(KeyRow row, boolean empty) {
            super.updateItem(row, empty);
            badge.setVisible(!empty && row != null);
            if (empty || row == null) {
                return;
            }
            StatusBadges.show(badge, row.status());
            tip.setText(row.statusReason());
        }
    }

    private static final class TextCell extends TableCell<KeyRow, KeyRow> {
        private final java.util.function.Function<KeyRow, String> text;
        private final java.util.function.Function<KeyRow, String> tooltip;
        private final HoverTooltip tip = HoverTooltip.wrapping(this, 400);

        TextCell(java.util.function.Function<KeyRow, String> text, java.util.function.Function<KeyRow, String> tooltip) {
            this.text = text;
            this.tooltip = tooltip;
        }

        @Override
        protected void updateItem(KeyRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setText(null);
                tip.setText(null);
                return;
            }
            setText(text.apply(row));
            tip.setText(tooltip.apply(row));
        }
    }
}
