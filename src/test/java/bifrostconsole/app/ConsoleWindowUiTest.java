package bifrostconsole.app;

import bifrostconsole.connection.ConnectionProfile;
import bifrostconsole.testing.DemoGatewayExtension;
import bifrostconsole.testing.Fx;
import bifrostconsole.testing.Screenshots;
import bifrostconsole.testing.TestConsoleWindow;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.net.ServerSocket;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The main window as a user meets it: welcome, demo workspace, adding a profile, a failing test. */
@ExtendWith(ApplicationExtension.class)
class ConsoleWindowUiTest {
    /** The key the console must ask for: new on every run. */
    private static final String PROMPTED_KEY = "bfst-prompted-" + UUID.randomUUID();

    @RegisterExtension
    static final DemoGatewayExtension gateway = DemoGatewayExtension.withKeys(4, 60).withApiKey(PROMPTED_KEY);

    private TestConsoleWindow window;
    private ConsoleWindow console;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        window = TestConsoleWindow.show(stage);
        console = window.console();
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    @Test
    void theFirstStartOffersToConnectOrOpenTheDemo(FxRobot robot) throws Exception {
        Fx.waitUntil(() -> console.model().screenProperty().get() == MainViewModel.Screen.WELCOME);
        assertTrue(Fx.call(() -> robot.lookup("#connect-server").tryQuery().isPresent()));
        assertTrue(Fx.call(() -> robot.lookup("#open-demo").tryQuery().isPresent()));
        Screenshots.save(stage.getScene(), "welcome-light");
        robot.clickOn("#toggle-theme");
        Fx.settle();
        Screenshots.save(stage.getScene(), "welcome-dark");
        assertEquals(ThemeManager.Theme.DARK, window.themes().theme());
        assertEquals("dark", window.settings().get("theme", ""), "the choice is remembered for the next start");
    }

    @Test
    void oneClickOpensTheDemoWorkspace(FxRobot robot) throws Exception {
        Fx.waitUntil(() -> console.model().screenProperty().get() == MainViewModel.Screen.WELCOME);
        robot.clickOn("#open-demo");
        Fx.waitUntil(() -> console.model().screenProperty().get() == MainViewModel.Screen.WORKSPACE);
        // Looked up on the FX thread, as everywhere here: the workspace's views are still being built there.
        assertEquals("Bifrost v2.2.5 \u00b7 2,000 virtual keys",
                Fx.call(() -> robot.lookup("#connection-status").queryAs(Label.class).getText()));
        assertEquals(DemoWorkspace.NAME, console.model().selectedProperty().get().label());
        assertTrue(stage.getTitle().startsWith(DemoWorkspace.NAME));
        console.firstPageShown().get(30, TimeUnit.SECONDS);
        assertTrue(Fx.call(() -> robot.lookup("#key-browser").tryQuery().isPresent()),
                "the key browser fills the centre");
        Fx.settle();
        Screenshots.save(stage.getScene(), "demo-workspace-light");
        robot.clickOn("#toggle-theme");
        Fx.settle();
        Screenshots.save(stage.getScene(), "demo-workspace-dark");
        // Next start opens the demo again: it was the last thing opened.
        Fx.waitUntil(() -> "demo".equals(window.profileStore().load().profiles().lastUsedId()));
    }

    @Test
    void addingAProfileWhoseServerIsDownShowsWhyInTheTestAndTheWindow(FxRobot robot) throws Exception {
        Fx.waitUntil(() -> console.model().screenProperty().get() == MainViewModel.Screen.WELCOME);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        robot.clickOn("#connect-server");
        Fx.settle();
        robot.clickOn("#profile-url").write("http://127.0.0.1:" + closedPort);
        robot.clickOn("#profile-name").write("Staging");
        robot.clickOn("#profile-key").write("bfst-ui-test");
        robot.clickOn("#test-connection");
        Fx.waitUntil(() -> robot.lookup("#test-step-0 #step-detail").queryAs(Label.class).getText()
                .contains("Nothing is listening"));
        Label summary = Fx.call(() -> robot.lookup("#test-step-0 #step-detail").queryAs(Label.class));
        assertTrue(Fx.call(() -> robot.lookup("#test-step-2 #step-detail").queryAs(Label.class).getText())
                .startsWith("Not tried"));
        assertEquals("Nothing is listening on port " + closedPort + " of 127.0.0.1 (connection refused): check the"
                + " port in the address (Bifrost's default is 8080) and that Bifrost is running.", summary.getText());
        Window editor = summary.getScene().getWindow();
        Screenshots.save(summary.getScene(), "profile-editor-failed-test-light");

        robot.clickOn("#save-profile");
        Fx.waitUntil(() -> !editor.isShowing());
        Fx.waitUntil(() -> console.model().screenProperty().get() == MainViewModel.Screen.FAILED);
        List<ConnectionProfile> saved = window.profileStore().load().profiles().profiles();
        assertEquals(1, saved.size());
        assertEquals("Staging", saved.get(0).name());
        assertEquals("bfst-ui-test", window.credentials().read(saved.get(0).id()).orElseThrow().reveal());
        String failure = Fx.call(() -> robot.lookup("#failure-message").queryAs(Label.class).getText());
        assertTrue(failure.startsWith("Nothing is listening on port " + closedPort), failure);
        assertEquals("Staging", console.model().selectedProperty().get().label());
        Screenshots.save(stage.getScene(), "connection-failed-light");
        robot.clickOn("#toggle-theme");
        Fx.settle();
        Screenshots.save(stage.getScene(), "connection-failed-dark");
    }

    @Test
    void theEditorWarnsBeforeAKeyGoesOverPlainHttpAndMarksSkippedVerificationRed(FxRobot robot) throws Exception {
        Fx.waitUntil(() -> console.model().screenProperty().get() == MainViewModel.Screen.WELCOME);
        robot.clickOn("#add-connection");
        Fx.settle();
        robot.clickOn("#profile-url").write("http://gateway.example.com:8080");
        Node save = Fx.call(() -> robot.lookup("#save-profile").query());
        assertTrue(!save.isDisabled(), "without a key nothing secret would travel");
        robot.clickOn("#profile-key").write("bfst-would-travel-in-clear");
        assertTrue(save.isDisabled(), "with a key, saving waits for the plain-http confirmation");
        assertTrue(Fx.call(() -> robot.lookup("#confirm-plain-http").query().isVisible()));
        TextField url = Fx.call(() -> robot.lookup("#profile-url").queryAs(TextField.class));
        Screenshots.save(url.getScene(), "profile-editor-plain-http-light");
        robot.clickOn("#confirm-plain-http");
        assertTrue(!save.isDisabled());
        robot.interact(() -> url.setText("https://gateway.example.com"));
        robot.clickOn("TLS and timeouts");
        robot.clickOn("#profile-insecure");
        Fx.settle();
        Screenshots.save(url.getScene(), "profile-editor-insecure-light");
        robot.interact(window.themes()::toggle);
        Fx.settle();
        Screenshots.save(url.getScene(), "profile-editor-insecure-dark");
    }

    @Test
    void aServerThatWantsAKeyAsksForItAndTheSavedConnectionsListShowsIt(FxRobot robot) throws Exception {
        Fx.waitUntil(() -> console.model().screenProperty().get() == MainViewModel.Screen.WELCOME);
        ConnectionProfile secured = ConnectionProfile.create("Production", gateway.baseUrl());
        ConnectionProfile lab = ConnectionProfile.create("Lab", "https://lab.example.com").withTls(null, true);
        assertTrue(!Fx.call(() -> robot.lookup("#insecure-badge").query().isVisible()));
        window.profiles().save(secured, java.util.Optional.empty()).get(10, TimeUnit.SECONDS);
        window.profiles().save(lab, java.util.Optional.empty()).get(10, TimeUnit.SECONDS);

        robot.interact(() -> console.model().openProfile(secured));
        Fx.waitUntil(() -> robot.lookup("#prompt-key").tryQuery().isPresent());
        Screenshots.save(Fx.call(() -> robot.lookup("#prompt-key").query().getScene()), "key-prompt-light");
        robot.clickOn("#prompt-key").write(PROMPTED_KEY);
        robot.clickOn("#prompt-connect");
        Fx.waitUntil(() -> console.model().screenProperty().get() == MainViewModel.Screen.WORKSPACE);
        assertEquals("Production", console.model().workspaceProperty().get().displayName());
        Fx.waitUntil(() -> window.credentials().read(secured.id()).isPresent());
        assertEquals(PROMPTED_KEY, window.credentials().read(secured.id()).orElseThrow().reveal());

        robot.clickOn("#manage-connections");
        Fx.waitUntil(() -> robot.lookup("#connections-list").tryQuery().isPresent());
        javafx.scene.control.ListView<?> list = Fx.call(() -> robot.lookup("#connections-list")
                .queryAs(javafx.scene.control.ListView.class));
        assertEquals(2, Fx.call(() -> list.getItems().size()));
        Screenshots.save(list.getScene(), "connections-light");
        robot.interact(() -> list.getScene().getWindow().hide());
    }
}
