package bifrostconsole.exportui;

import atlantafx.base.theme.PrimerLight;
import bifrostconsole.api.ConnectionSettings;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.demo.DemoDataGenerator;
import bifrostconsole.demo.DemoGateway;
import bifrostconsole.export.ExportFormat;
import bifrostconsole.export.KeyPageSource;
import bifrostconsole.testing.PngWriter;
import bifrostconsole.testing.TestServices;
import bifrostconsole.ui.Stylesheets;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Export dialog clicked headlessly: choose JSON, export, read the result; a screenshot is kept. */
@ExtendWith(ApplicationExtension.class)
class ExportDialogTest {
    /** Generous: the machine running the suite may be busy; a pass never waits this long. */
    static final long FX_WAIT = 30;
    static DemoGateway gateway;
    static Path dir;
    ExportViewModel vm;
    Stage stage;

    @BeforeAll
    static void startGateway() throws Exception {
        gateway = DemoGateway.start(DemoGateway.Options.of(DemoDataGenerator.generate(4, 300, Instant.now())));
        dir = Files.createTempDirectory("export-dialog");
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        KeyPageSource source = KeyPageSource.of(new ManagementApiClient(ConnectionSettings.of(gateway.baseUrl(), null)));
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
        WaitForAsyncUtils.waitFor(FX_WAIT, TimeUnit.SECONDS, () -> vm.finishedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        String status = robot.lookup("#export-status").queryAs(Label.class).getText();
        assertTrue(status.startsWith("Exported "), status);
        assertTrue(status.contains(".json"), status);
        Path file = Path.of(vm.fileNameProperty().get());
        assertTrue(Files.readString(file).startsWith("[{"), "a JSON array of keys");
        assertEquals("Close", robot.lookup("#export-cancel").queryButton().getText());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#export-progress").query().getBoundsInParent().getHeight() > 0, "progress bar shown");
        Path png = Path.of("target", "screenshots", "export-dialog-done.png");
        Files.createDirectories(png.getParent());
        PngWriter.write(WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(FX_WAIT, TimeUnit.SECONDS), png);
    }
}
