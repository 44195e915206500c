package bifrostconsole.app;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * Tab in reading order across the row of view tabs: the tabs, then the controls laid over the right end of their
 * row (auto-refresh, alerts), then the view below. JavaFX would visit the overlaid controls after the whole view,
 * because they come after the tab pane in the scene graph; Shift+Tab walks the same order back.
 */
final class TabRowFocus {
    private TabRowFocus() {
    }

    static void install(TabPane tabs, Parent row) {
        // Shift+Tab from what follows the row in the window comes back into the view's last control.
        tabs.sceneProperty().addListener((o, old, scene) -> {
            if (scene != null && old == null) {
                scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                    if (e.getCode() != KeyCode.TAB || !e.isShiftDown() || e.isControlDown() || e.isAltDown()
                            || tabs.getScene() != scene) {
                        return;
                    }
                    List<Node> all = focusables(scene.getRoot());
                    List<Node> inRow = focusables(row);
                    if (inRow.isEmpty()) {
                        return;
                    }
                    int after = all.indexOf(inRow.get(inRow.size() - 1)) + 1;
                    Node next = all.isEmpty() ? null : all.get(after < all.size() ? after : 0);
                    if (next != null && scene.getFocusOwner() == next) {
                        List<Node> content = content(tabs);
                        if (move(content, content.size() - 1)) {
                            e.consume();
                        }
                    }
                });
            }
        });
        tabs.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.TAB || e.isControlDown() || e.isAltDown()) {
                return;
            }
            Node focus = tabs.getScene() == null ? null : tabs.getScene().getFocusOwner();
            List<Node> content = content(tabs);
            if (!e.isShiftDown() && focus == tabs && move(focusables(row), 0)) {
                e.consume();
            } else if (!e.isShiftDown() && !content.isEmpty() && focus == content.get(content.size() - 1)) {
                // past the view: on to what follows the row in the window, as if the row came before the view
                List<Node> all = focusables(tabs.getScene().getRoot());
                List<Node> inRow = focusables(row);
                int after = inRow.isEmpty() ? -1 : all.indexOf(inRow.get(inRow.size() - 1));
                if (move(all, after + 1 < all.size() ? after + 1 : 0)) {
                    e.consume();
                }
            } else if (e.isShiftDown() && !content.isEmpty() && focus == content.get(0)) {
                List<Node> inRow = focusables(row);
                if (move(inRow, inRow.size() - 1)) {
                    e.consume();
                }
            }
        });
        row.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.TAB || e.isControlDown() || e.isAltDown()) {
                return;
            }
            Node focus = row.getScene() == null ? null : row.getScene().getFocusOwner();
            List<Node> inRow = focusables(row);
            if (inRow.isEmpty()) {
                return;
            }
            if (!e.isShiftDown() && focus == inRow.get(inRow.size() - 1)) {
                List<Node> content = content(tabs);
                if (move(content, 0)) {
                    e.consume();
                }
            } else if (e.isShiftDown() && focus == inRow.get(0)) {
                tabs.requestFocus();
                e.consume();
            }
        });
    }

    /** What Tab can reach in the view on screen. */
    private static List<Node> content(TabPane tabs) {
        var selected = tabs.getSelectionModel().getSelectedItem();
        return focusables(selected == null ? null : selected.getContent());
    }

    private static boolean move(List<Node> nodes, int index) {
        if (index < 0 || index >= nodes.size()) {
            return false;
        }
        nodes.get(index).requestFocus();
        return true;
    }

    /** The controls Tab can reach under {@code root}, in scene-graph order, as JavaFX's own traversal meets them. */
    private static List<Node> focusables(Node root) {
        List<Node> found = new ArrayList<>();
        collect(root, found);
        return found;
    }

    private static void collect(Node node, List<Node> found) {
        if (node == null || !node.isVisible() || node.isDisabled()) {
            return;
        }
        if (node.isFocusTraversable()) {
            found.add(node);
            if (node instanceof javafx.scene.control.Control) {
                return; // a control's inner parts are its own business
            }
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, found);
            }
        }
    }
}
