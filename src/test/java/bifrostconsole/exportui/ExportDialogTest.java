package bifrostconsole.exportui;

import atlantafx.base.theme.PrimerLight;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.export.ExportFormat;
import bifrostconsole.export.KeyPageSource;
import bifrostconsole.testing.DemoGatewayExtension;
import bifrostconsole.testing.Fx;
import bifrostconsole.testing.Screenshots;
import bifrostconsole.testing.TestServices;
import bifrostconsole.ui.Stylesheets;
import javafx.application.Application;
import javafx.application.Platform;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Export dialog clicked headlessly: choose JSON, export, read the result; a screenshot is kept. */
@ExtendWith(ApplicationExtension.class)
class ExportDialogTest {
    @RegisterExtension
    static final DemoGatewayExtension gateway = DemoGatewayExtension.withKeys(4, 300);

    @TempDir
    static Path dir;
    ExportViewModel vm;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        KeyPageSource source = KeyPageSource.of(gateway.client());
        vm = new ExportViewModel(source, VirtualKeyQuery.firstPage(25), 300, dir,
                command -> new Thread(command).start(), Platform::runLater, Clock.systemUTC());
        Scene scene = new Scene(new ExportDialog(vm, TestServices.windows()));
        Stylesheets.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void exportAsJsonFromTheDialog(FxRobot robot) throws Exception {
        robot.interact(() -> vm.formatProperty().set(ExportFormat.JSON));
        robot.clickOn("#export-start");
        Fx.waitUntil("the export finished", () -> vm.finishedProperty().get());

        String status = robot.lookup("#export-status").queryAs(Label.class).getText();
        assertTrue(status.startsWith("Exported "), status);
        assertTrue(status.contains(".json"), status);
        Path file = Path.of(vm.fileNameProperty().get());
        assertTrue(Files.readString(file).startsWith("[{"), "a JSON array of keys");
        assertEquals("Close", robot.lookup("#export-cancel").queryButton().getText());
        Fx.settle();
        assertTrue(robot.lookup("#export-progress").query().getBoundsInParent().getHeight() > 0, "progress bar shown");
        Screenshots.save(stage.getScene(), "export-dialog-done");
    }
}
