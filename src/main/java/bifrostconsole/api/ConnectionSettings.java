package bifrostconsole.api;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach one Bifrost server. {@code apiKey} may be null when the server has auth disabled;
 * {@code sslContext} null means the JDK's default trust (certificates verified).
 */
public record ConnectionSettings(URI baseUrl, Secret apiKey, Duration connectTimeout, Duration requestTimeout,
                                 SSLContext sslContext) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    public ConnectionSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        baseUrl = normalize(baseUrl);
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        requestTimeout = requestTimeout == null ? DEFAULT_REQUEST_TIMEOUT : requestTimeout;
    }

    public static ConnectionSettings of(String baseUrl, Secret apiKey) {
        return new ConnectionSettings(parse(baseUrl.strip(), baseUrl), apiKey, null, null, null);
    }

    public ConnectionSettings withTimeouts(Duration connect, Duration request) {
        return new ConnectionSettings(baseUrl, apiKey, connect, request, sslContext);
    }

    public ConnectionSettings withSslContext(SSLContext context) {
        return new ConnectionSettings(baseUrl, apiKey, connectTimeout, requestTimeout, context);
    }

    /** The server as shown in messages: scheme, host and port only. */
    public String displayName() {
        return baseUrl.getScheme() + "://" + baseUrl.getHost() + (baseUrl.getPort() > 0 ? ":" + baseUrl.getPort() : "");
    }

    private static URI normalize(URI uri) {
        String text = uri.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        if (!text.contains("://")) {
            text = "http://" + text;
        }
        URI parsed = parse(text, uri.toString());
        if (parsed.getHost() == null) {
            throw new IllegalArgumentException("'" + uri + "' is not a server address: use e.g. http://localhost:8080");
        }
        return parsed;
    }

    /** URI.create's own message quotes character indexes; the user gets one sentence instead. */
    private static URI parse(String text, String asTyped) {
        try {
            return URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + asTyped + "' is not a server address: use e.g. http://localhost:8080");
        }
    }

    @Override
    public String toString() {
        return "ConnectionSettings[" + displayName() + (apiKey != null ? ", key ****" : ", no key") + "]";
    }
}
