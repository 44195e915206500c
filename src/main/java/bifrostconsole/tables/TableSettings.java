package bifrostconsole.tables;

import bifrostconsole.config.UiSettings;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;

/**
 * What one table remembers between sessions, under its own prefix ({@code keys}, {@code teams},
 * {@code customers}): page size, which columns show and how wide, and where the detail pane's divider sits.
 * Values are read when a table opens; each change is written on {@code io}, because {@link UiSettings} writes
 * its file at once and the UI thread must not wait on the disk.
 */
public class TableSettings {
    public static final List<Integer> PAGE_SIZES = List.of(25, 50, 100);

    private final UiSettings settings;
    private final Executor io;
    private final String prefix;

    public TableSettings(UiSettings settings, Executor io, String prefix) {
        this.settings = settings;
        this.io = io;
        this.prefix = prefix;
    }

    public int pageSize() {
        int remembered = parseInt(get("pageSize", "25"), 25);
        return PAGE_SIZES.contains(remembered) ? remembered : 25;
    }

    public void savePageSize(int size) {
        put("pageSize", Integer.toString(size));
    }

    public boolean columnVisible(TableColumnSpec column) {
        return Boolean.parseBoolean(get("column." + column.id() + ".visible", Boolean.toString(column.visibleByDefault())));
    }

    public void saveColumnVisible(TableColumnSpec column, boolean visible) {
        put("column." + column.id() + ".visible", Boolean.toString(visible));
    }

    /** The remembered width, or the column's default when none is remembered or it is out of 30..2000. */
    public double columnWidth(TableColumnSpec column) {
        try {
            double v = Double.parseDouble(get("column." + column.id() + ".width", ""));
            return v >= 30 && v <= 2000 ? v : column.defaultWidth();
        } catch (NumberFormatException e) {
            return column.defaultWidth();
        }
    }

    public void saveColumnWidth(TableColumnSpec column, double width) {
        put("column." + column.id() + ".width", Long.toString(Math.round(width)));
    }

    /** Where the divider between table and details sits, as a fraction kept within 0.3..0.8. */
    public double detailDivider() {
        double v;
        try {
            v = Double.parseDouble(get("detailDivider", ""));
        } catch (NumberFormatException e) {
            v = 0.54;
        }
        return Math.max(0.3, Math.min(0.8, v));
    }

    public void saveDetailDivider(double position) {
        put("detailDivider", String.format(Locale.ROOT, "%.3f", position));
    }

    /** A remembered value of this table, e.g. {@code get("sort", "created_at:asc")} reads {@code keys.sort}. */
    protected String get(String name, String fallback) {
        return settings.get(prefix + "." + name, fallback);
    }

    protected void put(String name, String value) {
        io.execute(() -> settings.put(prefix + "." + name, value));
    }

    private static int parseInt(String s, int fallback) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
