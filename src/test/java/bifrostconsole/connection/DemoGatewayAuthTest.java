package bifrostconsole.connection;

import bifrostconsole.api.ApiException;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.Page;
import bifrostconsole.api.Secret;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.connection.ConnectionTestViewModel.StepState;
import bifrostconsole.demo.DemoGateway;
import bifrostconsole.testing.DemoGatewayExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo gateway started with a management API key: the right key, a wrong one, none. */
class DemoGatewayAuthTest {
    private static final String KEY = "bfst-demo-auth-test-4b1d";

    @RegisterExtension
    static final DemoGatewayExtension gateway = DemoGatewayExtension.withKeys(3, 120).withApiKey(KEY);

    @Test
    void theRightKeyListsKeys() throws Exception {
        Page<VirtualKey> page = client(Secret.of(KEY)).listVirtualKeys(VirtualKeyQuery.firstPage(1)).get(10, TimeUnit.SECONDS);
        assertEquals(120, page.totalCount());
        assertEquals(1, page.items().size());
    }

    @Test
    void aWrongKeyGetsTheUnauthorizedMessage() {
        ApiException e = failure(client(Secret.of("bfst-wrong")));
        assertEquals(ApiException.Kind.UNAUTHORIZED, e.kind());
        assertEquals(gateway.baseUrl() + " refused the management API key (401 Unauthorized): enter the right key"
                + " in the connection's settings.", e.getMessage());
        assertFalse(e.toString().contains("bfst-wrong"));
    }

    @Test
    void noKeyGetsTheMessageThatOneIsNeeded() {
        ApiException e = failure(client(null));
        assertEquals(ApiException.Kind.UNAUTHORIZED, e.kind());
        assertEquals(gateway.baseUrl() + " requires a management API key (401 Unauthorized): enter the key in the"
                + " connection's settings or set BIFROST_API_KEY.", e.getMessage());
    }

    @Test
    void theConnectionTestShowsWhichStepTheKeyFailed() throws Exception {
        ConnectionTestViewModel test = new ConnectionTestViewModel(Runnable::run);
        assertFalse(test.run(gateway.settings(Secret.of("bfst-wrong"))).get(10, TimeUnit.SECONDS));
        assertEquals(List.of(StepState.PASSED, StepState.PASSED, StepState.FAILED),
                test.steps().stream().map(ConnectionTestViewModel.Step::state).toList());
        assertTrue(test.summaryProperty().get().contains("401"), test.summaryProperty().get());

        assertTrue(test.run(gateway.settings()).get(10, TimeUnit.SECONDS));
        assertEquals("Key accepted: 120 virtual keys visible.", test.steps().get(2).detail());
    }

    @Test
    void aForbiddenFaultNamesThePermission() {
        gateway.injectFault("/api/governance/virtual-keys", DemoGateway.Fault.forbidden("VirtualKeys:View"));
        ApiException e = failure(client(Secret.of(KEY)));
        assertEquals(ApiException.Kind.FORBIDDEN, e.kind());
        assertTrue(e.getMessage().contains("lacks the VirtualKeys:View permission (403 Forbidden)"), e.getMessage());
    }

    private static ManagementApiClient client(Secret key) {
        return gateway.client(key);
    }

    private static ApiException failure(ManagementApiClient client) {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> client.listVirtualKeys(VirtualKeyQuery.firstPage(1)).get(10, TimeUnit.SECONDS));
        return (ApiException) e.getCause();
    }
}
