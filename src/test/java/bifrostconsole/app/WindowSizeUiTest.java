package bifrostconsole.app;

import bifrostconsole.config.UiSettings;
import bifrostconsole.testing.CutTexts;
import bifrostconsole.testing.Fx;
import bifrostconsole.testing.Screenshots;
import bifrostconsole.testing.TestConsoleWindow;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The main window's size (issue 15 item 5): it opens at a share of the screen, shrinks no further than a size at
 * which the top bar and the view tabs are whole, and opens again where it was left on this screen.
 */
@ExtendWith(ApplicationExtension.class)
class WindowSizeUiTest {
    private TestConsoleWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        window = TestConsoleWindow.show(stage);
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    private void openDemo(FxRobot robot) throws Exception {
        Fx.waitUntil(() -> window.console().model().screenProperty().get() == MainViewModel.Screen.WELCOME);
        robot.clickOn("#open-demo");
        window.console().firstPageShown().get(30, TimeUnit.SECONDS);
        Fx.settle();
    }

    @Test
    void atItsMinimumSizeNothingInTheTopBarOrTheViewTabsIsCut(FxRobot robot) throws Exception {
        openDemo(robot);
        Fx.run(() -> {
            stage.setWidth(stage.getMinWidth());
            stage.setHeight(stage.getMinHeight());
        });
        Fx.waitUntil("the window at its minimum size", () -> stage.getWidth() == stage.getMinWidth());
        Screenshots.save(stage.getScene(), "window-minimum-size-light");
        List<String> cut = Fx.call(() -> {
            List<String> found = new ArrayList<>();
            Node topBar = stage.getScene().lookup(".top-bar");
            Node tabs = stage.getScene().lookup("#workspace-tabs");
            Node refresh = stage.getScene().lookup("#refresh-bar");
            for (Node area : List.of(topBar, tabs.lookup(".tab-header-area"), refresh)) {
                found.addAll(CutTexts.under(area));
            }
            // The auto-refresh bar lies over the tab row's right end: it must not cover the last tab.
            // The view tabs' own: the key browser's details pane (in the scene, folded, once made ahead) has tabs
            // of its own further down.
            Node lastTab = tabs.lookupAll(".tab").stream().filter(t -> tabPaneOf(t) == tabs).reduce((a, b) -> b)
                    .orElseThrow();
            Bounds tab = lastTab.localToScene(lastTab.getLayoutBounds());
            Bounds bar = refresh.localToScene(refresh.getLayoutBounds());
            if (tab.getMaxX() > bar.getMinX()) {
                found.add("the auto-refresh bar covers the last view tab");
            }
            return found;
        });
        assertTrue(stage.getMinWidth() >= 1000 && stage.getMinHeight() >= 640,
                "a minimum size that leaves room for the table: " + stage.getMinWidth() + "×" + stage.getMinHeight());
        assertEquals(List.of(), cut, "cut at " + stage.getMinWidth() + "×" + stage.getMinHeight());
    }

    private static Node tabPaneOf(Node node) {
        Node at = node.getParent();
        while (at != null && !(at instanceof TabPane)) {
            at = at.getParent();
        }
        return at;
    }

    @Test
    void theFirstWindowTakesMostOfTheScreen() throws Exception {
        Rectangle2D screen = Fx.call(() -> Screen.getPrimary().getVisualBounds());
        double expectedWidth = Math.min(screen.getWidth(), Math.max(1000, Math.min(1760, Math.floor(screen.getWidth() * 0.92))));
        double expectedHeight = Math.min(screen.getHeight(), Math.max(640, Math.min(1100, Math.floor(screen.getHeight() * 0.9))));
        assertEquals(expectedWidth, Fx.call(stage::getWidth), 1.0, "screen " + screen);
        assertEquals(expectedHeight, Fx.call(stage::getHeight), 1.0, "screen " + screen);
    }

    @Test
    void theWindowOpensAgainWhereItWasLeftOnThisScreen() throws Exception {
        Rectangle2D screen = Fx.call(() -> Screen.getPrimary().getBounds());
        String key = String.format(Locale.ROOT, "window.screen.%d,%d,%dx%d", Math.round(screen.getMinX()),
                Math.round(screen.getMinY()), Math.round(screen.getWidth()), Math.round(screen.getHeight()));
        Fx.run(() -> {
            stage.setX(30);
            stage.setY(20);
            stage.setWidth(1100);
            stage.setHeight(700);
        });
        // Saved once the window has been still a moment (not on every pixel of a drag).
        Fx.waitUntil("the place saved", () -> window.settings().get(key).isPresent());
        assertEquals("30,20,1100,700,false", window.settings().get(key).orElseThrow());
        assertEquals(key, window.settings().get("window.lastScreen").orElseThrow());

        Fx.run(() -> stage.setMaximized(true));
        Fx.waitUntil("maximized saved", () -> window.settings().get(key).orElseThrow().endsWith("true"));
        assertEquals("30,20,1100,700,true", window.settings().get(key).orElseThrow(),
                "the size to go back to when un-maximized, and that it was maximized");

        UiSettings settings = window.settings();
        window.close();
        Stage next = Fx.call(Stage::new);
        window = Fx.call(() -> TestConsoleWindow.show(next, settings));
        Fx.settle();
        assertTrue(Fx.call(next::isMaximized), "opens maximized again");
        Fx.run(() -> next.setMaximized(false));
        Fx.waitUntil("un-maximized", () -> !next.isMaximized());
        assertEquals(List.of(30.0, 20.0, 1100.0, 700.0), Fx.call(() -> List.of(next.getX(), next.getY(),
                next.getWidth(), next.getHeight())), "back to the size and place it had before maximizing");
    }

    @Test
    void aPlaceOffEveryScreenIsNotRestored() throws Exception {
        Rectangle2D screen = Fx.call(() -> Screen.getPrimary().getBounds());
        String key = String.format(Locale.ROOT, "window.screen.%d,%d,%dx%d", Math.round(screen.getMinX()),
                Math.round(screen.getMinY()), Math.round(screen.getWidth()), Math.round(screen.getHeight()));
        UiSettings settings = UiSettings.inMemory();
        settings.put("window.lastScreen", key);
        // Left on a monitor to the right that is no longer attached.
        settings.put(key, Math.round(screen.getMaxX() + 200) + ",40,1100,700,false");
        window.close();
        Stage next = Fx.call(Stage::new);
        window = Fx.call(() -> TestConsoleWindow.show(next, settings));
        Fx.settle();
        Rectangle2D visual = Fx.call(() -> Screen.getPrimary().getVisualBounds());
        assertTrue(Fx.call(() -> visual.contains(next.getX(), next.getY())),
                "opened on the screen: " + Fx.call(next::getX) + "," + Fx.call(next::getY));
    }
}
