package bifrostconsole.export;

import java.util.List;

/** An item present on both sides whose compared fields differ. */
public record ItemChange(String id, String name, List<FieldChange> changes) {
    public ItemChange {
        changes = List.copyOf(changes);
    }
}
