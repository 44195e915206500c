package bifrostconsole.connection;

import bifrostconsole.api.ApiException;
import bifrostconsole.api.ConnectionSettings;
import bifrostconsole.api.ManagementApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A gateway behind a self-signed certificate: refused by default, trusted once its CA PEM is added. */
class TlsTrustTest {
    private static StubServer.SelfSignedCertificate certificate;
    private static StubServer server;

    @BeforeAll
    static void start() throws Exception {
        certificate = StubServer.SelfSignedCertificate.create(Path.of("target", "test-tls"));
        server = StubServer.https(certificate, StubServer.bifrostLike());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anUntrustedCertificateFailsWithTheTlsMessageByDefault() {
        ConnectionProfile profile = ConnectionProfile.create("Self-signed", server.url("https"));
        ApiException e = failure(profile);
        assertEquals(ApiException.Kind.TLS, e.kind());
        assertTrue(e.getMessage().contains("certificate is not trusted"), e.getMessage());
        assertTrue(e.getMessage().contains("add that CA's certificate (PEM)"), e.getMessage());
    }

    @Test
    void addingTheCaPemMakesTheSameServerTrusted() throws Exception {
        ConnectionProfile profile = ConnectionProfile.create("Self-signed", server.url("https"))
                .withTls(certificate.pem().toString(), false);
        String version = new ManagementApiClient(profile.toSettings(null)).version().get(10, TimeUnit.SECONDS);
        assertEquals("v1.4.3", version);
    }

    @Test
    void skippingVerificationIsPossibleWhenChosenExplicitly() throws Exception {
        ConnectionProfile profile = ConnectionProfile.create("Lab", server.url("https")).withTls(null, true);
        assertEquals("v1.4.3", new ManagementApiClient(profile.toSettings(null)).version().get(10, TimeUnit.SECONDS));
    }

    @Test
    void theCertificateIsCheckedAgainstTheHostName() throws Exception {
        StubServer.SelfSignedCertificate otherName = StubServer.SelfSignedCertificate.create(
                Path.of("target", "test-tls"), "other-name", "dns:gateway.example.com");
        try (StubServer named = StubServer.https(otherName, StubServer.bifrostLike())) {
            ConnectionProfile profile = ConnectionProfile.create("Wrong name", named.url("https"))
                    .withTls(otherName.pem().toString(), false);
            ApiException e = failure(profile);
            assertEquals(ApiException.Kind.TLS, e.kind());
            assertTrue(e.getMessage().contains("another host name"), e.getMessage());
        }
    }

    @Test
    void httpsToAPlainHttpPortSaysToUseHttp() throws Exception {
        try (java.net.ServerSocket plain = StubServer.plainTextResponder()) {
            ApiException e = failure(ConnectionProfile.create("Plain", "https://127.0.0.1:" + plain.getLocalPort()));
            assertEquals(ApiException.Kind.TLS, e.kind());
            assertTrue(e.getMessage().contains("does not speak HTTPS"), e.getMessage());
        }
    }

    @Test
    void httpToAnHttpsPortSaysToUseHttps() {
        ApiException e = failure(ConnectionProfile.create("Wrong scheme", server.url("http")));
        assertTrue(e.getMessage().contains("https://"), e.getMessage());
    }

    @Test
    void aFileThatIsNotAPemCertificateIsReportedBeforeAnyRequest() throws Exception {
        Path notPem = Path.of("target", "test-tls", "not-a-cert.pem");
        Files.writeString(notPem, "hello");
        ConnectionProfile profile = ConnectionProfile.create("Bad CA", server.url("https")).withTls(notPem.toString(), false);
        TlsContexts.TlsSetupException e = assertThrows(TlsContexts.TlsSetupException.class, () -> profile.toSettings(null));
        assertTrue(e.getMessage().contains("holds no"), e.getMessage());
        ConnectionProfile missing = profile.withTls("target/test-tls/missing.pem", false);
        e = assertThrows(TlsContexts.TlsSetupException.class, () -> missing.toSettings(null));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    private static ApiException failure(ConnectionProfile profile) {
        ConnectionSettings settings;
        try {
            settings = profile.toSettings(null);
        } catch (TlsContexts.TlsSetupException e) {
            throw new AssertionError(e);
        }
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> new ManagementApiClient(settings).version().get(20, TimeUnit.SECONDS));
        return (ApiException) e.getCause();
    }
}
