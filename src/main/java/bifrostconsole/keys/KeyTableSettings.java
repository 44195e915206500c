package bifrostconsole.keys;

import bifrostconsole.api.SortField;
import bifrostconsole.api.SortOrder;
import bifrostconsole.config.UiSettings;
import bifrostconsole.tables.TableSettings;

import java.util.concurrent.Executor;

/**
 * What the key table remembers between sessions ({@code keys.*}): everything every table remembers, plus the
 * sort, which only the key list has because only there does the server sort.
 */
public final class KeyTableSettings extends TableSettings {

    /** A remembered sort; an unknown one falls back to the server's default order. */
    public record Sort(SortField field, SortOrder order) {
    }

    public KeyTableSettings(UiSettings settings, Executor io) {
        super(settings, io, "keys");
    }

    public Sort sort() {
        String[] sort = get("sort", "created_at:asc").split(":");
        try {
            return new Sort(SortField.fromWireName(sort[0]),
                    sort.length > 1 && sort[1].equals("desc") ? SortOrder.DESC : SortOrder.ASC);
        } catch (IllegalArgumentException unknown) {
            return new Sort(SortField.CREATED_AT, SortOrder.ASC);
        }
    }

    public void saveSort(SortField field, SortOrder order) {
        put("sort", field.wireName() + ":" + order.wireName());
    }
}
