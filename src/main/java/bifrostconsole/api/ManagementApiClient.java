package bifrostconsole.api;

import bifrostconsole.messages.HttpFailureWording;
import bifrostconsole.messages.UserMessages;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * Where streamed pages are read and their keys handed over: blocking reads of a body, so not the common pool;
     * daemon threads, so an abandoned read never keeps the JVM alive.
     */
    private static final java.util.concurrent.ExecutorService STREAM_READERS =
            java.util.concurrent.Executors.newCachedThreadPool(bifrostconsole.threads.BackgroundThreads.named("bifrost-console-page-reader"));

    private final ConnectionSettings settings;
    private final HttpClient http;
    private final ObjectMapper mapper = Json.mapper();
    private final ObjectReader keyReader = mapper.readerFor(VirtualKey.class);
    private final ItemReader<VirtualKey> keys = new ItemReader<>(keyReader, "virtual key");
    private final ItemReader<Team> teams = new ItemReader<>(mapper.readerFor(Team.class), "team");
    private final ItemReader<Customer> customers = new ItemReader<>(mapper.readerFor(Customer.class), "customer");
    private final ItemReader<McpClient> mcpClients = new ItemReader<>(mapper.readerFor(McpClient.class), "MCP client");
    private final ItemReader<ProviderKey> providerKeys = new ItemReader<>(mapper.readerFor(ProviderKey.class),
            "provider key");
    private final HttpFailureWording wording;

    public ManagementApiClient(ConnectionSettings settings) {
        this.settings = settings;
        this.wording = new HttpFailureWording(settings.displayName(), settings.baseUrl(), settings.connectTimeout(),
                settings.requestTimeout(), settings.apiKey() != null);
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                // Over plain http the JDK asks every request to upgrade to HTTP/2 (h2c) and builds the headers for
                // it; Bifrost (fasthttp) never upgrades. Over https, HTTP/2 is still offered through ALPN.
                .version("http".equalsIgnoreCase(settings.baseUrl().getScheme()) ? HttpClient.Version.HTTP_1_1
                        : HttpClient.Version.HTTP_2)
                // Never follow: the JDK's client re-sends the Authorization header to wherever a redirect points,
                // so a redirect to another host would hand it the management API key. A redirect is reported.
                .followRedirects(HttpClient.Redirect.NEVER)
                // The default executor's threads start at the priority of whatever thread makes them, the FX
                // thread's too; these are background threads (BackgroundThreads).
                .executor(java.util.concurrent.Executors.newCachedThreadPool(
                        bifrostconsole.threads.BackgroundThreads.named("bifrost-console-http")));
        if (settings.sslContext() != null) {
            builder.sslContext(settings.sslContext());
        } else if ("http".equalsIgnoreCase(settings.baseUrl().getScheme())) {
            builder.sslContext(PlainHttp.NO_TLS);
        }
        this.http = builder.build();
    }

    public ConnectionSettings settings() {
        return settings;
    }

    /** The TLS context this client's connections would use (tests). */
    javax.net.ssl.SSLContext tlsContext() {
        return http.sslContext();
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
            Page<VirtualKey> direct = directPage(body);
            if (direct != null) {
                return direct;
            }
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

    /**
     * A page of keys bound straight from the bytes, each key as the parser reaches it; null when that does not work
     * out (no {@code virtual_keys} list, a key the model cannot read), so the caller goes the careful way through a
     * tree, which keeps a placeholder for each unreadable key. Half the work of tree-then-objects: a bulk change's
     * guard reads its keys a page at a time (the page of 25 keys cost about as much as binding its keys twice).
     */
    private Page<VirtualKey> directPage(byte[] body) {
        try (JsonParser p = keyReader.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            List<VirtualKey> items = null;
            Integer count = null;
            Long total = null;
            Integer limit = null;
            Integer offset = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "virtual_keys" -> {
                        if (value != JsonToken.START_ARRAY) {
                            return null;
                        }
                        items = new ArrayList<>();
                        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                            if (t != JsonToken.START_OBJECT) {
                                return null;
                            }
                            items.add(keyReader.readValue(p));
                        }
                    }
                    case "count" -> count = value.isNumeric() ? p.getNumberValue().intValue() : null;
                    case "total_count" -> total = value.isNumeric() ? p.getNumberValue().longValue() : null;
                    case "limit" -> limit = value.isNumeric() ? p.getNumberValue().intValue() : null;
                    case "offset" -> offset = value.isNumeric() ? p.getNumberValue().intValue() : null;
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null || items == null) {
                return null;
            }
            return Page.of(List.copyOf(items), count, total, limit, offset);
        } catch (IOException | RuntimeException e) {
            return null;
        }
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
            VirtualKey direct = directItem(body, "virtual_key", keyReader);
            if (direct != null) {
                return direct;
            }
            JsonNode node = mapper.readTree(body).get("virtual_key");
            if (node == null || !node.isObject()) {
                throw notBifrost("virtual_key");
            }
            ItemReader.Result<VirtualKey> read = keys.readAll(mapper.createArrayNode().add(node));
            return read.items().isEmpty() ? VirtualKey.unreadable(read.unreadable().get(0)) : read.items().get(0);
        });
    }

    /**
     * The object under {@code field} of a one-item answer, bound straight from the bytes; null when that does not
     * work out (no such field, a shape the model cannot read), so the caller goes the careful way through a tree,
     * which names what is wrong. Half the work of tree-then-object on the answers a bulk change reads per key.
     */
    private static <T> T directItem(byte[] body, String field, ObjectReader reader) {
        try (JsonParser p = reader.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals(field)) {
                    return value == JsonToken.START_OBJECT ? reader.readValue(p) : null;
                }
                p.skipChildren();
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Streams a list of virtual keys: each key is handed to {@code sink} as soon as it is parsed, so a
     * 10,000-key export page never sits in memory whole. Completes with the page's envelope (no items).
     * {@code sink} runs on an HTTP worker thread.
     */
    public CompletableFuture<Page<VirtualKey>> streamVirtualKeys(VirtualKeyQuery query, Consumer<VirtualKey> sink) {
        return streamVirtualKeys(query, VirtualKeyStream.fullReader(), sink);
    }

    /** As {@link #streamVirtualKeys(VirtualKeyQuery, Consumer)}, binding each key with {@code keyReader}. */
    public CompletableFuture<Page<VirtualKey>> streamVirtualKeys(VirtualKeyQuery query, ObjectReader keyReader,
                                                                 Consumer<VirtualKey> sink) {
        return streamVirtualKeys(query, (VirtualKeyStream.KeyDecoder<VirtualKey>) null, keyReader, sink);
    }

    /**
     * As {@link #streamVirtualKeys(VirtualKeyQuery, Consumer)}, each key read by {@code decoder} (see
     * {@link VirtualKeyStream#readKeys(VirtualKeyStream.KeyDecoder, Consumer)}): an export can take what it writes
     * straight off the parser instead of building the model.
     */
    public <T> CompletableFuture<Page<VirtualKey>> streamVirtualKeys(VirtualKeyQuery query,
                                                                     VirtualKeyStream.KeyDecoder<T> decoder,
                                                                     Consumer<T> sink) {
        return streamVirtualKeys(query, decoder, VirtualKeyStream.fullReader(), sink);
    }

    /** A null {@code decoder} binds with {@code keyReader}. */
    private <T> CompletableFuture<Page<VirtualKey>> streamVirtualKeys(VirtualKeyQuery query,
                                                                      VirtualKeyStream.KeyDecoder<T> decoder,
                                                                      ObjectReader keyReader, Consumer<T> sink) {
        return keyPage(query, in -> streamKeys(in, keyReader, decoder, sink));
    }

    /**
     * As {@link #streamVirtualKeys(VirtualKeyQuery, Consumer)}, each key read off the answer's bytes by
     * {@code decoder} ({@link JsonScanner}, no Jackson tokens): the export's reading, which copies or reads only
     * what it writes. The page is the one the parser reads (ScannedPageTest).
     */
    public <T> CompletableFuture<Page<VirtualKey>> scanVirtualKeys(VirtualKeyQuery query,
                                                                   VirtualKeyStream.ScanDecoder<T> decoder,
                                                                   Consumer<T> sink) {
        return keyPage(query, in -> scanKeys(in, decoder, sink));
    }

    @FunctionalInterface
    private interface PageReader {
        Page<VirtualKey> read(InputStream body) throws IOException;
    }

    private CompletableFuture<Page<VirtualKey>> keyPage(VirtualKeyQuery query, PageReader reader) {
        HttpRequest request = request("/api/governance/virtual-keys", query.toQueryString());
        CompletableFuture<HttpResponse<InputStream>> exchange =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        // Async, on a thread of its own: with handle(), an answer whose headers were already in when it was
        // attached would be read, and every key handed to the sink, on the caller's thread, which may be the very
        // thread the sink waits for (KeyPager's next page waits at a gate that its caller opens): a deadlock.
        CompletableFuture<Page<VirtualKey>> result = exchange.handleAsync((response, failure) -> {
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
                return reader.read(in);
            } catch (IOException e) {
                throw translate(e);
            }
        }, STREAM_READERS);
        return cancellable(result, exchange);
    }

    /** The keys of one streamed page, handed over as parsed; see {@link VirtualKeyStream}. */
    @SuppressWarnings("unchecked")
    private <T> Page<VirtualKey> streamKeys(InputStream body, ObjectReader keyReader,
                                            VirtualKeyStream.KeyDecoder<T> decoder, Consumer<T> sink)
            throws IOException {
        Integer count = null;
        Long total = null;
        Integer limit = null;
        Integer offset = null;
        boolean sawKeys = false;
        int seen = 0;
        try (VirtualKeyStream stream = VirtualKeyStream.over(body, keyReader)) {
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
                            seen = decoder == null ? stream.readKeys((Consumer<VirtualKey>) sink)
                                    : stream.readKeys(decoder, sink);
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

    private static final JsonScanner.Names ENVELOPE = new JsonScanner.Names("virtual_keys", "count", "total_count",
            "limit", "offset");

    /** {@link #streamKeys} off the bytes: the same envelope, each key read by {@code decoder}. */
    private <T> Page<VirtualKey> scanKeys(InputStream body, VirtualKeyStream.ScanDecoder<T> decoder, Consumer<T> sink)
            throws IOException {
        byte[] head = body.readNBytes(4);
        if (head.length >= 2 && (head[0] == 0 || head[1] == 0 || (head[0] & 0xff) >= 0xFE)) {
            // UTF-16 or UTF-32 (which Jackson detects): leave it to the parser
            return streamKeys(new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head), body),
                    VirtualKeyStream.fullReader(), VirtualKeyStream.fromBytes(decoder), sink);
        }
        Long count = null;
        Long total = null;
        Long limit = null;
        Long offset = null;
        boolean sawKeys = false;
        int seen = 0;
        try {
            JsonScanner s = JsonScanner.over(head, body);
            s.skipByteOrderMark();
            int first = s.peekValue();
            if (first != '{') {
                if (first == -1 || first == '[' || first == '"' || first == '-' || first == 't' || first == 'f'
                        || first == 'n') {
                    throw notBifrost("virtual_keys");
                }
                s.skipValue(); // not JSON: the parser's failure
            }
            s.startObject();
            members:
            for (int field; (field = s.nextMember(ENVELOPE)) != JsonScanner.Names.END; ) {
                switch (field) {
                    case 0 -> {
                        sawKeys = true;
                        if (s.peekValue() == '[') {
                            seen = VirtualKeyStream.scanKeys(s, decoder, sink);
                            if (seen < 0) {
                                seen = ~seen; // ended early, as the parser's reading does
                                break members;
                            }
                        } else {
                            s.skipValue();
                        }
                    }
                    case 1 -> count = envelopeNumber(s);
                    case 2 -> total = envelopeNumber(s);
                    case 3 -> limit = envelopeNumber(s);
                    case 4 -> offset = envelopeNumber(s);
                    default -> s.skipValue();
                }
            }
        } catch (IOException e) {
            throw parseFailure(e);
        }
        if (!sawKeys) {
            throw notBifrost("virtual_keys");
        }
        return new Page<>(List.of(), count == null ? seen : (int) (long) count, total == null ? seen : total,
                limit == null ? seen : (int) (long) limit, offset == null ? 0 : (int) (long) offset);
    }

    /** A number of the envelope as Jackson's {@code getValueAsLong} reads it (text parsed, a flag 1 or 0). */
    private static long envelopeNumber(JsonScanner s) throws IOException {
        switch (s.peekValue()) {
            case '-' -> {
                String text = s.readScalarText();
                if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
                    try {
                        return Long.parseLong(text);
                    } catch (NumberFormatException e) {
                        throw new JsonScanner.Malformed("Numeric value (" + text + ") out of range of long");
                    }
                }
                return (long) Double.parseDouble(text);
            }
            case '"' -> {
                return com.fasterxml.jackson.core.io.NumberInput.parseAsLong(s.readStringOrNull(), 0);
            }
            case 't' -> {
                s.skipValue();
                return 1;
            }
            default -> {
                s.skipValue();
                return 0;
            }
        }
    }

    // ---- teams, customers, MCP, providers ------------------------------------------------------------

    @Override
    public CompletableFuture<Page<Team>> listTeams(ListQuery query) {
        return getJson("/api/governance/teams", query.toQueryString(), body -> listPage(body, "teams", teams));
    }

    @Override
    public CompletableFuture<Team> getTeam(String id) {
        return getJson("/api/governance/teams/" + pathSegment(id), "", body -> unwrap(body, "team", Team.class));
    }

    @Override
    public CompletableFuture<Page<Customer>> listCustomers(ListQuery query) {
        return getJson("/api/governance/customers", query.toQueryString(),
                body -> listPage(body, "customers", customers));
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

    /**
     * Sends one write as {@link #send} does and completes with the answer's bytes, unparsed: the change engine
     * reads the key out of them with {@link #virtualKeyIn(byte[])}, once, instead of a tree and then the key.
     */
    public CompletableFuture<byte[]> sendForAnswer(WriteRequest write) {
        return exchangeBytes(write, false);
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

    /** The {@code virtual_key} of a write's answer as {@link #sendForAnswer} gives it. */
    public VirtualKey virtualKeyIn(byte[] answer) {
        VirtualKey direct = directItem(answer, "virtual_key", keyReader);
        if (direct != null) {
            return direct;
        }
        try {
            return virtualKeyIn(answer.length == 0 ? mapper.createObjectNode() : mapper.readTree(answer));
        } catch (IOException e) {
            throw parseFailure(e);
        }
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
        CompletableFuture<byte[]> bytes = exchangeBytes(write, errorsMapAnswers);
        return cancellable(bytes.thenApply(body -> {
            try {
                return body.length == 0 ? mapper.createObjectNode() : mapper.readTree(body);
            } catch (IOException e) {
                throw failure(wording.unreadableAfterWrite(e), e);
            }
        }), bytes);
    }

    /** A write sent once; completes with the answer's bytes (a 2xx, or bulk rotation's 500 with its errors map). */
    private CompletableFuture<byte[]> exchangeBytes(WriteRequest write, boolean errorsMapAnswers) {
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
        CompletableFuture<byte[]> result = exchange.handle((response, failure) -> {
            if (failure != null) {
                throw perhapsApplied(failure);
            }
            byte[] body = response.body();
            int status = response.statusCode();
            if (status / 100 == 3) {
                throw redirected(response);
            }
            if (status / 100 != 2) {
                if (errorsMapAnswers && status == 500 && errorsMapIn(body) != null) {
                    return body;
                }
                throw writeFailure(write, status, body);
            }
            if (looksLikeHtml(body)) {
                throw failure(wording.webPageAfterWrite(status), null);
            }
            return body;
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

    /** A write that got no answer: the wording says whether it may have been applied. */
    private ApiException perhapsApplied(Throwable failure) {
        Throwable t = UserMessages.unwrap(failure);
        return t instanceof ApiException api ? api : failure(wording.writeWithoutAnswer(t), t);
    }

    private ApiException writeFailure(WriteRequest write, int status, byte[] body) {
        return failure(wording.writeRefused(write.method(), write.path(), write.permission(), status, body), null);
    }

    // ---- logs (read-only analytics, API.md §14) ---------------------------------------------------------

    /**
     * Cost, tokens and requests over time from the three logs histograms, asked for at once and merged by bucket.
     * A server without logs endpoints (404: older than the logs API, or logging disabled) gives a "not available"
     * answer with the sentence to show; other failures fail the future as usual.
     */
    @Override
    public CompletableFuture<LogsAnswer<UsageHistory>> usageHistory(LogsQuery query) {
        return history(query, true);
    }

    /**
     * Only the cost histogram: each histogram makes the server add up every matching key's logs, and a caller
     * that draws the cost alone (the overview's spend over time) need not have it done three times.
     */
    @Override
    public CompletableFuture<LogsAnswer<UsageHistory>> costHistory(LogsQuery query) {
        return history(query, false);
    }

    private CompletableFuture<LogsAnswer<UsageHistory>> history(LogsQuery query, boolean counts) {
        String q = query.toQueryString();
        CompletableFuture<CostHistogram> cost = getJson("/api/logs/histogram/cost", q,
                body -> histogram(body, CostHistogram.class));
        CompletableFuture<TokenHistogram> tokens = counts ? getJson("/api/logs/histogram/tokens", q,
                body -> histogram(body, TokenHistogram.class))
                : CompletableFuture.completedFuture(new TokenHistogram(List.of(), 0));
        CompletableFuture<RequestHistogram> requests = counts ? getJson("/api/logs/histogram", q,
                body -> histogram(body, RequestHistogram.class))
                : CompletableFuture.completedFuture(new RequestHistogram(List.of(), 0));
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

    /**
     * Requests per key in [start, end) from the logs' ranking by virtual key, every key in one answer
     * ({@code all=true}). A server without it (404: no logs, logging off, or older than the rankings) gives a "not
     * available" answer; other failures fail the future.
     */
    @Override
    public CompletableFuture<LogsAnswer<Map<String, Long>>> keyTraffic(java.time.Instant start,
                                                                     java.time.Instant end) {
        String q = "dimension=virtual_key&all=true&" + LogsQuery.between(start, end).toQueryString();
        CompletableFuture<LogsAnswer<Map<String, Long>>> exchange = getJson("/api/logs/rankings/by-dimension", q,
                body -> {
            // read off the tokens (id and total_requests of each entry), bound only when the shape is odd
            Map<String, Long> requests = RankingReading.requests(mapper, body);
            if (requests == null) {
                throw notBifrost("rankings");
            }
            // a view, not a copy: 100,000 keys' entries copied again were a tenth of the ranking's reading
            return LogsAnswer.of(java.util.Collections.unmodifiableMap(requests));
        });
        CompletableFuture<LogsAnswer<Map<String, Long>>> answer = exchange.exceptionally(failure -> {
            ApiException e = translate(failure);
            if (e.statusCode() == 404) {
                return LogsAnswer.notAvailable(settings.displayName() + " has no ranking of keys by traffic in its"
                        + " logs (HTTP 404: logging is off or the server is older), so unused keys are not listed.");
            }
            throw e;
        });
        answer.whenComplete((v, f) -> {
            if (answer.isCancelled()) {
                exchange.cancel(true);
            }
        });
        return answer;
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
