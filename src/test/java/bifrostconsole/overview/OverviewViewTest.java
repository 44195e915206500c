package bifrostconsole.overview;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.config.UiSettings;
import bifrostconsole.demo.DemoGateway;
import bifrostconsole.headroom.Reason;
import bifrostconsole.testing.DemoGatewayExtension;
import bifrostconsole.testing.Fx;
import bifrostconsole.testing.Screenshots;
import bifrostconsole.ui.Formats;
import bifrostconsole.ui.Stylesheets;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Overview against the demo gateway: scan, tiles, lists that open keys, charts; light and dark. */
@ExtendWith(ApplicationExtension.class)
class OverviewViewTest {
    @RegisterExtension
    static final DemoGatewayExtension gateway = DemoGatewayExtension.withKeys(42, 600);
    @RegisterExtension
    static final DemoGatewayExtension withoutLogs = DemoGatewayExtension.withKeys(42, 30)
            .configured(g -> g.logRoutes().setEnabled(false));

    private OverviewViewModel vm;
    private Stage stage;
    private final List<String> opened = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        ManagementApiClient client = gateway.client();
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

    private void snapshot(String name) throws Exception {
        Screenshots.save(stage.getScene(), name);
    }

    @Test
    void scansShowsTotalsAndListsWhoseRowsOpenTheKey(FxRobot robot) throws Exception {
        Fx.run(() -> vm.setActive(true));
        Fx.waitUntil(() -> vm.shownProperty().get() != null && vm.spendOverTime().chartsProperty().get() != null);
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
        Fx.settle();
        assertEquals(List.of(shown.attention().get(Reason.EXHAUSTED).get(0).keyId()), opened);

        robot.clickOn("#attention-tab-unused");
        ListView<?> unused = robot.lookup("#attention-unused").queryAs(ListView.class);
        assertEquals(shown.attention().get(Reason.UNUSED).size(), unused.getItems().size());
        assertTrue(unused.getItems().size() > 0, "the demo leaves some keys unused");
        assertEquals(7, robot.lookup("#overview-unused-days").queryAs(javafx.scene.control.ChoiceBox.class)
                .getValue());
        assertTrue(!robot.lookup("#overview-unused-not-available").query().isVisible());
        snapshot("overview-unused-light");
        robot.clickOn("#attention-tab-exhausted");
        snapshot("overview-light");
        Fx.run(() -> ((javafx.scene.control.ScrollPane) stage.getScene().lookup("#overview-scroll"))
                .setVvalue(1));
        snapshot("overview-charts-light");

        Fx.run(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
        Fx.settle();
        snapshot("overview-charts-dark");
        Fx.run(() -> ((javafx.scene.control.ScrollPane) stage.getScene().lookup("#overview-scroll"))
                .setVvalue(0));
        snapshot("overview-dark");
        Fx.run(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        Fx.waitUntil("the window is 1024 wide", () -> stage.getScene().getWidth() == 1024);
        snapshot("overview-1024");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRescanGivesTheSpendChartsLineItsNewValuesInPlace(FxRobot robot) throws Exception {
        Fx.run(() -> vm.setActive(true));
        Fx.waitUntil(() -> vm.shownProperty().get() != null && vm.spendOverTime().chartsProperty().get() != null
                && !vm.spendOverTime().loadingProperty().get());
        javafx.scene.chart.XYChart<Number, Number> chart = robot.lookup("#overview-spend-chart")
                .queryAs(javafx.scene.chart.XYChart.class);
        javafx.scene.chart.XYChart.Series<Number, Number> series = Fx.call(() -> chart.getData().get(0));
        Object before = vm.spendOverTime().chartsProperty().get();
        Fx.run(vm::scan);
        Fx.waitUntil("the rescan's spend chart", () -> !vm.scanningProperty().get()
                && vm.spendOverTime().chartsProperty().get() != before && !vm.spendOverTime().loadingProperty().get());
        List<bifrostconsole.usage.UsageViewModel.Point> cost = vm.spendOverTime().chartsProperty().get().cost();
        Fx.run(() -> {
            assertEquals(1, chart.getData().size());
            assertTrue(chart.getData().get(0) == series, "the same period: the line is kept, its values set");
            assertEquals(cost.size(), series.getData().size());
            for (int i = 0; i < cost.size(); i++) {
                assertEquals(cost.get(i).at().getEpochSecond(), series.getData().get(i).getXValue().longValue());
                assertEquals(cost.get(i).value(), series.getData().get(i).getYValue().doubleValue(), 0);
            }
        });
    }

    @Test
    void withoutLogsTheUnusedTabMakesWayForOneSentence(FxRobot robot) throws Exception {
        Formats formats = new Formats(Locale.US, ZoneOffset.UTC);
        OverviewViewModel noLogs = new OverviewViewModel(withoutLogs.client(), Platform::runLater,
                Executors.newCachedThreadPool(), Clock.systemUTC(), formats, UiSettings.inMemory());
        Fx.run(() -> {
            Scene scene = new Scene(new OverviewView(noLogs, formats), 1280, 800);
            Stylesheets.apply(scene);
            stage.setScene(scene);
            noLogs.setActive(true);
        });
        Fx.waitUntil("the scan's end", () -> noLogs.shownProperty().get() != null);
        Fx.settle();
        Label note = robot.lookup("#overview-unused-not-available").queryAs(Label.class);
        assertTrue(note.isVisible() && note.getText().contains("HTTP 404"), note.getText());
        assertTrue(robot.lookup("#attention-tab-unused").tryQuery().isEmpty(), "no Unused tab");
        assertTrue(robot.lookup("#attention-tab-expired").tryQuery().isPresent(), "the other lists stay");
    }

    @Test
    void aScanCanBeCancelledAndTheWindowStaysResponsive(FxRobot robot) throws Exception {
        gateway.injectFault("/api/governance/virtual-keys", DemoGateway.Fault.delay(java.time.Duration.ofSeconds(5)));
        Fx.run(vm::scan);
        Fx.waitUntil(() -> vm.scanningProperty().get());
        robot.clickOn("#overview-cancel");
        Fx.waitUntil(() -> !vm.scanningProperty().get());
        assertEquals("Scan cancelled.", robot.lookup("#overview-progress-text").queryAs(Label.class).getText());
    }
}
