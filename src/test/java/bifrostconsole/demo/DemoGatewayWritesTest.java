package bifrostconsole.demo;

import bifrostconsole.api.Budget;
import bifrostconsole.api.Json;
import bifrostconsole.api.ProviderConfig;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.testing.DemoGatewayExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo gateway's write routes against raw HTTP: every route, status code, error body and partial-update rule
 * of API.md §5.3 to §5.8, §6 and §7, including the traps a client must avoid (an omitted {@code allowed_models} or
 * {@code key_ids} wipes them, {@code budgets: []} removes all budgets, a budget matched by window keeps its usage).
 */
class DemoGatewayWritesTest {
    private static final String KEYS = "/api/governance/virtual-keys";
    private static final String API_KEY = "writes-test-key";

    /** Writes change the data: the extension gives every test the seeded data again. */
    @RegisterExtension
    static final DemoGatewayExtension gateway = DemoGatewayExtension.withKeys(11, 400).withApiKey(API_KEY);

    private final HttpClient http = HttpClient.newHttpClient();

    record Answer(int status, JsonNode body) {
        String message() {
            return body.path("error").path("message").asText();
        }

        JsonNode key() {
            return body.get("virtual_key");
        }
    }

    private Answer call(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path))
                .header("Authorization", "Bearer " + API_KEY)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), Json.mapper().readTree(response.body()));
    }

    private JsonNode getKey(String id) throws Exception {
        Answer a = call("GET", KEYS + "/" + id, null);
        assertEquals(200, a.status(), a.body().toString());
        return a.key();
    }

    private VirtualKey find(Predicate<VirtualKey> p) {
        return gateway.store().virtualKeys().stream().filter(p).findFirst().orElseThrow();
    }

    /** The key's JSON without what every write changes, to prove a write changed nothing else. */
    private static ObjectNode stable(JsonNode key) {
        ObjectNode copy = key.deepCopy();
        copy.remove(List.of("updated_at"));
        return copy;
    }

    private static void assertBifrostError(Answer a, int status, String message) {
        assertEquals(status, a.status(), a.body().toString());
        assertEquals(status, a.body().path("status_code").asInt());
        assertFalse(a.body().path("is_bifrost_error").asBoolean(true));
        assertTrue(a.body().path("extra_fields").isObject());
        assertEquals(message, a.message());
    }

    // ---- create ------------------------------------------------------------------------------------------------

    @Test
    void createGeneratesTheValueAndAnswersWithTheKey() throws Exception {
        String keyId = gateway.store().providerKeys("openai").orElseThrow().get(1).id();
        Answer a = call("POST", KEYS, """
                {"name": "new-key", "value": "sk-bf-chosen-by-client", "description": "made by a test",
                 "budgets": [{"max_limit": 50, "reset_duration": "1d"}],
                 "rate_limit": {"request_max_limit": 60, "request_reset_duration": "1m"},
                 "provider_configs": [
                   {"provider": "openai", "weight": 0.7, "allowed_models": ["gpt-4o"], "key_ids": ["%s"]},
                   {"provider": "anthropic", "weight": 0.3, "allowed_models": ["*"], "key_ids": ["*"]}]}
                """.formatted(keyId));
        assertEquals(200, a.status(), a.body().toString());
        assertEquals("Virtual key created successfully", a.body().path("message").asText());
        JsonNode key = a.key();
        assertTrue(key.path("value").asText().startsWith("sk-bf-"));
        assertNotEquals("sk-bf-chosen-by-client", key.path("value").asText());
        assertTrue(key.path("is_active").asBoolean());
        assertEquals(50, key.path("budgets").get(0).path("max_limit").asDouble());
        assertEquals(0, key.path("budgets").get(0).path("current_usage").asDouble());
        assertEquals(key.path("id").asText(), key.path("budgets").get(0).path("virtual_key_id").asText());
        assertEquals(60, key.path("rate_limit").path("request_max_limit").asInt());
        assertEquals(key.path("rate_limit").path("id").asText(), key.path("rate_limit_id").asText());
        JsonNode openai = key.path("provider_configs").get(0);
        assertFalse(openai.path("allow_all_keys").asBoolean());
        assertEquals(keyId, openai.path("keys").get(0).path("key_id").asText());
        assertTrue(key.path("provider_configs").get(1).path("allow_all_keys").asBoolean());
        // served from now on, and counted
        assertEquals(key, getKey(key.path("id").asText()));
        assertEquals(401, call("GET", KEYS + "?limit=1", null).body().path("total_count").asInt());
    }

    @Test
    void createRefusesWhatBifrostRefuses() throws Exception {
        String taken = gateway.store().virtualKeys().get(0).name();
        String team = gateway.store().teams().get(0).id();
        String customer = gateway.store().customers().get(0).id();
        assertBifrostError(call("POST", KEYS, "{\"description\": \"x\"}"), 400, "Virtual key name is required");
        assertBifrostError(call("POST", KEYS, "{\"name\": \"" + taken + "\"}"), 409,
                "A virtual key with this name already exists");
        assertBifrostError(call("POST", KEYS, "{\"name\": \"a\", \"team_id\": \"" + team + "\", \"customer_id\": \""
                + customer + "\"}"), 400, "VirtualKey cannot be attached to both Team and Customer");
        assertBifrostError(call("POST", KEYS, "{\"name\": \"a\", \"provider_configs\": [{\"provider\": \"nope\"}]}"),
                400, "invalid provider name: nope");
        assertBifrostError(call("POST", KEYS, "{\"name\": \"a\", \"provider_configs\": [{\"provider\": \"openai\","
                + " \"key_ids\": [\"no-such-key\"]}]}"), 500, "some keys not found for provider openai: [no-such-key]");
        assertBifrostError(call("POST", KEYS, "{\"name\": \"a\", \"budgets\": [{\"max_limit\": -5,"
                + " \"reset_duration\": \"1d\"}]}"), 400, "Budget max_limit cannot be negative: -5.00");
        assertBifrostError(call("POST", KEYS, "{\"name\": \"a\", \"budgets\": [{\"max_limit\": 5,"
                + " \"reset_duration\": \"soon\"}]}"), 400, "Invalid reset duration (must be a positive duration): soon");
        assertBifrostError(call("POST", KEYS, "{\"name\": \"a\", \"budgets\": [{\"max_limit\": 5, \"reset_duration\":"
                + " \"1d\"}, {\"max_limit\": 9, \"reset_duration\": \"1d\"}]}"), 400, "Duplicate reset_duration in budgets: 1d");
        // Bifrost's quirk: a zero limit passes the pre-checks and fails later, as a 500
        assertBifrostError(call("POST", KEYS, "{\"name\": \"a\", \"budgets\": [{\"max_limit\": 0,"
                + " \"reset_duration\": \"1d\"}]}"), 500, "budget max limit cannot be negative or zero: 0.00");
        assertBifrostError(call("POST", KEYS, "{\"name\": \"a\", \"expires_at\": \"2001-01-01T00:00:00Z\"}"), 400,
                "expires_at must be a future timestamp");
        assertBifrostError(call("POST", KEYS, "{\"name\": \"a\", \"expires_at\": \"tomorrow\"}"), 400,
                "expires_at must be an RFC3339 timestamp");
        assertBifrostError(call("POST", KEYS, "{\"name\": \"a\", \"delete_after_expire\": true}"), 400,
                "delete_after_expire requires expires_at");
        assertBifrostError(call("POST", KEYS, "{\"name\": "), 400, "Invalid JSON");
        assertBifrostError(call("POST", KEYS, "{\"name\": \"a\", \"is_active\": \"yes\"}"), 400, "Invalid JSON");
        // nothing of it was created
        assertEquals(400, gateway.store().virtualKeyCount());
    }

    // ---- update: only what is sent changes -------------------------------------------------------------------

    @Test
    void togglingSendsOnlyIsActiveAndChangesNothingElse() throws Exception {
        VirtualKey key = find(k -> k.active() && !k.providerConfigs().isEmpty() && !k.budgets().isEmpty());
        JsonNode before = getKey(key.id());
        Answer a = call("PUT", KEYS + "/" + key.id(), "{\"is_active\": false}");
        assertEquals(200, a.status(), a.body().toString());
        assertEquals("Virtual key updated successfully", a.body().path("message").asText());
        ObjectNode expected = stable(before);
        expected.put("is_active", false);
        assertEquals(expected, stable(a.key()));
        assertEquals(a.key(), getKey(key.id()));
        assertTrue(Instant.parse(a.key().path("updated_at").asText()).isAfter(key.updatedAt()));
    }

    @Test
    void aToggleAloneLeavesEveryKindOfKeyAsTheGeneralUpdateDoes() throws Exception {
        // {"is_active": x} alone skips the JSON tree the general update goes through; sent with a second field
        // that does not change anything, the same toggle takes the general path. Both must leave a key the same.
        for (VirtualKey key : gateway.store().virtualKeys()) {
            String path = KEYS + "/" + key.id();
            JsonNode before = getKey(key.id());
            boolean active = before.path("is_active").asBoolean();
            String unchanged = ", \"calendar_aligned\": " + before.path("calendar_aligned").asBoolean(false) + "}";
            Answer shortcut = call("PUT", path, "{\"is_active\": " + !active + "}");
            Answer back = call("PUT", path, "{\"is_active\": " + active + unchanged);
            Answer general = call("PUT", path, "{\"is_active\": " + !active + unchanged);
            assertEquals(200, shortcut.status(), shortcut.body().toString());
            assertEquals(stable(general.key()), stable(shortcut.key()), key.id());
            assertEquals(stable(before), stable(back.key()), key.id());
        }
        VirtualKey key = find(VirtualKey::active);
        assertFalse(call("PUT", KEYS + "/" + key.id(), "{\"is_active\": null}").key().path("is_active")
                .asBoolean(true), "null is false, as before (the general path)");
    }

    @Test
    void teamAndCustomerArePresenceAware() throws Exception {
        VirtualKey key = find(k -> k.teamId() != null);
        String team = key.teamId();
        String customer = gateway.store().customers().get(1).id();
        String path = KEYS + "/" + key.id();

        JsonNode untouched = call("PUT", path, "{\"description\": \"only this\"}").key();
        assertEquals(team, untouched.path("team_id").asText());

        JsonNode toCustomer = call("PUT", path, "{\"customer_id\": \"" + customer + "\"}").key();
        assertEquals(customer, toCustomer.path("customer_id").asText());
        assertFalse(toCustomer.has("team_id"), "a customer clears the team");
        assertEquals(customer, toCustomer.path("customer").path("id").asText());
        assertFalse(toCustomer.has("team"));

        JsonNode toTeam = call("PUT", path, "{\"team_id\": \"" + team + "\"}").key();
        assertEquals(team, toTeam.path("team_id").asText());
        assertFalse(toTeam.has("customer_id"), "a team clears the customer");

        JsonNode cleared = call("PUT", path, "{\"customer_id\": \"\"}").key();
        assertFalse(cleared.has("team_id"), "\"\" on either clears both");
        assertFalse(cleared.has("customer_id"));

        call("PUT", path, "{\"team_id\": \"" + team + "\"}");
        JsonNode nulled = call("PUT", path, "{\"team_id\": null}").key();
        assertFalse(nulled.has("team_id"), "null clears too");

        assertBifrostError(call("PUT", path, "{\"team_id\": \"" + team + "\", \"customer_id\": \"" + customer + "\"}"),
                400, "Failed to update virtual key: VirtualKey cannot be attached to both Team and Customer");
    }

    @Test
    void keyCountsOfTeamsFollowAssignments() throws Exception {
        VirtualKey key = find(k -> k.teamId() == null && k.customerId() == null);
        String team = gateway.store().teams().get(0).id();
        int before = call("GET", "/api/governance/teams/" + team, null).body().path("team").path("virtual_key_count").asInt();
        call("PUT", KEYS + "/" + key.id(), "{\"team_id\": \"" + team + "\"}");
        assertEquals(before + 1, call("GET", "/api/governance/teams/" + team, null).body().path("team")
                .path("virtual_key_count").asInt());
        call("DELETE", KEYS + "/" + key.id(), null);
        assertEquals(before, call("GET", "/api/governance/teams/" + team, null).body().path("team")
                .path("virtual_key_count").asInt());
    }

    @Test
    void metadataAndTheOptionalFlagsFollowBifrostsRules() throws Exception {
        VirtualKey key = find(k -> k.expiresAt() == null);
        String path = KEYS + "/" + key.id();
        JsonNode tagged = call("PUT", path, "{\"metadata\": {\"cost_center\": \"cc-42\", \"env\": \"prod\"},"
                + " \"disable_content_logging\": true}").key();
        assertEquals("cc-42", tagged.path("metadata").path("cost_center").asText());
        assertTrue(tagged.path("disable_content_logging").asBoolean());
        JsonNode replaced = call("PUT", path, "{\"metadata\": {\"env\": \"dev\"}}").key();
        assertEquals(1, replaced.path("metadata").size(), "the whole map is replaced");
        assertTrue(call("PUT", path, "{\"description\": \"x\"}").key().path("metadata").has("env"), "omitted: kept");
        JsonNode cleared = call("PUT", path, "{\"metadata\": {}, \"disable_content_logging\": null}").key();
        assertTrue(cleared.path("metadata").isMissingNode() || cleared.path("metadata").isEmpty(), cleared.toString());
        assertFalse(cleared.hasNonNull("disable_content_logging"), "null inherits the client default");
        assertBifrostError(call("PUT", path, "{\"metadata\": {\"bad key\": \"x\"}}"), 400, "Failed to update virtual"
                + " key: invalid metadata key 'bad key': use 1 to 256 of A-Z, a-z, 0-9, '.', '_' and '-'");
        assertBifrostError(call("PUT", path, "{\"metadata\": {\"bifrost_alb_route\": \"x\"}}"), 400,
                "Failed to update virtual key: invalid metadata key 'bifrost_alb_route': the name is reserved");
        String long513 = "\u00e9".repeat(513);
        assertBifrostError(call("PUT", path, "{\"metadata\": {\"note\": \"" + long513 + "\"}}"), 400,
                "Failed to update virtual key: invalid metadata value for 'note': longer than 512 characters");
        assertEquals(200, call("PUT", path, "{\"metadata\": {\"note\": \"" + "\uD83D\uDE00".repeat(512) + "\"}}").status(),
                "512 characters, counted as code points, not UTF-16 units");
        assertBifrostError(call("PUT", path, "{\"delete_after_expire\": true}"), 400,
                "Failed to update virtual key: delete_after_expire requires expires_at");
        String soon = Instant.now().plus(Duration.ofDays(3)).toString();
        assertEquals(200, call("PUT", path, "{\"expires_at\": \"" + soon + "\", \"delete_after_expire\": true}").status());
        assertTrue(call("GET", path, null).key().path("delete_after_expire").asBoolean());
        JsonNode noExpiry = call("PUT", path, "{\"expires_at\": \"\"}").key();
        assertFalse(noExpiry.has("expires_at"));
        assertFalse(noExpiry.hasNonNull("delete_after_expire"), "clearing the expiry brings back the client default");
    }

    // ---- budgets -------------------------------------------------------------------------------------------

    private VirtualKey keyWithUsedBudgets(int count) {
        return find(k -> k.budgets().size() >= count && k.budgets().stream().allMatch(b -> b.currentUsage() > 0));
    }

    @Test
    void anEmptyBudgetListRemovesEveryBudget() throws Exception {
        VirtualKey key = keyWithUsedBudgets(1);
        JsonNode after = call("PUT", KEYS + "/" + key.id(), "{\"budgets\": []}").key();
        assertTrue(after.path("budgets").isMissingNode() || after.path("budgets").isEmpty(), after.toString());
    }

    @Test
    void aBudgetMatchedByWindowKeepsItsUsageAndOthersAreDeleted() throws Exception {
        VirtualKey key = keyWithUsedBudgets(2);
        Budget kept = key.budgets().get(0);
        // no id: matched by reset_duration, so the usage survives a new limit; the other budget is not listed
        JsonNode after = call("PUT", KEYS + "/" + key.id(), "{\"budgets\": [{\"max_limit\": 12345, \"reset_duration\": \""
                + kept.resetDuration() + "\"}]}").key();
        assertEquals(1, after.path("budgets").size());
        JsonNode budget = after.path("budgets").get(0);
        assertEquals(kept.id(), budget.path("id").asText());
        assertEquals(12345, budget.path("max_limit").asDouble());
        assertEquals(kept.currentUsage(), budget.path("current_usage").asDouble(), 1e-9);
        assertEquals(kept.lastReset(), Instant.parse(budget.path("last_reset").asText()));
    }

    @Test
    void aBudgetMatchedByIdKeepsItsUsageEvenWithANewWindow() throws Exception {
        VirtualKey key = keyWithUsedBudgets(1);
        Budget b = key.budgets().get(0);
        String other = b.resetDuration().equals("1Y") ? "2Y" : "1Y";
        JsonNode after = call("PUT", KEYS + "/" + key.id(), "{\"budgets\": [{\"id\": \"" + b.id()
                + "\", \"max_limit\": 99, \"reset_duration\": \"" + other + "\"}]}").key();
        assertEquals(b.id(), after.path("budgets").get(0).path("id").asText());
        assertEquals(other, after.path("budgets").get(0).path("reset_duration").asText());
        assertEquals(b.currentUsage(), after.path("budgets").get(0).path("current_usage").asDouble(), 1e-9);

        assertBifrostError(call("PUT", KEYS + "/" + key.id(), "{\"budgets\": [{\"id\": \"foreign\", \"max_limit\": 1,"
                + " \"reset_duration\": \"1d\"}]}"), 400, "Failed to update virtual key: budget foreign does not belong"
                + " to this entity");
    }

    @Test
    void aNewBudgetInheritsTheUsageOfTheClosestShorterOne() throws Exception {
        VirtualKey key = find(k -> k.budgets().size() == 1 && k.budgets().get(0).resetDuration().equals("1h")
                && k.budgets().get(0).currentUsage() > 0);
        Budget hourly = key.budgets().get(0);
        JsonNode after = call("PUT", KEYS + "/" + key.id(), "{\"budgets\": [{\"id\": \"" + hourly.id()
                + "\", \"max_limit\": " + hourly.maxLimit() + ", \"reset_duration\": \"1h\"},"
                + " {\"max_limit\": 500, \"reset_duration\": \"1d\"}]}").key();
        JsonNode daily = after.path("budgets").get(1);
        assertEquals("1d", daily.path("reset_duration").asText());
        assertEquals(hourly.currentUsage(), daily.path("current_usage").asDouble(), 1e-9);
    }

    @Test
    void resetBudgetUsageZeroesTheBudgetsTheRequestReconciles() throws Exception {
        VirtualKey key = keyWithUsedBudgets(2);
        StringBuilder budgets = new StringBuilder();
        for (Budget b : key.budgets()) {
            budgets.append(budgets.isEmpty() ? "" : ",").append("{\"id\": \"").append(b.id())
                    .append("\", \"max_limit\": ").append(b.maxLimit()).append(", \"reset_duration\": \"")
                    .append(b.resetDuration()).append("\"}");
        }
        JsonNode after = call("PUT", KEYS + "/" + key.id(), "{\"budgets\": [" + budgets
                + "], \"reset_budget_usage\": true}").key();
        assertEquals(key.budgets().size(), after.path("budgets").size());
        for (int i = 0; i < key.budgets().size(); i++) {
            JsonNode b = after.path("budgets").get(i);
            assertEquals(key.budgets().get(i).id(), b.path("id").asText());
            assertEquals(key.budgets().get(i).maxLimit(), b.path("max_limit").asDouble());
            assertEquals(0, b.path("current_usage").asDouble());
        }
        // without budgets in the request, the flag has nothing to reconcile
        VirtualKey other = find(k -> !k.id().equals(key.id()) && !k.budgets().isEmpty()
                && k.budgets().get(0).currentUsage() > 0);
        JsonNode untouched = call("PUT", KEYS + "/" + other.id(), "{\"reset_budget_usage\": true}").key();
        assertEquals(other.budgets().get(0).currentUsage(),
                untouched.path("budgets").get(0).path("current_usage").asDouble(), 1e-9);
    }

    // ---- rate limit -----------------------------------------------------------------------------------------

    @Test
    void aRateLimitIsReplacedWholeOrRemoved() throws Exception {
        VirtualKey key = find(k -> k.rateLimit() != null && k.rateLimit().hasTokenLimit() && k.rateLimit().hasRequestLimit()
                && k.rateLimit().tokenCurrentUsage() > 0);
        JsonNode after = call("PUT", KEYS + "/" + key.id(), "{\"rate_limit\": {\"token_max_limit\": 777,"
                + " \"token_reset_duration\": \"1h\"}}").key();
        JsonNode limit = after.path("rate_limit");
        assertEquals(777, limit.path("token_max_limit").asLong());
        assertFalse(limit.has("request_max_limit"), "fields not sent are cleared");
        assertFalse(limit.has("request_reset_duration"));
        assertEquals(key.rateLimit().id(), limit.path("id").asText());
        assertEquals(key.rateLimit().tokenCurrentUsage(), limit.path("token_current_usage").asLong());

        assertBifrostError(call("PUT", KEYS + "/" + key.id(), "{\"rate_limit\": {\"token_max_limit\": 5}}"), 500,
                "Failed to update virtual key: token_reset_duration is required when token_max_limit is set");

        JsonNode removed = call("PUT", KEYS + "/" + key.id(), "{\"rate_limit\": {}}").key();
        assertFalse(removed.has("rate_limit"));
        assertFalse(removed.has("rate_limit_id"));
    }

    // ---- provider configs: the full desired set, and the traps ------------------------------------------------

    private VirtualKey keyWithRestrictedConfigs() {
        return find(k -> k.providerConfigs().size() >= 2 && k.providerConfigs().stream().allMatch(pc ->
                !pc.allowedModels().isEmpty() && !pc.allowAllKeys() && !pc.keys().isEmpty()));
    }

    @Test
    void anOmittedAllowedModelsOrKeyIdsWipesThemOnTheServer() throws Exception {
        VirtualKey key = keyWithRestrictedConfigs();
        ProviderConfig first = key.providerConfigs().get(0);
        ProviderConfig second = key.providerConfigs().get(1);
        // The naive round trip: the second config is sent back with only its id, provider and weight, as a GET
        // shows it without key_ids.
        String body = "{\"provider_configs\": [" + fullConfig(first) + ", {\"id\": " + second.id()
                + ", \"provider\": \"" + second.provider() + "\", \"weight\": " + second.weight() + "}]}";
        JsonNode after = call("PUT", KEYS + "/" + key.id(), body).key();
        JsonNode kept = after.path("provider_configs").get(0);
        JsonNode wiped = after.path("provider_configs").get(1);
        assertEquals(Json.mapper().valueToTree(first.allowedModels()), kept.path("allowed_models"));
        assertEquals(first.keys().size(), kept.path("keys").size());
        assertEquals(0, wiped.path("allowed_models").size(), "allowed_models omitted: emptied (deny all)");
        assertEquals(0, wiped.path("keys").size(), "key_ids omitted: no keys (Bifrost #7347)");
        assertFalse(wiped.path("allow_all_keys").asBoolean());
        assertEquals(0, wiped.path("blacklisted_models").size());
    }

    @Test
    void providerConfigsAreTheFullDesiredSet() throws Exception {
        VirtualKey key = keyWithRestrictedConfigs();
        ProviderConfig first = key.providerConfigs().get(0);
        Set<String> used = new java.util.HashSet<>();
        key.providerConfigs().forEach(pc -> used.add(pc.provider()));
        String fresh = List.of("openai", "anthropic", "azure", "bedrock", "vertex", "gemini", "mistral", "groq")
                .stream().filter(p -> !used.contains(p)).findFirst().orElseThrow();
        String body = "{\"provider_configs\": [" + fullConfig(first) + ", {\"provider\": \"" + fresh
                + "\", \"allowed_models\": [\"*\"], \"key_ids\": [\"*\"]}]}";
        JsonNode after = call("PUT", KEYS + "/" + key.id(), body).key();
        assertEquals(2, after.path("provider_configs").size(), "unlisted configs are deleted");
        assertEquals(first.id().longValue(), after.path("provider_configs").get(0).path("id").asLong());
        JsonNode created = after.path("provider_configs").get(1);
        assertEquals(fresh, created.path("provider").asText());
        assertTrue(created.path("allow_all_keys").asBoolean());
        assertTrue(created.path("id").asLong() > 0);

        assertBifrostError(call("PUT", KEYS + "/" + key.id(), "{\"provider_configs\": [{\"id\": 999999,"
                + " \"provider\": \"openai\"}]}"), 500, "Failed to update virtual key: provider config 999999 does not"
                + " belong to this virtual key");
        assertEquals(after, getKey(key.id()), "a refused update changed nothing");
    }

    private static String fullConfig(ProviderConfig pc) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("id", pc.id());
        node.put("provider", pc.provider());
        if (pc.weight() != null) {
            node.put("weight", pc.weight());
        }
        node.set("allowed_models", Json.mapper().valueToTree(pc.allowedModels()));
        node.set("blacklisted_models", Json.mapper().valueToTree(pc.blacklistedModels()));
        List<String> keyIds = new ArrayList<>();
        pc.keys().forEach(k -> keyIds.add(k.keyId()));
        node.set("key_ids", Json.mapper().valueToTree(pc.allowAllKeys() ? List.of("*") : keyIds));
        return node.toString();
    }

    // ---- a failed request changes nothing, faults cover writes -----------------------------------------------

    @Test
    void aRefusedUpdateChangesNothingEvenIfPartOfItWasValid() throws Exception {
        VirtualKey key = keyWithUsedBudgets(1);
        JsonNode before = getKey(key.id());
        assertBifrostError(call("PUT", KEYS + "/" + key.id(), "{\"is_active\": false, \"name\": \"renamed\","
                + " \"budgets\": [{\"max_limit\": -1, \"reset_duration\": \"1d\"}]}"), 400,
                "Failed to update virtual key: Budget max_limit cannot be negative: -1.00");
        assertEquals(before, getKey(key.id()));
        String taken = gateway.store().virtualKeys().stream().filter(k -> !k.id().equals(key.id())).findFirst()
                .orElseThrow().name();
        assertBifrostError(call("PUT", KEYS + "/" + key.id(), "{\"is_active\": false, \"name\": \"" + taken + "\"}"),
                409, "A virtual key with this name already exists");
        assertEquals(before, getKey(key.id()));
        assertBifrostError(call("PUT", KEYS + "/no-such-key", "{\"is_active\": false}"), 404, "Virtual key not found");
    }

    @Test
    void anInjectedFaultAnswersInsteadOfTheWrite() throws Exception {
        VirtualKey key = find(VirtualKey::active);
        gateway.injectFault("PUT", KEYS + "/" + key.id(), DemoGateway.Fault.forbidden("VirtualKeys:Update"), 1);
        Answer refused = call("PUT", KEYS + "/" + key.id(), "{\"is_active\": false}");
        assertEquals(403, refused.status());
        assertTrue(refused.message().contains("VirtualKeys:Update"));
        assertTrue(getKey(key.id()).path("is_active").asBoolean(), "the GET got no fault and shows no change");
        gateway.injectFault("PUT", KEYS + "/" + key.id(), DemoGateway.Fault.delay(Duration.ofMillis(50)), 1);
        assertEquals(200, call("PUT", KEYS + "/" + key.id(), "{\"is_active\": false}").status());
        assertFalse(getKey(key.id()).path("is_active").asBoolean());
        DemoGateway.RecordedRequest last = gateway.recentRequests().stream().filter(r -> r.method().equals("PUT"))
                .reduce((a, b) -> b).orElseThrow();
        assertEquals("{\"is_active\": false}", last.body());
    }

    @Test
    void writesNeedTheApiKeyAndAKnownRoute() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + KEYS))
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"x\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, response.statusCode());
        assertBifrostError(call("PATCH", KEYS + "/x", "{}"), 405, "Method not allowed");
        assertBifrostError(call("POST", "/api/governance/budgets", "{}"), 405, "Method not allowed");
    }

    // ---- delete, rotate ---------------------------------------------------------------------------------------

    @Test
    void deleteRemovesTheKey() throws Exception {
        VirtualKey key = find(k -> !k.mcpConfigs().isEmpty());
        Answer a = call("DELETE", KEYS + "/" + key.id(), null);
        assertEquals(200, a.status());
        assertEquals("Virtual key deleted successfully", a.body().path("message").asText());
        assertBifrostError(call("GET", KEYS + "/" + key.id(), null), 404, "Virtual key not found");
        assertBifrostError(call("DELETE", KEYS + "/" + key.id(), null), 404, "Virtual key not found");
        assertEquals(399, gateway.store().virtualKeyCount());
        // the MCP clients no longer list it
        for (JsonNode client : call("GET", "/api/mcp/clients?limit=100", null).body().path("clients")) {
            for (JsonNode vk : client.path("vk_configs")) {
                assertNotEquals(key.id(), vk.path("virtual_key_id").asText());
            }
        }
    }

    @Test
    void rotateGivesANewValueAndKeepsTheConfiguration() throws Exception {
        VirtualKey key = find(k -> !k.providerConfigs().isEmpty());
        JsonNode before = getKey(key.id());
        Answer a = call("POST", KEYS + "/" + key.id() + "/rotate", null);
        assertEquals(200, a.status());
        assertEquals("Virtual key rotated successfully", a.body().path("message").asText());
        JsonNode after = a.key();
        assertTrue(after.path("value").asText().startsWith("sk-bf-"));
        assertNotEquals(before.path("value"), after.path("value"));
        Instant rotatedAt = Instant.parse(after.path("rotated_at").asText());
        assertEquals(rotatedAt.plus(Duration.ofHours(1)), Instant.parse(after.path("previous_value_expires_at").asText()));
        ObjectNode expected = stable(before);
        ObjectNode actual = stable(after);
        for (ObjectNode n : List.of(expected, actual)) {
            n.remove(List.of("value", "rotated_at", "previous_value_expires_at"));
        }
        assertEquals(expected, actual);

        gateway.writes().setRotationCooldown(Duration.ZERO);
        assertFalse(call("POST", KEYS + "/" + key.id() + "/rotate", null).key().has("previous_value_expires_at"));
        assertBifrostError(call("POST", KEYS + "/nope/rotate", null), 404, "Virtual key not found");
    }

    @Test
    void bulkRotateReportsEachIdThatFailed() throws Exception {
        List<VirtualKey> keys = gateway.store().virtualKeys().subList(0, 2);
        Answer a = call("POST", KEYS + "/rotate", "{\"ids\": [\"" + keys.get(0).id() + "\", \"missing\", \""
                + keys.get(1).id() + "\", \"" + keys.get(0).id() + "\"]}");
        assertEquals(200, a.status(), a.body().toString());
        assertEquals(2, a.body().path("virtual_keys").size(), "duplicates are ignored");
        assertEquals("Virtual key not found", a.body().path("errors").path("missing").asText());
        assertNotEquals(keys.get(0).plainValue(), getKey(keys.get(0).id()).path("value").asText());

        Answer none = call("POST", KEYS + "/rotate", "{\"ids\": [\"missing\", \"gone\"]}");
        assertEquals(500, none.status());
        assertEquals(0, none.body().path("virtual_keys").size());
        assertEquals(2, none.body().path("errors").size());

        Answer full = call("POST", KEYS + "/rotate", "{\"ids\": [\"" + keys.get(0).id() + "\"]}");
        assertFalse(full.body().has("errors"));
        assertBifrostError(call("POST", KEYS + "/rotate", "{\"ids\": []}"), 400,
                "ids must contain at least one virtual key id");
        assertBifrostError(call("POST", KEYS + "/rotate", "{\"ids\": [\" \"]}"), 400, "ids must not contain empty values");
    }

    // ---- budget overrides -------------------------------------------------------------------------------------

    @Test
    void anOverrideAddsToTheLimitUntilRemoved() throws Exception {
        VirtualKey key = keyWithUsedBudgets(1);
        Budget b = key.budgets().get(0);
        String path = KEYS + "/" + key.id() + "/budgets/" + b.id() + "/override";
        Answer set = call("PUT", path, "{\"amount\": 100, \"mode\": \"cycles\", \"cycles\": 2}");
        assertEquals(200, set.status(), set.body().toString());
        assertEquals(b.maxLimit() + 100, set.body().path("effective_max_limit").asDouble(), 1e-9);
        assertEquals(100, set.body().path("budget").path("override_amount").asDouble());
        assertEquals("cycles", set.body().path("budget").path("override_mode").asText());
        assertEquals(2, set.body().path("budget").path("override_cycles_remaining").asInt());
        assertEquals(b.currentUsage(), set.body().path("budget").path("current_usage").asDouble(), 1e-9,
                "an override adds headroom, it does not reset usage");
        assertEquals(100, getKey(key.id()).path("budgets").get(0).path("override_amount").asDouble());

        Answer forever = call("PUT", path, "{\"amount\": 40, \"mode\": \"forever\"}");
        assertEquals("forever", forever.body().path("budget").path("override_mode").asText());
        assertFalse(forever.body().path("budget").has("override_cycles_remaining"), "a PUT replaces the override");

        Answer removed = call("DELETE", path, null);
        assertEquals(200, removed.status());
        assertEquals(b.maxLimit(), removed.body().path("effective_max_limit").asDouble(), 1e-9);
        assertFalse(removed.body().path("budget").has("override_amount"));
        assertEquals(200, call("DELETE", path, null).status(), "safe on a budget without an override");

        assertBifrostError(call("PUT", path, "{\"amount\": 0, \"mode\": \"forever\"}"), 400, "amount must be greater than 0");
        assertBifrostError(call("PUT", path, "{\"amount\": 5, \"mode\": \"weekly\"}"), 400,
                "mode must be 'cycles' or 'forever'");
        assertBifrostError(call("PUT", path, "{\"amount\": 5, \"mode\": \"cycles\"}"), 400,
                "cycles must be greater than 0 when mode is 'cycles'");
        assertBifrostError(call("PUT", path, "{\"amount\": 5, \"mode\": \"forever\", \"cycles\": 3}"), 400,
                "cycles must not be set when mode is 'forever'");
        assertBifrostError(call("PUT", KEYS + "/" + key.id() + "/budgets/nope/override", "{\"amount\": 5, \"mode\":"
                + " \"forever\"}"), 404, "Budget not found");
        assertBifrostError(call("PUT", KEYS + "/nope/budgets/" + b.id() + "/override", "{\"amount\": 5, \"mode\":"
                + " \"forever\"}"), 404, "Virtual key not found");
    }

    // ---- teams and customers ------------------------------------------------------------------------------

    @Test
    void teamsAreCreatedUpdatedAndDeletedWithTheirKeysDetached() throws Exception {
        String customer = gateway.store().customers().get(0).id();
        Answer created = call("POST", "/api/governance/teams", "{\"name\": \"Incident Response\", \"customer_id\": \""
                + customer + "\", \"budgets\": [{\"max_limit\": 100, \"reset_duration\": \"1M\"}]}");
        assertEquals(200, created.status(), created.body().toString());
        assertEquals("Team created successfully", created.body().path("message").asText());
        String team = created.body().path("team").path("id").asText();
        assertEquals(customer, created.body().path("team").path("customer").path("id").asText());
        assertBifrostError(call("POST", "/api/governance/teams", "{\"name\": \"Incident Response\"}"), 409,
                "A team with this name already exists");
        assertBifrostError(call("POST", "/api/governance/teams", "{}"), 400, "Team name is required");
        assertBifrostError(call("POST", "/api/governance/teams", "{\"name\": \"x\", \"rate_limit\":"
                + " {\"token_max_limit\": -1, \"token_reset_duration\": \"1h\"}}"), 400,
                "Invalid rate limit: token_max_limit must be greater than 0: -1");

        VirtualKey key = find(k -> k.teamId() == null && k.customerId() == null);
        assertEquals(team, call("PUT", KEYS + "/" + key.id(), "{\"team_id\": \"" + team + "\"}").key()
                .path("team_id").asText());
        Answer renamed = call("PUT", "/api/governance/teams/" + team, "{\"name\": \"IR\", \"budgets\":"
                + " [{\"max_limit\": 250, \"reset_duration\": \"1M\"}]}");
        assertEquals("Team updated successfully", renamed.body().path("message").asText());
        assertEquals(250, renamed.body().path("team").path("budgets").get(0).path("max_limit").asDouble());
        assertEquals(created.body().path("team").path("budgets").get(0).path("id"),
                renamed.body().path("team").path("budgets").get(0).path("id"), "matched by window");
        assertEquals("IR", getKey(key.id()).path("team").path("name").asText(), "keys embed the team as it is now");

        Answer deleted = call("DELETE", "/api/governance/teams/" + team, null);
        assertEquals("Team deleted successfully", deleted.body().path("message").asText());
        JsonNode detached = getKey(key.id());
        assertFalse(detached.has("team_id"));
        assertFalse(detached.has("team"));
        assertBifrostError(call("GET", "/api/governance/teams/" + team, null), 404, "Team not found");
        assertBifrostError(call("PUT", "/api/governance/teams/" + team, "{}"), 404, "Team not found");
    }

    @Test
    void customersAreCreatedUpdatedAndDeletedWithTheirKeysAndTeamsDetached() throws Exception {
        assertBifrostError(call("POST", "/api/governance/customers", "{\"name\": \"Both\", \"budget\": {\"max_limit\": 1,"
                + " \"reset_duration\": \"1d\"}, \"budgets\": []}"), 400, "only one of 'budget' or 'budgets' may be set");
        Answer created = call("POST", "/api/governance/customers", "{\"name\": \"Initrode\", \"budget\":"
                + " {\"max_limit\": 1000, \"reset_duration\": \"1M\"}}");
        assertEquals("Customer created successfully", created.body().path("message").asText());
        String customer = created.body().path("customer").path("id").asText();
        assertEquals(1000, created.body().path("customer").path("budgets").get(0).path("max_limit").asDouble());
        assertBifrostError(call("POST", "/api/governance/customers", "{\"name\": \"Initrode\"}"), 409,
                "A customer with this name already exists");

        String team = call("POST", "/api/governance/teams", "{\"name\": \"Initrode Ops\", \"customer_id\": \""
                + customer + "\"}").body().path("team").path("id").asText();
        VirtualKey key = find(k -> k.teamId() == null && k.customerId() == null);
        call("PUT", KEYS + "/" + key.id(), "{\"customer_id\": \"" + customer + "\"}");
        JsonNode listed = call("GET", "/api/governance/customers/" + customer, null).body().path("customer");
        assertEquals(1, listed.path("virtual_key_count").asInt());
        assertEquals(team, listed.path("teams").get(0).path("id").asText());

        Answer updated = call("PUT", "/api/governance/customers/" + customer, "{\"budgets\": []}");
        assertEquals("Customer updated successfully", updated.body().path("message").asText());
        assertTrue(updated.body().path("customer").path("budgets").isEmpty());

        assertEquals("Customer deleted successfully", call("DELETE", "/api/governance/customers/" + customer, null)
                .body().path("message").asText());
        assertFalse(getKey(key.id()).has("customer_id"));
        assertFalse(call("GET", "/api/governance/teams/" + team, null).body().path("team").has("customer_id"));
        assertBifrostError(call("DELETE", "/api/governance/customers/" + customer, null), 404, "Customer not found");
    }
}
