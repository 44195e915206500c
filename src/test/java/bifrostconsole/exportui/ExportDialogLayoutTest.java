package bifrostconsole.exportui;

import atlantafx.base.theme.PrimerLight;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.export.ExportFormat;
import bifrostconsole.export.ExportScope;
import bifrostconsole.export.KeyPageSource;
import bifrostconsole.testing.DemoGatewayExtension;
import bifrostconsole.testing.Fx;
import bifrostconsole.testing.Screenshots;
import bifrostconsole.testing.TestServices;
import bifrostconsole.ui.Stylesheets;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15, item 10: the Export dialog's Close button stays where it is when the outcome line appears, and the
 * outcome of the run before goes as soon as a choice changes, so the dialog never describes an export it will
 * not do.
 */
@ExtendWith(ApplicationExtension.class)
class ExportDialogLayoutTest {
    @RegisterExtension
    static final DemoGatewayExtension gateway = DemoGatewayExtension.withKeys(6, 120);

    @TempDir
    static Path dir;
    private ExportViewModel vm;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        vm = new ExportViewModel(KeyPageSource.of(gateway.client()), VirtualKeyQuery.firstPage(25), 120, dir,
                command -> new Thread(command).start(), Platform::runLater, Clock.systemUTC());
        Scene scene = new Scene(new ExportDialog(vm, TestServices.windows()));
        Stylesheets.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    private static Bounds onScreen(Node node) throws Exception {
        return Fx.call(() -> node.localToScreen(node.getBoundsInLocal()));
    }

    @Test
    void theCloseButtonStaysAndAChangedChoiceStartsClean(FxRobot robot) throws Exception {
        Fx.settle();
        Node close = robot.lookup("#export-cancel").query();
        Node export = robot.lookup("#export-start").query();
        Bounds closeBefore = onScreen(close);
        Bounds exportBefore = onScreen(export);
        double heightBefore = Fx.call(() -> stage.getHeight());

        robot.clickOn("#export-start");
        Fx.waitUntil("the export finished", () -> vm.finishedProperty().get());
        Fx.settle();
        String outcome = Fx.call(() -> robot.lookup("#export-status").queryAs(Label.class).getText());
        assertTrue(outcome.startsWith("Exported "), outcome);
        assertEquals("Close", Fx.call(() -> robot.lookup("#export-cancel").queryButton().getText()));
        assertEquals(closeBefore, onScreen(close), "Close did not move");
        assertEquals(exportBefore, onScreen(export), "Export did not move");
        assertEquals(heightBefore, Fx.call(() -> stage.getHeight()), 0.5, "the dialog did not grow for one line");
        Screenshots.save(stage.getScene(), "issue15-export-dialog-done");

        // Another choice: the last run's outcome no longer describes what Export does.
        robot.interact(() -> vm.formatProperty().set(ExportFormat.JSON));
        Fx.settle();
        assertEquals("", Fx.call(() -> robot.lookup("#export-status").queryAs(Label.class).getText()));
        assertFalse(Fx.call(() -> vm.finishedProperty().get()));
        assertEquals(0.0, Fx.call(() -> vm.progressProperty().get()));
        robot.interact(() -> vm.scopeProperty().set(ExportScope.CURRENT_PAGE));
        assertEquals(closeBefore, onScreen(close));
    }
}
