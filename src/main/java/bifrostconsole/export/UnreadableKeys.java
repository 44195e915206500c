package bifrostconsole.export;

import bifrostconsole.api.VirtualKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** How exports and snapshots write a key the console could not read. */
final class UnreadableKeys {
    /** Written when the server's JSON for the key could not be kept: enough to find the key again. */
    static final String REASON_FIELD = "x_bifrost_console_unreadable";

    private UnreadableKeys() {
    }

    /** The server's JSON for the key, its {@code value} left out unless asked for; or its id, name and reason. */
    static JsonNode asWritten(VirtualKey key, boolean includeSecrets) {
        JsonNode raw = key.unreadable().raw();
        if (raw != null && raw.isObject()) {
            ObjectNode copy = raw.deepCopy();
            if (!includeSecrets) {
                copy.remove("value");
            }
            return copy;
        }
        ObjectNode stub = JsonNodeFactory.instance.objectNode();
        stub.put("id", key.id());
        if (key.name() != null) {
            stub.put("name", key.name());
        }
        stub.put(REASON_FIELD, key.unreadable().reason());
        return stub;
    }
}
