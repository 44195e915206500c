package bifrostconsole.export;

import java.util.List;

/** One line of the diff view: an item added, removed or changed, with its changed fields ready to show. */
public record DiffRow(String section, Kind kind, String id, String name, List<ChangeLine> changes) {
    public enum Kind { ADDED, REMOVED, CHANGED }

    /** A changed field as shown: {@code budgets[1M].max_limit}, {@code 100.00}, {@code 150.00}. */
    public record ChangeLine(String path, String oldText, String newText) {
        public static ChangeLine of(FieldChange f) {
            return new ChangeLine(f.path(), DiffText.value(f.oldValue()), DiffText.value(f.newValue()));
        }
    }

    public DiffRow {
        changes = List.copyOf(changes);
    }
}
