package bifrostconsole.keys;

import bifrostconsole.api.SortField;
import bifrostconsole.api.SortOrder;
import bifrostconsole.config.UiSettings;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;

/**
 * What the key table remembers between sessions: page size, sort, which columns show and how wide, and where
 * the detail pane's divider sits. Values are read when a table opens; each change is written on {@code io},
 * because {@link UiSettings} writes its file at once and the UI thread must not wait on the disk.
 */
public final class KeyTableSettings {
    public static final List<Integer> PAGE_SIZES = List.of(25, 50, 100);

    /** A remembered sort; an unknown one falls back to the server's default order. */
    public record Sort(SortField field, SortOrder order) {
    }

    private final UiSettings settings;
    private final Executor io;

    public KeyTableSettings(UiSettings settings, Executor io) {
        this.settings = settings;
        this.io = io;
    }

    public int pageSize() {
        int remembered = parseInt(settings.get("keys.pageSize", "25"), 25);
        return PAGE_SIZES.contains(remembered) ? remembered : 25;
    }

    public void savePageSize(int size) {
        put("keys.pageSize", Integer.toString(size));
    }

    public Sort sort() {
        String[] sort = settings.get("keys.sort", "created_at:asc").split(":");
        try {
            return new Sort(SortField.fromWireName(sort[0]),
                    sort.length > 1 && sort[1].equals("desc") ? SortOrder.DESC : SortOrder.ASC);
        } catch (IllegalArgumentException unknown) {
            return new Sort(SortField.CREATED_AT, SortOrder.ASC);
        }
    }

    public void saveSort(SortField field, SortOrder order) {
        put("keys.sort", field.wireName() + ":" + order.wireName());
    }

    public boolean columnVisible(KeyColumn column) {
        return Boolean.parseBoolean(settings.get("keys.column." + column.id() + ".visible", "true"));
    }

    public void saveColumnVisible(KeyColumn column, boolean visible) {
        put("keys.column." + column.id() + ".visible", Boolean.toString(visible));
    }

    /** The remembered width, or the column's default when none is remembered or it is out of 30..2000. */
    public double columnWidth(KeyColumn column) {
        try {
            double v = Double.parseDouble(settings.get("keys.column." + column.id() + ".width", ""));
            return v >= 30 && v <= 2000 ? v : column.defaultWidth();
        } catch (NumberFormatException e) {
            return column.defaultWidth();
        }
    }

    public void saveColumnWidth(KeyColumn column, double width) {
        put("keys.column." + column.id() + ".width", Long.toString(Math.round(width)));
    }

    /** Where the divider between table and details sits, as a fraction kept within 0.3..0.8. */
    public double detailDivider() {
        double v;
        try {
            v = Double.parseDouble(settings.get("keys.detailDivider", ""));
        } catch (NumberFormatException e) {
            v = 0.54;
        }
        return Math.max(0.3, Math.min(0.8, v));
    }

    public void saveDetailDivider(double position) {
        put("keys.detailDivider", String.format(Locale.ROOT, "%.3f", position));
    }

    private void put(String key, String value) {
        io.execute(() -> settings.put(key, value));
    }

    private static int parseInt(String s, int fallback) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
