package bifrostconsole.connection;

import bifrostconsole.api.ConnectionSettings;
import bifrostconsole.api.Secret;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

/**
 * One saved Bifrost server: what the user calls it, where it is, how to trust its certificate and how long
 * to wait. Never holds the management API key: that lives in the {@link CredentialStore}, under {@link #id()}.
 *
 * @param caCertificateFile a PEM file with the CA that signed the server's certificate, or null for the JDK's
 *                          default trust
 * @param skipTlsVerification accept any certificate: an explicit, red-marked choice for lab servers only
 * @param plainHttpConfirmed the user agreed once to send this profile's key over plain http to a remote host
 */
public record ConnectionProfile(String id, String name, String baseUrl, String caCertificateFile,
                                boolean skipTlsVerification, Integer connectTimeoutSeconds,
                                Integer requestTimeoutSeconds, boolean plainHttpConfirmed) {

    public ConnectionProfile {
        id = id == null || id.isBlank() ? UUID.randomUUID().toString() : id;
        name = name == null || name.isBlank() ? hostOf(baseUrl) : name.strip();
        baseUrl = baseUrl == null ? "" : baseUrl.strip();
        caCertificateFile = caCertificateFile == null || caCertificateFile.isBlank() ? null : caCertificateFile.strip();
    }

    public static ConnectionProfile create(String name, String baseUrl) {
        return new ConnectionProfile(null, name, baseUrl, null, false, null, null, false);
    }

    /** The address, normalized as the client uses it; throws IllegalArgumentException with a user message. */
    public URI uri() {
        return ConnectionSettings.of(baseUrl, null).baseUrl();
    }

    public Duration connectTimeout() {
        return connectTimeoutSeconds == null || connectTimeoutSeconds <= 0
                ? ConnectionSettings.DEFAULT_CONNECT_TIMEOUT : Duration.ofSeconds(connectTimeoutSeconds);
    }

    public Duration requestTimeout() {
        return requestTimeoutSeconds == null || requestTimeoutSeconds <= 0
                ? ConnectionSettings.DEFAULT_REQUEST_TIMEOUT : Duration.ofSeconds(requestTimeoutSeconds);
    }

    /** True when a key would travel unencrypted across the network: {@code http://} to a non-loopback host. */
    public boolean sendsKeyInClear() {
        URI uri;
        try {
            uri = uri();
        } catch (IllegalArgumentException e) {
            return false;
        }
        return "http".equalsIgnoreCase(uri.getScheme()) && !isLoopback(uri.getHost());
    }

    /** Whether the user must still confirm plain http before a key is sent. */
    public boolean needsPlainHttpConfirmation() {
        return sendsKeyInClear() && !plainHttpConfirmed;
    }

    /** Settings for the API client; the SSL context comes from this profile's TLS choices. */
    public ConnectionSettings toSettings(Secret apiKey) throws TlsContexts.TlsSetupException {
        return new ConnectionSettings(uri(), apiKey, connectTimeout(), requestTimeout(), TlsContexts.forProfile(this));
    }

    /** Two profiles point at the same server when their normalized addresses match. */
    public boolean sameServer(URI other) {
        try {
            return uri().equals(ConnectionSettings.of(other.toString(), null).baseUrl());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public ConnectionProfile withName(String v) {
        return new ConnectionProfile(id, v, baseUrl, caCertificateFile, skipTlsVerification, connectTimeoutSeconds,
                requestTimeoutSeconds, plainHttpConfirmed);
    }

    public ConnectionProfile withBaseUrl(String v) {
        // A new address needs its own confirmation: the user agreed to send the key to the old host only.
        boolean keepConfirmation = plainHttpConfirmed && v != null && v.strip().equals(baseUrl);
        return new ConnectionProfile(id, name, v, caCertificateFile, skipTlsVerification, connectTimeoutSeconds,
                requestTimeoutSeconds, keepConfirmation);
    }

    public ConnectionProfile withTls(String caFile, boolean skipVerification) {
        return new ConnectionProfile(id, name, baseUrl, caFile, skipVerification, connectTimeoutSeconds,
                requestTimeoutSeconds, plainHttpConfirmed);
    }

    public ConnectionProfile withTimeouts(Integer connectSeconds, Integer requestSeconds) {
        return new ConnectionProfile(id, name, baseUrl, caCertificateFile, skipTlsVerification, connectSeconds,
                requestSeconds, plainHttpConfirmed);
    }

    public ConnectionProfile withPlainHttpConfirmed(boolean v) {
        return new ConnectionProfile(id, name, baseUrl, caCertificateFile, skipTlsVerification, connectTimeoutSeconds,
                requestTimeoutSeconds, v);
    }

    /** Loopback by name or literal address only: deciding must never wait on DNS. */
    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.") || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1");
    }

    /** The default name: host, and port when one is given (two gateways often share a host). */
    private static String hostOf(String url) {
        try {
            URI uri = ConnectionSettings.of(url, null).baseUrl();
            return uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        } catch (RuntimeException e) {
            return "Unnamed server";
        }
    }
}
