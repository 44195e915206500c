package bifrostconsole.keys;

import bifrostconsole.testing.CutTexts;
import bifrostconsole.testing.Fx;
import bifrostconsole.testing.Screenshots;
import bifrostconsole.testing.TestConsoleWindow;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The key table in the whole window over the demo workspace (issue 15 item 6): with the details closed its columns
 * fit 1440 and 1280 px, the budget and rate-limit windows are never cut, and a new result starts at the Name column.
 */
@ExtendWith(ApplicationExtension.class)
class KeyTableFitUiTest {
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

    private static ScrollBar bar(TableView<?> table, Orientation orientation) {
        for (Node n : table.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar b && b.getOrientation() == orientation) {
                return b;
            }
        }
        throw new AssertionError("no " + orientation + " scroll bar");
    }

    /** The titles of the columns whose right edge lies past what the table shows without scrolling sideways. */
    private static List<String> columnsOutOfSight(TableView<?> table) throws Exception {
        return Fx.call(() -> {
            ScrollBar vertical = bar(table, Orientation.VERTICAL);
            Bounds shown = table.localToScene(table.getLayoutBounds());
            double right = shown.getMaxX() - table.snappedRightInset() - (vertical.isVisible() ? vertical.getWidth() : 0);
            List<String> out = new ArrayList<>();
            for (TableColumn<?, ?> col : table.getVisibleLeafColumns()) {
                Node header = table.lookup("#" + col.getId());
                if (header == null) {
                    continue;
                }
                Bounds b = header.localToScene(header.getLayoutBounds());
                if (b.getMaxX() > right + 0.5 && col.getUserData() instanceof KeyColumn c) {
                    out.add(c.title());
                }
            }
            return out;
        });
    }

    @Test
    void at1440PxStatusProvidersAndCreatedAreInSightWithoutScrollingSideways(FxRobot robot) throws Exception {
        TableView<?> table = window.openDemoAt(robot, 1440, 900);
        Screenshots.save(stage.getScene(), "key-table-1440-light");
        assertEquals(List.of(), columnsOutOfSight(table));
        assertFalse(Fx.call(() -> bar(table, Orientation.HORIZONTAL).isVisible()), "no sideways scrolling");
    }

    @Test
    void at1280PxNothingNeedsSidewaysScrolling(FxRobot robot) throws Exception {
        TableView<?> table = window.openDemoAt(robot, 1280, 800);
        Screenshots.save(stage.getScene(), "key-table-1280-light");
        assertEquals(List.of(), columnsOutOfSight(table));
        assertFalse(Fx.call(() -> bar(table, Orientation.HORIZONTAL).isVisible()), "no sideways scrolling");
    }

    @Test
    void budgetRateLimitKeyAndCreatedTextsAreWholeAt1280Px(FxRobot robot) throws Exception {
        TableView<?> table = window.openDemoAt(robot, 1280, 800);
        java.util.concurrent.Callable<List<String>> cutTexts = () -> {
            List<String> found = new ArrayList<>();
            for (Node cell : table.lookupAll(".table-cell")) {
                if (cell instanceof javafx.scene.control.TableCell<?, ?> c && c.getTableColumn() != null
                        && java.util.Set.of(KeyColumn.BUDGET, KeyColumn.RATE_LIMITS, KeyColumn.KEY, KeyColumn.CREATED)
                        .contains(java.util.Objects.requireNonNullElse(c.getTableColumn().getUserData(), ""))) {
                    found.addAll(CutTexts.under(c));
                }
            }
            return found;
        };
        try {
            Fx.waitUntil("no cut text", () -> cutTexts.call().isEmpty());
        } catch (Exception | AssertionError timedOut) {
            // The assertion below names what is still cut.
        }
        assertEquals(List.of(), Fx.call(cutTexts));
        // The narrow forms are in use: the window words are abbreviated, not cut.
        assertTrue(Fx.call(() -> table.lookupAll(".usage-text").stream()
                .anyMatch(n -> ((javafx.scene.control.Label) n).getText().matches(".* /(h|day|wk|mo|min|\\d.*)"))));
    }

    @Test
    void aNewResultStartsAtTheNameColumn(FxRobot robot) throws Exception {
        TableView<?> table = window.openDemoAt(robot, 1000, 700); // narrower than the columns' minimums: it scrolls
        ScrollBar sideways = bar(table, Orientation.HORIZONTAL);
        assertTrue(Fx.call(sideways::isVisible), "at 1000 px the table scrolls sideways");
        Fx.run(() -> sideways.setValue(sideways.getMax()));
        Fx.waitUntil("Name scrolled out of sight", () -> columnsOutOfSight(table).isEmpty()
                && nameOutOfSight(table));
        KeyBrowserViewModel vm = ((KeyBrowserView) robot.lookup("#key-browser").query()).viewModel();
        Object before = Fx.call(() -> vm.shownQueryProperty().get());
        robot.clickOn("#key-search").write("prod");
        Fx.waitUntil("the search's result", () -> vm.shownQueryProperty().get() != before
                && "prod".equals(vm.shownQueryProperty().get().search()));
        Fx.waitUntil("back at the Name column", () -> !nameOutOfSight(table));
        assertEquals(0.0, Fx.call(sideways::getValue), 0.5);
    }

    private static boolean nameOutOfSight(TableView<?> table) {
        Node header = table.lookup("#col-name");
        Bounds b = header.localToScene(header.getLayoutBounds());
        Bounds shown = table.localToScene(table.getLayoutBounds());
        return b.getMinX() < shown.getMinX() - 0.5;
    }
}
