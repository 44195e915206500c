package bifrostconsole.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Null-tolerant helpers for the model: Bifrost omits empty arrays and sends null where we want empty. */
final class Lists {
    private Lists() {
    }

    /**
     * An immutable copy without null elements. Lists that are already immutable and null-free are returned as
     * they are ({@link List#copyOf} does not copy them), so shared lists stay shared and parsing copies once.
     */
    static <T> List<T> orEmpty(List<T> list) {
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        for (T item : list) {
            if (item == null) {
                List<T> present = new ArrayList<>(list.size());
                for (T each : list) {
                    if (each != null) {
                        present.add(each);
                    }
                }
                return List.copyOf(present);
            }
        }
        return List.copyOf(list);
    }

    static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }

    /** "" and null mean the same on Bifrost's wire (Go's empty string): the model holds null. */
    static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
