package bifrostconsole.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The fields of one object that the console's model does not know, in the order the server sent them, kept so
 * that they are written back unchanged (a snapshot of a newer server loses nothing). Immutable. Its
 * {@code toString} names the fields but never shows their values: a newer server may put a secret in one.
 */
public final class UnknownFields extends AbstractMap<String, JsonNode> {
    private static final UnknownFields NONE = new UnknownFields(Map.of());

    private final Map<String, JsonNode> fields;

    private UnknownFields(Map<String, JsonNode> fields) {
        this.fields = fields;
    }

    /** The given fields (null or empty: none); returned as is when already an UnknownFields. */
    public static UnknownFields of(Map<String, JsonNode> fields) {
        if (fields instanceof UnknownFields known) {
            return known;
        }
        if (fields == null || fields.isEmpty()) {
            return NONE;
        }
        return new UnknownFields(Collections.unmodifiableMap(new LinkedHashMap<>(fields)));
    }

    /**
     * The given fields without {@code left out}: what the console must not keep even as an unknown field (Bifrost
     * preloads a customer's virtual keys, with their plain values, into its answers).
     */
    public static UnknownFields without(Map<String, JsonNode> fields, String leftOut) {
        if (fields == null || !fields.containsKey(leftOut)) {
            return of(fields);
        }
        Map<String, JsonNode> kept = new LinkedHashMap<>(fields);
        kept.remove(leftOut);
        return of(kept);
    }

    @Override
    public Set<Entry<String, JsonNode>> entrySet() {
        return fields.entrySet();
    }

    @Override
    public JsonNode get(Object key) {
        return fields.get(key);
    }

    @Override
    public String toString() {
        return fields.isEmpty() ? "{}" : "{" + String.join(", ", fields.keySet()) + ": not shown}";
    }
}
