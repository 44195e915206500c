package bifrostconsole.demo;

import bifrostconsole.api.ApiException;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.Page;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.testing.DemoGatewayExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoGatewayTest {
    static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");

    @RegisterExtension
    static final DemoGatewayExtension gateway = DemoGatewayExtension.withKeys(7, 500).asOf(NOW)
            .withApiKey("mgmt-secret-123");

    @Test
    void servesPagesToTheClientWithTheRightKey() {
        ManagementApiClient client = gateway.client();
        Page<VirtualKey> page = client.listVirtualKeys(VirtualKeyQuery.firstPage(30)).join();
        assertEquals(30, page.count());
        assertEquals(500, page.totalCount());
        assertEquals(30, page.limit());
        assertTrue(page.items().get(0).plainValue().startsWith("sk-bf-"));
        assertEquals(page.items().get(3).name(), client.getVirtualKey(page.items().get(3).id()).join().name());
    }

    @Test
    void refusesAWrongKeyWithBifrostsBody() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(gateway.baseUrl() + "/api/governance/virtual-keys"))
                .header("Authorization", "Bearer wrong").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, response.statusCode());
        assertEquals("{\"is_bifrost_error\":false,\"status_code\":401,\"error\":{\"message\":\"Unauthorized\"},"
                + "\"extra_fields\":{}}", response.body());
        ManagementApiClient client = gateway.client(null);
        CompletionException e = assertThrows(CompletionException.class,
                () -> client.listVirtualKeys(VirtualKeyQuery.firstPage(5)).join());
        assertEquals(ApiException.Kind.UNAUTHORIZED, assertInstanceOf(ApiException.class, e.getCause()).kind());
        // /api/version and /health stay public
        assertEquals("v2.2.5", client.version().join());
        assertTrue(client.health().join().ok());
    }

    @Test
    void aRequestSentToAReservedPortIsAnsweredOnceTheGatewayServesThere() throws Exception {
        DemoGateway.Reservation port = DemoGateway.reserve(0, 2);
        HttpClient http = HttpClient.newHttpClient();
        java.util.concurrent.CompletableFuture<HttpResponse<String>> early = http.sendAsync(
                HttpRequest.newBuilder(URI.create(port.baseUrl() + "/api/governance/virtual-keys?limit=3")).build(),
                HttpResponse.BodyHandlers.ofString());
        try (DemoGateway served = port.start(DemoGateway.Options.generated(7, 20))) {
            assertEquals(port.baseUrl(), served.baseUrl());
            HttpResponse<String> answer = early.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(200, answer.statusCode());
            assertTrue(answer.body().contains("\"total_count\":20"), answer.body());
        }
        assertThrows(IllegalStateException.class, () -> port.start(DemoGateway.Options.generated(7, 1)));
    }

    @Test
    void closingAReservedPortFailsTheRequestsWaitingThere() throws Exception {
        DemoGateway.Reservation port = DemoGateway.reserve(0, 2);
        java.util.concurrent.CompletableFuture<HttpResponse<String>> early = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create(port.baseUrl() + "/api/version")).build(),
                HttpResponse.BodyHandlers.ofString());

        port.close();

        java.util.concurrent.ExecutionException failed = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> early.get(10, java.util.concurrent.TimeUnit.SECONDS));
        assertInstanceOf(java.io.IOException.class, failed.getCause());
    }
}
