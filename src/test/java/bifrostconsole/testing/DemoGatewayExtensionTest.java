package bifrostconsole.testing;

import bifrostconsole.api.ApiException;
import bifrostconsole.api.ListQuery;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.Secret;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.demo.DemoDataGenerator;
import bifrostconsole.demo.DemoGateway;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The extension itself: what one test leaves behind (faults, requests, data, settings) is gone for the next. */
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
    void theNextTestGetsNoFaultAnEmptyLogAndTheSameGatewayAndChangesItsData() throws Exception {
        assertEquals(List.of(), gateway.requestLog(), "the previous test's requests are forgotten");
        assertEquals(firstBaseUrl, gateway.baseUrl(), "one gateway for the class");
        assertTrue(gateway.client().listTeams(ListQuery.firstPage(5)).join().count() > 0,
                "the previous test's fault is gone");

        VirtualKey first = gateway.store().virtualKeys().get(0);
        HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(gateway.baseUrl() + "/api/governance/virtual-keys/" + first.id()))
                .header("Authorization", "Bearer " + KEY)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"description\":\"changed by a test\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, put.statusCode(), put.body());
        assertEquals("changed by a test", gateway.store().virtualKey(first.id()).orElseThrow().description());
        gateway.gateway().writes().setRotationCooldown(Duration.ZERO);
    }

    @Test
    @Order(3)
    void theNextTestSeesTheSeededDataAndSettingsAtTheSameAddress() {
        assertEquals(firstBaseUrl, gateway.baseUrl());
        assertEquals(DemoDataGenerator.generate(3, 40, NOW).virtualKeys(), gateway.store().virtualKeys());
        assertEquals(Duration.ofHours(1), gateway.gateway().writes().rotationCooldown());
        assertEquals(40, gateway.client().listVirtualKeys(VirtualKeyQuery.firstPage(5)).join().totalCount());
        gateway.logRoutes().setEnabled(false);
    }

    @Test
    @Order(4)
    void settingsChangedThroughTheExtensionAreUndoneToo() throws Exception {
        HttpResponse<String> logs = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(gateway.baseUrl() + "/api/logs/histogram")).header("Authorization", "Bearer " + KEY)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, logs.statusCode(), "the log routes are back on");
    }
}
