package bifrostconsole.api;

import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

class PlainHttpTest {

    @Test
    void aPlainHttpClientDoesNotBuildTheDefaultTlsContext() {
        ManagementApiClient client = new ManagementApiClient(ConnectionSettings.of("http://127.0.0.1:8080", null));
        assertSame(PlainHttp.NO_TLS, client.tlsContext());
    }

    @Test
    void anHttpsClientKeepsTheJdksDefaultTrust() throws Exception {
        ManagementApiClient client = new ManagementApiClient(ConnectionSettings.of("https://bifrost.example.com", null));
        assertNotSame(PlainHttp.NO_TLS, client.tlsContext());
        assertSame(SSLContext.getDefault(), client.tlsContext());
    }
}
