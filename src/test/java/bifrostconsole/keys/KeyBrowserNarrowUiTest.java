package bifrostconsole.keys;

import bifrostconsole.app.MainViewModel;
import bifrostconsole.testing.Fx;
import bifrostconsole.testing.Screenshots;
import bifrostconsole.testing.TestConsoleWindow;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The key browser at the window's minimum size over the demo workspace (issue 15 items 5 and 6): the filter bar
 * must not wrap into a tall block that leaves the table two rows.
 */
@Disabled("Fails on main until issue 15 items 5/6 are fixed: at 1000x640 the filter row is 224 px (six lines of 34 px)"
        + " and the table shows 2 whole rows. Remove this line with the fix.")
@ExtendWith(ApplicationExtension.class)
class KeyBrowserNarrowUiTest {
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

    private TableView<?> openDemoAt(FxRobot robot, double width, double height) throws Exception {
        Fx.waitUntil(() -> window.console().model().screenProperty().get() == MainViewModel.Screen.WELCOME);
        robot.clickOn("#open-demo");
        window.console().firstPageShown().get(30, TimeUnit.SECONDS);
        Fx.run(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        Fx.waitUntil("the window at " + width + "x" + height,
                () -> stage.getWidth() == width && stage.getHeight() == height);
        Fx.settle();
        return robot.lookup("#key-table").queryAs(TableView.class);
    }

    private static double height(Node n) throws Exception {
        return Fx.call(() -> n.getLayoutBounds().getHeight());
    }

    /** Rows the table shows whole: the height under the header divided by the fixed row height. */
    private static int wholeRowsShown(TableView<?> table) throws Exception {
        return Fx.call(() -> {
            Node header = table.lookup(".column-header-background");
            Bounds t = table.localToScene(table.getLayoutBounds());
            Bounds h = header.localToScene(header.getLayoutBounds());
            return (int) Math.floor((t.getMaxY() - h.getMaxY()) / table.getFixedCellSize());
        });
    }

    private void assertCompact(FxRobot robot, double width, double height, String shot) throws Exception {
        TableView<?> table = openDemoAt(robot, width, height);
        Screenshots.save(stage.getScene(), shot);
        Node row = robot.lookup(".key-browser .filter-row").query();
        Node search = robot.lookup(".key-browser .search-field").query();
        double rowHeight = height(row);
        double lineHeight = height(search);
        int rows = wholeRowsShown(table);
        System.out.printf("narrow %sx%s: filter row %.0f px (a line %.0f px), table shows %d whole rows%n",
                width, height, rowHeight, lineHeight, rows);
        // Two lines of controls and the gap between them, with a little slack for borders.
        assertTrue(rowHeight <= 2 * lineHeight + 8 + 8, "the filter bar takes at most two lines, was " + rowHeight
                + " px with a line of " + lineHeight + " px");
        assertTrue(rows >= 7, "the table shows at least 7 whole rows, showed " + rows);
    }

    @Test
    void atTheMinimumSizeTheFiltersTakeTwoLinesAndTheTableShowsItsRows(FxRobot robot) throws Exception {
        assertCompact(robot, 1000, 640, "key-browser-1000x640");
    }

    @Test
    void onA1024By700ScreenTheOpeningWindowShowsTheTable(FxRobot robot) throws Exception {
        assertCompact(robot, 998, 615, "key-browser-998x615");
    }

    @Test
    void at1440PxTheFiltersStayOnOneLine(FxRobot robot) throws Exception {
        openDemoAt(robot, 1440, 900);
        Screenshots.save(stage.getScene(), "key-browser-1440x900");
        Node row = robot.lookup(".key-browser .filter-row").query();
        Node search = robot.lookup(".key-browser .search-field").query();
        System.out.printf("wide 1440x900: filter row %.0f px (a line %.0f px)%n", height(row), height(search));
        assertTrue(height(row) <= 2 * height(search) + 16, "at 1440 px the bar is no taller than two lines");
    }
}
