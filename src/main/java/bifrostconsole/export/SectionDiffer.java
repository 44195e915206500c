package bifrostconsole.export;

import bifrostconsole.api.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Diffs one kind of item by id while the new side streams past: the old side is held (by id), each new item
 * is compared as it arrives, and whatever old item was never matched has been removed. Items equal as records
 * are not turned into JSON at all, which keeps a 100,000-key diff quick.
 */
final class SectionDiffer<T> {
    private static final ObjectMapper MAPPER = Json.mapper();
    private static final Comparator<ItemRef> BY_NAME = Comparator
            .comparing((ItemRef r) -> r.name() == null ? "" : r.name(), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(r -> r.id() == null ? "" : r.id());

    private final Function<T, String> id;
    private final Function<T, String> name;
    private final TreeDiffer differ;
    private final BiFunction<T, T, List<FieldChange>> extraChanges;
    private final Map<String, T> unmatchedOld = new HashMap<>();
    private final List<ItemRef> added = new ArrayList<>();
    private final List<ItemChange> changed = new ArrayList<>();
    private long unchanged;

    SectionDiffer(Function<T, String> id, Function<T, String> name, DiffRules rules,
                  BiFunction<T, T, List<FieldChange>> extraChanges) {
        this.id = id;
        this.name = name;
        this.differ = new TreeDiffer(rules);
        this.extraChanges = extraChanges;
    }

    void addOld(T item) {
        unmatchedOld.put(id.apply(item), item);
    }

    void addNew(T item) {
        T old = unmatchedOld.remove(id.apply(item));
        if (old == null) {
            added.add(ref(item));
            return;
        }
        if (old.equals(item)) {
            unchanged++;
            return;
        }
        JsonNode before = tree(old);
        JsonNode after = tree(item);
        List<FieldChange> changes = new ArrayList<>(differ.diff(before, after));
        changes.addAll(extraChanges.apply(old, item));
        if (changes.isEmpty()) {
            unchanged++;
        } else {
            changed.add(new ItemChange(id.apply(item), name.apply(item), changes));
        }
    }

    /** The item as compared: its model with the fields the console does not know; an unreadable key as sent. */
    private static JsonNode tree(Object item) {
        if (item instanceof bifrostconsole.api.VirtualKey key && key.isUnreadable()) {
            return UnreadableKeys.asWritten(key, false);
        }
        return MAPPER.valueToTree(item);
    }

    SectionDiff finish() {
        List<ItemRef> removed = new ArrayList<>(unmatchedOld.values().stream().map(this::ref).toList());
        removed.sort(BY_NAME);
        added.sort(BY_NAME);
        changed.sort(Comparator.comparing(c -> new ItemRef(c.id(), c.name()), BY_NAME));
        return new SectionDiff(added, removed, changed, unchanged);
    }

    private ItemRef ref(T item) {
        return new ItemRef(id.apply(item), Objects.requireNonNullElse(name.apply(item), ""));
    }

    static <T> BiFunction<T, T, List<FieldChange>> noExtras() {
        return (a, b) -> List.of();
    }
}
