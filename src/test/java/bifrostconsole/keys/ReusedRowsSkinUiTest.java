package bifrostconsole.keys;

import bifrostconsole.api.KeyStatus;
import bifrostconsole.tables.ReusedRowsSkin;
import bifrostconsole.testing.Fx;
import bifrostconsole.testing.TestConsoleWindow;
import bifrostconsole.ui.UsageBar;
import bifrostconsole.ui.UsageLine;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableViewSkin;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.shape.Shape;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * tables/ReusedRowsSkin skips JavaFX's restyling of reused rows; what a row shows must still be the look of the
 * item and state it now has, in the very frame it is painted (its cells change their badges' and bars' states
 * inside the layout pass, after that pulse's CSS pass). Paging and scrolling the demo's key table, each pulse's
 * rows are read right after the layout (what is painted next): every row's odd/even and selected state, its status
 * badge's and usage bars' pseudo-classes match its item, and every node's computed look (background fills, text
 * fill, font, opacity) is the look a settled table gives to the same style classes and states. At the end the same
 * table takes JavaFX's own skin over the same items, and each row reads as the reused skin's row did.
 */
@ExtendWith(ApplicationExtension.class)
class ReusedRowsSkinUiTest {
    private static final PseudoClass ODD = PseudoClass.getPseudoClass("odd");
    private static final PseudoClass EVEN = PseudoClass.getPseudoClass("even");
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private TestConsoleWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = TestConsoleWindow.show(stage);
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    /** What one pulse painted: per node (named by its own and its ancestors' classes and states), its look. */
    private final List<Map<String, String>> painted = new ArrayList<>();
    private final List<String> mismatches = new ArrayList<>();
    private final Set<KeyStatus> statusesSeen = EnumSet.noneOf(KeyStatus.class);
    private final Set<UsageLine.Level> levelsSeen = EnumSet.noneOf(UsageLine.Level.class);
    private int rowsChecked;

    @Test
    @SuppressWarnings("unchecked")
    void rowsShowTheirItemsLookInTheFrameTheyArePaintedAndAsTheStockSkinDoes(FxRobot robot) throws Exception {
        TableView<KeyRow> table = (TableView<KeyRow>) window.openDemoAt(robot, 1440, 900);
        assertInstanceOf(ReusedRowsSkin.class, Fx.call(table::getSkin));
        Scene scene = Fx.call(table::getScene);
        Runnable afterLayout = () -> painted.add(check(table));
        Fx.run(() -> scene.addPostLayoutPulseListener(afterLayout));

        robot.clickOn(Fx.call(() -> row(table, 2))); // a selected row, and the table has the focus
        for (int page = 0; page < 4; page++) {
            KeyRow first = Fx.call(() -> table.getItems().get(0));
            robot.type(KeyCode.PAGE_DOWN);
            Fx.waitUntil("page " + (page + 2), () -> !table.getItems().isEmpty() && table.getItems().get(0) != first);
            Fx.painted(scene);
            if (page == 1) {
                Fx.run(() -> table.getSelectionModel().clearAndSelect(5));
                Fx.painted(scene);
            }
        }
        for (int at : new int[]{7, 33, 1, 60}) { // reused rows change index: odd and even swap
            Fx.run(() -> table.scrollTo(at));
            Fx.painted(scene);
        }
        robot.type(KeyCode.PAGE_UP);
        Fx.settle();
        Fx.painted(scene);
        Fx.run(() -> table.scrollTo(0)); // where the stock skin starts
        Fx.painted(scene);
        Fx.run(() -> scene.removePostLayoutPulseListener(afterLayout));

        Map<Integer, Map<String, String>> reused = Fx.call(() -> byRow(table));
        Map<String, String> settled = Fx.call(() -> looks(table));
        Fx.run(() -> table.setSkin(new TableViewSkin<>(table)));
        Fx.settle();
        Fx.painted(scene);
        Map<Integer, Map<String, String>> stock = Fx.call(() -> byRow(table));
        Map<String, String> reference = Fx.call(() -> looks(table));

        assertTrue(mismatches.isEmpty(), String.join("\n", mismatches.subList(0, Math.min(20, mismatches.size()))));
        assertTrue(rowsChecked > 100, "rows checked: " + rowsChecked);
        assertTrue(statusesSeen.containsAll(EnumSet.of(KeyStatus.ACTIVE, KeyStatus.INACTIVE, KeyStatus.EXPIRED)),
                "statuses painted: " + statusesSeen);
        assertTrue(levelsSeen.size() >= 2, "bar levels painted: " + levelsSeen);
        assertFalse(stock.isEmpty());
        assertEquals(stock.keySet(), reused.keySet(), "rows in sight");
        List<String> differ = new ArrayList<>();
        for (Integer index : stock.keySet()) {
            Map<String, String> want = stock.get(index);
            Map<String, String> got = reused.get(index);
            Set<String> names = new TreeSet<>(want.keySet());
            names.addAll(got.keySet());
            for (String name : names) {
                if (!java.util.Objects.equals(want.get(name), got.get(name))) {
                    differ.add("row " + index + " " + name + "\n   stock  " + want.get(name) + "\n   reused "
                            + got.get(name));
                }
            }
        }
        assertTrue(differ.isEmpty(), differ.size() + " nodes differ from the stock skin's, e.g.\n"
                + String.join("\n", differ.subList(0, Math.min(5, differ.size()))));
        reference.putAll(settled);
        List<String> stale = new ArrayList<>();
        for (Map<String, String> pulse : painted) {
            pulse.forEach((node, look) -> {
                String want = reference.get(node);
                if (want != null && !want.equals(look)) {
                    stale.add(node + "\n   painted " + look + "\n   settled " + want);
                }
            });
        }
        assertTrue(stale.isEmpty(), stale.size() + " stale looks painted, e.g.\n"
                + String.join("\n", stale.subList(0, Math.min(5, stale.size()))));
    }

    private static TableRow<?> row(TableView<?> table, int index) {
        for (Node n : table.lookupAll(".table-row-cell")) {
            if (n instanceof TableRow<?> r && r.getIndex() == index && r.isVisible()) {
                return r;
            }
        }
        throw new AssertionError("no row " + index);
    }

    @SuppressWarnings("unchecked")
    private static List<TableRow<KeyRow>> rows(TableView<KeyRow> table) {
        List<TableRow<KeyRow>> rows = new ArrayList<>();
        for (Node n : table.lookupAll(".table-row-cell")) {
            if (n instanceof TableRow<?> r && r.isVisible() && r.getItem() != null) {
                rows.add((TableRow<KeyRow>) r);
            }
        }
        return rows;
    }

    /** Checks the rows against their items and returns their looks, right after a layout pass. */
    private Map<String, String> check(TableView<KeyRow> table) {
        for (TableRow<KeyRow> r : rows(table)) {
            rowsChecked++;
            int i = r.getIndex();
            KeyRow item = r.getItem();
            Set<PseudoClass> states = r.getPseudoClassStates();
            String at = "row " + i + " (" + item.name() + ")";
            expect(at + " odd", i % 2 == 1, states.contains(ODD));
            expect(at + " even", i % 2 == 0, states.contains(EVEN));
            expect(at + " selected", table.getSelectionModel().isSelected(i), states.contains(SELECTED));
            expect(at + " item", table.getItems().get(i) == item, true);
            for (TableCell<?, ?> cell : cells(r)) {
                if (!(cell.getTableColumn().getUserData() instanceof KeyColumn column)) {
                    continue;
                }
                if (column == KeyColumn.STATUS) {
                    Node badge = cell.lookup(".status-badge");
                    statusesSeen.add(item.status());
                    for (KeyStatus s : KeyStatus.values()) {
                        expect(at + " badge :" + s.name().toLowerCase(), s == item.status(),
                                badge.getPseudoClassStates().contains(
                                        PseudoClass.getPseudoClass(s.name().toLowerCase())));
                    }
                } else if (column == KeyColumn.BUDGET || column == KeyColumn.RATE_LIMITS) {
                    List<UsageLine> lines = column == KeyColumn.BUDGET ? item.budgets() : item.rateLimits();
                    List<UsageBar> bars = cell.lookupAll(".usage-bar").stream()
                            .filter(b -> b instanceof UsageBar && visible(b, cell)).map(b -> (UsageBar) b).toList();
                    int shown = lines.size() <= 2 ? lines.size() : 1;
                    expect(at + " " + column + " bars", shown, bars.size());
                    for (int b = 0; b < Math.min(shown, bars.size()); b++) {
                        UsageLine.Level level = lines.get(b).level();
                        levelsSeen.add(level);
                        Set<PseudoClass> bar = bars.get(b).getPseudoClassStates();
                        expect(at + " " + column + " bar " + b + " :warning", level == UsageLine.Level.WARNING,
                                bar.contains(PseudoClass.getPseudoClass("warning")));
                        expect(at + " " + column + " bar " + b + " :exhausted", level == UsageLine.Level.EXHAUSTED,
                                bar.contains(PseudoClass.getPseudoClass("exhausted")));
                    }
                }
            }
        }
        return looks(table);
    }

    private void expect(String what, Object want, Object got) {
        if (!want.equals(got)) {
            mismatches.add(what + ": want " + want + ", painted " + got);
        }
    }

    private static boolean visible(Node node, Node upTo) {
        for (Node n = node; n != null && n != upTo.getParent(); n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static List<TableCell<?, ?>> cells(TableRow<?> row) {
        List<TableCell<?, ?>> cells = new ArrayList<>();
        for (Node n : row.getChildrenUnmodifiable()) {
            if (n instanceof TableCell<?, ?> c) {
                cells.add(c);
            }
        }
        return cells;
    }

    /** Every node of every row in sight: its name (classes and states down from the row) and its look. */
    private static Map<String, String> looks(TableView<KeyRow> table) {
        Map<String, String> looks = new HashMap<>();
        for (TableRow<KeyRow> r : rows(table)) {
            walk(r, "", looks);
        }
        return looks;
    }

    /** Per row index, its nodes' names and looks. */
    private static Map<Integer, Map<String, String>> byRow(TableView<KeyRow> table) {
        Map<Integer, Map<String, String>> rows = new TreeMap<>();
        for (TableRow<KeyRow> r : rows(table)) {
            Map<String, String> looks = new TreeMap<>();
            walk(r, "", looks);
            rows.put(r.getIndex(), looks);
        }
        return rows;
    }

    private static void walk(Node node, String above, Map<String, String> looks) {
        if (!node.isVisible()) {
            return; // not painted; a hidden node keeps whatever state it last had
        }
        String name = above + "/" + node.getClass().getSimpleName() + node.getStyleClass()
                + new TreeSet<>(node.getPseudoClassStates().stream().map(PseudoClass::getPseudoClassName)
                .collect(Collectors.toSet()))
                + (node instanceof TableCell<?, ?> c && c.getTableColumn() != null ? c.getTableColumn().getId() : "");
        StringBuilder look = new StringBuilder("opacity=").append(node.getOpacity());
        if (node instanceof Region region) {
            look.append(" bg=").append(fills(region.getBackground()));
        }
        if (node instanceof Labeled labeled) {
            look.append(" text=").append(labeled.getTextFill()).append(" font=").append(labeled.getFont());
        }
        if (node instanceof Shape shape) {
            look.append(" fill=").append(shape.getFill());
        }
        String was = looks.putIfAbsent(name, look.toString());
        if (was != null && !was.equals(look.toString())) {
            looks.put(name, was + " | " + look); // two looks for one name: never equal to a settled one
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, name, looks);
            }
        }
    }

    private static String fills(Background background) {
        if (background == null) {
            return "none";
        }
        return background.getFills().stream().map(BackgroundFill::getFill).map(Object::toString)
                .collect(Collectors.joining(","));
    }
}
