package bifrostconsole.app;

import bifrostconsole.api.Secret;
import bifrostconsole.connection.ConnectionProfile;
import bifrostconsole.demo.DemoGateway;
import bifrostconsole.keys.KeyRow;
import bifrostconsole.testing.DemoGatewayExtension;
import bifrostconsole.testing.Fx;
import bifrostconsole.testing.TestConsoleWindow;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A workspace that has just opened takes the key table's keys at once, without a click first, however it was
 * opened: the welcome screen's demo card (clicked or pressed), the connection switcher, the Connections dialog,
 * the last connection at start-up, {@code --demo}, {@code --server}, Retry after a failure, a second workspace
 * after a first, and coming back to the Keys view with Ctrl+1. Each case presses J (first key), Enter (its
 * details), Esc (closed), Ctrl+F (the search field) and Esc in the empty field (back to the table), then K.
 */
@ExtendWith(ApplicationExtension.class)
class FreshWorkspaceKeysUiTest {
    private static final String KEY = "bfst-fresh-keys-test";

    @RegisterExtension
    static final DemoGatewayExtension gateway = DemoGatewayExtension.withKeys(15, 40).withApiKey(KEY);

    private Stage stage;
    private TestConsoleWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() throws Exception {
        if (window != null) {
            window.close();
        }
    }

    /**
     * The window as started with {@code options}, after {@code prepare} set up the saved connections. Each time a
     * workspace replaces the screen before it, {@link #focusWhenShown} records where the keyboard is at that
     * moment, before a pulse has laid the new centre out: under a real window manager the next pulse often comes
     * after the events queued with it, so a focus request that waits for the table to be laid out finds nothing.
     */
    private ConsoleWindow open(StartupOptions options, TestConsoleWindow.BeforeShow prepare) throws Exception {
        window = Fx.call(() -> {
            TestConsoleWindow w = TestConsoleWindow.show(stage, options, prepare);
            w.console().model().screenProperty().addListener((o, was, now) -> {
                if (now == MainViewModel.Screen.WORKSPACE) {
                    Node f = stage.getScene().getFocusOwner();
                    focusWhenShown = f == null ? "nothing" : f.getId() != null ? "#" + f.getId()
                            : f.getClass().getSimpleName();
                }
            });
            return w;
        });
        return window.console();
    }

    /** Where the keyboard was when the last workspace came on screen (FX thread). */
    private volatile String focusWhenShown;

    private ConsoleWindow open() throws Exception {
        return open(StartupOptions.none(), profiles -> { });
    }

    /** A saved connection "Gateway" to this class's gateway, with its key in the credential store. */
    private static ConnectionProfile saveGateway(bifrostconsole.connection.ProfileService profiles,
                                                 boolean lastUsed) throws Exception {
        ConnectionProfile profile = ConnectionProfile.create("Gateway", gateway.baseUrl());
        profiles.save(profile, Optional.of(Secret.of(KEY))).get(10, TimeUnit.SECONDS);
        if (lastUsed) {
            profiles.markLastUsed(profile.id()).get(10, TimeUnit.SECONDS);
        }
        return profile;
    }

    private static void waitForScreen(ConsoleWindow console, MainViewModel.Screen screen) throws Exception {
        Fx.waitUntil("the " + screen + " screen", () -> console.model().screenProperty().get() == screen);
    }

    /** The key table on screen once it shows the rows of {@code workspaceName}, and the events after it handled. */
    @SuppressWarnings("unchecked")
    private TableView<KeyRow> freshTable(ConsoleWindow console, String workspaceName) throws Exception {
        Fx.waitUntil(workspaceName + " open with its keys", () -> {
            Workspace ws = console.model().workspaceProperty().get();
            Node table = stage.getScene().lookup("#key-table");
            return ws != null && ws.displayName().equals(workspaceName) && table instanceof TableView<?> t
                    && !t.getItems().isEmpty() && t.getScene() != null;
        });
        return (TableView<KeyRow>) Fx.call(() -> stage.getScene().lookup("#key-table"));
    }

    private String focused() throws Exception {
        return Fx.call(() -> {
            Node f = stage.getScene().getFocusOwner();
            return f == null ? "nothing" : f.getId() != null ? "#" + f.getId() : f.getClass().getSimpleName();
        });
    }

    private boolean detailShown() throws Exception {
        return Fx.call(() -> stage.getScene().lookup("#key-detail") != null
                && stage.getScene().lookup("#key-detail").isVisible());
    }

    /** J, Enter, Esc, Ctrl+F, Esc, K, with no click in between: each does its job on the fresh workspace. */
    private void keysWorkStraightAway(FxRobot robot, TableView<KeyRow> table, String how) throws Exception {
        assertEquals("#key-table", focusWhenShown, how + ": the keyboard is in the key table when it appears");
        assertEquals("#key-table", focused(), how + ": the keyboard starts in the key table");
        robot.type(KeyCode.J);
        Fx.settle();
        assertEquals(0, Fx.call(() -> table.getSelectionModel().getSelectedIndex()),
                how + ": J selects the first key");
        robot.type(KeyCode.J);
        Fx.settle();
        assertEquals(1, Fx.call(() -> table.getSelectionModel().getSelectedIndex()), how + ": J steps down");
        robot.type(KeyCode.ENTER);
        Fx.waitUntil(how + ": Enter opens the key", this::detailShown);
        robot.type(KeyCode.ESCAPE);
        Fx.waitUntil(how + ": Esc closes it", () -> !detailShown());
        assertEquals("#key-table", focused(), how + ": closing the details leaves the keyboard in the table");

        robot.push(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN));
        Fx.settle();
        assertEquals("#key-search", focused(), how + ": Ctrl+F goes to the search");
        TextField search = (TextField) Fx.call(() -> stage.getScene().lookup("#key-search"));
        assertEquals("", Fx.call(search::getText));
        robot.type(KeyCode.ESCAPE);
        Fx.settle();
        assertEquals("#key-table", focused(), how + ": Esc in the empty search field goes back to the table");
        robot.type(KeyCode.K);
        Fx.settle();
        assertEquals(0, Fx.call(() -> table.getSelectionModel().getSelectedIndex()), how + ": K steps up");
    }

    @Test
    void theWelcomeScreensDemoCardClicked(FxRobot robot) throws Exception {
        ConsoleWindow console = open();
        waitForScreen(console, MainViewModel.Screen.WELCOME);
        robot.clickOn("#open-demo");
        keysWorkStraightAway(robot, freshTable(console, DemoWorkspace.NAME), "demo card clicked");
    }

    @Test
    void theWelcomeScreensDemoCardPressed(FxRobot robot) throws Exception {
        ConsoleWindow console = open();
        waitForScreen(console, MainViewModel.Screen.WELCOME);
        Fx.run(() -> stage.getScene().lookup("#open-demo").requestFocus());
        robot.type(KeyCode.SPACE);
        keysWorkStraightAway(robot, freshTable(console, DemoWorkspace.NAME), "demo card pressed");
    }

    @Test
    void theConnectionSwitcher(FxRobot robot) throws Exception {
        ConsoleWindow console = open(StartupOptions.none(), profiles -> saveGateway(profiles, false));
        waitForScreen(console, MainViewModel.Screen.WELCOME);
        pickInSwitcher(robot, "Gateway");
        keysWorkStraightAway(robot, freshTable(console, "Gateway"), "the switcher");
    }

    private void pickInSwitcher(FxRobot robot, String label) throws Exception {
        robot.clickOn("#profile-switcher");
        Fx.waitUntil("the switcher's list", () -> robot.lookup(".list-cell").match(
                (ListCell<?> c) -> label.equals(c.getText()) && c.isVisible()).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".list-cell").match((ListCell<?> c) -> label.equals(c.getText()))
                .queryAs(ListCell.class));
    }

    @Test
    void theConnectionsDialog(FxRobot robot) throws Exception {
        ConsoleWindow console = open(StartupOptions.none(), profiles -> saveGateway(profiles, false));
        waitForScreen(console, MainViewModel.Screen.WELCOME);
        robot.clickOn("#manage-connections");
        Fx.waitUntil("the Connections dialog", () -> robot.lookup("#connections-list").tryQuery().isPresent());
        robot.clickOn(robot.lookup("#connections-list .list-cell").match((ListCell<?> c) -> c.getItem() != null)
                .queryAs(ListCell.class));
        robot.clickOn("#open-connection");
        keysWorkStraightAway(robot, freshTable(console, "Gateway"), "the Connections dialog");
    }

    @Test
    void theLastConnectionAtStartUp(FxRobot robot) throws Exception {
        ConsoleWindow console = open(StartupOptions.none(), profiles -> saveGateway(profiles, true));
        keysWorkStraightAway(robot, freshTable(console, "Gateway"), "the last connection at start-up");
    }

    @Test
    void theDemoOption(FxRobot robot) throws Exception {
        ConsoleWindow console = open(new StartupOptions(null, true, false, null), profiles -> { });
        keysWorkStraightAway(robot, freshTable(console, DemoWorkspace.NAME), "--demo");
    }

    @Test
    void theServerOption(FxRobot robot) throws Exception {
        ConsoleWindow console = open(new StartupOptions(gateway.baseUrl(), false, false, Secret.of(KEY)),
                profiles -> { });
        String name = Fx.call(() -> ConnectionProfile.create(null, gateway.baseUrl()).name());
        keysWorkStraightAway(robot, freshTable(console, name), "--server");
    }

    @Test
    void retryAfterAFailure(FxRobot robot) throws Exception {
        gateway.injectFault("/api/version", DemoGateway.Fault.status(503));
        ConsoleWindow console = open(StartupOptions.none(), profiles -> saveGateway(profiles, true));
        waitForScreen(console, MainViewModel.Screen.FAILED);
        robot.clickOn("#retry-connection");
        keysWorkStraightAway(robot, freshTable(console, "Gateway"), "Retry");
    }

    @Test
    void aSecondWorkspaceAfterAFirst(FxRobot robot) throws Exception {
        ConsoleWindow console = open(new StartupOptions(null, true, false, null), profiles -> saveGateway(profiles,
                false));
        TableView<KeyRow> demo = freshTable(console, DemoWorkspace.NAME);
        robot.type(KeyCode.J);
        Fx.settle();
        assertEquals(0, Fx.call(() -> demo.getSelectionModel().getSelectedIndex()));
        pickInSwitcher(robot, "Gateway");
        keysWorkStraightAway(robot, freshTable(console, "Gateway"), "a second workspace");
        pickInSwitcher(robot, DemoWorkspace.NAME);
        TableView<KeyRow> again = freshTable(console, DemoWorkspace.NAME);
        assertTrue(again != demo, "the demo opened anew");
        keysWorkStraightAway(robot, again, "back to the first");
    }

    @Test
    void backToTheKeysViewWithCtrl1(FxRobot robot) throws Exception {
        ConsoleWindow console = open(new StartupOptions(null, true, false, null), profiles -> { });
        TableView<KeyRow> table = freshTable(console, DemoWorkspace.NAME);
        robot.push(new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN));
        Fx.waitUntil("the Teams view", () -> "view-teams".equals(((javafx.scene.control.TabPane) stage.getScene()
                .lookup("#workspace-tabs")).getSelectionModel().getSelectedItem().getId()) && !isShown(table));
        robot.push(new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN));
        Fx.waitUntil("the Keys view", () -> isShown(table));
        keysWorkStraightAway(robot, table, "Ctrl+1");
    }

    /** Whether {@code node} and all that holds it are visible (a tab's content is hidden while another shows). */
    private static boolean isShown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }
}
