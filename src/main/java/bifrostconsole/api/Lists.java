package bifrostconsole.api;

import java.util.List;
import java.util.Map;

/** Null-tolerant helpers for the model: Bifrost omits empty arrays and sends null where we want empty. */
final class Lists {
    private Lists() {
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list.stream().filter(java.util.Objects::nonNull).toList());
    }

    static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }
}
