package bifrostconsole.overview;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import bifrostconsole.api.ConnectionSettings;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.config.UiSettings;
import bifrostconsole.demo.DemoDataGenerator;
import bifrostconsole.demo.DemoGateway;
import bifrostconsole.headroom.Reason;
import bifrostconsole.testing.PngWriter;
import bifrostconsole.ui.Formats;
import bifrostconsole.ui.Stylesheets;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Overview against the demo gateway: scan, tiles, lists that open keys, charts; light and dark. */
@ExtendWith(ApplicationExtension.class)
class OverviewViewTest {
    private static DemoGateway gateway;
    private OverviewViewModel vm;
    private Stage stage;
    private final List<String> opened = new ArrayList<>();

    @BeforeAll
    static void startGateway() throws Exception {
        gateway = DemoGateway.start(DemoGateway.Options.of(DemoDataGenerator.generate(42, 600, Instant.now())));
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        ManagementApiClient client = new ManagementApiClient(ConnectionSettings.of(gateway.baseUrl(), null));
        Formats formats = new Formats(Locale.US, ZoneOffset.UTC);
        vm = new OverviewViewModel(client, Platform::runLater, Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "overview-test");
            t.setDaemon(true);
            return t;
        }), Clock.systemUTC(), formats, UiSettings.inMemory());
        vm.setKeyOpener(opened::add);
        Scene scene = new Scene(new OverviewView(vm, formats), 1280, 800);
        Stylesheets.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            CompletableFuture<Boolean> f = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    f.complete(condition.call());
                } catch (Exception e) {
                    f.completeExceptionally(e);
                }
            });
            return f.get(5, TimeUnit.SECONDS);
        });
    }

    private void snapshot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        CompletableFuture<WritableImage> shot = new CompletableFuture<>();
        Platform.runLater(() -> shot.complete(stage.getScene().snapshot(null)));
        PngWriter.write(shot.get(10, TimeUnit.SECONDS), Path.of("target", "screenshots", name));
    }

    @Test
    void scansShowsTotalsAndListsWhoseRowsOpenTheKey(FxRobot robot) throws Exception {
        Platform.runLater(() -> vm.setActive(true));
        waitUntil(() -> vm.shownProperty().get() != null && vm.spendOverTime().chartsProperty().get() != null);
        OverviewViewModel.Shown shown = vm.shownProperty().get();
        assertEquals(600, shown.result().keys());
        Label keys = robot.lookup("#tile-keys .tile-value").queryAs(Label.class);
        assertEquals("600", keys.getText());
        assertTrue(robot.lookup("#overview-progress-text").queryAs(Label.class).getText()
                .startsWith("Scanned 600 keys"));

        robot.clickOn("#attention-tab-exhausted");
        ListView<?> list = robot.lookup("#attention-exhausted").queryAs(ListView.class);
        assertEquals(shown.attention().get(Reason.EXHAUSTED).size(), list.getItems().size());
        assertTrue(list.getItems().size() > 0, "the demo has used-up keys");
        Node first = robot.lookup("#attention-exhausted .list-cell").query();
        robot.doubleClickOn(first);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(shown.attention().get(Reason.EXHAUSTED).get(0).keyId()), opened);
        snapshot("overview-light.png");
        Platform.runLater(() -> ((javafx.scene.control.ScrollPane) stage.getScene().lookup("#overview-scroll"))
                .setVvalue(1));
        snapshot("overview-charts-light.png");

        Platform.runLater(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
        WaitForAsyncUtils.waitForFxEvents();
        snapshot("overview-charts-dark.png");
        Platform.runLater(() -> ((javafx.scene.control.ScrollPane) stage.getScene().lookup("#overview-scroll"))
                .setVvalue(0));
        snapshot("overview-dark.png");
        Platform.runLater(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        WaitForAsyncUtils.waitForFxEvents();
        snapshot("overview-1024.png");
    }

    @Test
    void aScanCanBeCancelledAndTheWindowStaysResponsive(FxRobot robot) throws Exception {
        gateway.injectFault("/api/governance/virtual-keys", DemoGateway.Fault.delay(java.time.Duration.ofSeconds(5)));
        Platform.runLater(vm::scan);
        waitUntil(() -> vm.scanningProperty().get());
        robot.clickOn("#overview-cancel");
        waitUntil(() -> !vm.scanningProperty().get());
        assertEquals("Scan cancelled.", robot.lookup("#overview-progress-text").queryAs(Label.class).getText());
        gateway.clearFaults();
    }
}
