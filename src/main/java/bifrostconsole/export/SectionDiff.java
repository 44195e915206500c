package bifrostconsole.export;

import java.util.List;

/** The differences in one kind of item (virtual keys, teams or customers), each list sorted by name then id. */
public record SectionDiff(List<ItemRef> added, List<ItemRef> removed, List<ItemChange> changed, long unchanged) {
    public SectionDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }
}
