package bifrostconsole.connection;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A tiny loopback HTTP(S) server for tests that need answers the demo gateway never gives: a web page, a
 * different product, a TLS certificate nobody trusts.
 */
final class StubServer implements AutoCloseable {
    private final HttpServer server;

    private StubServer(HttpServer server) {
        this.server = server;
    }

    static StubServer http(HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", handler);
        server.start();
        return new StubServer(server);
    }

    static StubServer https(SelfSignedCertificate certificate, HttpHandler handler) throws Exception {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
        server.createContext("/", handler);
        server.start();
        return new StubServer(server);
    }

    /**
     * Answers whatever arrives, TLS handshakes included, with a plain-text 400, as Go's HTTP server does when
     * a TLS client knocks on its plain port. The JDK's HttpServer would just wait instead.
     */
    static java.net.ServerSocket plainTextResponder() throws IOException {
        java.net.ServerSocket socket = new java.net.ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> {
            while (!socket.isClosed()) {
                try (java.net.Socket client = socket.accept()) {
                    client.getInputStream().read(new byte[4096]);
                    client.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 11\r\n\r\nBad Request"
                            .getBytes(StandardCharsets.US_ASCII));
                } catch (IOException closed) {
                    // The test closed the socket.
                }
            }
        }, "plain-text-responder");
        thread.setDaemon(true);
        thread.start();
        return socket;
    }

    String url(String scheme) {
        return scheme + "://127.0.0.1:" + server.getAddress().getPort();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Answers like a healthy Bifrost with auth turned off and one key. */
    static HttpHandler bifrostLike() {
        return exchange -> {
            String path = exchange.getRequestURI().getPath();
            switch (path) {
                case "/health" -> reply(exchange, 200, "application/json", "{\"status\":\"ok\",\"components\":{\"db_pings\":\"ok\"}}");
                case "/api/version" -> reply(exchange, 200, "application/json", "\"v1.4.3\"");
                case "/api/governance/virtual-keys" -> reply(exchange, 200, "application/json",
                        "{\"virtual_keys\":[],\"count\":0,\"total_count\":1,\"limit\":1,\"offset\":0}");
                default -> reply(exchange, 404, "application/json", "{\"error\":{\"message\":\"not found\"}}");
            }
        };
    }

    static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A certificate for 127.0.0.1/localhost made by the JDK's keytool, and its PEM. */
    record SelfSignedCertificate(Path keyStore, Path pem) {
        private static final String PASSWORD = "test-only";

        static SelfSignedCertificate create(Path dir) throws Exception {
            return create(dir, "server", "dns:localhost,ip:127.0.0.1");
        }

        /** {@code names}: the subject alternative names, e.g. {@code dns:localhost,ip:127.0.0.1}. */
        static SelfSignedCertificate create(Path dir, String fileName, String names) throws Exception {
            Files.createDirectories(dir);
            Path keyStore = dir.resolve(fileName + ".p12");
            Path pem = dir.resolve(fileName + "-ca.pem");
            Files.deleteIfExists(keyStore);
            Files.deleteIfExists(pem);
            keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=localhost", "-ext", "SAN=" + names, "-validity", "2",
                    "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD,
                    "-keypass", PASSWORD);
            keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", keyStore.toString(),
                    "-storepass", PASSWORD, "-file", pem.toString());
            return new SelfSignedCertificate(keyStore, pem);
        }

        SSLContext serverContext() throws Exception {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                ks.load(in, PASSWORD.toCharArray());
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        }

        private static void keytool(String... args) throws Exception {
            Path tool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            List<String> command = new java.util.ArrayList<>();
            command.add(tool.toString());
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        }
    }
}
