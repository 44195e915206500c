package bifrostconsole.keys;

import bifrostconsole.testing.Fx;
import bifrostconsole.testing.Screenshots;
import bifrostconsole.testing.TestConsoleWindow;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;


import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The key browser at the window's minimum size over the demo workspace (issue 15 items 5 and 6): the filter bar
 * must not wrap into a tall block: before the search and actions got their own row above the filters, the filters
 * had what the actions left, one per line (224 px, six lines of 34 px), and the table showed 2 whole rows.
 */
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

    private static double height(Node n) throws Exception {
        return Fx.call(() -> n.getLayoutBounds().getHeight());
    }

    /** The search and actions' row and the filters below it, from the top of the one to the bottom of the other. */
    private static double controlsHeight(FxRobot robot) throws Exception {
        Node row = robot.lookup(".key-browser .filter-row").query();
        Node filters = robot.lookup("#key-filters").query();
        return Fx.call(() -> filters.localToScene(filters.getLayoutBounds()).getMaxY()
                - row.localToScene(row.getLayoutBounds()).getMinY());
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
        TableView<?> table = window.openDemoAt(robot, width, height);
        Screenshots.save(stage.getScene(), shot);
        double rowHeight = controlsHeight(robot);
        double lineHeight = height(robot.lookup(".key-browser .search-field").query());
        int rows = wholeRowsShown(table);
        System.out.printf("narrow %sx%s: controls %.0f px (a line %.0f px), table shows %d whole rows%n",
                width, height, rowHeight, lineHeight, rows);
        // The search and actions, then the filters on at most two lines, with the gaps between them and a little
        // slack for borders.
        assertTrue(rowHeight <= 3 * lineHeight + 3 * 8 + 8, "the controls take at most three lines, were "
                + rowHeight + " px with a line of " + lineHeight + " px");
        assertTrue(rows >= 5, "the table shows at least 5 whole rows, showed " + rows);
        assertFalse(robot.lookup("#search-hint").query().isManaged(),
                "in a short window the search hint gives its lines to the table");
    }

    @Test
    void atTheMinimumSizeTheFiltersTakeTwoLinesAndTheTableShowsItsRows(FxRobot robot) throws Exception {
        assertCompact(robot, 1000, 640, "key-browser-1000x640");
    }

    @Test
    void onA1024By700ScreenTheOpeningWindowShowsTheTable(FxRobot robot) throws Exception {
        // 998x615 is below the window's minimum: on a 1024x700 screen the window manager fits the window to the
        // screen's work area anyway. Without a window manager the stage would keep to its minimum, sometimes.
        Fx.run(() -> {
            stage.setMinWidth(998);
            stage.setMinHeight(615);
        });
        assertCompact(robot, 998, 615, "key-browser-998x615");
    }

    @Test
    void at1440PxTheFiltersStayOnOneLine(FxRobot robot) throws Exception {
        window.openDemoAt(robot, 1440, 900);
        Screenshots.save(stage.getScene(), "key-browser-1440x900");
        double controls = controlsHeight(robot);
        double line = height(robot.lookup(".key-browser .search-field").query());
        System.out.printf("wide 1440x900: controls %.0f px (a line %.0f px)%n", controls, line);
        assertTrue(controls <= 2 * line + 2 * 8 + 8, "at 1440 px the controls take two lines, were " + controls);
        assertTrue(robot.lookup("#search-hint").query().isVisible(), "a tall window has room for the search hint");
    }
}
