package bifrostconsole.keys;

import bifrostconsole.api.SortField;
import bifrostconsole.api.SortOrder;
import bifrostconsole.config.UiSettings;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyTableSettingsTest {
    private final UiSettings store = UiSettings.inMemory();
    private final List<Runnable> io = new ArrayList<>();
    private final KeyTableSettings settings = new KeyTableSettings(store, io::add);

    @Test
    void changesAreWrittenOnTheIoExecutorNotTheCallersThread() {
        settings.saveSort(SortField.NAME, SortOrder.DESC);
        settings.savePageSize(100);
        assertTrue(store.get("keys.sort").isEmpty(), "nothing is written on the calling (UI) thread");
        io.forEach(Runnable::run);
        assertEquals(new KeyTableSettings.Sort(SortField.NAME, SortOrder.DESC), settings.sort());
        assertEquals(100, settings.pageSize());
    }

    @Test
    void unreadableOrOutOfRangeValuesFallBackToDefaults() {
        store.put("keys.sort", "nonsense:desc");
        store.put("keys.pageSize", "37");
        store.put("keys.column.name.width", "5");
        store.put("keys.detailDivider", "2.5");
        assertEquals(new KeyTableSettings.Sort(SortField.CREATED_AT, SortOrder.ASC), settings.sort());
        assertEquals(25, settings.pageSize());
        assertEquals(KeyColumn.NAME.defaultWidth(), settings.columnWidth(KeyColumn.NAME));
        assertEquals(0.8, settings.detailDivider());
    }
}
