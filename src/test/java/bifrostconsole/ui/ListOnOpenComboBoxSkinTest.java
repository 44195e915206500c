package bifrostconsole.ui;

import bifrostconsole.testing.Fx;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.ComboBoxListViewSkin;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The drop-down list joins the scene on first open, and the ComboBox looks and works as a plain one. */
@ExtendWith(ApplicationExtension.class)
class ListOnOpenComboBoxSkinTest {
    private ComboBox<String> lazy;
    private ComboBox<String> plain;

    @Start
    void start(Stage stage) {
        lazy = new ComboBox<>();
        plain = new ComboBox<>();
        for (ComboBox<String> c : java.util.List.of(lazy, plain)) {
            c.getItems().setAll("Off", "Every 30 s", "Every minute", "Every 5 minutes");
            c.getSelectionModel().select(1);
            c.setPrefWidth(150);
        }
        ListOnOpenComboBoxSkin.install(lazy);
        stage.setScene(new Scene(new VBox(10, lazy, plain), 300, 200));
        stage.show();
    }

    @Test
    void theListIsBuiltOnFirstOpenAndTheBoxIsSizedAsAPlainOne() throws Exception {
        Fx.settle();
        assertFalse(Fx.call(() -> containsListView(lazy)), "no list in the scene before the first open");
        assertTrue(Fx.call(() -> containsListView(plain)), "JavaFX's own skin keeps it there (what this skin saves)");
        assertEquals(Fx.call(plain::getWidth), Fx.call(lazy::getWidth));
        assertEquals(Fx.call(plain::getHeight), Fx.call(lazy::getHeight));
        assertEquals("Every 30 s", Fx.call(() -> ((javafx.scene.control.ListCell<?>)
                ((ComboBoxListViewSkin<?>) lazy.getSkin()).getDisplayNode()).getText()), "the value shows");

        Fx.run(lazy::show);
        Fx.waitUntil("the list shows", lazy::isShowing);
        ListView<?> list = Fx.call(() -> (ListView<?>) ((ComboBoxListViewSkin<?>) lazy.getSkin()).getPopupContent());
        Fx.waitUntil("the list is drawn with its items", () -> list.getScene() != null && list.getWidth() > 0
                && list.lookupAll(".list-cell").stream().anyMatch(n -> "Every minute".equals(
                        ((javafx.scene.control.ListCell<?>) n).getText())));
        Fx.run(() -> list.getSelectionModel().select(2));
        assertEquals("Every minute", Fx.call(lazy::getValue), "choosing in the list sets the value");
        Fx.run(lazy::hide);
        Fx.waitUntil("the list hides", () -> !lazy.isShowing());
        assertEquals(Fx.call(plain::getWidth), Fx.call(lazy::getWidth), "no widening on first open");

        Fx.run(lazy::show); // a second open works too
        Fx.waitUntil("the list shows again", lazy::isShowing);
        Fx.run(lazy::hide);
    }

    @Test
    void aComboBoxWithoutAWidthOfItsOwnIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ListOnOpenComboBoxSkin.install(new ComboBox<String>()));
    }

    private static boolean containsListView(Parent parent) {
        for (Node n : parent.getChildrenUnmodifiable()) {
            if (n instanceof ListView<?> || n instanceof Parent p && containsListView(p)) {
                return true;
            }
        }
        return false;
    }
}
