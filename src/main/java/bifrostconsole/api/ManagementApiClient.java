package bifrostconsole.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final ObjectReader keyPageReader = mapper.readerFor(VirtualKeyList.class);
    private final ObjectReader keyReader = mapper.readerFor(VirtualKey.class);

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

    @Override
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

    @Override
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

    // ---- writes ---------------------------------------------------------------------------------------
    //
    // Every write is sent once. The JDK's client re-sends only GET and HEAD on its own (and requests that never
    // left because the connection could not be made), and nothing here retries: a write that timed out may have
    // been applied, so whether to try again is the admin's call after a refresh.

    /**
     * Sends one write exactly as given and completes with the server's JSON answer. Fails with an
     * {@link ApiException}: a 403 names the permission the operation needs, a 400 quotes the server's reason, and
     * a timeout or broken connection after sending says the change may or may not have been made.
     */
    public CompletableFuture<JsonNode> send(WriteRequest write) {
        return exchange(write, false);
    }

    /** Creates a key with the server-generated value; the answer's key carries it. */
    public CompletableFuture<VirtualKey> createVirtualKey(ObjectNode body) {
        return send(WriteRequest.createVirtualKey(body)).thenApply(this::virtualKeyIn);
    }

    /** A partial update (API.md §5.4): only the fields in {@code body} change. Completes with the updated key. */
    public CompletableFuture<VirtualKey> updateVirtualKey(String id,
                                                          ObjectNode body) {
        return send(WriteRequest.updateVirtualKey(id, body)).thenApply(this::virtualKeyIn);
    }

    public CompletableFuture<Void> deleteVirtualKey(String id) {
        return send(WriteRequest.deleteVirtualKey(id)).thenApply(answer -> null);
    }

    /** A new value for the key; the answer's key carries it (and {@code previous_value_expires_at}, if any). */
    public CompletableFuture<VirtualKey> rotateVirtualKey(String id) {
        return send(WriteRequest.rotateVirtualKey(id)).thenApply(this::virtualKeyIn);
    }

    /** Bifrost's bulk rotation: rotated keys and per-id errors, also when every rotation failed (its 500). */
    public CompletableFuture<BulkRotation> rotateVirtualKeys(List<String> ids) {
        return exchange(WriteRequest.rotateVirtualKeys(ids), true).thenApply(answer -> {
            JsonNode keys = answer.get("virtual_keys");
            if (keys == null || !keys.isArray()) {
                throw notBifrost("virtual_keys");
            }
            try {
                List<VirtualKey> rotated = List.of(mapper.treeToValue(keys, VirtualKey[].class));
                Map<String, String> errors = new LinkedHashMap<>();
                JsonNode e = answer.get("errors");
                if (e != null && e.isObject()) {
                    e.fields().forEachRemaining(f -> errors.put(f.getKey(), f.getValue().asText()));
                }
                return new BulkRotation(answer.path("message").asText(null), rotated, errors);
            } catch (IOException ex) {
                throw parseFailure(ex);
            }
        });
    }

    /** Adds {@code amount} dollars to a budget's limit for {@code cycles} windows, or forever when null. */
    public CompletableFuture<BudgetOverrideResult> setBudgetOverride(String keyId, String budgetId, double amount,
                                                                     Integer cycles) {
        return send(WriteRequest.setBudgetOverride(keyId, budgetId, amount, cycles)).thenApply(this::overrideIn);
    }

    public CompletableFuture<BudgetOverrideResult> removeBudgetOverride(String keyId, String budgetId) {
        return send(WriteRequest.removeBudgetOverride(keyId, budgetId)).thenApply(this::overrideIn);
    }

    public CompletableFuture<Team> createTeam(ObjectNode body) {
        return send(WriteRequest.createTeam(body)).thenApply(answer -> itemIn(answer, "team", Team.class));
    }

    public CompletableFuture<Team> updateTeam(String id, ObjectNode body) {
        return send(WriteRequest.updateTeam(id, body)).thenApply(answer -> itemIn(answer, "team", Team.class));
    }

    /** Deletes a team; its keys stay, with no team. */
    public CompletableFuture<Void> deleteTeam(String id) {
        return send(WriteRequest.deleteTeam(id)).thenApply(answer -> null);
    }

    public CompletableFuture<Customer> createCustomer(ObjectNode body) {
        return send(WriteRequest.createCustomer(body))
                .thenApply(answer -> itemIn(answer, "customer", Customer.class));
    }

    public CompletableFuture<Customer> updateCustomer(String id,
                                                      ObjectNode body) {
        return send(WriteRequest.updateCustomer(id, body))
                .thenApply(answer -> itemIn(answer, "customer", Customer.class));
    }

    /** Deletes a customer; its keys and teams stay, with no customer. */
    public CompletableFuture<Void> deleteCustomer(String id) {
        return send(WriteRequest.deleteCustomer(id)).thenApply(answer -> null);
    }

    /** The {@code virtual_key} of a write's answer (create, update, rotate). */
    public VirtualKey virtualKeyIn(JsonNode answer) {
        return itemIn(answer, "virtual_key", VirtualKey.class);
    }

    private BudgetOverrideResult overrideIn(JsonNode answer) {
        Budget budget = itemIn(answer, "budget", Budget.class);
        JsonNode effective = answer.get("effective_max_limit");
        return new BudgetOverrideResult(budget, effective != null && effective.isNumber() ? effective.asDouble()
                : budget.effectiveLimit());
    }

    private <T> T itemIn(JsonNode answer, String field, Class<T> type) {
        JsonNode node = answer.get(field);
        if (node == null || !node.isObject()) {
            throw notBifrost(field);
        }
        try {
            return mapper.treeToValue(node, type);
        } catch (IOException e) {
            throw parseFailure(e);
        }
    }

    private CompletableFuture<JsonNode> exchange(WriteRequest write, boolean errorsMapAnswers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(settings.baseUrl() + write.path()))
                .timeout(settings.requestTimeout())
                .header("Accept", "application/json");
        if (write.hasBody()) {
            builder.header("Content-Type", "application/json")
                    .method(write.method(), HttpRequest.BodyPublishers.ofString(write.bodyText()));
        } else {
            builder.method(write.method(), HttpRequest.BodyPublishers.noBody());
        }
        if (settings.apiKey() != null) {
            builder.header("Authorization", "Bearer " + settings.apiKey().reveal());
        }
        CompletableFuture<HttpResponse<byte[]>> exchange =
                http.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        CompletableFuture<JsonNode> result = exchange.handle((response, failure) -> {
            if (failure != null) {
                throw perhapsApplied(failure);
            }
            byte[] body = response.body();
            int status = response.statusCode();
            if (status / 100 == 3) {
                throw redirected(response);
            }
            if (status / 100 != 2) {
                JsonNode errorsMap = errorsMapAnswers && status == 500 ? errorsMapIn(body) : null;
                if (errorsMap != null) {
                    return errorsMap;
                }
                throw writeFailure(write, status, body);
            }
            if (looksLikeHtml(body)) {
                throw error(ApiException.Kind.NOT_JSON, status, settings.displayName() + " answered with a web"
                        + " page instead of JSON, probably a proxy or login page, so whether the change was made is"
                        + " unknown: check the address, then refresh.", null, null);
            }
            try {
                return body.length == 0 ? mapper.createObjectNode() : mapper.readTree(body);
            } catch (IOException e) {
                throw parseFailure(e);
            }
        });
        return cancellable(result, exchange);
    }

    /** Bulk rotation's 500 still carries {@code {message, virtual_keys, errors}}: that is an answer, not a failure. */
    private JsonNode errorsMapIn(byte[] body) {
        try {
            JsonNode root = mapper.readTree(body);
            return root != null && root.path("errors").isObject() && root.path("virtual_keys").isArray() ? root : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * A failure without an answer. If the request could not even be sent (no connection, unknown host, TLS set-up,
     * connect timeout) nothing changed; after sending (a timeout, a reset, a cancel) the server may have applied it.
     */
    private ApiException perhapsApplied(Throwable failure) {
        ApiException e = translate(failure);
        boolean neverSent = e.kind() == ApiException.Kind.CONNECTION_REFUSED
                || e.kind() == ApiException.Kind.UNKNOWN_HOST || e.kind() == ApiException.Kind.TLS
                || hasCause(failure, java.net.http.HttpConnectTimeoutException.class);
        if (neverSent) {
            return e;
        }
        String server = settings.displayName();
        String what = switch (e.kind()) {
            case TIMEOUT -> server + " did not answer within " + seconds(settings.requestTimeout());
            case CANCELLED -> "The request to " + server + " was cancelled after it was sent";
            default -> "The connection to " + server + " broke before its answer";
        };
        return error(e.kind(), 0, what + ", so the change may or may not have been made: refresh to see before"
                + " trying again.", null, e.getCause());
    }

    /** A refused write: 400 and 403 get wording for changes; the rest is worded as for reads. */
    private ApiException writeFailure(WriteRequest write, int status, byte[] body) {
        String server = settings.displayName();
        String serverMessage = errorMessage(body);
        String text = body == null ? "" : new String(body, 0, Math.min(body.length, 2048), StandardCharsets.UTF_8);
        boolean bifrostError = text.contains("\"is_bifrost_error\"") || text.contains("\"error\"");
        if ((status == 404 || status == 405) && !bifrostError) {
            return error(ApiException.Kind.NOT_BIFROST, status, server + " has no route for " + write.method() + " "
                    + write.path() + " (HTTP " + status + "): this Bifrost version does not support this change.",
                    null, null);
        }
        if (status == 403 && !looksLikeHtml(body)) {
            String permission = permissionIn(serverMessage);
            return error(ApiException.Kind.FORBIDDEN, status, server + " accepted the key but it lacks the "
                    + (permission != null ? permission : write.permission()) + " permission (403 Forbidden): ask an"
                    + " admin to grant it to this API key; nothing was changed.", serverMessage, null);
        }
        if (status == 400 && serverMessage != null) {
            return error(ApiException.Kind.BAD_REQUEST, status, server + " refused the change (" + serverMessage
                    + "); nothing was changed.", serverMessage, null);
        }
        return httpError(write.path(), status, body);
    }

    // ---- logs (read-only analytics, API.md §14) ---------------------------------------------------------

    /**
     * Cost, tokens and requests over time from the three logs histograms, asked for at once and merged by bucket.
     * A server without logs endpoints (404: older than the logs API, or logging disabled) gives a "not available"
     * answer with the sentence to show; other failures fail the future as usual.
     */
    public CompletableFuture<LogsAnswer<UsageHistory>> usageHistory(LogsQuery query) {
        String q = query.toQueryString();
        CompletableFuture<CostHistogram> cost = getJson("/api/logs/histogram/cost", q,
                body -> histogram(body, CostHistogram.class));
        CompletableFuture<TokenHistogram> tokens = getJson("/api/logs/histogram/tokens", q,
                body -> histogram(body, TokenHistogram.class));
        CompletableFuture<RequestHistogram> requests = getJson("/api/logs/histogram", q,
                body -> histogram(body, RequestHistogram.class));
        CompletableFuture<LogsAnswer<UsageHistory>> merged = CompletableFuture.allOf(cost, tokens, requests)
                .handle((done, failure) -> {
                    if (failure == null) {
                        return LogsAnswer.of(merge(cost.join(), tokens.join(), requests.join()));
                    }
                    ApiException e = translate(failure);
                    if (e.statusCode() == 404) {
                        return LogsAnswer.notAvailable(settings.displayName() + " has no logs endpoints (HTTP 404):"
                                + " it is older than Bifrost's logs API or runs with logging turned off, so usage"
                                + " over time is not available.");
                    }
                    throw e;
                });
        // cancelling the caller's future stops all three exchanges
        merged.whenComplete((v, f) -> {
            if (merged.isCancelled()) {
                cost.cancel(true);
                tokens.cancel(true);
                requests.cancel(true);
            }
        });
        return merged;
    }

    private <T extends Histogram> T histogram(byte[] body, Class<T> type) throws IOException {
        T histogram = mapper.readValue(body, type);
        if (histogram.bucketList() == null) {
            throw notBifrost("buckets");
        }
        return histogram;
    }

    private static UsageHistory merge(CostHistogram cost, TokenHistogram tokens, RequestHistogram requests) {
        java.util.TreeMap<java.time.Instant, long[]> counts = new java.util.TreeMap<>();
        java.util.TreeMap<java.time.Instant, Double> costs = new java.util.TreeMap<>();
        for (CostBucket b : cost.buckets()) {
            if (b.timestamp() != null) {
                costs.merge(b.timestamp(), b.totalCost(), Double::sum);
                counts.computeIfAbsent(b.timestamp(), t -> new long[3]);
            }
        }
        for (TokenBucket b : tokens.buckets()) {
            if (b.timestamp() != null) {
                counts.computeIfAbsent(b.timestamp(), t -> new long[3])[0] += b.totalTokens();
            }
        }
        for (RequestBucket b : requests.buckets()) {
            if (b.timestamp() != null) {
                long[] c = counts.computeIfAbsent(b.timestamp(), t -> new long[3]);
                c[1] += b.count();
                c[2] += b.error();
            }
        }
        List<UsageHistory.Bucket> buckets = new java.util.ArrayList<>(counts.size());
        counts.forEach((t, c) -> buckets.add(new UsageHistory.Bucket(t, costs.getOrDefault(t, 0.0), c[0], c[1], c[2])));
        long size = cost.bucketSizeSeconds() > 0 ? cost.bucketSizeSeconds() : requests.bucketSizeSeconds();
        return new UsageHistory(size, buckets);
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

    record TeamList(List<Team> teams, Integer count, Long totalCount, Integer limit, Integer offset) {
    }

    record CustomerList(List<Customer> customers, Integer count, Long totalCount, Integer limit, Integer offset) {
    }

    record McpClientList(List<McpClient> clients, Integer count, Long totalCount, Integer limit, Integer offset) {
    }

    record ProviderList(List<Provider> providers, Integer total) {
    }

    /** The logstore histograms' wire shapes: {@code {buckets: [...], bucket_size_seconds}}. */
    private interface Histogram {
        List<?> bucketList();
    }

    record CostBucket(java.time.Instant timestamp, double totalCost) {
    }

    record CostHistogram(List<CostBucket> buckets, long bucketSizeSeconds) implements Histogram {
        @Override
        public List<?> bucketList() {
            return buckets;
        }
    }

    record TokenBucket(java.time.Instant timestamp, long totalTokens) {
    }

    record TokenHistogram(List<TokenBucket> buckets, long bucketSizeSeconds) implements Histogram {
        @Override
        public List<?> bucketList() {
            return buckets;
        }
    }

    record RequestBucket(java.time.Instant timestamp, long count, long error) {
    }

    record RequestHistogram(List<RequestBucket> buckets, long bucketSizeSeconds) implements Histogram {
        @Override
        public List<?> bucketList() {
            return buckets;
        }
    }
}
