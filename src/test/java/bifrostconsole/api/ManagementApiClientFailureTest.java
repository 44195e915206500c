package bifrostconsole.api;

import bifrostconsole.demo.DemoGateway.Fault;
import bifrostconsole.testing.DemoGatewayExtension;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every way a management API call can fail becomes one ApiException: the right kind and status, a message that
 * names the server and says what to do, and never the API key.
 */
class ManagementApiClientFailureTest {
    static final String API_KEY = "bf-mgmt-TOPSECRET-4242";

    @RegisterExtension
    static final DemoGatewayExtension gateway = DemoGatewayExtension.withKeys(5, 300)
            .asOf(Instant.parse("2026-11-27T06:00:00Z")).withApiKey(API_KEY);

    final ManagementApiClient client = gateway.client();

    /** Runs the call, which must fail, and checks what every failure must satisfy. */
    private static ApiException failureOf(ManagementApiClient client, Function<ManagementApiClient, CompletableFuture<?>> call) {
        CompletionException thrown = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(CompletionException.class, () -> call.apply(client).join()));
        ApiException e = assertInstanceOf(ApiException.class, thrown.getCause());
        String server = client.settings().displayName();
        assertTrue(e.getMessage().contains(server) || e.getMessage().contains(client.settings().baseUrl().getHost()),
                "names the server: " + e.getMessage());
        assertTrue(e.getMessage().contains(": ") && e.getMessage().endsWith("."), "says what to do: " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one sentence, one line");
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        for (String text : new String[]{e.getMessage(), e.toString(), String.valueOf(e.serverMessage()),
                trace.toString(), client.settings().toString()}) {
            assertFalse(text.contains(API_KEY), "the API key leaked: " + text);
            assertFalse(text.contains("TOPSECRET"), "part of the API key leaked: " + text);
        }
        return e;
    }

    private ApiException listFailure() {
        return failureOf(client, c -> c.listVirtualKeys(VirtualKeyQuery.firstPage(10)));
    }

    @ParameterizedTest
    @CsvSource({
            "400, BAD_REQUEST, correct the search",
            "401, UNAUTHORIZED, enter the right key",
            "404, NOT_FOUND, refresh the list",
            "409, CONFLICT, refresh and try again",
            "429, RATE_LIMITED, wait a moment",
            "500, SERVER_ERROR, check the gateway's logs",
            "503, UNAVAILABLE, retry in a moment",
            "502, UNAVAILABLE, retry in a moment",
            "418, HTTP_ERROR, retry"})
    void httpStatusesBecomeTheirKindWithAnAction(int status, ApiException.Kind kind, String action) {
        gateway.injectFault("/api/governance/virtual-keys", Fault.status(status));
        ApiException e = listFailure();
        assertEquals(kind, e.kind());
        assertEquals(status, e.statusCode());
        assertTrue(e.getMessage().contains(action), e.getMessage());
    }

    @Test
    void serverMessageIsQuotedFromBifrostsErrorBody() {
        gateway.injectFault("/api/governance/virtual-keys", Fault.status(500, "Failed to retrieve virtual keys: db locked"));
        ApiException e = listFailure();
        assertEquals("Failed to retrieve virtual keys: db locked", e.serverMessage());
        assertTrue(e.getMessage().contains("(Failed to retrieve virtual keys: db locked)"), e.getMessage());
    }

    @Test
    void theErrorAndMessageVariantIsReadToo() {
        gateway.injectFault("/api/governance/teams", Fault.managementError(409, "A team with this name already exists"));
        ApiException e = failureOf(client, c -> c.listTeams(ListQuery.firstPage(5)));
        assertEquals(ApiException.Kind.CONFLICT, e.kind());
        assertEquals("A team with this name already exists", e.serverMessage());
    }

    @Test
    void forbiddenNamesTheMissingPermission() {
        gateway.injectFault("/api/governance/customers", Fault.forbidden("Customers:View"));
        ApiException e = failureOf(client, c -> c.listCustomers(ListQuery.firstPage(5)));
        assertEquals(ApiException.Kind.FORBIDDEN, e.kind());
        assertEquals(403, e.statusCode());
        assertTrue(e.getMessage().contains("Customers:View"), e.getMessage());
        assertTrue(e.getMessage().contains("ask an admin"), e.getMessage());
        assertTrue(e.kind().isAuth());
    }

    @Test
    void aWrongKeyIsRefusedWith401AndTheWrongKeyIsNotShownEither() {
        ManagementApiClient wrong = new ManagementApiClient(
                ConnectionSettings.of(gateway.baseUrl(), Secret.of("bf-mgmt-TOPSECRET-wrong")));
        ApiException e = failureOf(wrong, c -> c.listVirtualKeys(VirtualKeyQuery.firstPage(5)));
        assertEquals(ApiException.Kind.UNAUTHORIZED, e.kind());
        assertEquals("Unauthorized", e.serverMessage());
    }

    @Test
    void aClosedPortIsConnectionRefused() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ManagementApiClient closed = new ManagementApiClient(
                ConnectionSettings.of("http://127.0.0.1:" + port, Secret.of(API_KEY)));
        ApiException e = failureOf(closed, c -> c.listVirtualKeys(VirtualKeyQuery.firstPage(5)));
        assertEquals(ApiException.Kind.CONNECTION_REFUSED, e.kind());
        assertEquals(0, e.statusCode());
        assertTrue(e.kind().isUnreachable());
        assertTrue(e.getMessage().contains("check the port in the address"), e.getMessage());
    }

    @Test
    void anUnknownHostIsSaidSo() {
        ManagementApiClient nowhere = new ManagementApiClient(
                ConnectionSettings.of("http://no-such-host.invalid:8080", Secret.of(API_KEY)));
        ApiException e = failureOf(nowhere, c -> c.listVirtualKeys(VirtualKeyQuery.firstPage(5)));
        assertEquals(ApiException.Kind.UNKNOWN_HOST, e.kind());
        assertTrue(e.getMessage().contains("no-such-host.invalid"), e.getMessage());
        assertTrue(e.getMessage().contains("typos"), e.getMessage());
    }

    @Test
    void httpsToAPlainHttpServerIsATlsFailure() throws Exception {
        // A plain HTTP server (as Bifrost's) answers the TLS hello with an HTTP 400 in clear text.
        try (ServerSocket plain = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            // Every connection is answered, not just the first: when the client meets the end of the stream
            // before it has parsed the clear-text reply, the JDK's HttpClient connects once more, and a second
            // connection left unanswered in the backlog made this test time out instead (seen once in CI).
            Thread answer = new Thread(() -> {
                while (!plain.isClosed()) {
                    try (Socket s = plain.accept()) {
                        s.getInputStream().read(new byte[512]);
                        s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                        // Half-close and drain rather than close: closing with the rest of the TLS hello unread
                        // resets the connection, and whether the client then sees the reply or the reset is a race.
                        s.shutdownOutput();
                        s.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                    } catch (IOException ignored) {
                        // the client hung up first, or the test is over and closed the server socket
                    }
                }
            });
            answer.setDaemon(true);
            answer.start();
            // generous timeouts: on a loaded machine the handshake alone can take seconds, and a timeout here
            // would hide the failure under test
            ManagementApiClient tls = new ManagementApiClient(ConnectionSettings.of("https://127.0.0.1:"
                    + plain.getLocalPort(), Secret.of(API_KEY)).withTimeouts(Duration.ofSeconds(15), Duration.ofSeconds(15)));
            ApiException e = failureOf(tls, c -> c.listVirtualKeys(VirtualKeyQuery.firstPage(5)));
            assertEquals(ApiException.Kind.TLS, e.kind());
            assertTrue(e.getMessage().contains("does not speak HTTPS"), e.getMessage());
            assertTrue(e.getMessage().contains("start with http://"), e.getMessage());
        }
    }

    @Test
    void aSelfSignedCertificateIsATlsFailure(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("self-signed.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "changeit",
                "-keypass", "changeit", "-alias", "demo", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1").redirectErrorStream(true).start();
        keytool.getInputStream().readAllBytes();
        assertEquals(0, keytool.waitFor());
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 5);
        https.setHttpsConfigurator(new HttpsConfigurator(context));
        https.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        https.start();
        try {
            ManagementApiClient tls = new ManagementApiClient(ConnectionSettings.of(
                    "https://127.0.0.1:" + https.getAddress().getPort(), Secret.of(API_KEY))
                    .withTimeouts(Duration.ofSeconds(15), Duration.ofSeconds(15)));
            ApiException e = failureOf(tls, c -> c.listVirtualKeys(VirtualKeyQuery.firstPage(5)));
            assertEquals(ApiException.Kind.TLS, e.kind());
            assertTrue(e.getMessage().contains("certificate is not trusted"), e.getMessage());
            assertTrue(e.getMessage().contains("add that CA's certificate"), e.getMessage());
        } finally {
            https.stop(0);
        }
    }

    @Test
    void aSlowServerTimesOutWithTheTimeoutInTheMessage() {
        ManagementApiClient impatient = new ManagementApiClient(ConnectionSettings.of(gateway.baseUrl(),
                Secret.of(API_KEY)).withTimeouts(Duration.ofSeconds(10), Duration.ofMillis(300)));
        gateway.injectFault("/api/governance/virtual-keys", Fault.delay(Duration.ofSeconds(3)));
        ApiException e = failureOf(impatient, c -> c.listVirtualKeys(VirtualKeyQuery.firstPage(5)));
        assertEquals(ApiException.Kind.TIMEOUT, e.kind());
        assertTrue(e.getMessage().contains("within 0.3 s"), e.getMessage());
        assertTrue(e.getMessage().contains("raise the timeout"), e.getMessage());
    }

    @Test
    void aDelayedAnswerStillArrivesWithinTheTimeout() {
        gateway.injectFault("/api/governance/virtual-keys", Fault.delay(Duration.ofMillis(300)));
        long start = System.nanoTime();
        assertEquals(10, client.listVirtualKeys(VirtualKeyQuery.firstPage(10)).join().count());
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(300), "the fault delayed the answer");
    }

    @Test
    void anHtmlPageWithStatus200IsNotJson() {
        gateway.injectFault("/api/governance/virtual-keys", Fault.htmlPage());
        ApiException e = listFailure();
        assertEquals(ApiException.Kind.NOT_JSON, e.kind());
        assertEquals(200, e.statusCode());
        assertTrue(e.getMessage().contains("web page"), e.getMessage());
    }

    @Test
    void truncatedJsonSaysTheAnswerWasCutOff() {
        gateway.injectFault("/api/governance/virtual-keys", Fault.truncatedJson());
        ApiException e = listFailure();
        assertEquals(ApiException.Kind.BAD_JSON, e.kind());
        assertTrue(e.getMessage().contains("cut off"), e.getMessage());
    }

    @Test
    void truncatedJsonWhileStreamingAnExportFailsTheSameWay() {
        gateway.injectFault("/api/governance/virtual-keys", Fault.truncatedJson());
        ApiException e = failureOf(client, c -> c.streamVirtualKeys(VirtualKeyQuery.all().withExport(true), k -> { }));
        assertEquals(ApiException.Kind.BAD_JSON, e.kind());
        assertTrue(e.getMessage().contains("cut off"), e.getMessage());
    }

    @Test
    void streamingAnExportReportsHttpErrorsToo() {
        gateway.injectFault("/api/governance/virtual-keys", Fault.forbidden("VirtualKeys:View"));
        ApiException e = failureOf(client, c -> c.streamVirtualKeys(VirtualKeyQuery.all().withExport(true), k -> { }));
        assertEquals(ApiException.Kind.FORBIDDEN, e.kind());
        assertTrue(e.getMessage().contains("VirtualKeys:View"));
    }

    @Test
    void jsonThatIsNotBifrostsIsSaidSo() {
        for (String path : new String[]{"/api/governance/virtual-keys", "/api/governance/teams",
                "/api/governance/customers", "/api/mcp/clients", "/api/providers"}) {
            gateway.injectFault(path, Fault.nonBifrostJson());
        }
        assertEquals(ApiException.Kind.NOT_BIFROST, listFailure().kind());
        assertEquals(ApiException.Kind.NOT_BIFROST, failureOf(client, c -> c.listTeams(ListQuery.firstPage(5))).kind());
        assertEquals(ApiException.Kind.NOT_BIFROST, failureOf(client, c -> c.listCustomers(ListQuery.firstPage(5))).kind());
        assertEquals(ApiException.Kind.NOT_BIFROST, failureOf(client, c -> c.listMcpClients(ListQuery.firstPage(5))).kind());
        ApiException providers = failureOf(client, ManagementApiClient::listProviders);
        assertEquals(ApiException.Kind.NOT_BIFROST, providers.kind());
        assertTrue(providers.getMessage().contains("Bifrost's HTTP port"), providers.getMessage());
    }

    @Test
    void aFieldOfAnUnexpectedTypeCostsThatFieldNotThePage() {
        gateway.injectFault("/api/governance/virtual-keys",
                Fault.json(200, "{\"virtual_keys\":[{\"id\":\"x\",\"created_at\":\"yesterday\",\"is_active\":[1]}]}"
                        .getBytes()));
        VirtualKey key = client.listVirtualKeys(VirtualKeyQuery.firstPage(25)).join().items().get(0);
        assertEquals("x", key.id());
        assertNull(key.createdAt());
        assertTrue(key.active(), "a list where a flag belongs reads as absent, and absent is active");
    }

    @Test
    void aRedirectIsReportedAndNotFollowedSoTheKeyStaysHome() throws Exception {
        // Another "server" that records any Authorization header it receives.
        java.util.List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer elsewhere = com.sun.net.httpserver.HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 5);
        elsewhere.createContext("/", exchange -> {
            received.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        elsewhere.start();
        try {
            String target = "http://localhost:" + elsewhere.getAddress().getPort();
            gateway.injectFault("/api/governance/virtual-keys", Fault.redirect(target + "/sso/login?next=/api"));
            ApiException e = listFailure();
            assertEquals(302, e.statusCode());
            assertTrue(e.getMessage().contains("redirected the request (HTTP 302) to " + target), e.getMessage());
            assertTrue(e.getMessage().contains("use it in the connection's settings"), e.getMessage());
            gateway.injectFault("/api/governance/virtual-keys", Fault.redirect(target + "/export"));
            assertEquals(302, failureOf(client, c -> c.streamVirtualKeys(VirtualKeyQuery.all().withExport(true), k -> { }))
                    .statusCode());
            assertTrue(received.isEmpty(), "the other host never saw the key: " + received);
        } finally {
            elsewhere.stop(0);
        }
    }

    @Test
    void cancellingAbortsTheExchange() {
        gateway.injectFault("/api/governance/virtual-keys", Fault.delay(Duration.ofSeconds(2)));
        CompletableFuture<Page<VirtualKey>> pending = client.listVirtualKeys(VirtualKeyQuery.firstPage(5));
        assertTrue(pending.cancel(true));
        assertTrue(pending.isCancelled());
        // the client stays usable
        assertEquals(5, client.listVirtualKeys(VirtualKeyQuery.firstPage(5)).join().count());
    }

    @Test
    void faultsApplyOnlyToTheirPathAndOnlyAsOftenAsAsked() {
        gateway.injectFault("/api/governance/teams", Fault.status(500), 2);
        assertEquals(10, client.listVirtualKeys(VirtualKeyQuery.firstPage(10)).join().count());
        assertEquals(ApiException.Kind.SERVER_ERROR, failureOf(client, c -> c.listTeams(ListQuery.firstPage(5))).kind());
        assertEquals(ApiException.Kind.SERVER_ERROR, failureOf(client, c -> c.listTeams(ListQuery.firstPage(5))).kind());
        assertNull(client.listTeams(ListQuery.firstPage(5)).join().items().stream()
                .filter(t -> t.id() == null).findFirst().orElse(null));
        assertTrue(gateway.requestLog().stream().anyMatch(uri -> uri.startsWith("/api/governance/teams?limit=5")));
    }
}
