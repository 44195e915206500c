package bifrostconsole.app;

import bifrostconsole.keys.KeyRow;
import bifrostconsole.testing.Fx;
import bifrostconsole.testing.Screenshots;
import bifrostconsole.testing.TestConsoleWindow;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo workspace's views together: the overview opens a key, auto-refresh keeps the user's place. */
@ExtendWith(ApplicationExtension.class)
class WorkspaceUiTest {
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

    /** Runs {@code c} on the FX thread: lookups too, since the workspace's views change the scene there. */
    private static <T> T onFx(Callable<T> c) throws Exception {
        return Fx.call(c);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> onFx(condition));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void openDemo(FxRobot robot) throws Exception {
        waitFor(() -> console.model().screenProperty().get() == MainViewModel.Screen.WELCOME);
        robot.clickOn("#open-demo");
        console.firstPageShown().get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private TableView<KeyRow> table(FxRobot robot) throws Exception {
        return onFx(() -> robot.lookup("#key-table").queryAs(TableView.class));
    }

    @Test
    void autoRefreshKeepsTheSelectionTheScrollAndTheOpenKey(FxRobot robot) throws Exception {
        openDemo(robot);
        TableView<KeyRow> table = table(robot);
        Platform.runLater(() -> {
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(12);
            table.scrollTo(9);
        });
        waitFor(() -> table.getSelectionModel().getSelectedIndex() == 12);
        robot.type(javafx.scene.input.KeyCode.ENTER);
        waitFor(() -> robot.lookup("#headroom-card").tryQuery().isPresent());
        ScrollBar vertical = onFx(() -> robot.lookup("#key-table .scroll-bar").queryAllAs(ScrollBar.class).stream()
                .filter(b -> b.getOrientation() == Orientation.VERTICAL).findFirst().orElseThrow());
        double scroll = onFx(vertical::getValue);
        KeyRow selected = onFx(() -> table.getSelectionModel().getSelectedItem());
        ComboBox<AutoRefreshViewModel.Interval> interval = onFx(() -> robot.lookup("#refresh-interval")
                .queryComboBox());
        Node details = onFx(() -> robot.lookup("#key-detail").query());
        waitFor(() -> !((Label) robot.lookup("#last-refreshed").query()).getText().isEmpty());
        String before = onFx(() -> ((Label) robot.lookup("#last-refreshed").query()).getText());
        Platform.runLater(() -> interval.setValue(AutoRefreshViewModel.Interval.S10));
        // within ten seconds the page is refreshed: its "Updated 11:55:10 PM" moves on
        waitFor(() -> !((Label) robot.lookup("#last-refreshed").query()).getText().equals(before));
        assertEquals("Updated just now", onFx(() -> ((Label) robot.lookup("#refresh-updated").query()).getText()));
        assertEquals(12, onFx(() -> table.getSelectionModel().getSelectedIndex()), "the selection stays");
        assertEquals(selected.id(), onFx(() -> table.getSelectionModel().getSelectedItem().id()));
        assertEquals(scroll, onFx(vertical::getValue), 1e-9, "so does the scroll position");
        assertSame(details, onFx(() -> robot.lookup("#key-detail").query()), "and the open key");
        assertTrue(onFx(() -> robot.lookup("#headroom-card").tryQuery().isPresent()));
        Screenshots.save(stage.getScene(), "workspace-auto-refresh-light");
    }

    @Test
    void theOverviewOpensAKeyInTheKeyTable(FxRobot robot) throws Exception {
        openDemo(robot);
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.DIGIT4)
                .release(javafx.scene.input.KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#overview").tryQuery().isPresent()
                && robot.lookup("#tile-keys .tile-value").tryQuery().isPresent());
        assertEquals("2,000", onFx(() -> robot.lookup("#tile-keys .tile-value").queryAs(Label.class).getText()));
        Screenshots.save(stage.getScene(), "workspace-overview-light");
        robot.clickOn("#attention-tab-near-limit");
        Node row = onFx(() -> robot.lookup("#attention-near-limit .list-cell").query());
        robot.doubleClickOn(row);
        waitFor(() -> robot.lookup("#headroom-card").tryQuery().isPresent()
                && robot.lookup("#key-table").query().isVisible());
        String levels = onFx(() -> robot.lookup("#headroom-summary .usage-text").queryAs(Label.class).getText());
        assertTrue(levels.contains("left"), levels);
        robot.clickOn("#toggle-theme");
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene(), "workspace-key-from-overview-dark");
    }
}
