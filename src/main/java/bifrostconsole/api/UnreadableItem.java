package bifrostconsole.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One item of a server's answer that the console could not read, kept instead of failing the whole read: which
 * list it was in, its position there, the id and name when they could be made out, one sentence on why, and the
 * JSON the server sent (null when it could not be recovered), so a snapshot still carries it unchanged.
 */
public record UnreadableItem(String kind, int position, String id, String name, String reason, JsonNode raw) {

    /** Builds the entry from whatever the server sent, taking {@code id} and {@code name} when they are text. */
    public static UnreadableItem of(String kind, int position, JsonNode raw, String reason) {
        return new UnreadableItem(kind, position, text(raw, "id"), text(raw, "name"), reason, raw);
    }

    /** "the virtual key 'checkout-prod' (id 1b2c…)" or "virtual key no. 7 of the page". */
    public String describe() {
        if (name != null) {
            return kind + " '" + name + "'" + (id == null ? "" : " (id " + id + ")");
        }
        return id != null ? kind + " with id " + id : kind + " no. " + (position + 1) + " of its list";
    }

    /** Never shows {@code raw}: what the server sent may hold a key value or a credential. */
    @Override
    public String toString() {
        return "UnreadableItem[" + describe() + ": " + reason + "]";
    }

    private static String text(JsonNode raw, String field) {
        if (raw == null || !raw.isObject()) {
            return null;
        }
        JsonNode value = raw.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
    }
}
