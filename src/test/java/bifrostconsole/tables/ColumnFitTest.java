package bifrostconsole.tables;

import bifrostconsole.keys.KeyColumn;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How columns share a table's width (issue 15 item 6). */
class ColumnFitTest {
    private static final ColumnFit.Need NAME = new ColumnFit.Need(160, 250, 2);
    private static final ColumnFit.Need BUDGET = new ColumnFit.Need(130, 210, 1);
    private static final ColumnFit.Need STATUS = new ColumnFit.Need(96, 100, 0);

    private static double sum(List<Double> widths) {
        return widths.stream().mapToDouble(Double::doubleValue).sum();
    }

    @Test
    void withRoomEveryColumnGetsItsPreferredWidthAndTheGrowingOnesShareTheRest() {
        assertEquals(List.of(250.0, 210.0, 100.0), ColumnFit.fit(560, List.of(NAME, BUDGET, STATUS)));
        // 90 px spare: Name takes two shares, Budget one, Status none.
        assertEquals(List.of(310.0, 240.0, 100.0), ColumnFit.fit(650, List.of(NAME, BUDGET, STATUS)));
    }

    @Test
    void whenTooNarrowEachGivesUpPartOfItsSlackAboveTheMinimum() {
        // 60 px short; slack 90 + 80 + 4 = 174: each gives up 60/174 of its slack.
        List<Double> widths = ColumnFit.fit(500, List.of(NAME, BUDGET, STATUS));
        assertEquals(List.of(218.0, 182.0, 98.0), widths);
        assertTrue(sum(widths) <= 500, "never wider than the room: " + widths);
    }

    @Test
    void belowTheMinimumsEveryColumnKeepsItsMinimumAndTheTableScrolls() {
        assertEquals(List.of(160.0, 130.0, 96.0), ColumnFit.fit(300, List.of(NAME, BUDGET, STATUS)));
    }

    @Test
    void aDraggedWidthBelowTheMinimumCountsAsTheMinimum() {
        assertEquals(List.of(160.0), ColumnFit.fit(160, List.of(new ColumnFit.Need(160, 40, 0))));
        assertThrows(IllegalArgumentException.class, () -> new ColumnFit.Need(-1, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> new ColumnFit.Need(10, Double.NaN, 0));
    }

    @Test
    void theKeyTablesDefaultColumnsFit1280PxAndKeepTheirDefaultsAtAWide1920() {
        List<ColumnFit.Need> shown = Arrays.stream(KeyColumn.values()).filter(KeyColumn::visibleByDefault)
                .map(c -> new ColumnFit.Need(c.minWidth(), c.defaultWidth(), c.grow())).toList();
        // 1280 px window: the table's border, its vertical scroll bar and the row's ⋯ column leave about 1,220.
        List<Double> at1280 = ColumnFit.fit(1220, shown);
        for (int i = 0; i < shown.size(); i++) {
            assertTrue(at1280.get(i) >= shown.get(i).min(), "at its minimum or wider: " + at1280);
        }
        assertTrue(sum(at1280) <= 1220, "in sight without scrolling sideways: " + sum(at1280));
        List<Double> at1920 = ColumnFit.fit(1860, shown);
        for (int i = 0; i < shown.size(); i++) {
            assertTrue(at1920.get(i) >= shown.get(i).preferred(), "the default or more at 1920: " + at1920);
        }
    }
}
