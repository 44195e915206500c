package bifrostconsole.demo;

import bifrostconsole.api.ApiException;
import bifrostconsole.api.ConnectionSettings;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.Page;
import bifrostconsole.api.Secret;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.cli.DemoServerCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoGatewayTest {
    static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");
    static DemoGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = DemoGateway.start(DemoGateway.Options.of(DemoDataGenerator.generate(7, 500, NOW))
                .withApiKey("mgmt-secret-123"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void servesPagesToTheClientWithTheRightKey() {
        ManagementApiClient client = new ManagementApiClient(
                ConnectionSettings.of(gateway.baseUrl(), Secret.of("mgmt-secret-123")));
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
        ManagementApiClient client = new ManagementApiClient(ConnectionSettings.of(gateway.baseUrl(), null));
        CompletionException e = assertThrows(CompletionException.class,
                () -> client.listVirtualKeys(VirtualKeyQuery.firstPage(5)).join());
        assertEquals(ApiException.Kind.UNAUTHORIZED, assertInstanceOf(ApiException.class, e.getCause()).kind());
        // /api/version and /health stay public
        assertEquals("v1.4.3", client.version().join());
        assertTrue(client.health().join().ok());
    }

    @Test
    void demoServerCommandPrintsItsAddressAndStops() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<Void> stop = new CompletableFuture<>();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> new DemoServerCommand().serve(
                List.of("--port", "0", "--keys", "20", "--seed", "3"),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err, stop));
        long deadline = System.currentTimeMillis() + 10_000;
        while (!out.toString(StandardCharsets.UTF_8).contains("\n") && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        String line = out.toString(StandardCharsets.UTF_8).strip();
        assertTrue(line.matches("Demo gateway listening on http://127\\.0\\.0\\.1:\\d+"), line);
        ManagementApiClient client = new ManagementApiClient(
                ConnectionSettings.of(line.substring(line.indexOf("http")), null));
        assertEquals(20, client.listVirtualKeys(VirtualKeyQuery.firstPage(100)).join().totalCount());
        stop.complete(null);
        assertEquals(0, exit.get(10, TimeUnit.SECONDS));
    }

    @Test
    void demoServerCommandRejectsBadArgumentsWithOneLine() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new DemoServerCommand().serve(List.of("--keys", "lots"), System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8), CompletableFuture.completedFuture(null));
        assertEquals(2, code);
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(List.of("demo-server: --keys must be a number between 0 and " + DemoDataGenerator.MAX_KEYS
                + ", not 'lots'", "Run 'bifrost-console demo-server --help' for the options."), text.lines().toList());
        assertFalse(text.contains("Exception"));
    }
}
