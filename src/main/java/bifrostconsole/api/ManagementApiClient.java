package bifrostconsole.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Bifrost management API over the JDK's HttpClient. Every call is asynchronous and cancellable
 * (cancelling the returned future aborts the exchange), and every failure completes the future with an
 * {@link ApiException} whose message is one sentence a user can act on.
 */
public final class ManagementApiClient implements GovernanceSource {

    private static final Pattern PERMISSION = Pattern.compile("\\b([A-Z][A-Za-z]+:[A-Z][A-Za-z]+)\\b");

    private final ConnectionSettings settings;
    private final HttpClient http;
    private final ObjectMapper mapper = Json.mapper();
    private final ItemReader<VirtualKey> keys = new ItemReader<>(mapper.readerFor(VirtualKey.class), "virtual key");
    private final ItemReader<Team> teams = new ItemReader<>(mapper.readerFor(Team.class), "team");
    private final ItemReader<Customer> customers = new ItemReader<>(mapper.readerFor(Customer.class), "customer");
    private final ItemReader<McpClient> mcpClients = new ItemReader<>(mapper.readerFor(McpClient.class), "MCP client");
    private final ItemReader<ProviderKey> providerKeys = new ItemReader<>(mapper.readerFor(ProviderKey.class),
            "provider key");

    public ManagementApiClient(ConnectionSettings settings) {
        this.settings = settings;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                // Never follow: the JDK's client re-sends the Authorization header to wherever a redirect points,
                // so a redirect to another host would hand it the management API key. A redirect is reported.
                .followRedirects(HttpClient.Redirect.NEVER);
        if (settings.sslContext() != null) {
            builder.sslContext(settings.sslContext());
        }
        this.http = builder.build();
    }

    public ConnectionSettings settings() {
        return settings;
    }

    @Override
    public String displayName() {
        return settings.displayName();
    }

    // ---- virtual keys -------------------------------------------------------------------------------

    /**
     * A page of keys. A key the console cannot read is a placeholder row ({@link VirtualKey#isUnreadable()}) in
     * its place, with the reason; the rest of the page is read as usual.
     */
    @Override
    public CompletableFuture<Page<VirtualKey>> listVirtualKeys(VirtualKeyQuery query) {
        return getJson("/api/governance/virtual-keys", query.toQueryString(), body -> {
            JsonNode root = mapper.readTree(body);
            JsonNode array = root == null ? null : root.get("virtual_keys");
            if (array == null || !array.isArray()) {
                throw notBifrost("virtual_keys");
            }
            ItemReader.Result<VirtualKey> read = keys.readAll(array);
            List<VirtualKey> items = read.unreadable().isEmpty() ? read.items() : inPlace(array, read);
            return Page.of(items, intOrNull(root, "count"), longOrNull(root, "total_count"), intOrNull(root, "limit"),
                    intOrNull(root, "offset"));
        });
    }

    /** The readable keys and a placeholder for each unreadable one, in the server's order. */
    private static List<VirtualKey> inPlace(JsonNode array, ItemReader.Result<VirtualKey> read) {
        List<VirtualKey> items = new ArrayList<>(array.size());
        java.util.Iterator<VirtualKey> readable = read.items().iterator();
        java.util.Iterator<UnreadableItem> unreadable = read.unreadable().iterator();
        UnreadableItem nextBad = unreadable.hasNext() ? unreadable.next() : null;
        for (int i = 0; i < array.size(); i++) {
            if (nextBad != null && nextBad.position() == i) {
                items.add(VirtualKey.unreadable(nextBad));
                nextBad = unreadable.hasNext() ? unreadable.next() : null;
            } else if (readable.hasNext()) {
                items.add(readable.next());
            }
        }
        return items;
    }

    @Override
    public CompletableFuture<VirtualKey> getVirtualKey(String id) {
        return getJson("/api/governance/virtual-keys/" + pathSegment(id), "", body -> {
            JsonNode node = mapper.readTree(body).get("virtual_key");
            if (node == null || !node.isObject()) {
                throw notBifrost("virtual_key");
            }
            ItemReader.Result<VirtualKey> read = keys.readAll(mapper.createArrayNode().add(node));
            return read.items().isEmpty() ? VirtualKey.unreadable(read.unreadable().get(0)) : read.items().get(0);
        });
    }

    /**
     * Streams a list of virtual keys: each key is handed to {@code sink} as soon as it is parsed, so a
     * 10,000-key export page never sits in memory whole. Completes with the page's envelope (no items).
     * {@code sink} runs on an HTTP worker thread.
     */
    public CompletableFuture<Page<VirtualKey>> streamVirtualKeys(VirtualKeyQuery query, Consumer<VirtualKey> sink) {
        HttpRequest request = request("/api/governance/virtual-keys", query.toQueryString());
        CompletableFuture<HttpResponse<InputStream>> exchange =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        CompletableFuture<Page<VirtualKey>> result = exchange.handle((response, failure) -> {
            if (failure != null) {
                throw translate(failure);
            }
            try (InputStream in = response.body()) {
                if (response.statusCode() / 100 == 3) {
                    throw redirected(response);
                }
                if (response.statusCode() / 100 != 2) {
                    throw httpError("/api/governance/virtual-keys", response.statusCode(), in.readAllBytes());
                }
                return streamKeys(in, sink);
            } catch (IOException e) {
                throw translate(e);
            }
        });
        return cancellable(result, exchange);
    }

    /** The keys of one streamed page, handed over as parsed; see {@link VirtualKeyStream}. */
    private Page<VirtualKey> streamKeys(InputStream body, Consumer<VirtualKey> sink) throws IOException {
        Integer count = null;
        Long total = null;
        Integer limit = null;
        Integer offset = null;
        boolean sawKeys = false;
        int seen = 0;
        try (VirtualKeyStream stream = VirtualKeyStream.over(body)) {
            JsonParser p = stream.parser();
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw notBifrost("virtual_keys");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "virtual_keys" -> {
                        sawKeys = true;
                        if (value == JsonToken.START_ARRAY) {
                            seen = stream.readKeys(sink);
                        }
                    }
                    case "count" -> count = p.getValueAsInt();
                    case "total_count" -> total = p.getValueAsLong();
                    case "limit" -> limit = p.getValueAsInt();
                    case "offset" -> offset = p.getValueAsInt();
                    default -> p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw parseFailure(e);
        }
        if (!sawKeys) {
            throw notBifrost("virtual_keys");
        }
        return new Page<>(List.of(), count == null ? seen : count, total == null ? seen : total,
                limit == null ? seen : limit, offset == null ? 0 : offset);
    }

    // ---- teams, customers, MCP, providers ------------------------------------------------------------

    @Override
    public CompletableFuture<Page<Team>> listTeams(ListQuery query) {
        return getJson("/api/governance/teams", query.toQueryString(), body -> listPage(body, "teams", teams));
    }

    public CompletableFuture<Team> getTeam(String id) {
        return getJson("/api/governance/teams/" + pathSegment(id), "", body -> unwrap(body, "team", Team.class));
    }

    @Override
    public CompletableFuture<Page<Customer>> listCustomers(ListQuery query) {
        return getJson("/api/governance/customers", query.toQueryString(),
                body -> listPage(body, "customers", customers));
    }

    public CompletableFuture<Customer> getCustomer(String id) {
        return getJson("/api/governance/customers/" + pathSegment(id), "",
                body -> unwrap(body, "customer", Customer.class));
    }

    /** MCP clients: the paged envelope of newer servers, or the bare array older releases send. */
    public CompletableFuture<Page<McpClient>> listMcpClients(ListQuery query) {
        return getJson("/api/mcp/clients", query.toQueryString(), body -> {
            JsonNode root = mapper.readTree(body);
            if (root != null && root.isArray()) {
                ItemReader.Result<McpClient> read = mcpClients.readAll(root);
                return Page.of(read.items(), null, null, null, null).withUnreadable(read.unreadable());
            }
            return listPage(body, "clients", mcpClients);
        });
    }

    public CompletableFuture<List<Provider>> listProviders() {
        return getJson("/api/providers", "", body -> {
            ProviderList list = mapper.readValue(body, ProviderList.class);
            if (list.providers() == null) {
                throw notBifrost("providers");
            }
            return list.providers();
        });
    }

    /** A provider's keys (redacted by the server); keys the console cannot read are left out. */
    public CompletableFuture<List<ProviderKey>> listProviderKeys(String provider) {
        return providerKeys(provider).thenApply(Page::items);
    }

    /** A provider's keys, with the ones the console could not read in {@link Page#unreadable()}. */
    public CompletableFuture<Page<ProviderKey>> providerKeys(String provider) {
        return getJson("/api/providers/" + pathSegment(provider) + "/keys", "", body -> {
            JsonNode root = mapper.readTree(body);
            JsonNode array = root == null ? null : root.isArray() ? root : root.get("keys");
            if (array == null || !array.isArray()) {
                throw notBifrost("keys");
            }
            ItemReader.Result<ProviderKey> read = providerKeys.readAll(array);
            return Page.of(read.items(), null, null, null, null).withUnreadable(read.unreadable());
        });
    }

    public CompletableFuture<Health> health() {
        return getJson("/health", "", body -> {
            Health health = mapper.readValue(body, Health.class);
            if (health.status() == null) {
                throw notBifrost("status");
            }
            return health;
        });
    }

    /** The server's version string, e.g. {@code v1.4.3}. */
    public CompletableFuture<String> version() {
        return getJson("/api/version", "", body -> {
            JsonNode node = mapper.readTree(body);
            if (node.isTextual()) {
                return node.asText();
            }
            if (node.has("version")) {
                return node.get("version").asText();
            }
            throw notBifrost("version");
        });
    }

    /** A paged envelope {@code {<field>: [...], count, total_count, limit, offset}}, read item by item. */
    private <T> Page<T> listPage(byte[] body, String field, ItemReader<T> reader) throws IOException {
        JsonNode root = mapper.readTree(body);
        JsonNode array = root == null ? null : root.get(field);
        if (array == null || !array.isArray()) {
            throw notBifrost(field);
        }
        ItemReader.Result<T> read = reader.readAll(array);
        return Page.of(read.items(), intOrNull(root, "count"), longOrNull(root, "total_count"),
                intOrNull(root, "limit"), intOrNull(root, "offset")).withUnreadable(read.unreadable());
    }

    private static Integer intOrNull(JsonNode root, String field) {
        JsonNode n = root.get(field);
        return n != null && n.isNumber() ? n.intValue() : null;
    }

    private static Long longOrNull(JsonNode root, String field) {
        JsonNode n = root.get(field);
        return n != null && n.isNumber() ? n.longValue() : null;
    }

    // ---- plumbing -------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface BodyParser<T> {
        T parse(byte[] body) throws IOException;
    }

    private <T> CompletableFuture<T> getJson(String path, String query, BodyParser<T> parser) {
        CompletableFuture<HttpResponse<byte[]>> exchange =
                http.sendAsync(request(path, query), HttpResponse.BodyHandlers.ofByteArray());
        CompletableFuture<T> result = exchange.handle((response, failure) -> {
            if (failure != null) {
                throw translate(failure);
            }
            byte[] body = response.body();
            if (response.statusCode() / 100 == 3) {
                throw redirected(response);
            }
            if (response.statusCode() / 100 != 2) {
                throw httpError(path, response.statusCode(), body);
            }
            if (looksLikeHtml(body)) {
                throw error(ApiException.Kind.NOT_JSON, response.statusCode(),
                        settings.displayName() + " answered with a web page instead of JSON, probably a proxy or"
                                + " login page: check that the address points at the Bifrost gateway itself.", null, null);
            }
            try {
                return parser.parse(body);
            } catch (IOException e) {
                throw parseFailure(e);
            }
        });
        return cancellable(result, exchange);
    }

    private HttpRequest request(String path, String query) {
        URI uri = URI.create(settings.baseUrl() + path + (query == null || query.isEmpty() ? "" : "?" + query));
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("Accept", "application/json")
                .GET();
        // The key goes only to /api routes: /health is public and needs none.
        if (settings.apiKey() != null && path.startsWith("/api/")) {
            builder.header("Authorization", "Bearer " + settings.apiKey().reveal());
        }
        return builder.build();
    }

    /** Cancelling the caller's future aborts the HTTP exchange too. */
    private static <T> CompletableFuture<T> cancellable(CompletableFuture<T> result, CompletableFuture<?> exchange) {
        CompletableFuture<T> outer = new CompletableFuture<>();
        result.whenComplete((value, failure) -> {
            if (failure != null) {
                outer.completeExceptionally(failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
            } else {
                outer.complete(value);
            }
        });
        outer.whenComplete((value, failure) -> {
            if (outer.isCancelled()) {
                exchange.cancel(true);
            }
        });
        return outer;
    }

    private <T> T unwrap(byte[] body, String field, Class<T> type) throws IOException {
        JsonNode node = mapper.readTree(body).get(field);
        if (node == null || !node.isObject()) {
            throw notBifrost(field);
        }
        return mapper.treeToValue(node, type);
    }

    private static boolean looksLikeHtml(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '<';
            }
        }
        return false;
    }

    private ApiException notBifrost(String missingField) {
        return error(ApiException.Kind.NOT_BIFROST, 200, settings.displayName()
                + " answered, but not like a Bifrost gateway (no '" + missingField + "' in the reply): check that"
                + " the address points at Bifrost's HTTP port.", null, null);
    }

    private ApiException parseFailure(IOException e) {
        if (e instanceof JsonEOFException || (e.getMessage() != null && e.getMessage().contains("end-of-input"))) {
            return error(ApiException.Kind.BAD_JSON, 200, settings.displayName()
                    + "'s answer was cut off before its end: retry, and if it keeps happening check any proxy"
                    + " between you and the gateway.", null, e);
        }
        return error(ApiException.Kind.BAD_JSON, 200, settings.displayName()
                + " sent data the console cannot read (" + firstLine(e.getMessage())
                + "): check that the server is a supported Bifrost version.", null, e);
    }

    /** A redirect is not followed (see the constructor); the user is told where it points. */
    private ApiException redirected(HttpResponse<?> response) {
        String target = response.headers().firstValue("Location").map(location -> {
            try {
                URI uri = response.uri().resolve(location);
                return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
            } catch (IllegalArgumentException e) {
                return null;
            }
        }).orElse(null);
        return error(ApiException.Kind.HTTP_ERROR, response.statusCode(), settings.displayName()
                + " redirected the request (HTTP " + response.statusCode() + ")"
                + (target == null ? "" : " to " + target)
                + ": if that is the gateway's real address, use it in the connection's settings.", null, null);
    }

    ApiException httpError(int status, byte[] body) {
        return httpError(null, status, body);
    }

    /**
     * {@code path} lets a 404 from something that is not Bifrost be told apart from Bifrost's own "not found",
     * and lets a 403 name the permission the call needs when the server does not say.
     */
    ApiException httpError(String path, int status, byte[] body) {
        String server = settings.displayName();
        String text = body == null ? "" : new String(body, 0, Math.min(body.length, 2048), StandardCharsets.UTF_8);
        if (status == 400 && text.contains("HTTP request to an HTTPS server")) {
            return error(ApiException.Kind.TLS, status, server + " speaks HTTPS, not plain HTTP: change the address"
                    + " to start with https://.", null, null);
        }
        boolean bifrostError = text.contains("\"is_bifrost_error\"") || text.contains("\"error\"");
        if ((status == 404 || status == 405) && !bifrostError && path != null) {
            return error(ApiException.Kind.NOT_BIFROST, status, server + " answered, but has no Bifrost"
                    + " management API at " + path + " (HTTP " + status + "): check that the address points at"
                    + " Bifrost's HTTP port, not another service.", null, null);
        }
        if (looksLikeHtml(body) && status != 401 && status != 403) {
            return error(ApiException.Kind.NOT_JSON, status, server + " answered HTTP " + status + " with a web"
                    + " page instead of JSON, probably a proxy or login page: check that the address points at the"
                    + " Bifrost gateway itself.", null, null);
        }
        if (status == 403) {
            String serverMessage = errorMessage(body);
            String permission = permissionIn(serverMessage);
            String needed = permission != null ? "the " + permission + " permission"
                    : neededPermission(path) != null ? "the permission for this (" + neededPermission(path) + ")"
                    : "the permission for this";
            return error(ApiException.Kind.FORBIDDEN, status, server + " accepted the key but it lacks " + needed
                    + " (403 Forbidden): ask an admin to grant it to this API key.", serverMessage, null);
        }
        if (status == 401 && settings.apiKey() == null) {
            return error(ApiException.Kind.UNAUTHORIZED, status, server + " requires a management API key"
                    + " (401 Unauthorized): enter the key in the connection's settings or set BIFROST_API_KEY.",
                    errorMessage(body), null);
        }
        return statusError(status, body);
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

    private ApiException statusError(int status, byte[] body) {
        String serverMessage = errorMessage(body);
        String server = settings.displayName();
        String detail = serverMessage == null ? "" : " (" + serverMessage + ")";
        return switch (status) {
            case 400 -> error(ApiException.Kind.BAD_REQUEST, status, server + " rejected the request as invalid"
                    + detail + ": correct the search, filter or page and try again.", serverMessage, null);
            case 401 -> error(ApiException.Kind.UNAUTHORIZED, status, server + " refused the management API key"
                    + " (401 Unauthorized): enter the right key in the connection's settings.", serverMessage, null);
            case 404 -> error(ApiException.Kind.NOT_FOUND, status, server + " has no such item" + detail
                    + ": it may have been deleted; refresh the list.", serverMessage, null);
            case 409 -> error(ApiException.Kind.CONFLICT, status, server + " reported a conflict" + detail
                    + ": refresh and try again.", serverMessage, null);
            case 429 -> error(ApiException.Kind.RATE_LIMITED, status, server + " is limiting requests (429 Too Many"
                    + " Requests): wait a moment, then retry.", serverMessage, null);
            case 500 -> error(ApiException.Kind.SERVER_ERROR, status, server + " failed with an internal error"
                    + detail + ": retry, and check the gateway's logs if it keeps failing.", serverMessage, null);
            case 502, 503, 504 -> error(ApiException.Kind.UNAVAILABLE, status, server + " is unavailable (HTTP "
                    + status + ")" + detail + ": retry in a moment.", serverMessage, null);
            default -> error(ApiException.Kind.HTTP_ERROR, status, server + " answered HTTP " + status + detail
                    + ": retry, and check the gateway's logs if it keeps failing.", serverMessage, null);
        };
    }

    /** Bifrost's {@code {"error":{"message":...}}}, the {@code {error, message}} variant, or null. */
    private String errorMessage(byte[] body) {
        if (body == null || body.length == 0 || looksLikeHtml(body)) {
            return null;
        }
        try {
            JsonNode root = mapper.readTree(body);
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

    private static String permissionIn(String message) {
        if (message == null) {
            return null;
        }
        Matcher m = PERMISSION.matcher(message);
        return m.find() ? m.group(1) : null;
    }

    ApiException translate(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof UncheckedIOException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof ApiException api) {
            return api;
        }
        String server = settings.displayName();
        if (t instanceof CancellationException) {
            return error(ApiException.Kind.CANCELLED, 0, "The request to " + server + " was cancelled.", null, t);
        }
        if (t instanceof HttpConnectTimeoutException) {
            return error(ApiException.Kind.TIMEOUT, 0, server + " did not accept a connection within "
                    + seconds(settings.connectTimeout()) + ": check the address and that the server is up.", null, t);
        }
        if (t instanceof HttpTimeoutException) {
            return error(ApiException.Kind.TIMEOUT, 0, server + " did not answer within "
                    + seconds(settings.requestTimeout()) + ": check that the server is healthy, or raise the"
                    + " timeout in the connection's settings.", null, t);
        }
        if (hasCause(t, UnresolvedAddressException.class) || hasCause(t, UnknownHostException.class)) {
            return error(ApiException.Kind.UNKNOWN_HOST, 0, "The host '" + settings.baseUrl().getHost()
                    + "' could not be found (DNS lookup failed): check the address for typos, and your network or VPN.", null, t);
        }
        if (hasCause(t, SSLException.class)) {
            return tlsFailure(t);
        }
        if (t instanceof ConnectException || hasCause(t, ConnectException.class)) {
            return error(ApiException.Kind.CONNECTION_REFUSED, 0, "Nothing is listening on port " + port() + " of "
                    + settings.baseUrl().getHost() + " (connection refused): check the port in the address"
                    + " (Bifrost's default is 8080) and that Bifrost is running.", null, t);
        }
        if ("http".equalsIgnoreCase(settings.baseUrl().getScheme()) && t instanceof IOException
                && t.getMessage() != null && (t.getMessage().contains("received no bytes")
                || t.getMessage().contains("EOF reached") || t.getMessage().contains("Connection reset"))) {
            return error(ApiException.Kind.NETWORK, 0, server + " closed the connection without an HTTP answer:"
                    + " if the server uses HTTPS, change the address to start with https://.", null, t);
        }
        return error(ApiException.Kind.NETWORK, 0, "The connection to " + server + " failed ("
                + t.getClass().getSimpleName() + "): check the network and retry.", null, t);
    }

    /** "30 s", or "0.3 s" for sub-second timeouts, which toSeconds() would show as "0 s". */
    private static String seconds(java.time.Duration d) {
        long millis = d.toMillis();
        return (millis % 1000 == 0 ? String.valueOf(millis / 1000)
                : java.math.BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString()) + " s";
    }

    /** Untrusted certificate, wrong host name, or no TLS at all on that port: each has its own remedy. */
    private ApiException tlsFailure(Throwable t) {
        String server = settings.displayName();
        String messages = causeMessages(t);
        if (messages.contains("unrecognized SSL message") || messages.contains("plaintext connection")) {
            return error(ApiException.Kind.TLS, 0, server + " does not speak HTTPS on port " + port()
                    + ": change the address to start with http://, or use the server's HTTPS port.", null, t);
        }
        if (messages.contains("No subject alternative") || messages.contains("No name matching")) {
            return error(ApiException.Kind.TLS, 0, server + "'s certificate was issued for another host name:"
                    + " use the name the certificate names in the address.", null, t);
        }
        if (hasCause(t, java.security.cert.CertificateException.class) || messages.contains("PKIX")
                || messages.contains("certification path")) {
            return error(ApiException.Kind.TLS, 0, server + "'s TLS certificate is not trusted (it is self-signed or"
                    + " signed by a private CA): add that CA's certificate (PEM) in the connection's TLS settings.",
                    null, t);
        }
        return error(ApiException.Kind.TLS, 0, "A secure connection to " + server + " could not be set up ("
                + firstLine(t.getMessage()) + "): check that the address's port speaks HTTPS and that the"
                + " server's TLS setup is valid.", null, t);
    }

    private int port() {
        int port = settings.baseUrl().getPort();
        return port > 0 ? port : "https".equalsIgnoreCase(settings.baseUrl().getScheme()) ? 443 : 80;
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

    private ApiException error(ApiException.Kind kind, int status, String message, String serverMessage,
                               Throwable cause) {
        return new ApiException(kind, status, settings.displayName(), message, serverMessage, cause);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unknown error";
        }
        String line = text.lines().findFirst().orElse("").strip();
        return line.length() > 200 ? line.substring(0, 200) + "\u2026" : line;
    }

    private static String pathSegment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The wire envelope of {@code GET /api/governance/virtual-keys}: public for snapshot readers and benchmarks. */
    public record VirtualKeyList(List<VirtualKey> virtualKeys, Integer count, Long totalCount, Integer limit,
                          Integer offset) {
    }

    record ProviderList(List<Provider> providers, Integer total) {
    }
}
