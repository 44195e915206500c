package bifrostconsole.api;

import bifrostconsole.messages.HttpFailureWording;
import bifrostconsole.messages.UserMessages;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

import static bifrostconsole.messages.HttpFailureWording.looksLikeHtml;

/**
 * The Bifrost management API over the JDK's HttpClient. Every call is asynchronous and cancellable
 * (cancelling the returned future aborts the exchange), and every failure completes the future with an
 * {@link ApiException} whose message is one sentence a user can act on. This class notices where a call failed;
 * {@link HttpFailureWording} says it.
 */
public final class ManagementApiClient implements GovernanceSource {

    private final ConnectionSettings settings;
    private final HttpClient http;
    private final ObjectMapper mapper = Json.mapper();
    private final ObjectReader keyPageReader = mapper.readerFor(VirtualKeyList.class);
    private final ObjectReader keyReader = mapper.readerFor(VirtualKey.class);
    private final HttpFailureWording wording;

    public ManagementApiClient(ConnectionSettings settings) {
        this.settings = settings;
        this.wording = new HttpFailureWording(settings.displayName(), settings.baseUrl(), settings.connectTimeout(),
                settings.requestTimeout(), settings.apiKey() != null);
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

    @Override
    public CompletableFuture<Page<VirtualKey>> listVirtualKeys(VirtualKeyQuery query) {
        return getJson("/api/governance/virtual-keys", query.toQueryString(), body -> {
            VirtualKeyList list = keyPageReader.readValue(body);
            if (list.virtualKeys() == null) {
                throw notBifrost("virtual_keys");
            }
            return Page.of(list.virtualKeys(), list.count(), list.totalCount(), list.limit(), list.offset());
        });
    }

    @Override
    public CompletableFuture<VirtualKey> getVirtualKey(String id) {
        return getJson("/api/governance/virtual-keys/" + pathSegment(id), "", body -> {
            JsonNode node = mapper.readTree(body).get("virtual_key");
            if (node == null || !node.isObject()) {
                throw notBifrost("virtual_key");
            }
            return keyReader.readValue(node);
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

    private Page<VirtualKey> streamKeys(InputStream in, Consumer<VirtualKey> sink) throws IOException {
        Integer count = null;
        Long total = null;
        Integer limit = null;
        Integer offset = null;
        boolean sawKeys = false;
        int seen = 0;
        try (JsonParser p = mapper.createParser(in)) {
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
                            while (p.nextToken() == JsonToken.START_OBJECT) {
                                sink.accept(keyReader.readValue(p));
                                seen++;
                            }
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
        return getJson("/api/governance/teams", query.toQueryString(), body -> {
            TeamList list = mapper.readValue(body, TeamList.class);
            if (list.teams() == null) {
                throw notBifrost("teams");
            }
            return Page.of(list.teams(), list.count(), list.totalCount(), list.limit(), list.offset());
        });
    }

    public CompletableFuture<Team> getTeam(String id) {
        return getJson("/api/governance/teams/" + pathSegment(id), "", body -> unwrap(body, "team", Team.class));
    }

    @Override
    public CompletableFuture<Page<Customer>> listCustomers(ListQuery query) {
        return getJson("/api/governance/customers", query.toQueryString(), body -> {
            CustomerList list = mapper.readValue(body, CustomerList.class);
            if (list.customers() == null) {
                throw notBifrost("customers");
            }
            return Page.of(list.customers(), list.count(), list.totalCount(), list.limit(), list.offset());
        });
    }

    public CompletableFuture<Customer> getCustomer(String id) {
        return getJson("/api/governance/customers/" + pathSegment(id), "",
                body -> unwrap(body, "customer", Customer.class));
    }

    /** MCP clients: the paged envelope of newer servers, or the bare array older releases send. */
    public CompletableFuture<Page<McpClient>> listMcpClients(ListQuery query) {
        return getJson("/api/mcp/clients", query.toQueryString(), body -> {
            JsonNode root = mapper.readTree(body);
            if (root.isArray()) {
                List<McpClient> all = List.of(mapper.treeToValue(root, McpClient[].class));
                return Page.of(all, null, null, null, null);
            }
            McpClientList list = mapper.treeToValue(root, McpClientList.class);
            if (list.clients() == null) {
                throw notBifrost("clients");
            }
            return Page.of(list.clients(), list.count(), list.totalCount(), list.limit(), list.offset());
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

    public CompletableFuture<List<ProviderKey>> listProviderKeys(String provider) {
        return getJson("/api/providers/" + pathSegment(provider) + "/keys", "", body -> {
            JsonNode root = mapper.readTree(body);
            JsonNode keys = root.isArray() ? root : root.get("keys");
            if (keys == null || !keys.isArray()) {
                throw notBifrost("keys");
            }
            return List.of(mapper.treeToValue(keys, ProviderKey[].class));
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
                throw failure(wording.webPage(response.statusCode()), null);
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

    private ApiException notBifrost(String missingField) {
        return failure(wording.notBifrost(missingField), null);
    }

    private ApiException parseFailure(IOException e) {
        return failure(wording.parseFailure(e), e);
    }

    /** A redirect is not followed (see the constructor); the user is told where it points. */
    private ApiException redirected(HttpResponse<?> response) {
        return failure(wording.redirected(response), null);
    }

    /** {@code path} lets the wording tell a 404 from something that is not Bifrost and name a 403's permission. */
    ApiException httpError(String path, int status, byte[] body) {
        return failure(wording.httpError(path, status, body), null);
    }

    ApiException translate(Throwable failure) {
        Throwable t = UserMessages.unwrap(failure);
        if (t instanceof ApiException api) {
            return api;
        }
        return failure(wording.transportFailure(t), t);
    }

    private ApiException failure(HttpFailureWording.Worded worded, Throwable cause) {
        return new ApiException(worded.kind(), worded.status(), settings.displayName(), worded.sentence(),
                worded.serverMessage(), cause);
    }

    private static String pathSegment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The wire envelope of {@code GET /api/governance/virtual-keys}: public for snapshot readers and benchmarks. */
    public record VirtualKeyList(List<VirtualKey> virtualKeys, Integer count, Long totalCount, Integer limit,
                          Integer offset) {
    }

    record TeamList(List<Team> teams, Integer count, Long totalCount, Integer limit, Integer offset) {
    }

    record CustomerList(List<Customer> customers, Integer count, Long totalCount, Integer limit, Integer offset) {
    }

    record McpClientList(List<McpClient> clients, Integer count, Long totalCount, Integer limit, Integer offset) {
    }

    record ProviderList(List<Provider> providers, Integer total) {
    }
}
