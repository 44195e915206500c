package bifrostconsole.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Redaction for JSON the console does not model: a newer server's provider key may carry settings no record
 * here knows, and a snapshot keeps them. Whatever looks like a secret in them is masked with Bifrost's own rule
 * ({@link SecretValue#redact}, idempotent, so what the server already redacted stays as it was): the
 * {@code value} of a secret object ({@code {value, env_var, from_env}} or {@code {value, ref, type}}) and any
 * text under a name that says secret (key, secret, password, token, credential...). Over-masking a URL is the
 * price of never writing a forgotten credential to a file.
 */
public final class SecretShapes {
    private static final Set<String> SECRET_OBJECT_MARKERS = Set.of("env_var", "from_env", "ref", "type");
    private static final String[] SECRET_NAME_PARTS = {"key", "secret", "password", "token", "credential",
            "value", "auth"};

    private SecretShapes() {
    }

    /** {@code fields} with every secret-looking value redacted; the same instance when there is nothing. */
    public static Map<String, JsonNode> redacted(Map<String, JsonNode> fields) {
        if (fields == null || fields.isEmpty()) {
            return fields;
        }
        Map<String, JsonNode> masked = new LinkedHashMap<>();
        fields.forEach((name, node) -> masked.put(name, redacted(name, node)));
        return UnknownFields.of(masked);
    }

    /** Is this node one of Bifrost's secret objects? */
    public static boolean isSecretObject(JsonNode node) {
        if (node == null || !node.isObject() || !node.has("value")) {
            return false;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            if (SECRET_OBJECT_MARKERS.contains(it.next())) {
                return true;
            }
        }
        return false;
    }

    /** {@code node} (found under {@code name}) with every secret-looking value redacted. */
    public static JsonNode redacted(String name, JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return secretName(name) ? TextNode.valueOf(SecretValue.redact(node.asText())) : node;
        }
        if (isSecretObject(node)) {
            ObjectNode copy = node.deepCopy();
            JsonNode value = copy.get("value");
            if (value != null && value.isTextual()) {
                copy.put("value", SecretValue.redact(value.asText()));
            }
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), redacted(e.getKey(), e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(redacted(name, element)));
            return copy;
        }
        return node;
    }

    private static boolean secretName(String name) {
        if (name == null) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String part : SECRET_NAME_PARTS) {
            if (lower.contains(part)) {
                return true;
            }
        }
        return false;
    }
}
