package bifrostconsole.tables;

import bifrostconsole.ui.HoverTooltip;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.util.Duration;

import java.util.function.Supplier;

/**
 * A table over a {@link PagedListViewModel}'s rows: columns from their {@link TableColumnSpec}s, shown or hidden
 * and as wide as remembered, with a header tooltip. No column sorts: the server lists these rows in creation
 * order only, and a sort of one page would lie about the order of the whole list.
 */
public final class PagedTable<R> {
    private final PagedListViewModel<?, R> vm;
    private final TableView<R> table = new TableView<>();

    public PagedTable(PagedListViewModel<?, R> vm, String id) {
        this.vm = vm;
        table.getStyleClass().addAll("key-table", "striped");
        table.setId(id);
        table.setItems(vm.rows());
        table.setFixedCellSize(58);
        table.setTableMenuButtonVisible(false); // the toolbar's Columns menu keeps Name visible
        table.setPlaceholder(new Label(""));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setSortPolicy(t -> true);
    }

    /** Adds the column {@code spec} drawn by cells from {@code cell}. */
    public PagedTable<R> add(TableColumnSpec spec, Supplier<TableCell<R, R>> cell) {
        TableColumn<R, R> col = new TableColumn<>();
        Label header = new Label(spec.title());
        HoverTooltip.wrapping(header, 360).setText(spec.tooltip());
        header.setMinWidth(Label.USE_PREF_SIZE);
        col.setGraphic(header);
        col.setText(null);
        col.setId("col-" + spec.id());
        col.setUserData(spec);
        col.setSortable(false);
        col.setReorderable(false);
        col.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        col.setCellFactory(x -> cell.get());
        col.setPrefWidth(vm.columnWidthProperty(spec).get());
        col.setMinWidth(70);
        col.visibleProperty().bindBidirectional(vm.columnVisibleProperty(spec));
        // Remember the width once the user stops dragging, not on every pixel.
        PauseTransition settle = new PauseTransition(Duration.millis(500));
        settle.setOnFinished(e -> vm.columnWidthProperty(spec).set(col.getWidth()));
        col.widthProperty().addListener((o, a, b) -> settle.playFromStart());
        table.getColumns().add(col);
        return this;
    }

    public TableView<R> view() {
        return table;
    }
}
