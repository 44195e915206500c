package bifrostconsole.ui;

import bifrostconsole.testing.Fx;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A view's own copy of the console stylesheet is there only while its scene lacks the sheet: with both, every node
 * under the view matches the sheet's rules twice.
 */
@ExtendWith(ApplicationExtension.class)
class StylesheetsTest {
    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 100, 100));
        stage.show();
    }

    @Test
    void aViewThatGetsItsSceneBeforeTheSceneIsStyledKeepsNoCopy() throws Exception {
        Fx.run(() -> {
            VBox view = new VBox();
            Stylesheets.apply(view);
            Scene scene = new Scene(view); // the view has a scene, the scene no console sheet yet
            assertTrue(view.getStylesheets().contains(Stylesheets.CONSOLE), "styled while its scene lacks the sheet");
            Stylesheets.apply(scene);
            assertFalse(view.getStylesheets().contains(Stylesheets.CONSOLE), "no second copy once the scene has it");
            assertEquals(1, scene.getStylesheets().stream().filter(Stylesheets.CONSOLE::equals).count());
        });
    }

    @Test
    void aViewMovedToAnUnstyledSceneTakesTheSheetAlong() throws Exception {
        Fx.run(() -> {
            VBox view = new VBox();
            Scene styled = new Scene(new StackPane());
            Stylesheets.apply(styled);
            ((StackPane) styled.getRoot()).getChildren().add(view);
            Stylesheets.apply(view);
            assertFalse(view.getStylesheets().contains(Stylesheets.CONSOLE));
            ((StackPane) styled.getRoot()).getChildren().clear();
            new Scene(new StackPane(view));
            assertTrue(view.getStylesheets().contains(Stylesheets.CONSOLE), "an unstyled scene: the view brings it");
        });
    }
}
