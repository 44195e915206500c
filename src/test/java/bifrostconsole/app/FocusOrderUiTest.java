package bifrostconsole.app;

import bifrostconsole.testing.Fx;
import bifrostconsole.testing.Screenshots;
import bifrostconsole.testing.TestConsoleWindow;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tab walks the main window in reading order (the top bar left to right, the filter bar, the table, the pager,
 * the details), and a focused control shows a ring that can be seen in the light and the dark theme.
 */
@ExtendWith(ApplicationExtension.class)
class FocusOrderUiTest {
    /** Where a control sits, in the order a reader meets the parts of the window. */
    enum Part { TOP_BAR, FILTER_BAR, TABLE, PAGER, DETAILS }

    private TestConsoleWindow window;
    private ConsoleWindow console;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        window = TestConsoleWindow.show(stage);
        console = window.console();
        stage.setWidth(1280);
        stage.setHeight(800);
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    private void openDemoWithAKeyOpen(FxRobot robot) throws Exception {
        Fx.waitUntil(() -> console.model().screenProperty().get() != MainViewModel.Screen.STARTING);
        Fx.run(() -> console.model().openDemo());
        Fx.waitUntil(() -> console.model().screenProperty().get() == MainViewModel.Screen.WORKSPACE);
        console.firstPageShown().get(30, TimeUnit.SECONDS);
        Fx.waitUntil("focus in the key table", () -> focused() instanceof TableView);
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);
        Fx.waitUntil("the details", () -> robot.lookup("#key-detail").tryQuery().map(Node::isVisible).orElse(false));
        Fx.settle();
    }

    private Node focused() {
        return stage.getScene().getFocusOwner();
    }

    private static Part partOf(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if ("key-detail".equals(n.getId())) {
                return Part.DETAILS;
            }
            if (n.getStyleClass().contains("pager")) {
                return Part.PAGER;
            }
            if ("key-table".equals(n.getId())) {
                return Part.TABLE;
            }
            if (n.getStyleClass().contains("toolbar-area")) {
                return Part.FILTER_BAR;
            }
            if ("key-browser".equals(n.getId())) {
                return Part.TABLE; // the bars between the toolbar and the table (the selection bar)
            }
        }
        return Part.TOP_BAR;
    }

    private static String name(Node n) {
        return (n.getId() != null ? "#" + n.getId() : n.getClass().getSimpleName()) + " (" + partOf(n) + ")";
    }

    @Test
    void tabMovesThroughTheWindowInReadingOrder(FxRobot robot) throws Exception {
        openDemoWithAKeyOpen(robot);
        Node first = Fx.call(() -> robot.lookup("#profile-switcher").query());
        Fx.run(first::requestFocus);
        List<Node> order = new ArrayList<>();
        order.add(first);
        for (int i = 0; i < 150; i++) {
            robot.type(KeyCode.TAB);
            Node now = Fx.call(this::focused);
            if (now == first) {
                break;
            }
            order.add(now);
        }
        List<String> names = order.stream().map(FocusOrderUiTest::name).toList();
        assertEquals(first, Fx.call(this::focused), "Tab comes back round to the start: " + names);
        // Shift+Tab walks the same way back.
        for (int i = order.size() - 1; i >= order.size() - 4 && i > 0; i--) {
            robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
            assertEquals(name(order.get(i)), name(Fx.call(this::focused)), "Shift+Tab from " + name(order.get(
                    (i + 1) % order.size())));
        }

        // The parts in reading order, each once, none skipped: top bar, filter bar, table, pager, details.
        List<Part> parts = new ArrayList<>();
        for (Node n : order) {
            Part p = partOf(n);
            if (parts.isEmpty() || parts.get(parts.size() - 1) != p) {
                parts.add(p);
            }
        }
        assertEquals(List.of(Part.values()), parts, "the parts Tab visits, in order: " + names);

        // Within the bars, left to right and line by line.
        for (int i = 1; i < order.size(); i++) {
            Node a = order.get(i - 1);
            Node b = order.get(i);
            Part part = partOf(a);
            if (part != partOf(b) || part == Part.DETAILS || part == Part.TABLE) {
                continue;
            }
            Bounds ab = Fx.call(() -> a.localToScene(a.getBoundsInLocal()));
            Bounds bb = Fx.call(() -> b.localToScene(b.getBoundsInLocal()));
            boolean nextLine = bb.getMinY() >= ab.getMaxY() - 2;
            boolean rightOf = bb.getMinX() >= ab.getMinX() - 1 && bb.getCenterY() < ab.getMaxY() + 2;
            assertTrue(nextLine || rightOf, name(b) + " comes after " + name(a) + " but is not to its right or below: "
                    + names);
        }
    }

    @Test
    void aFocusedControlShowsAVisibleRingInBothThemes(FxRobot robot) throws Exception {
        openDemoWithAKeyOpen(robot);
        for (ThemeManager.Theme theme : List.of(ThemeManager.Theme.LIGHT, ThemeManager.Theme.DARK)) {
            Fx.run(() -> window.themes().select(theme));
            Fx.settle();
            String suffix = theme == ThemeManager.Theme.DARK ? "dark" : "light";
            ring(robot, robot.lookup("#refresh").queryAs(Button.class), "focus-button-" + suffix);
            ring(robot, robot.lookup("#key-search").queryAs(TextField.class), "focus-text-field-" + suffix);
            ring(robot, robot.lookup("#page-size").queryAs(ComboBox.class), "focus-combo-" + suffix);
            ring(robot, robot.lookup("#key-table").queryAs(TableView.class), "focus-table-" + suffix);
        }
    }

    /**
     * Focuses {@code control} from the keyboard (Shift+Tab away from it, Tab back, so :focus-visible applies, as
     * for a user) and compares its edge with the same edge unfocused: enough pixels of the outline must change
     * clearly, else the ring cannot be seen.
     */
    private void ring(FxRobot robot, Node control, String name) throws Exception {
        Fx.run(() -> robot.lookup("#connection-status").tryQuery().ifPresent(Node::requestFocus));
        Fx.run(() -> stage.getScene().getRoot().requestFocus());
        Fx.settle();
        Fx.painted(stage.getScene());
        WritableImage unfocused = Fx.call(() -> stage.getScene().snapshot(null));
        Fx.run(control::requestFocus);
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        robot.type(KeyCode.TAB);
        Fx.waitUntil(name + " focused", () -> focused() == control || isInside(focused(), control));
        Fx.painted(stage.getScene());
        WritableImage focused = Screenshots.save(stage.getScene(), name);
        Bounds b = Fx.call(() -> control.localToScene(control.getBoundsInLocal()));
        int changed = 0;
        int edge = 0;
        PixelReader u = unfocused.getPixelReader();
        PixelReader f = focused.getPixelReader();
        // the outline band: 3 px either side of the control's edge
        for (int x = (int) b.getMinX() - 3; x <= (int) b.getMaxX() + 3; x++) {
            for (int y = (int) b.getMinY() - 3; y <= (int) b.getMaxY() + 3; y++) {
                boolean inBand = x < b.getMinX() + 3 || x > b.getMaxX() - 3 || y < b.getMinY() + 3
                        || y > b.getMaxY() - 3;
                if (!inBand || x < 0 || y < 0 || x >= focused.getWidth() || y >= focused.getHeight()) {
                    continue;
                }
                edge++;
                if (distance(u.getColor(x, y), f.getColor(x, y)) > 0.25) {
                    changed++;
                }
            }
        }
        double perimeter = 2 * (b.getWidth() + b.getHeight());
        assertTrue(changed > perimeter * 0.6, name + ": only " + changed + " of " + edge
                + " outline pixels change clearly when focused (perimeter " + Math.round(perimeter) + ")");
    }

    private static double distance(Color a, Color b) {
        double dr = a.getRed() - b.getRed();
        double dg = a.getGreen() - b.getGreen();
        double db = a.getBlue() - b.getBlue();
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }
}
