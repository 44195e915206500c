package bifrostconsole.demo;

import bifrostconsole.api.BudgetOverrideResult;
import bifrostconsole.api.BulkRotation;
import bifrostconsole.api.Json;
import bifrostconsole.store.GovernanceStore;
import bifrostconsole.store.GovernanceWrites;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The demo gateway's write routes (API.md §5.3 to §5.8, §6, §7): which method and path does what, the JSON
 * body parsed, and Bifrost's success envelopes. The rules themselves are in {@link GovernanceWrites}.
 * <pre>
 * POST   /api/governance/virtual-keys                                 create
 * PUT    /api/governance/virtual-keys/{id}                            partial update (reset_budget_usage too)
 * DELETE /api/governance/virtual-keys/{id}                            delete
 * POST   /api/governance/virtual-keys/{id}/rotate                     rotate one
 * POST   /api/governance/virtual-keys/rotate                          rotate several: {"ids": [...]}
 * PUT    /api/governance/virtual-keys/{id}/budgets/{budget}/override  set an override
 * DELETE /api/governance/virtual-keys/{id}/budgets/{budget}/override  remove it
 * POST   /api/governance/teams, PUT|DELETE /api/governance/teams/{id}           (customers alike)
 * </pre>
 */
final class WriteRoutes {
    /** What to answer: the status and the object to write as JSON. */
    record Answer(int status, Object body) {
    }

    private final GovernanceWrites writes;

    WriteRoutes(GovernanceWrites writes) {
        this.writes = writes;
    }

    /**
     * Answers a write, or returns null when no write route has this method and path. {@code s} are the path's
     * segments, the first being {@code api}; {@code decode} percent-decodes one segment.
     *
     * @throws GovernanceStore.QueryException for what Bifrost refuses, with its status and message
     */
    Answer route(String method, String[] s, byte[] body, Function<String, String> decode) {
        if (s.length < 3 || !s[1].equals("governance")) {
            return null;
        }
        String collection = s[2];
        String id = s.length >= 4 ? decode.apply(s[3]) : null;
        switch (collection) {
            case "virtual-keys" -> {
                if (s.length == 3 && method.equals("POST")) {
                    return ok("Virtual key created successfully", "virtual_key", writes.createVirtualKey(json(body)));
                }
                if (s.length == 4 && method.equals("POST") && s[3].equals("rotate")) {
                    BulkRotation result = writes.rotateVirtualKeys(json(body));
                    Map<String, Object> answer = envelope(result.message());
                    answer.put("virtual_keys", result.rotated());
                    if (!result.errors().isEmpty()) {
                        answer.put("errors", result.errors());
                    }
                    return new Answer(result.rotated().isEmpty() ? 500 : 200, answer);
                }
                if (s.length == 4 && method.equals("PUT")) {
                    return ok("Virtual key updated successfully", "virtual_key", writes.updateVirtualKey(id, json(body)));
                }
                if (s.length == 4 && method.equals("DELETE")) {
                    writes.deleteVirtualKey(id);
                    return new Answer(200, envelope("Virtual key deleted successfully"));
                }
                if (s.length == 5 && method.equals("POST") && s[4].equals("rotate")) {
                    return ok("Virtual key rotated successfully", "virtual_key", writes.rotateVirtualKey(id));
                }
                if (s.length == 7 && s[4].equals("budgets") && s[6].equals("override")) {
                    String budgetId = decode.apply(s[5]);
                    if (method.equals("PUT")) {
                        return override(writes.setBudgetOverride(id, budgetId, json(body)));
                    }
                    if (method.equals("DELETE")) {
                        return override(writes.removeBudgetOverride(id, budgetId));
                    }
                }
                return null;
            }
            case "teams" -> {
                if (s.length == 3 && method.equals("POST")) {
                    return ok("Team created successfully", "team", writes.createTeam(json(body)));
                }
                if (s.length == 4 && method.equals("PUT")) {
                    return ok("Team updated successfully", "team", writes.updateTeam(id, json(body)));
                }
                if (s.length == 4 && method.equals("DELETE")) {
                    writes.deleteTeam(id);
                    return new Answer(200, envelope("Team deleted successfully"));
                }
                return null;
            }
            case "customers" -> {
                if (s.length == 3 && method.equals("POST")) {
                    return ok("Customer created successfully", "customer", writes.createCustomer(json(body)));
                }
                if (s.length == 4 && method.equals("PUT")) {
                    return ok("Customer updated successfully", "customer", writes.updateCustomer(id, json(body)));
                }
                if (s.length == 4 && method.equals("DELETE")) {
                    writes.deleteCustomer(id);
                    return new Answer(200, envelope("Customer deleted successfully"));
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    private static Answer ok(String message, String field, Object item) {
        Map<String, Object> answer = envelope(message);
        answer.put(field, item);
        return new Answer(200, answer);
    }

    private static Answer override(BudgetOverrideResult result) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("budget", result.budget());
        answer.put("effective_max_limit", result.effectiveMaxLimit());
        return new Answer(200, answer);
    }

    private static Map<String, Object> envelope(String message) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("message", message);
        return answer;
    }

    /** The request body as JSON; Bifrost answers anything else, an empty body included, with 400 Invalid JSON. */
    private static JsonNode json(byte[] body) {
        try {
            JsonNode node = body == null || body.length == 0 ? null : Json.mapper().readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new GovernanceStore.QueryException(400, GovernanceWrites.INVALID_JSON);
            }
            return node;
        } catch (IOException e) {
            throw new GovernanceStore.QueryException(400, GovernanceWrites.INVALID_JSON);
        }
    }
}
