package bifrostconsole.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One write to the management API exactly as it goes on the wire: the method, the path (ids already
 * percent-encoded) and the JSON body ({@code null} for none). The change engine previews this very object and
 * {@link ManagementApiClient#send(WriteRequest)} sends it, so what the admin confirmed is what the server gets.
 *
 * <p>Immutable: the body is copied in and out. {@link #toString()} and {@link #preview()} mask any field named
 * {@code value} (virtual key values), although no request the console builds carries one.
 */
public final class WriteRequest {
    private static final String KEYS = "/api/governance/virtual-keys";
    private static final String TEAMS = "/api/governance/teams";
    private static final String CUSTOMERS = "/api/governance/customers";

    private final String method;
    private final String path;
    private final JsonNode body;
    /**
     * The body as sent, written once where the request is made (when planning): a bulk run sends from the HTTP
     * client's threads, each new to Jackson, where writing even {@code {"is_active":false}} costs fresh buffers.
     */
    private final String bodyText;
    private final String permission;

    private WriteRequest(String method, String path, JsonNode body, String permission) {
        this.method = Objects.requireNonNull(method, "method");
        this.path = Objects.requireNonNull(path, "path");
        this.body = body == null ? null : body.deepCopy();
        this.bodyText = body == null ? "" : write(body, false);
        this.permission = permission;
    }

    // ---- virtual keys (API.md §5.3 to §5.8) ----------------------------------------------------------------

    /** {@code POST /api/governance/virtual-keys}: the server generates the value. */
    public static WriteRequest createVirtualKey(ObjectNode body) {
        return new WriteRequest("POST", KEYS, body, "VirtualKeys:Create");
    }

    /** {@code PUT /api/governance/virtual-keys/{id}}: a partial update; omitted fields stay as they are. */
    public static WriteRequest updateVirtualKey(String id, ObjectNode body) {
        return new WriteRequest("PUT", KEYS + "/" + segment(id), body, "VirtualKeys:Update");
    }

    public static WriteRequest deleteVirtualKey(String id) {
        return new WriteRequest("DELETE", KEYS + "/" + segment(id), null, "VirtualKeys:Delete");
    }

    /** {@code POST /api/governance/virtual-keys/{id}/rotate}: a new value, the same configuration. */
    public static WriteRequest rotateVirtualKey(String id) {
        return new WriteRequest("POST", KEYS + "/" + segment(id) + "/rotate", null, "VirtualKeys:Create");
    }

    /** {@code POST /api/governance/virtual-keys/rotate} with {@code {"ids": [...]}}. */
    public static WriteRequest rotateVirtualKeys(List<String> ids) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode array = body.putArray("ids");
        ids.forEach(array::add);
        return new WriteRequest("POST", KEYS + "/rotate", body, "VirtualKeys:Create");
    }

    /** {@code PUT …/{id}/budgets/{budget_id}/override}: {@code cycles} null means {@code mode: forever}. */
    public static WriteRequest setBudgetOverride(String keyId, String budgetId, double amount, Integer cycles) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("amount", amount);
        if (cycles == null) {
            body.put("mode", "forever");
        } else {
            body.put("mode", "cycles");
            body.put("cycles", cycles);
        }
        return new WriteRequest("PUT", overridePath(keyId, budgetId), body, "VirtualKeys:Update");
    }

    public static WriteRequest removeBudgetOverride(String keyId, String budgetId) {
        return new WriteRequest("DELETE", overridePath(keyId, budgetId), null, "VirtualKeys:Delete");
    }

    private static String overridePath(String keyId, String budgetId) {
        return KEYS + "/" + segment(keyId) + "/budgets/" + segment(budgetId) + "/override";
    }

    // ---- teams and customers (API.md §6, §7) ---------------------------------------------------------------

    public static WriteRequest createTeam(ObjectNode body) {
        return new WriteRequest("POST", TEAMS, body, "Teams:Create");
    }

    public static WriteRequest updateTeam(String id, ObjectNode body) {
        return new WriteRequest("PUT", TEAMS + "/" + segment(id), body, "Teams:Update");
    }

    public static WriteRequest deleteTeam(String id) {
        return new WriteRequest("DELETE", TEAMS + "/" + segment(id), null, "Teams:Delete");
    }

    public static WriteRequest createCustomer(ObjectNode body) {
        return new WriteRequest("POST", CUSTOMERS, body, "Customers:Create");
    }

    public static WriteRequest updateCustomer(String id, ObjectNode body) {
        return new WriteRequest("PUT", CUSTOMERS + "/" + segment(id), body, "Customers:Update");
    }

    public static WriteRequest deleteCustomer(String id) {
        return new WriteRequest("DELETE", CUSTOMERS + "/" + segment(id), null, "Customers:Delete");
    }

    // ---- what it is --------------------------------------------------------------------------------------

    public String method() {
        return method;
    }

    /** The path with percent-encoded ids, e.g. {@code /api/governance/virtual-keys/4f1c…/rotate}. */
    public String path() {
        return path;
    }

    /** A copy of the JSON body, or null when the request has none. */
    public JsonNode body() {
        return body == null ? null : body.deepCopy();
    }

    public boolean hasBody() {
        return body != null;
    }

    /** The body as sent: compact JSON, or "" without a body. */
    public String bodyText() {
        return bodyText;
    }

    /**
     * The RBAC permission Bifrost Enterprise checks for this operation (from the operation descriptions in
     * {@code docs/openapi/paths/management/governance.yaml}), e.g. {@code VirtualKeys:Update}; named in a 403.
     */
    public String permission() {
        return permission;
    }

    /** {@code METHOD path} and, when there is a body, the body pretty-printed with secrets masked. */
    public String preview() {
        String head = method + " " + path;
        return body == null ? head : head + "\n" + write(masked(body), true);
    }

    @Override
    public String toString() {
        return method + " " + path + (body == null ? "" : " " + write(masked(body), false));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WriteRequest w && w.method.equals(method) && w.path.equals(path)
                && Objects.equals(w.body, body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, path, body);
    }

    private static JsonNode masked(JsonNode node) {
        JsonNode copy = node.deepCopy();
        mask(copy);
        return copy;
    }

    private static void mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().equals("value") && field.getValue().isTextual()) {
                    field.setValue(JsonNodeFactory.instance.textNode(SecretValue.redact(field.getValue().asText())));
                } else {
                    mask(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(WriteRequest::mask);
        }
    }

    private static String write(JsonNode node, boolean pretty) {
        try {
            return pretty ? Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node)
                    : Json.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /** Ids in a path are percent-encoded: SCIM team ids may hold '/', spaces and other URL-sensitive characters. */
    static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
