package bifrostconsole.ui;

import atlantafx.base.controls.ToggleSwitch;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * AtlantaFX's switch only reacts to its track: clicking its words does nothing, and Space does not flip it.
 * Admins click the words and use the keyboard, so both flip it here.
 */
public final class Switches {
    private Switches() {
    }

    public static ToggleSwitch create(String text) {
        ToggleSwitch toggle = new ToggleSwitch(text);
        toggle.setFocusTraversable(true);
        toggle.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && !onTrack(e.getTarget())) {
                toggle.requestFocus();
                toggle.setSelected(!toggle.isSelected());
                e.consume();
            }
        });
        toggle.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.SPACE) {
                toggle.setSelected(!toggle.isSelected());
                e.consume();
            }
        });
        return toggle;
    }

    private static boolean onTrack(Object target) {
        for (Node n = target instanceof Node node ? node : null; n != null; n = n.getParent()) {
            if (n.getStyleClass().contains("thumb-area") || n.getStyleClass().contains("thumb")) {
                return true;
            }
            if (n instanceof ToggleSwitch) {
                return false;
            }
        }
        return false;
    }
}
