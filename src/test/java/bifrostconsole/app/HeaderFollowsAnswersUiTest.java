package bifrostconsole.app;

import bifrostconsole.connection.ConnectionProfile;
import bifrostconsole.demo.DemoGateway;
import bifrostconsole.keys.KeyBrowserView;
import bifrostconsole.testing.DemoGatewayExtension;
import bifrostconsole.testing.Fx;
import bifrostconsole.testing.TestConsoleWindow;
import bifrostconsole.testing.Wait;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15, item 2: the top bar's count, status dot and tooltip follow the key list's last answer, not the one the
 * server gave when it was opened: zero keys read as zero, and a 500, 401, 403, HTML page or cut-off answer turns the
 * dot red and says when it came.
 */
@ExtendWith(ApplicationExtension.class)
class HeaderFollowsAnswersUiTest {
    private static final String KEYS = "/api/governance/virtual-keys";

    @RegisterExtension
    static final DemoGatewayExtension gateway = DemoGatewayExtension.withKeys(15, 300);

    private TestConsoleWindow window;
    private ConnectionProfile profile;

    @Start
    void start(Stage stage) throws Exception {
        profile = ConnectionProfile.create("Staging", gateway.baseUrl());
        window = TestConsoleWindow.show(stage, profiles -> profiles.save(profile, Optional.empty())
                .get(10, TimeUnit.SECONDS));
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    @Test
    void theCountTheDotAndTheTooltipFollowTheLastAnswer(FxRobot robot) throws Exception {
        MainViewModel model = window.console().model();
        Wait.until("the welcome screen", () -> Fx.call(() -> model.screenProperty().get()
                == MainViewModel.Screen.WELCOME));
        Fx.run(() -> model.openProfile(profile));
        Wait.until("the workspace is open", () -> Fx.call(() -> model.screenProperty().get()
                == MainViewModel.Screen.WORKSPACE));
        Label status = robot.lookup("#connection-status").queryAs(Label.class);
        assertTrue(Fx.call(status::getText).endsWith("300 virtual keys"), Fx.call(status::getText));
        assertEquals("connected", dotStyle(status));

        // The server starts answering with no keys: the header says so, not the count it had when opened.
        gateway.injectFault(KEYS, DemoGateway.Fault.json(200, ("{\"virtual_keys\":[],\"count\":0,"
                + "\"total_count\":0,\"limit\":25,\"offset\":0}").getBytes(StandardCharsets.UTF_8)));
        refresh(robot);
        Wait.until("the header counts no keys", () -> Fx.call(status::getText).endsWith("0 virtual keys"));
        assertEquals("connected", dotStyle(status));
        assertTrue(Fx.call(() -> status.getTooltip().getText()).contains("0 virtual keys, counted at"),
                Fx.call(() -> status.getTooltip().getText()));

        for (DemoGateway.Fault fault : new DemoGateway.Fault[] {DemoGateway.Fault.status(500),
                DemoGateway.Fault.status(401), DemoGateway.Fault.forbidden("VirtualKeys:View"),
                DemoGateway.Fault.htmlPage(), DemoGateway.Fault.truncatedJson()}) {
            gateway.injectFault(KEYS, fault);
            refresh(robot);
            Wait.until("the dot turns red after a failed answer", () -> Fx.call(() ->
                    model.statusProperty().get() == MainViewModel.Status.ANSWER_FAILED));
            assertEquals("failed", dotStyle(status));
            assertTrue(Fx.call(status::getText).contains("last answer failed ("), Fx.call(status::getText));
            String tip = Fx.call(() -> status.getTooltip().getText());
            assertTrue(tip.contains("failed: ") && tip.contains("Last good answer at"), tip);

            refresh(robot);
            Wait.until("a good answer turns it green again", () -> Fx.call(() ->
                    model.statusProperty().get() == MainViewModel.Status.CONNECTED));
            assertEquals("connected", dotStyle(status));
            assertTrue(Fx.call(status::getText).endsWith("300 virtual keys"), Fx.call(status::getText));
        }
    }

    private void refresh(FxRobot robot) throws Exception {
        KeyBrowserView browser = robot.lookup("#key-browser").queryAs(KeyBrowserView.class);
        Fx.run(() -> browser.viewModel().refresh());
    }

    private static String dotStyle(Label status) throws Exception {
        return Fx.call(() -> status.getGraphic().getStyleClass().stream()
                .filter(c -> c.equals("connected") || c.equals("failed") || c.equals("connecting"))
                .findFirst().orElse("none"));
    }
}
