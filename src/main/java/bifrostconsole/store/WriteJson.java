package bifrostconsole.store;

import bifrostconsole.api.Json;
import bifrostconsole.store.GovernanceStore.QueryException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reading request bodies the way Bifrost's Go structs do (a field of the wrong type is "Invalid JSON", 400), and
 * editing records as JSON trees of their wire form, for {@link GovernanceWrites} and {@link LimitWrites}.
 */
final class WriteJson {
    static final String INVALID_JSON = "Invalid JSON";

    private WriteJson() {
    }

    static ObjectNode object(JsonNode body) {
        if (body instanceof ObjectNode o) {
            return o;
        }
        throw new QueryException(400, INVALID_JSON);
    }

    static boolean present(ObjectNode node, String field) {
        return node.has(field);
    }

    /** A string field: null when absent (unchanged on PUT), "" when JSON null (clears, like ""); else invalid. */
    static String text(ObjectNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return v == null ? null : "";
        }
        if (!v.isTextual()) {
            throw new QueryException(400, INVALID_JSON);
        }
        return v.asText();
    }

    static boolean bool(ObjectNode node, String field, boolean absent) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (!v.isBoolean()) {
            throw new QueryException(400, INVALID_JSON);
        }
        return v.asBoolean();
    }

    static ArrayNode strings(JsonNode list) {
        ArrayNode result = Json.mapper().createArrayNode();
        if (list == null || list.isNull()) {
            return result;
        }
        if (!list.isArray()) {
            throw new QueryException(400, INVALID_JSON);
        }
        for (JsonNode item : list) {
            if (!item.isTextual()) {
                throw new QueryException(400, INVALID_JSON);
            }
            result.add(item.asText());
        }
        return result;
    }

    static ArrayNode arrayOrEmpty(JsonNode node) {
        return node instanceof ArrayNode a ? a : Json.mapper().createArrayNode();
    }

    static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    static void putOrRemove(ObjectNode node, String field, Object value) {
        if (value == null) {
            node.remove(field);
        } else if (value instanceof JsonNode json) {
            node.set(field, json);
        } else {
            node.put(field, value.toString());
        }
    }

    static <T> T withField(T record, Class<T> type, Consumer<ObjectNode> change) {
        ObjectNode node = Json.mapper().valueToTree(record);
        change.accept(node);
        return read(node, type);
    }

    static <T> List<T> replaceById(List<T> items, T replacement, java.util.function.Function<T, String> id) {
        return items.stream().map(i -> id.apply(i).equals(id.apply(replacement)) ? replacement : i).toList();
    }

    static <T> T read(JsonNode node, Class<T> type) {
        try {
            return Json.mapper().treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the demo gateway built a " + type.getSimpleName()
                    + " it cannot read back", e);
        }
    }

    static String time(Instant instant) {
        return instant.toString();
    }

    static QueryException bad(String message) {
        return new QueryException(400, message);
    }

    static QueryException notFound(String message) {
        return new QueryException(404, message);
    }
}
