package bifrostconsole.tables;

import java.util.ArrayList;
import java.util.List;

/**
 * How a table's columns share its width, without JavaFX: each column wants its preferred width (the default, or what
 * the user dragged it to); when they do not all fit, every column gives up part of what it has above its minimum, in
 * proportion to that slack, so the last columns (Status, Created) stay in sight instead of being pushed past the
 * right edge; when there is room to spare, the columns that can use it (names, usage texts) share it by weight. Only
 * when even the minimums do not fit does the table scroll sideways. Widths are whole pixels and never add up to more
 * than the room given.
 */
public final class ColumnFit {
    private ColumnFit() {
    }

    /**
     * One column's wishes.
     *
     * @param min       the narrowest it is still readable at (its texts then take their short forms)
     * @param preferred what it gets when there is room
     * @param grow      its share of spare room (0: it keeps its preferred width)
     */
    public record Need(double min, double preferred, double grow) {
        public Need {
            if (!(min >= 0) || !(preferred >= 0) || !(grow >= 0)) {
                throw new IllegalArgumentException("widths and weights must be 0 or more: " + min + ", " + preferred
                        + ", " + grow);
            }
            preferred = Math.max(min, preferred);
        }
    }

    /** The width of each column, in the order given, sharing {@code room} pixels. */
    public static List<Double> fit(double room, List<Need> columns) {
        double preferred = 0;
        double min = 0;
        double slack = 0;
        double grow = 0;
        for (Need n : columns) {
            preferred += n.preferred();
            min += n.min();
            slack += n.preferred() - n.min();
            grow += n.grow();
        }
        List<Double> widths = new ArrayList<>(columns.size());
        for (Need n : columns) {
            double w;
            if (room >= preferred) {
                w = n.preferred() + (grow > 0 ? (room - preferred) * n.grow() / grow : 0);
            } else if (room > min && slack > 0) {
                w = n.preferred() - (preferred - room) * (n.preferred() - n.min()) / slack;
            } else {
                w = n.min();
            }
            widths.add(Math.floor(w));
        }
        return widths;
    }
}
