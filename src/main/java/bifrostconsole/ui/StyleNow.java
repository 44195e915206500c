package bifrostconsole.ui;

import javafx.scene.Node;

/**
 * Applies a node's styles at once after one of its pseudo-classes or style classes changed while a table cell was
 * updated: a reused row is not restyled as a whole ({@link bifrostconsole.tables.ReusedRowsSkin}), and the cell's
 * update runs in the layout pass, after the pulse's CSS pass, so without this the node would show its old look for
 * one frame. Styles only {@code node} and what is under it.
 */
public final class StyleNow {
    private StyleNow() {
    }

    public static void apply(Node node) {
        if (node.getScene() != null) {
            node.applyCss();
        }
    }
}
