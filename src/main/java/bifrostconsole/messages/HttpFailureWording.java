package bifrostconsole.messages;

import bifrostconsole.messages.ServerFailure.Kind;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a failed call to one management API server is told: for each way an HTTP exchange goes wrong (no
 * connection, TLS, a timeout, an error status, an answer that is not Bifrost's), its {@link Kind} and the one
 * sentence that names the server, says what went wrong and what to do. The HTTP client only notices where a call
 * failed and throws what this class words, so every sentence a user can meet lives in this package.
 */
public final class HttpFailureWording {

    /** A failure, worded: {@code status} is 0 when no answer came; {@code serverMessage} is the server's own. */
    public record Worded(Kind kind, int status, String sentence, String serverMessage) {
    }

    private static final Pattern PERMISSION = Pattern.compile("\\b([A-Z][A-Za-z]+:[A-Z][A-Za-z]+)\\b");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String server;
    private final URI baseUrl;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final boolean hasKey;

    /**
     * {@code server} is the address as shown to the user (no credentials); the timeouts and whether a key is
     * sent are named in the sentences that depend on them.
     */
    public HttpFailureWording(String server, URI baseUrl, Duration connectTimeout, Duration requestTimeout,
                              boolean hasKey) {
        this.server = server;
        this.baseUrl = baseUrl;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.hasKey = hasKey;
    }

    /**
     * A non-2xx answer. {@code path} (may be null) lets a 404 from something that is not Bifrost be told apart
     * from Bifrost's own "not found", and lets a 403 name the permission the call needs when the server does not.
     */
    public Worded httpError(String path, int status, byte[] body) {
        if (status == 400 && head(body).contains("HTTP request to an HTTPS server")) {
            return new Worded(Kind.TLS, status, server + " speaks HTTPS, not plain HTTP: change the address"
                    + " to start with https://.", null);
        }
        if ((status == 404 || status == 405) && !isBifrostError(body) && path != null) {
            return new Worded(Kind.NOT_BIFROST, status, server + " answered, but has no Bifrost"
                    + " management API at " + path + " (HTTP " + status + "): check that the address points at"
                    + " Bifrost's HTTP port, not another service.", null);
        }
        if (looksLikeHtml(body) && status != 401 && status != 403) {
            return new Worded(Kind.NOT_JSON, status, server + " answered HTTP " + status + " with a web"
                    + " page instead of JSON, probably a proxy or login page: check that the address points at the"
                    + " Bifrost gateway itself.", null);
        }
        if (status == 403) {
            String serverMessage = errorMessage(body);
            String permission = permissionIn(serverMessage);
            String needed = permission != null ? "the " + permission + " permission"
                    : neededPermission(path) != null ? "the permission for this (" + neededPermission(path) + ")"
                    : "the permission for this";
            return new Worded(Kind.FORBIDDEN, status, server + " accepted the key but it lacks " + needed
                    + " (403 Forbidden): ask an admin to grant it to this API key.", serverMessage);
        }
        if (status == 401 && !hasKey) {
            return new Worded(Kind.UNAUTHORIZED, status, server + " requires a management API key"
                    + " (401 Unauthorized): enter the key in the connection's settings or set BIFROST_API_KEY.",
                    errorMessage(body));
        }
        return statusError(status, body);
    }

    /** The start of a body as text: enough for the markers below, never a whole page. */
    private static String head(byte[] body) {
        return body == null ? "" : new String(body, 0, Math.min(body.length, 2048), StandardCharsets.UTF_8);
    }

    /** Bifrost's own error envelope, as opposed to a bare 404 page from whatever else listens there. */
    private static boolean isBifrostError(byte[] body) {
        String text = head(body);
        return text.contains("\"is_bifrost_error\"") || text.contains("\"error\"");
    }

    /** The permission Bifrost's RBAC checks for a read of {@code path}, as its docs name it. */
    private static String neededPermission(String path) {
        if (path == null) {
            return null;
        }
        if (path.startsWith("/api/governance/virtual-keys")) {
            return "VirtualKeys:View";
        }
        if (path.startsWith("/api/governance/teams")) {
            return "Teams:View";
        }
        if (path.startsWith("/api/governance/customers")) {
            return "Customers:View";
        }
        if (path.startsWith("/api/providers")) {
            return "ModelProvider:View";
        }
        return null;
    }

    private Worded statusError(int status, byte[] body) {
        String serverMessage = errorMessage(body);
        String detail = serverMessage == null ? "" : " (" + serverMessage + ")";
        return switch (status) {
            case 400 -> new Worded(Kind.BAD_REQUEST, status, server + " rejected the request as invalid"
                    + detail + ": correct the search, filter or page and try again.", serverMessage);
            case 401 -> new Worded(Kind.UNAUTHORIZED, status, server + " refused the management API key"
                    + " (401 Unauthorized): enter the right key in the connection's settings.", serverMessage);
            case 404 -> new Worded(Kind.NOT_FOUND, status, server + " has no such item" + detail
                    + ": it may have been deleted; refresh the list.", serverMessage);
            case 409 -> new Worded(Kind.CONFLICT, status, server + " reported a conflict" + detail
                    + ": refresh and try again.", serverMessage);
            case 429 -> new Worded(Kind.RATE_LIMITED, status, server + " is limiting requests (429 Too Many"
                    + " Requests): wait a moment, then retry.", serverMessage);
            case 500 -> new Worded(Kind.SERVER_ERROR, status, server + " failed with an internal error"
                    + detail + ": retry, and check the gateway's logs if it keeps failing.", serverMessage);
            case 502, 503, 504 -> new Worded(Kind.UNAVAILABLE, status, server + " is unavailable (HTTP "
                    + status + ")" + detail + ": retry in a moment.", serverMessage);
            default -> new Worded(Kind.HTTP_ERROR, status, server + " answered HTTP " + status + detail
                    + ": retry, and check the gateway's logs if it keeps failing.", serverMessage);
        };
    }

    /** Bifrost's {@code {"error":{"message":...}}}, the {@code {error, message}} variant, or null. */
    public static String errorMessage(byte[] body) {
        if (body == null || body.length == 0 || looksLikeHtml(body)) {
            return null;
        }
        try {
            JsonNode root = JSON.readTree(body);
            JsonNode error = root.get("error");
            if (error != null && error.isObject() && error.hasNonNull("message")) {
                return firstLine(error.get("message").asText());
            }
            if (root.hasNonNull("message")) {
                return firstLine(root.get("message").asText());
            }
            if (error != null && error.isTextual()) {
                return firstLine(error.asText());
            }
        } catch (IOException | RuntimeException ignored) {
            // Not JSON: the status alone tells the story.
        }
        return null;
    }

    /** A permission named in the server's message, e.g. {@code VirtualKeys:Update}, or null. */
    public static String permissionIn(String message) {
        if (message == null) {
            return null;
        }
        Matcher m = PERMISSION.matcher(message);
        return m.find() ? m.group(1) : null;
    }

    /** A call that got no answer: {@code t} is the cause under the futures' wrappers. */
    public Worded transportFailure(Throwable t) {
        if (t instanceof CancellationException) {
            return new Worded(Kind.CANCELLED, 0, "The request to " + server + " was cancelled.", null);
        }
        if (t instanceof HttpConnectTimeoutException) {
            return new Worded(Kind.TIMEOUT, 0, server + " did not accept a connection within "
                    + seconds(connectTimeout) + ": check the address and that the server is up.", null);
        }
        if (t instanceof HttpTimeoutException) {
            return new Worded(Kind.TIMEOUT, 0, server + " did not answer within "
                    + seconds(requestTimeout) + ": check that the server is healthy, or raise the"
                    + " timeout in the connection's settings.", null);
        }
        if (hasCause(t, UnresolvedAddressException.class) || hasCause(t, UnknownHostException.class)) {
            return new Worded(Kind.UNKNOWN_HOST, 0, "The host '" + baseUrl.getHost() + "' could not be found (DNS"
                    + " lookup failed): check the address for typos, and your network or VPN.", null);
        }
        if (hasCause(t, SSLException.class)) {
            return tlsFailure(t);
        }
        if (t instanceof ConnectException || hasCause(t, ConnectException.class)) {
            return new Worded(Kind.CONNECTION_REFUSED, 0, "Nothing is listening on port " + port() + " of "
                    + baseUrl.getHost() + " (connection refused): check the port in the address"
                    + " (Bifrost's default is 8080) and that Bifrost is running.", null);
        }
        if ("http".equalsIgnoreCase(baseUrl.getScheme()) && t instanceof IOException
                && t.getMessage() != null && (t.getMessage().contains("received no bytes")
                || t.getMessage().contains("EOF reached") || t.getMessage().contains("Connection reset"))) {
            return new Worded(Kind.NETWORK, 0, server + " closed the connection without an HTTP answer:"
                    + " if the server uses HTTPS, change the address to start with https://.", null);
        }
        return new Worded(Kind.NETWORK, 0, "The connection to " + server + " failed ("
                + t.getClass().getSimpleName() + "): check the network and retry.", null);
    }

    /**
     * A write that got no answer. If it never left (no connection, unknown host, TLS set-up, connect timeout),
     * nothing changed and it reads as for a read; after sending (a timeout, a reset, a cancel) the server may
     * have applied it, and the sentence says so, since nothing retries a write.
     */
    public Worded writeWithoutAnswer(Throwable t) {
        Worded unanswered = transportFailure(t);
        boolean neverSent = unanswered.kind() == Kind.CONNECTION_REFUSED || unanswered.kind() == Kind.UNKNOWN_HOST
                || unanswered.kind() == Kind.TLS || hasCause(t, HttpConnectTimeoutException.class);
        if (neverSent) {
            return unanswered;
        }
        String what = switch (unanswered.kind()) {
            case TIMEOUT -> server + " did not answer within " + seconds(requestTimeout);
            case CANCELLED -> "The request to " + server + " was cancelled after it was sent";
            default -> "The connection to " + server + " broke before its answer";
        };
        return new Worded(unanswered.kind(), 0, what + ", so the change may or may not have been made: refresh to"
                + " see before trying again.", null);
    }

    /**
     * A refused write ({@code method path}, which needs {@code permission}): a missing route, 403 and 400 get
     * wording for changes ("nothing was changed"); the rest reads as for a read.
     */
    public Worded writeRefused(String method, String path, String permission, int status, byte[] body) {
        String serverMessage = errorMessage(body);
        if ((status == 404 || status == 405) && !isBifrostError(body)) {
            return new Worded(Kind.NOT_BIFROST, status, server + " has no route for " + method + " " + path
                    + " (HTTP " + status + "): this Bifrost version does not support this change.", null);
        }
        if (status == 403 && !looksLikeHtml(body)) {
            String named = permissionIn(serverMessage);
            return new Worded(Kind.FORBIDDEN, status, server + " accepted the key but it lacks the "
                    + (named != null ? named : permission) + " permission (403 Forbidden): ask an admin to grant it"
                    + " to this API key; nothing was changed.", serverMessage);
        }
        if (status == 400 && serverMessage != null) {
            return new Worded(Kind.BAD_REQUEST, status, server + " refused the change (" + serverMessage
                    + "); nothing was changed.", serverMessage);
        }
        return httpError(path, status, body);
    }

    /** "30 s", or "0.3 s" for sub-second timeouts, which toSeconds() would show as "0 s". */
    private static String seconds(Duration d) {
        long millis = d.toMillis();
        return (millis % 1000 == 0 ? String.valueOf(millis / 1000)
                : BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString()) + " s";
    }

    /** Untrusted certificate, wrong host name, or no TLS at all on that port: each has its own remedy. */
    private Worded tlsFailure(Throwable t) {
        String messages = causeMessages(t);
        if (messages.contains("unrecognized SSL message") || messages.contains("plaintext connection")) {
            return new Worded(Kind.TLS, 0, server + " does not speak HTTPS on port " + port()
                    + ": change the address to start with http://, or use the server's HTTPS port.", null);
        }
        if (messages.contains("No subject alternative") || messages.contains("No name matching")) {
            return new Worded(Kind.TLS, 0, server + "'s certificate was issued for another host name:"
                    + " use the name the certificate names in the address.", null);
        }
        if (hasCause(t, CertificateException.class) || messages.contains("PKIX")
                || messages.contains("certification path")) {
            return new Worded(Kind.TLS, 0, server + "'s TLS certificate is not trusted (it is self-signed or"
                    + " signed by a private CA): add that CA's certificate (PEM) in the connection's TLS settings.",
                    null);
        }
        return new Worded(Kind.TLS, 0, "A secure connection to " + server + " could not be set up ("
                + firstLine(t.getMessage()) + "): check that the address's port speaks HTTPS and that the"
                + " server's TLS setup is valid.", null);
    }

    private int port() {
        int port = baseUrl.getPort();
        return port > 0 ? port : "https".equalsIgnoreCase(baseUrl.getScheme()) ? 443 : 80;
    }

    private static String causeMessages(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            b.append(c.getMessage()).append(' ');
        }
        return b.toString();
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    /** A 2xx answer that lacks the field every Bifrost answer of that route has. */
    public Worded notBifrost(String missingField) {
        return new Worded(Kind.NOT_BIFROST, 200, server + " answered, but not like a Bifrost gateway (no '"
                + missingField + "' in the reply): check that the address points at Bifrost's HTTP port.", null);
    }

    /** A 2xx answer that is an HTML page: a proxy or a login page sits in front of the gateway. */
    public Worded webPage(int status) {
        return new Worded(Kind.NOT_JSON, status, server + " answered with a web page instead of JSON, probably a proxy"
                + " or login page: check that the address points at the Bifrost gateway itself.", null);
    }

    /** A write's 2xx answer that is an HTML page: something in front of the gateway answered instead. */
    public Worded webPageAfterWrite(int status) {
        return new Worded(Kind.NOT_JSON, status, server + " answered with a web page instead of JSON, probably a"
                + " proxy or login page, so whether the change was made is unknown: check the address, then"
                + " refresh.", null);
    }

    /** A 2xx answer that could not be read: cut off, or in a shape this console does not know. */
    public Worded parseFailure(IOException e) {
        if (e instanceof JsonEOFException || (e.getMessage() != null && e.getMessage().contains("end-of-input"))) {
            return new Worded(Kind.BAD_JSON, 200, server + "'s answer was cut off before its end: retry, and if it"
                    + " keeps happening check any proxy between you and the gateway.", null);
        }
        return new Worded(Kind.BAD_JSON, 200, server + " sent data the console cannot read ("
                + firstLine(e.getMessage()) + "): check that the server is a supported Bifrost version.", null);
    }

    /**
     * A write's 2xx answer that could not be read: the server accepted the change, so the one thing not to do is
     * to send it again without looking.
     */
    public Worded unreadableAfterWrite(IOException e) {
        boolean cut = e instanceof JsonEOFException || (e.getMessage() != null && e.getMessage().contains("end-of-input"));
        return new Worded(Kind.BAD_JSON, 200, server + " accepted the change but its answer " + (cut
                ? "was cut off" : "could not be read (" + firstLine(e.getMessage()) + ")")
                + ": refresh to see the result before changing it again.", null);
    }

    /** A redirect, which the client never follows (it would send the key along); says where it points. */
    public Worded redirected(HttpResponse<?> response) {
        String target = response.headers().firstValue("Location").map(location -> {
            try {
                URI uri = response.uri().resolve(location);
                return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
            } catch (IllegalArgumentException e) {
                return null;
            }
        }).orElse(null);
        return new Worded(Kind.HTTP_ERROR, response.statusCode(), server + " redirected the request (HTTP "
                + response.statusCode() + ")" + (target == null ? "" : " to " + target)
                + ": if that is the gateway's real address, use it in the connection's settings.", null);
    }

    /** Whether a body is an HTML page rather than JSON: its first non-blank character is {@code <}. */
    public static boolean looksLikeHtml(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '<';
            }
        }
        return false;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unknown error";
        }
        String line = text.lines().findFirst().orElse("").strip();
        return line.length() > 200 ? line.substring(0, 200) + "\u2026" : line;
    }
}
