package bifrostconsole.testing;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;

/** Finds the labels and buttons whose text on screen is not their whole text (cut with "…"). Call on the FX thread. */
public final class CutTexts {
    private CutTexts() {
    }

    /** "“Add connection” shows as “Add conn…”" for each visible labeled node under {@code root} that is cut. */
    public static List<String> under(Node root) {
        List<String> found = new ArrayList<>();
        collect(root, found);
        return found;
    }

    private static void collect(Node node, List<String> found) {
        if (node == null || !node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()) {
            // The skin's text node, not the graphic (an icon is a Text too).
            String shown = labeled.getChildrenUnmodifiable().stream()
                    .filter(t -> t instanceof Text && t != labeled.getGraphic())
                    .map(t -> ((Text) t).getText()).findFirst().orElse("");
            if (!shown.equals(labeled.getText())) {
                found.add("\u201c" + labeled.getText() + "\u201d shows as \u201c" + shown + "\u201d");
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, found);
            }
        }
    }
}
