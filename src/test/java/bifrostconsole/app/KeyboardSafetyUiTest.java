package bifrostconsole.app;

import bifrostconsole.connection.ConnectionProfile;
import bifrostconsole.testing.Fx;
import bifrostconsole.testing.Screenshots;
import bifrostconsole.testing.TestConsoleWindow;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The keyboard can never switch servers by accident: a workspace opens with focus in the key table, no arrow,
 * Page or letter key changes the connection, the switcher opens only by click, Alt+Down or F4, and leaving a
 * workspace with unsaved work asks first. Every icon-only button says what it does to a screen reader and in a
 * tooltip.
 */
@ExtendWith(ApplicationExtension.class)
class KeyboardSafetyUiTest {
    private TestConsoleWindow window;
    private ConsoleWindow console;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        window = TestConsoleWindow.show(stage, profiles ->
                // A second connection in the switcher, so a stray Down would have somewhere to go.
                profiles.save(ConnectionProfile.create("Staging", "http://127.0.0.1:9"), Optional.empty())
                        .get(10, TimeUnit.SECONDS));
        console = window.console();
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    private void openDemo() throws Exception {
        Fx.waitUntil(() -> console.model().screenProperty().get() != MainViewModel.Screen.STARTING);
        Fx.run(() -> console.model().openDemo());
        Fx.waitUntil(() -> console.model().screenProperty().get() == MainViewModel.Screen.WORKSPACE);
        console.firstPageShown().get(30, TimeUnit.SECONDS);
        Fx.settle();
    }

    private String focusedId() throws Exception {
        return Fx.call(() -> {
            Node f = stage.getScene().getFocusOwner();
            return f == null ? null : f.getId();
        });
    }

    @Test
    void aWorkspaceOpensWithFocusInTheKeyTableAndStrayKeysNeverSwitchServers(FxRobot robot) throws Exception {
        openDemo();
        Fx.waitUntil("focus in the key table", () -> "key-table".equals(focusedId()));
        robot.type(KeyCode.DOWN);
        Fx.settle();
        assertEquals(DemoWorkspace.NAME, console.model().selectedProperty().get().label(), "Down moved in the table");

        @SuppressWarnings("unchecked")
        ComboBox<MainViewModel.Choice> switcher = robot.lookup("#profile-switcher").queryAs(ComboBox.class);
        assertTrue(switcher.getItems().size() >= 2, "two connections to switch between");
        Fx.run(switcher::requestFocus);
        for (KeyCode stray : List.of(KeyCode.DOWN, KeyCode.UP, KeyCode.PAGE_DOWN, KeyCode.PAGE_UP, KeyCode.HOME,
                KeyCode.END, KeyCode.S, KeyCode.D, KeyCode.SPACE, KeyCode.ENTER, KeyCode.RIGHT)) {
            robot.type(stray);
            Fx.settle();
            assertFalse(switcher.isShowing(), stray + " must not open the switcher");
            assertEquals(DemoWorkspace.NAME, console.model().selectedProperty().get().label(),
                    stray + " must not change the connection");
        }
        assertEquals(MainViewModel.Screen.WORKSPACE, console.model().screenProperty().get());

        assertEquals("profile-switcher", focusedId(), "the stray keys left the focus where it was");
        robot.type(KeyCode.F4);
        Fx.waitUntil("F4 opens the switcher", switcher::isShowing);
        Screenshots.save(stage.getScene(), "switcher-open-by-f4-light");
        robot.type(KeyCode.ESCAPE);
        Fx.waitUntil(() -> !switcher.isShowing());
        robot.press(KeyCode.ALT).type(KeyCode.DOWN).release(KeyCode.ALT);
        Fx.waitUntil("Alt+Down opens the switcher", switcher::isShowing);
        robot.type(KeyCode.ESCAPE);
        Fx.waitUntil(() -> !switcher.isShowing());
        assertEquals(DemoWorkspace.NAME, console.model().selectedProperty().get().label());
    }

    @Test
    void leavingAWorkspaceWithUnsavedWorkAsksFirst(FxRobot robot) throws Exception {
        openDemo();
        @SuppressWarnings("unchecked")
        ComboBox<MainViewModel.Choice> switcher = robot.lookup("#profile-switcher").queryAs(ComboBox.class);
        Fx.run(() -> console.model().unsavedWorkProperty().set("The key editor's changes"));
        MainViewModel.Choice staging = Fx.call(() -> switcher.getItems().stream()
                .filter(c -> c.label().contains("Staging")).findFirst().orElseThrow());
        javafx.application.Platform.runLater(() -> switcher.getSelectionModel().select(staging));
        Fx.waitUntil("the question is asked", () -> Fx.dialogButtonShown(robot, "Cancel"));
        Screenshots.save(Fx.dialogButton(robot, "Cancel").getScene(), "leave-unsaved-work-light");
        robot.clickOn(Fx.dialogButton(robot, "Cancel"));
        Fx.waitUntil(() -> switcher.getSelectionModel().getSelectedItem() != null
                && switcher.getSelectionModel().getSelectedItem().label().equals(DemoWorkspace.NAME));
        assertEquals(DemoWorkspace.NAME, console.model().selectedProperty().get().label(), "stayed in the workspace");
        assertEquals(MainViewModel.Screen.WORKSPACE, console.model().screenProperty().get());
    }

    @Test
    void everyIconOnlyButtonHasAnAccessibleNameAndATooltip(FxRobot robot) throws Exception {
        openDemo();
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER); // the key details, with their reveal and copy buttons
        Fx.waitUntil("details open", () -> robot.lookup("#key-detail").tryQuery().isPresent()
                || robot.lookup(".key-detail").tryQuery().isPresent());
        Fx.settle();
        List<String> unnamed = Fx.call(() -> {
            List<String> found = new ArrayList<>();
            walk(stage.getScene().getRoot(), found);
            return found;
        });
        assertTrue(unnamed.isEmpty(), "icon-only buttons without an accessible name or tooltip: " + unnamed);
    }

    /** Every visible button whose label has no text needs both a name for screen readers and a tooltip. */
    private static void walk(Node node, List<String> unnamed) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof bifrostconsole.ui.CellIconButton b) { // the rows' icon buttons, panes rather than Buttons
            boolean named = b.getAccessibleText() != null && !b.getAccessibleText().isBlank();
            boolean tipped = b.tooltipText() != null && !b.tooltipText().isBlank();
            if (!named || !tipped || b.getAccessibleRole() != javafx.scene.AccessibleRole.BUTTON) {
                unnamed.add(String.join(".", b.getStyleClass()) + (named ? "" : " (no accessible name)")
                        + (tipped ? "" : " (no tooltip)"));
            }
        }
        if (node instanceof ButtonBase || node instanceof javafx.scene.control.MenuButton) {
            Labeled b = (Labeled) node;
            boolean iconOnly = b.getText() == null || b.getText().isBlank();
            if (iconOnly) {
                boolean named = b.getAccessibleText() != null && !b.getAccessibleText().isBlank();
                // Icon buttons make their tooltip on first hover (ui/Icons): the text it will show counts.
                String tip = bifrostconsole.ui.Icons.tooltipText((Control) b);
                boolean tipped = tip != null && !tip.isBlank();
                if (!named || !tipped) {
                    unnamed.add((b.getId() == null ? b.getClass().getSimpleName() : "#" + b.getId())
                            + (named ? "" : " (no accessible name)") + (tipped ? "" : " (no tooltip)"));
                }
            }
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, unnamed);
            }
        }
    }
}
