package bifrostconsole.tables;

import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableViewSkin;
import javafx.scene.control.skin.VirtualFlow;

import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A table skin that does not restyle a row only because it now shows another item. JavaFX's {@link VirtualFlow}
 * calls {@code applyCss()} on every reused row that needs layout ({@code VirtualFlow.setCellIndex}), and a row needs
 * layout as soon as one of its texts changes, so every row of a new page had the styles of all its nodes (some sixty
 * in the key table) worked out again, though nothing they depend on had changed: that was most of the FX thread's CSS
 * work while paging (README, Performance, "Key table"). JavaFX does it to measure the row; a table with a fixed cell
 * size does not measure its rows. Here a row reused during a layout is restyled only when its own state (odd or
 * even, selected, focused, empty) differs from the one it was styled for, as JavaFX does for any node; new rows,
 * rows taken back from the flow's pile, and tables without a fixed cell size are styled as before. For that to
 * hold, a new page must not empty the rows first, which JavaFX does for any replacement of the items (see
 * {@code Flow.rebuildCells}).
 * <p>
 * A cell that changes a pseudo-class or style class of one of its own nodes while it is updated (a status colour, a
 * bar's level) applies that node's style at once with {@link bifrostconsole.ui.StyleNow#apply}, or it would show
 * the old colour for one frame: the update runs inside the layout pass, after that pulse's CSS pass.
 */
public final class ReusedRowsSkin<T> extends TableViewSkin<T> {
    /** The items changed since the flow last rebuilt its rows; the visible columns did. */
    private boolean itemsChanged;
    private boolean columnsChanged;

    public ReusedRowsSkin(TableView<T> table) {
        super(table);
        ListChangeListener<T> items = c -> itemsChanged = true;
        if (table.getItems() != null) {
            table.getItems().addListener(items);
        }
        table.itemsProperty().addListener((o, before, now) -> {
            if (before != null) {
                before.removeListener(items);
            }
            if (now != null) {
                now.addListener(items);
            }
            itemsChanged = true;
        });
        table.getVisibleLeafColumns().addListener((ListChangeListener<TableColumn<T, ?>>) c -> columnsChanged = true);
    }

    @Override
    protected VirtualFlow<TableRow<T>> createVirtualFlow() {
        return new Flow();
    }

    private final class Flow extends VirtualFlow<TableRow<T>> {
        /** VirtualFlow's mark on a row it has just made (its {@code NEW_CELL}); such a row is styled as before. */
        private static final String NEW_CELL = "newcell";
        /**
         * During a layout, each row's state when the layout began, which the pulse's CSS pass has just styled (or
         * the state it was last styled for here). A new page first empties every row ({@code updateIndex(-1)}),
         * so a row's state before and after its update alone would always differ.
         */
        private final Map<TableRow<T>, Set<PseudoClass>> styled = new IdentityHashMap<>();

        /**
         * JavaFX rebuilds the rows whenever items are replaced (its skin counts a replacement as the list going
         * empty), which empties every row before it is filled again; the rows' state then goes from filled to empty
         * and back, and that alone restyles every node of every row. When only the items changed, the rows are
         * refilled in place instead (reconfigured): each keeps its index and shows the item now there, as it does
         * when the list grows. A change of the columns still rebuilds them.
         */
        @Override
        protected void rebuildCells() {
            boolean onlyItems = itemsChanged && !columnsChanged && getFixedCellSize() > 0;
            itemsChanged = false;
            columnsChanged = false;
            if (onlyItems) {
                reconfigureCells();
            } else {
                super.rebuildCells();
            }
        }

        @Override
        protected void layoutChildren() {
            if (getFixedCellSize() > 0) {
                for (TableRow<T> row : getCells()) {
                    styled.put(row, new HashSet<>(row.getPseudoClassStates()));
                }
            }
            try {
                super.layoutChildren();
            } finally {
                styled.clear();
            }
        }

        @Override
        protected void setCellIndex(TableRow<T> row, int index) {
            Set<PseudoClass> was = styled.get(row);
            if (was == null || row.getScene() == null || row.getProperties().containsKey(NEW_CELL)) {
                super.setCellIndex(row, index);
                return;
            }
            row.updateIndex(index);
            if (!row.getPseudoClassStates().equals(was)) {
                row.applyCss();
                styled.put(row, new HashSet<>(row.getPseudoClassStates()));
            }
        }
    }
}
