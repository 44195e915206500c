package bifrostconsole.keyactions;

import bifrostconsole.api.VirtualKey;
import bifrostconsole.keys.KeyRow;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TableView.TableViewSelectionModel;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps the key table's selection (Shift/Ctrl-click, Ctrl+A) and {@link SelectedKeys} in step. The table forgets
 * its selection whenever its rows are replaced (another page, a refresh), so the selection that outlives pages is
 * kept in {@link SelectedKeys} and put back on the table when its keys come on screen.
 *
 * <p>Why the work waits for the end of the event: when a page arrives the browser clears the table's selection,
 * replaces the rows and selects its remembered row, one after another. Looked at in between, clearing would read
 * as "the admin deselected everything". Looked at once all of it is done, a changed set of rows is a new page.
 * Whether a change started a new selection (a plain click or arrow key) or added to it (Ctrl, Shift) is read from
 * the gesture that caused it.
 */
final class SelectionSync {
    private final TableView<KeyRow> table;
    private final SelectedKeys selection;
    private boolean collapse;
    private boolean rowsChanged;
    private boolean scheduled;
    private boolean applying;

    private SelectionSync(TableView<KeyRow> table, SelectedKeys selection) {
        this.table = table;
        this.selection = selection;
    }

    /** @param gestures the node whose mouse and key presses can change the table's selection (the key browser) */
    static SelectionSync install(TableView<KeyRow> table, SelectedKeys selection, Node gestures) {
        SelectionSync sync = new SelectionSync(table, selection);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getItems().addListener((ListChangeListener<KeyRow>) c -> {
            sync.rowsChanged = true;
            sync.schedule();
        });
        table.getSelectionModel().getSelectedIndices().addListener((ListChangeListener<Integer>) c -> {
            if (!sync.applying) {
                sync.schedule();
            }
        });
        selection.revisionProperty().addListener((o, a, b) -> sync.apply(selection.idsOn(sync.page())));
        gestures.addEventFilter(MouseEvent.MOUSE_PRESSED, sync::mousePressed);
        gestures.addEventFilter(KeyEvent.KEY_PRESSED, sync::keyPressed);
        return sync;
    }

    private void mousePressed(MouseEvent e) {
        TableRow<?> row = rowOf(e.getPickResult() == null ? null : e.getPickResult().getIntersectedNode());
        boolean plain = !e.isShortcutDown() && !e.isShiftDown();
        // A plain click picks one key; a right click on a key outside the selection does too (and opens its menu).
        collapse = row != null && !row.isEmpty() && plain
                && (e.getButton() == MouseButton.PRIMARY || !row.isSelected());
    }

    private void keyPressed(KeyEvent e) {
        Node focus = table.getScene() == null ? null : table.getScene().getFocusOwner();
        boolean plain = !e.isShortcutDown() && !e.isShiftDown() && !e.isAltDown();
        collapse = plain && !(focus instanceof TextInputControl) && switch (e.getCode()) {
            case UP, DOWN, HOME, END, J, K -> true;
            default -> false;
        };
    }

    private static TableRow<?> rowOf(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof ButtonBase) {
                return null; // the row's own ⋯ button: its menu is for that key, the selection stays
            }
            if (n instanceof TableRow<?> row) {
                return row;
            }
            if (n instanceof TableView) {
                return null;
            }
        }
        return null;
    }

    private void schedule() {
        if (!scheduled) {
            scheduled = true;
            Platform.runLater(this::reconcile);
        }
    }

    private void reconcile() {
        scheduled = false;
        List<VirtualKey> page = page();
        List<VirtualKey> selected = new ArrayList<>();
        for (KeyRow row : table.getSelectionModel().getSelectedItems()) {
            if (row != null) {
                selected.add(row.key());
            }
        }
        boolean newRows = rowsChanged;
        boolean plain = collapse;
        rowsChanged = false;
        collapse = false;
        if (newRows) {
            apply(selection.pageShown(page, selected, plain));
        } else {
            selection.selectedOnPage(page, selected, plain);
        }
    }

    private List<VirtualKey> page() {
        List<VirtualKey> keys = new ArrayList<>(table.getItems().size());
        for (KeyRow row : table.getItems()) {
            keys.add(row.key());
        }
        return keys;
    }

    /** Shows {@code ids} selected on the page, keeping the browser's selected row as the one the details follow. */
    private void apply(List<String> ids) {
        TableViewSelectionModel<KeyRow> model = table.getSelectionModel();
        Set<String> wanted = new HashSet<>(ids);
        Set<String> now = new HashSet<>();
        for (KeyRow row : model.getSelectedItems()) {
            if (row != null) {
                now.add(row.id());
            }
        }
        if (now.equals(wanted)) {
            return;
        }
        KeyRow lead = model.getSelectedItem();
        applying = true;
        try {
            model.clearSelection();
            int leadIndex = -1;
            int[] rows = new int[table.getItems().size()];
            int count = 0;
            for (int i = 0; i < table.getItems().size(); i++) {
                String id = table.getItems().get(i).id();
                if (!wanted.contains(id)) {
                    continue;
                }
                if (lead != null && Objects.equals(lead.id(), id)) {
                    leadIndex = i;
                } else {
                    rows[count++] = i;
                }
            }
            if (leadIndex >= 0) {
                rows[count++] = leadIndex; // last, so it stays the selected row the details show
            }
            // One call, one change of the selection for the whole page: a row at a time was a change each, and
            // the table restyled and the listeners reread the selection for every one (selecting all matching
            // keys, and the page refreshed after a bulk change).
            if (count > 0) {
                model.selectIndices(rows[0], java.util.Arrays.copyOfRange(rows, 1, count));
            }
        } finally {
            applying = false;
        }
    }
}
