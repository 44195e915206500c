package bifrostconsole.testing;

import bifrostconsole.api.ApiException;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.Secret;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.demo.DemoDataGenerator;
import bifrostconsole.demo.DemoGateway;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The extension itself: what one test leaves behind is gone for the next (the tests run in this order). */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoGatewayExtensionTest {
    static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");
    static final String KEY = "bf-extension-test";

    @RegisterExtension
    static final DemoGatewayExtension gateway = DemoGatewayExtension.withKeys(3, 40).asOf(NOW).withApiKey(KEY);

    static String firstBaseUrl;

    @Test
    @Order(1)
    void servesTheSeededDataWithItsKeyAndLeavesAFaultBehind(DemoGateway injected, ManagementApiClient client) {
        assertSame(gateway.gateway(), injected);
        assertSame(gateway.client(), client);
        assertEquals(DemoDataGenerator.generate(3, 40, NOW).virtualKeys(), gateway.store().virtualKeys());
        assertEquals(40, client.listVirtualKeys(VirtualKeyQuery.firstPage(5)).join().totalCount());
        ApiException refused = assertInstanceOf(ApiException.class, assertThrows(CompletionException.class,
                () -> gateway.client(Secret.of("wrong")).listVirtualKeys(VirtualKeyQuery.firstPage(5)).join())
                .getCause());
        assertEquals(ApiException.Kind.UNAUTHORIZED, refused.kind());
        gateway.injectFault("/api/governance/teams", DemoGateway.Fault.status(500), 5);
        firstBaseUrl = gateway.baseUrl();
    }

    @Test
    @Order(2)
    void theNextTestGetsNoFaultAnEmptyLogAndTheSameGateway() {
        assertEquals(List.of(), gateway.requestLog(), "the previous test's requests are forgotten");
        assertEquals(firstBaseUrl, gateway.baseUrl(), "one gateway for the class");
        assertTrue(gateway.client().listTeams(bifrostconsole.api.ListQuery.firstPage(5)).join().count() > 0,
                "the previous test's fault is gone");
    }

    @Test
    @Order(3)
    void restoringTheSeededDataKeepsTheAddress() {
        String before = gateway.baseUrl();
        gateway.restoreSeededData();
        assertEquals(before, gateway.baseUrl());
        assertEquals(40, gateway.client().listVirtualKeys(VirtualKeyQuery.firstPage(5)).join().totalCount());
    }

    @Test
    @Order(4)
    void aChangeToTheDataIsNoticed() {
        DemoGatewayExtension.DataState seeded = DemoGatewayExtension.DataState.of(gateway.store());
        assertEquals(seeded, DemoGatewayExtension.DataState.of(DemoDataGenerator.generate(3, 40, NOW)));
        assertNotEquals(seeded, DemoGatewayExtension.DataState.of(DemoDataGenerator.generate(3, 39, NOW)));
        assertNotEquals(seeded, DemoGatewayExtension.DataState.of(DemoDataGenerator.generate(4, 40, NOW)));
    }
}
