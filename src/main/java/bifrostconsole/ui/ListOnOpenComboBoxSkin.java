package bifrostconsole.ui;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.skin.ComboBoxListViewSkin;

/**
 * A ComboBox skin whose drop-down list joins the scene only when the list first opens. JavaFX keeps every
 * ComboBox's list (a ListView with its flow, scroll bars and cells) in the scene from the start, as an invisible
 * child of the ComboBox, so it is built and styled before the window's first frame though it shows only on a click:
 * in the key browser about a tenth of the first page's nodes (README, Performance). Before the first open the list is
 * put back where JavaFX keeps it and styled there, so the list is sized and drawn exactly as before.
 * <p>
 * For a ComboBox with a fixed preferred width only: JavaFX makes a ComboBox as wide as its list asks, and a list
 * that is not in the scene yet cannot say, so without a width of its own the ComboBox would widen on first open.
 */
public final class ListOnOpenComboBoxSkin<T> extends ComboBoxListViewSkin<T> {
    private boolean listInScene;

    private ListOnOpenComboBoxSkin(ComboBox<T> comboBox) {
        super(comboBox);
        if (!listInScene) { // super's constructor opens the list itself when the ComboBox is already showing
            getChildren().remove(getPopupContent());
        }
    }

    /** Gives {@code comboBox}, which must have a preferred width of its own, this skin. */
    public static <T> void install(ComboBox<T> comboBox) {
        if (comboBox.getPrefWidth() <= 0) {
            throw new IllegalArgumentException("a ComboBox whose list joins the scene late needs a fixed width");
        }
        comboBox.setSkin(new ListOnOpenComboBoxSkin<>(comboBox));
    }

    @Override
    public void show() {
        if (!listInScene) {
            listInScene = true;
            Node list = getPopupContent();
            if (list.getParent() == null && getSkinnable().getScene() != null) {
                getChildren().add(list);
                list.applyCss();
            }
        }
        super.show();
    }
}
