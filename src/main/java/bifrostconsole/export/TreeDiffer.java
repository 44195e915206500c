package bifrostconsole.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares two JSON trees of the same kind of item and lists the changed fields with their paths. Absent,
 * null, empty text and empty lists count as the same (Bifrost omits empty values inconsistently); lists of
 * plain values compare as sets (the order of allowed models means nothing); lists of objects are matched by
 * {@link DiffRules#identity}.
 */
final class TreeDiffer {
    private final DiffRules rules;

    TreeDiffer(DiffRules rules) {
        this.rules = rules;
    }

    List<FieldChange> diff(JsonNode oldItem, JsonNode newItem) {
        List<FieldChange> changes = new ArrayList<>();
        compareObjects("", oldItem, newItem, true, changes);
        return changes;
    }

    private void compare(String path, String field, JsonNode a, JsonNode b, List<FieldChange> out) {
        boolean aEmpty = isEmpty(a);
        boolean bEmpty = isEmpty(b);
        if (aEmpty && bEmpty) {
            return;
        }
        if ((aEmpty || a.isArray()) && (bEmpty || b.isArray())) {
            compareArrays(path, field, aEmpty ? null : (ArrayNode) a, bEmpty ? null : (ArrayNode) b, out);
        } else if (!aEmpty && !bEmpty && a.isObject() && b.isObject()) {
            compareObjects(path, a, b, false, out);
        } else if (aEmpty || bEmpty || !sameScalar(a, b)) {
            out.add(new FieldChange(path, shown(a), shown(b)));
        }
    }

    private void compareObjects(String path, JsonNode a, JsonNode b, boolean atTop, List<FieldChange> out) {
        Set<String> fields = new LinkedHashSet<>();
        a.fieldNames().forEachRemaining(fields::add);
        b.fieldNames().forEachRemaining(fields::add);
        for (String f : fields) {
            if (!rules.ignored(f, atTop)) {
                compare(path.isEmpty() ? f : path + "." + f, f, a.get(f), b.get(f), out);
            }
        }
    }

    private void compareArrays(String path, String field, ArrayNode a, ArrayNode b, List<FieldChange> out) {
        if (allScalars(a) && allScalars(b)) {
            if (!textSet(a).equals(textSet(b))) {
                out.add(new FieldChange(path, shown(a), shown(b)));
            }
            return;
        }
        Map<String, JsonNode> before = byIdentity(field, a);
        Map<String, JsonNode> after = byIdentity(field, b);
        for (Map.Entry<String, JsonNode> e : before.entrySet()) {
            String elementPath = path + "[" + e.getKey() + "]";
            JsonNode other = after.get(e.getKey());
            if (other == null) {
                out.add(new FieldChange(elementPath, shown(e.getValue()), null));
            } else if (e.getValue().isObject() && other.isObject()) {
                compareObjects(elementPath, e.getValue(), other, false, out);
            } else {
                compare(elementPath, field, e.getValue(), other, out);
            }
        }
        for (Map.Entry<String, JsonNode> e : after.entrySet()) {
            if (!before.containsKey(e.getKey())) {
                out.add(new FieldChange(path + "[" + e.getKey() + "]", null, shown(e.getValue())));
            }
        }
    }

    private Map<String, JsonNode> byIdentity(String field, ArrayNode array) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        if (array == null) {
            return map;
        }
        int position = 0;
        for (JsonNode element : array) {
            String id = rules.identity(field, element);
            String key = id == null ? String.valueOf(position) : id;
            // Two budgets on the same window: the second is "1M#2", matched in order.
            String unique = key;
            for (int n = 2; map.containsKey(unique); n++) {
                unique = key + "#" + n;
            }
            map.put(unique, element);
            position++;
        }
        return map;
    }

    /** The value as shown in a change: without the fields this diff ignores; null when absent. */
    private JsonNode shown(JsonNode node) {
        if (isEmpty(node)) {
            return null;
        }
        return strip(node);
    }

    private JsonNode strip(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!rules.ignored(e.getKey(), false) && !isEmpty(e.getValue())) {
                    copy.set(e.getKey(), strip(e.getValue()));
                }
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(strip(element)));
            return copy;
        }
        return node;
    }

    static boolean isEmpty(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() || (n.isTextual() && n.asText().isEmpty())
                || (n.isArray() && n.isEmpty());
    }

    private static boolean sameScalar(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    private static boolean allScalars(ArrayNode array) {
        if (array == null) {
            return true;
        }
        for (JsonNode n : array) {
            if (n.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> textSet(ArrayNode array) {
        Set<String> set = new java.util.TreeSet<>();
        if (array != null) {
            array.forEach(n -> set.add(n.asText()));
        }
        return set;
    }
}
