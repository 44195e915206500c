package bifrostconsole.api;

import bifrostconsole.demo.DemoGateway;
import bifrostconsole.testing.DemoGatewayExtension;
import bifrostconsole.testing.Wait;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client's write methods against the demo gateway: answers parsed, failures worded, nothing retried. */
class ManagementApiClientWritesTest {
    /** Writes change the data: the extension gives every test the seeded data again. */
    @RegisterExtension
    static final DemoGatewayExtension gateway = DemoGatewayExtension.withKeys(5, 120).withApiKey("k-123");

    private final ManagementApiClient client = gateway.client();

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    private static ApiException failure(CompletableFuture<?> f) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
        return assertInstanceOf(ApiException.class, e.getCause());
    }

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) Json.mapper().readTree(text);
    }

    @Test
    void createsUpdatesRotatesAndDeletesAKey() throws Exception {
        VirtualKey created = await(client.createVirtualKey(json("{\"name\": \"client-made\", \"budgets\":"
                + " [{\"max_limit\": 20, \"reset_duration\": \"1d\"}]}")));
        assertEquals("client-made", created.name());
        assertTrue(created.plainValue().startsWith("sk-bf-"));
        assertEquals(1, created.budgets().size());
        assertFalse(created.toString().contains(created.plainValue()), "toString never shows the value");

        VirtualKey disabled = await(client.updateVirtualKey(created.id(), json("{\"is_active\": false}")));
        assertFalse(disabled.active());
        assertEquals(created.budgets(), disabled.budgets());

        VirtualKey rotated = await(client.rotateVirtualKey(created.id()));
        assertNotEquals(created.plainValue(), rotated.plainValue());
        assertTrue(rotated.previousValueExpiresAt().isAfter(Instant.now()));

        assertNull(await(client.deleteVirtualKey(created.id())));
        assertEquals(ApiException.Kind.NOT_FOUND, failure(client.getVirtualKey(created.id())).kind());
        // the exact request that went out
        DemoGateway.RecordedRequest put = gateway.recentRequests().stream().filter(r -> r.method().equals("PUT"))
                .findFirst().orElseThrow();
        assertEquals("/api/governance/virtual-keys/" + created.id(), put.uri());
        assertEquals("{\"is_active\":false}", put.body());
    }

    @Test
    void bulkRotationReturnsErrorsAlsoWhenEveryKeyFailed() throws Exception {
        List<VirtualKey> keys = gateway.store().virtualKeys().subList(0, 2);
        BulkRotation some = await(client.rotateVirtualKeys(List.of(keys.get(0).id(), "nope", keys.get(1).id())));
        assertEquals(2, some.rotated().size());
        assertEquals("Virtual key not found", some.errors().get("nope"));
        BulkRotation none = await(client.rotateVirtualKeys(List.of("nope", "gone")));
        assertTrue(none.rotated().isEmpty());
        assertEquals(2, none.errors().size(), "Bifrost's 500 with the errors map is an answer, not a failure");
        assertEquals("BulkRotation[0 rotated, 2 failed]", none.toString());
    }

    @Test
    void setsAndRemovesABudgetOverride() throws Exception {
        VirtualKey key = gateway.store().virtualKeys().stream().filter(k -> !k.budgets().isEmpty()).findFirst()
                .orElseThrow();
        Budget budget = key.budgets().get(0);
        BudgetOverrideResult set = await(client.setBudgetOverride(key.id(), budget.id(), 75, 3));
        assertEquals(budget.maxLimit() + 75, set.effectiveMaxLimit(), 1e-9);
        assertEquals(3, set.budget().overrideCyclesRemaining());
        BudgetOverrideResult forever = await(client.setBudgetOverride(key.id(), budget.id(), 10, null));
        assertEquals("forever", forever.budget().overrideMode());
        BudgetOverrideResult removed = await(client.removeBudgetOverride(key.id(), budget.id()));
        assertNull(removed.budget().overrideAmount());
        assertEquals(budget.maxLimit(), removed.effectiveMaxLimit(), 1e-9);
    }

    @Test
    void createsUpdatesAndDeletesTeamsAndCustomers() throws Exception {
        Customer customer = await(client.createCustomer(json("{\"name\": \"Duff Brewing\"}")));
        Team team = await(client.createTeam(json("{\"name\": \"Duff Ops\", \"customer_id\": \"" + customer.id() + "\"}")));
        assertEquals(customer.id(), team.customerId());
        Team renamed = await(client.updateTeam(team.id(), json("{\"name\": \"Duff SRE\"}")));
        assertEquals("Duff SRE", renamed.name());
        Customer updated = await(client.updateCustomer(customer.id(), json("{\"budgets\": [{\"max_limit\": 9,"
                + " \"reset_duration\": \"1w\"}]}")));
        assertEquals(9, updated.budgets().get(0).maxLimit());
        assertNull(await(client.deleteTeam(team.id())));
        assertNull(await(client.deleteCustomer(customer.id())));
        assertEquals(ApiException.Kind.NOT_FOUND, failure(client.getTeam(team.id())).kind());
    }

    @Test
    void aRefusedWriteQuotesTheServerAndSaysNothingChanged() throws Exception {
        VirtualKey key = gateway.store().virtualKeys().get(0);
        ApiException bad = failure(client.updateVirtualKey(key.id(), json("{\"budgets\": [{\"max_limit\": -1,"
                + " \"reset_duration\": \"1d\"}]}")));
        assertEquals(ApiException.Kind.BAD_REQUEST, bad.kind());
        assertEquals(gateway.baseUrl() + " refused the change (Failed to update virtual key: Budget max_limit cannot be"
                + " negative: -1.00); nothing was changed.", bad.getMessage());

        ApiException clash = failure(client.createVirtualKey(json("{\"name\": \"" + key.name() + "\"}")));
        assertEquals(ApiException.Kind.CONFLICT, clash.kind());
        assertTrue(clash.getMessage().contains("A virtual key with this name already exists"), clash.getMessage());
    }

    @Test
    void aForbiddenWriteNamesTheMissingPermission() throws Exception {
        VirtualKey key = gateway.store().virtualKeys().get(0);
        // Bifrost's RBAC message does not always name it: the operation's own permission is named then.
        gateway.injectFault("DELETE", "/api/governance/virtual-keys", DemoGateway.Fault.status(403, "Forbidden"), 1);
        ApiException delete = failure(client.deleteVirtualKey(key.id()));
        assertEquals(ApiException.Kind.FORBIDDEN, delete.kind());
        assertEquals(gateway.baseUrl() + " accepted the key but it lacks the VirtualKeys:Delete permission (403"
                + " Forbidden): ask an admin to grant it to this API key; nothing was changed.", delete.getMessage());
        gateway.injectFault("POST", "/api/governance/virtual-keys", DemoGateway.Fault.status(403, "Forbidden"), 1);
        assertTrue(failure(client.rotateVirtualKey(key.id())).getMessage().contains("VirtualKeys:Create"));
        gateway.injectFault("PUT", "/api/governance/teams", DemoGateway.Fault.forbidden("Teams:Update"), 1);
        assertTrue(failure(client.updateTeam(gateway.store().teams().get(0).id(), json("{}"))).getMessage()
                .contains("the Teams:Update permission"));
        assertTrue(await(client.getVirtualKey(key.id())).active() == key.active(), "nothing was deleted");
    }

    @Test
    void aWriteThatTimesOutIsNotRetriedAndMayHaveHappened() throws Exception {
        VirtualKey key = gateway.store().virtualKeys().stream().filter(VirtualKey::active).findFirst().orElseThrow();
        ManagementApiClient impatient = new ManagementApiClient(gateway.settings()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300)));
        gateway.injectFault("PUT", "/api/governance/virtual-keys/" + key.id(),
                DemoGateway.Fault.delay(Duration.ofMillis(900)), 1);
        gateway.clearRequestLog();
        ApiException timeout = failure(impatient.updateVirtualKey(key.id(), json("{\"is_active\": false}")));
        assertEquals(ApiException.Kind.TIMEOUT, timeout.kind());
        assertEquals(gateway.baseUrl() + " did not answer within 0.3 s, so the change may or may not have been made:"
                + " refresh to see before trying again.", timeout.getMessage());
        // The server did apply it once the delay was over, and saw exactly one PUT.
        Wait.until("the delayed write applied", () -> !gateway.store().virtualKey(key.id()).orElseThrow().active());
        assertEquals(1, gateway.recentRequests().stream().filter(r -> r.method().equals("PUT")).count());
    }

    @Test
    void aCutOffAnswerToAWriteSaysTheChangeWasMadeAndNotToResendIt() throws Exception {
        VirtualKey key = gateway.store().virtualKeys().stream().filter(VirtualKey::active).findFirst().orElseThrow();
        gateway.injectFault("PUT", "/api/governance/virtual-keys/" + key.id(), DemoGateway.Fault.truncatedJson(), 1);
        ApiException cut = failure(client.updateVirtualKey(key.id(), json("{\"is_active\": false}")));
        assertEquals(ApiException.Kind.BAD_JSON, cut.kind());
        assertEquals(gateway.baseUrl() + " accepted the change but its answer was cut off: refresh to see the result"
                + " before changing it again.", cut.getMessage());
        assertFalse(gateway.store().virtualKey(key.id()).orElseThrow().active(), "the write was applied");
    }

    @Test
    void aWriteToAnOldServerWithoutTheRouteSaysSo() throws Exception {
        VirtualKey key = gateway.store().virtualKeys().get(0);
        gateway.injectFault("PUT", "/api/governance/virtual-keys", DemoGateway.Fault.json(404,
                "404 page not found".getBytes(java.nio.charset.StandardCharsets.UTF_8)), 1);
        ApiException old = failure(client.setBudgetOverride(key.id(), "b1", 5, null));
        assertEquals(ApiException.Kind.NOT_BIFROST, old.kind());
        assertTrue(old.getMessage().endsWith("this Bifrost version does not support this change."), old.getMessage());
    }

    @Test
    void writeRequestsPreviewWithSecretsMasked() throws Exception {
        WriteRequest request = WriteRequest.updateVirtualKey("a b/c", json("{\"value\": \"sk-bf-0123456789abcdef\","
                + " \"is_active\": true}"));
        assertEquals("/api/governance/virtual-keys/a%20b%2Fc", request.path());
        assertTrue(request.preview().startsWith("PUT /api/governance/virtual-keys/a%20b%2Fc\n{"));
        assertFalse(request.preview().contains("0123456789abcdef"));
        assertFalse(request.toString().contains("0123456789abcdef"));
        assertTrue(request.bodyText().contains("0123456789abcdef"), "the wire form is exact");
        assertEquals("VirtualKeys:Update", request.permission());
    }
}
