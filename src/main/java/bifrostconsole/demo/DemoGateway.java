package bifrostconsole.demo;

import bifrostconsole.api.Customer;
import bifrostconsole.api.Json;
import bifrostconsole.api.McpClient;
import bifrostconsole.api.Page;
import bifrostconsole.api.Provider;
import bifrostconsole.api.ProviderKey;
import bifrostconsole.api.Secret;
import bifrostconsole.api.Team;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.store.GovernanceStore;
import bifrostconsole.store.GovernanceWrites;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The built-in demo gateway: an HTTP server on 127.0.0.1 serving Bifrost's management API from a
 * {@link GovernanceStore}, with Bifrost's status codes and error bodies: the reads below, and the writes of
 * {@link WriteRoutes} with the rules of {@link GovernanceWrites} (reachable for tests as {@link #writes()}).
 *
 * <h2>Routes</h2>
 * {@code GET /health}, {@code /api/version}, {@code /api/governance/virtual-keys[/{id}]},
 * {@code /api/governance/teams[/{id}]}, {@code /api/governance/customers[/{id}]}, {@code /api/mcp/clients},
 * {@code /api/providers}, {@code /api/providers/{p}/keys}, the writes listed in {@link WriteRoutes}, and the
 * logs endpoints of {@link DemoLogRoutes} ({@code /api/logs}, {@code /stats}, {@code /histogram},
 * {@code /histogram/tokens}, {@code /histogram/cost}, {@code /rankings/by-dimension}). Anything else answers
 * 404; a method a path does not take, 405.
 * When started with a management API key, every {@code /api} route except {@code /api/version} needs
 * {@code Authorization: Bearer <key>}, else 401 {@code {"is_bifrost_error":false,"status_code":401,
 * "error":{"message":"Unauthorized"},"extra_fields":{}}}.
 *
 * <h2>For tests</h2>
 * {@link #requestLog()} lists the URIs (path and query) of the most recent requests, oldest first;
 * {@link #recentRequests()} the same with their methods and bodies, to check exactly what a client sent.
 * {@link #injectFault(String, Fault)} makes the next request whose path starts with the prefix misbehave
 * ({@link #injectFault(String, Fault, int)} for several, {@link #injectFault(String, String, Fault, int)} for one
 * method only, e.g. the {@code PUT} but not the {@code GET} of a key); faults are used in the order they were
 * injected, and a fault answered in place of a write means the write was not applied:
 * <ul>
 *   <li>{@link Fault#status(int)} / {@link Fault#status(int, String)}: that status with Bifrost's error body
 *       (400, 401, 403, 404, 409, 429, 500, 503 have realistic default messages);</li>
 *   <li>{@link Fault#forbidden(String)}: 403 whose message names the missing permission, e.g. {@code VirtualKeys:View};</li>
 *   <li>{@link Fault#managementError(int, String)}: the {@code {"error":..., "message":...}} variant body;</li>
 *   <li>{@link Fault#htmlPage()}: a login web page with status 200, as a proxy in front of a gateway answers;</li>
 *   <li>{@link Fault#truncatedJson()}: the real answer cut in half (Content-Length matches the cut body);</li>
 *   <li>{@link Fault#delay(Duration)}: the real answer, after a pause (timeouts, stale responses);</li>
 *   <li>{@link Fault#nonBifrostJson()}: {@code {"hello":"world"}} with status 200;</li>
 *   <li>{@link Fault#json(int, byte[])}: exactly the given body, e.g. an older server's MCP bare array;</li>
 *   <li>{@link Fault#redirect(String)}: 302 with that {@code Location};</li>
 *   <li>{@link Fault#then(Runnable)}: the real answer, then an action before it is sent (a change "meanwhile").</li>
 * </ul>
 */
public final class DemoGateway implements AutoCloseable {

    private static final int REQUEST_LOG_SIZE = 500;
    /**
     * Answers go to the socket in slices of this size. The JDK server's connection stream keeps a buffer of twice
     * its largest single write for as long as the connection lives: one 26 MB export page written whole left 52 MB
     * on each keep-alive connection, 370 MB of the console's heap after a 100,000-key overview scan (heap dump,
     * README "The console's own memory"). Sliced, each connection keeps 128 KB.
     */
    static final int WRITE_CHUNK = 64 * 1024;

    /** How to start a gateway. {@code port} 0 picks a free port. */
    public record Options(int port, Secret apiKey, GovernanceStore store, int threads) {
        public Options {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
            }
            if (store == null) {
                throw new IllegalArgumentException("store is required");
            }
            threads = Math.max(1, threads);
        }

        /** Ephemeral port, no API key, 4 threads. */
        public static Options of(GovernanceStore store) {
            return new Options(0, null, store, 4);
        }

        /** Ephemeral port, no API key, {@code keys} keys generated from {@code seed} as of now. */
        public static Options generated(long seed, int keys) {
            return of(DemoDataGenerator.generate(seed, keys, java.time.Instant.now()));
        }

        public Options withPort(int value) {
            return new Options(value, apiKey, store, threads);
        }

        /** Requires {@code Authorization: Bearer <key>} on {@code /api} routes; null or blank for none. */
        public Options withApiKey(String value) {
            return new Options(port, Secret.of(value), store, threads);
        }

        public Options withThreads(int value) {
            return new Options(port, apiKey, store, value);
        }
    }

    /** A misbehaviour to inject into the next matching request; see the class comment. */
    public static final class Fault {
        private enum Type { STATUS, MANAGEMENT_ERROR, HTML, TRUNCATED, DELAY, NON_BIFROST, BODY, REDIRECT, THEN }

        private final Type type;
        private final int status;
        private final String message;
        private final Duration delay;
        private final byte[] body;
        private Runnable action;

        private Fault(Type type, int status, String message, Duration delay) {
            this(type, status, message, delay, null);
        }

        private Fault(Type type, int status, String message, Duration delay, byte[] body) {
            this.body = body;
            this.type = type;
            this.status = status;
            this.message = message;
            this.delay = delay;
        }

        /** The status with Bifrost's error body and a realistic message for it. */
        public static Fault status(int status) {
            return status(status, defaultMessage(status));
        }

        public static Fault status(int status, String message) {
            return new Fault(Type.STATUS, status, message, null);
        }

        /** 403 naming the permission the key lacks, as Enterprise RBAC answers. */
        public static Fault forbidden(String permission) {
            return status(403, "Forbidden: this API key lacks the " + permission + " permission");
        }

        /** The {@code {"error": "...", "message": "..."}} body some Bifrost docs declare. */
        public static Fault managementError(int status, String message) {
            return new Fault(Type.MANAGEMENT_ERROR, status, message, null);
        }

        public static Fault htmlPage() {
            return new Fault(Type.HTML, 200, null, null);
        }

        public static Fault truncatedJson() {
            return new Fault(Type.TRUNCATED, 200, null, null);
        }

        public static Fault delay(Duration delay) {
            return new Fault(Type.DELAY, 0, null, delay);
        }

        public static Fault nonBifrostJson() {
            return new Fault(Type.NON_BIFROST, 200, null, null);
        }

        /** 302 to {@code location}, as a load balancer sending clients elsewhere (or to a login page) answers. */
        public static Fault redirect(String location) {
            return new Fault(Type.REDIRECT, 302, location, null);
        }

        /**
         * The real answer, and then, before it is sent, {@code action}: e.g. someone else changing a key right after
         * the client read it, between its read and its write.
         */
        public static Fault then(Runnable action) {
            Fault fault = new Fault(Type.THEN, 0, null, null);
            fault.action = action;
            return fault;
        }

        /** Exactly this JSON body with this status, e.g. an older server's payload. */
        public static Fault json(int status, byte[] body) {
            return new Fault(Type.BODY, status, null, null, body.clone());
        }

        private static String defaultMessage(int status) {
            return switch (status) {
                case 400 -> "Invalid limit parameter: must be a number";
                case 401 -> "Unauthorized";
                case 403 -> "Forbidden: this API key lacks the VirtualKeys:View permission";
                case 404 -> "Virtual key not found";
                case 409 -> "A virtual key with this name already exists";
                case 429 -> "Too many requests: slow down";
                case 500 -> "Failed to retrieve virtual keys";
                case 503 -> "config store not available";
                default -> "HTTP " + status;
            };
        }

        @Override
        public String toString() {
            return "Fault[" + type + (status > 0 ? " " + status : "") + (delay != null ? " " + delay : "") + "]";
        }
    }

    private record PendingFault(String method, String pathPrefix, Fault fault, AtomicInteger remaining) {
    }

    /** One request as the gateway received it: method, path with query, and body ("" for none). */
    public record RecordedRequest(String method, String uri, String body) {
    }

    private record Response(int status, String contentType, byte[] body, String location) {
        Response(int status, String contentType, byte[] body) {
            this(status, contentType, body, null);
        }
    }

    private static final String KEYS_PATH = "/api/governance/virtual-keys";
    /**
     * How long after the first page of keys is answered {@link #prepare} starts: right after it, it shared the two
     * cores with the client reading that page and the window building its rows. Nothing waits for it: a sort or a
     * write that comes sooner does its own part when it comes.
     */
    private static final Duration PREPARE_DELAY = Duration.ofSeconds(2);

    private final HttpServer server;
    private final ExecutorService executor;
    private final GovernanceStore store;
    /** Whether {@link #prepare} has been handed to a request thread. */
    private final AtomicBoolean prepared = new AtomicBoolean();
    private final byte[] expectedAuthorization;
    private final Deque<RecordedRequest> requestLog = new ArrayDeque<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();
    private final GovernanceWrites writes;
    private final WriteRoutes writeRoutes;
    private final DemoLogRoutes logRoutes;
    private final List<PendingFault> faults = new ArrayList<>();
    /** Bifrost's shapes ({@link BifrostWire}), keeping the JSON of the keys served lately. */
    private final ObjectMapper wire = BifrostWire.servingMapper();

    private DemoGateway(HttpServer server, ExecutorService executor, Options options) {
        this.server = server;
        this.executor = executor;
        this.store = options.store();
        // A rotated key's old value keeps working for an hour (Bifrost's vk_rotation_cooldown; 0 there by
        // default), so the console's grace-deadline display has something to show.
        this.writes = new GovernanceWrites(store, java.time.Clock.systemUTC(), Duration.ofHours(1));
        this.writeRoutes = new WriteRoutes(writes);
        this.logRoutes = new DemoLogRoutes(store, java.time.Clock.systemUTC());
        this.expectedAuthorization = options.apiKey() == null ? null
                : ("Bearer " + options.apiKey().reveal()).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * What can wait until a while after the first page of keys is answered ({@link #PREPARE_DELAY}), then runs on
     * a request thread: every other sort order of the keys (100,000 keys sort for a while) and the write side's pass
     * over the keys. Before that page they shared the two cores with it, on the way to the console's first page
     * (README, Performance, "Start-up").
     */
    private void prepare() {
        store.warmUp();
        writes.prepare();
    }

    /** Binds 127.0.0.1 on the given port and starts serving. */
    public static DemoGateway start(Options options) throws IOException {
        return reserve(options.port(), options.threads()).start(options);
    }

    /**
     * Binds 127.0.0.1 on {@code port} (0: a free one) before the data to serve exists, so a client can be set up and
     * send its first requests while the data is made: requests that come before {@link Reservation#start} wait
     * on the server's {@code threads} for it, and fail (the connection is closed) if the reservation is closed.
     */
    public static Reservation reserve(int port, int threads) throws IOException {
        // The JDK server leaves Nagle's algorithm on unless told otherwise (read once, when its config class
        // loads): small answers would then wait for the client's delayed ACK.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "demo-gateway-" + threadNumber.incrementAndGet());
            t.setPriority(bifrostconsole.threads.BackgroundThreads.PRIORITY);
            t.setDaemon(true);
            return t;
        });
        return new Reservation(server, executor);
    }

    /** A bound port that serves nothing yet: see {@link #reserve}. Start it once, or close it. */
    public static final class Reservation implements AutoCloseable {
        private final HttpServer server;
        private final ExecutorService executor;
        private final CompletableFuture<DemoGateway> serving = new CompletableFuture<>();

        private Reservation(HttpServer server, ExecutorService executor) {
            this.server = server;
            this.executor = executor;
            server.setExecutor(executor);
            // Serving from the start: a bound port whose server does not run keeps its connections unanswered,
            // even after it is closed (the channel's close waits for a selector no thread runs).
            server.createContext("/", exchange -> {
                DemoGateway gateway;
                try {
                    gateway = serving.join();
                } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
                    exchange.close(); // closed before it served: the client sees the connection end
                    return;
                }
                gateway.handle(exchange);
            });
            server.start();
        }

        /** E.g. {@code http://127.0.0.1:54321}, as {@link DemoGateway#baseUrl()} will say. */
        public String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        /**
         * Serves {@code options}' store here, answering the requests that waited; {@code options}' port and threads
         * are not used (the reservation's are).
         */
        public synchronized DemoGateway start(Options options) {
            if (serving.isDone()) {
                throw new IllegalStateException("a reserved port is started or closed once");
            }
            DemoGateway gateway = new DemoGateway(server, executor, options);
            serving.complete(gateway);
            return gateway;
        }

        /** Gives the port back, unless started (then the gateway's own close does). Waiting requests fail. */
        @Override
        public synchronized void close() {
            if (serving.cancel(false)) {
                server.stop(0);
                executor.shutdownNow();
            }
        }
    }

    /** E.g. {@code http://127.0.0.1:54321}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public GovernanceStore store() {
        return store;
    }

    /** The write rules the routes use: tests change data "behind the client's back" through these. */
    public GovernanceWrites writes() {
        return writes;
    }

    /** The logs endpoints: switch them off (a server without logs) or pin their clock. */
    public DemoLogRoutes logRoutes() {
        return logRoutes;
    }

    /** The path and query of the most recent requests (up to 500), oldest first. */
    public List<String> requestLog() {
        synchronized (requestLog) {
            return requestLog.stream().map(RecordedRequest::uri).toList();
        }
    }

    /** The most recent requests (up to 500) with method and body, oldest first. */
    public List<RecordedRequest> recentRequests() {
        synchronized (requestLog) {
            return List.copyOf(requestLog);
        }
    }

    public void clearRequestLog() {
        synchronized (requestLog) {
            requestLog.clear();
        }
        peakInFlight.set(0);
    }

    /** Requests being handled right now (from the request read until just before the answer goes out). */
    public int requestsInFlight() {
        return inFlight.get();
    }

    /** The most requests handled at the same moment since start or {@link #clearRequestLog()}. */
    public int peakConcurrentRequests() {
        return peakInFlight.get();
    }

    /** The next request whose path starts with {@code pathPrefix} gets {@code fault}. */
    public void injectFault(String pathPrefix, Fault fault) {
        injectFault(pathPrefix, fault, 1);
    }

    /** The next {@code times} requests whose path starts with {@code pathPrefix} get {@code fault}. */
    public void injectFault(String pathPrefix, Fault fault, int times) {
        injectFault(null, pathPrefix, fault, times);
    }

    /** The next {@code times} requests with this method (null: any) whose path starts with the prefix get it. */
    public void injectFault(String method, String pathPrefix, Fault fault, int times) {
        synchronized (faults) {
            faults.add(new PendingFault(method, pathPrefix, fault, new AtomicInteger(times)));
        }
    }

    public void clearFaults() {
        synchronized (faults) {
            faults.clear();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- request handling --------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        // Counted from the whole request read until just before the answer goes out: a client waiting for the
        // answer of one request can then never look like two.
        boolean counted = false;
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String path = uri.getRawPath();
            String method = exchange.getRequestMethod();
            byte[] body = exchange.getRequestBody().readAllBytes();
            peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            counted = true;
            synchronized (requestLog) {
                requestLog.addLast(new RecordedRequest(method, uri.getRawQuery() == null ? path
                        : path + "?" + uri.getRawQuery(), new String(body, StandardCharsets.UTF_8)));
                if (requestLog.size() > REQUEST_LOG_SIZE) {
                    requestLog.removeFirst();
                }
            }
            Optional<Fault> fault = takeFault(method, path);
            Response response;
            if (fault.isPresent() && fault.get().type != Fault.Type.DELAY && fault.get().type != Fault.Type.TRUNCATED
                    && fault.get().type != Fault.Type.THEN) {
                response = faultResponse(fault.get());
            } else {
                if (fault.isPresent() && fault.get().type == Fault.Type.DELAY) {
                    sleep(fault.get().delay);
                }
                response = route(exchange, path, uri.getRawQuery(), body);
                if (fault.isPresent() && fault.get().type == Fault.Type.THEN) {
                    fault.get().action.run();
                }
                if (fault.isPresent() && fault.get().type == Fault.Type.TRUNCATED) {
                    byte[] cut = new byte[Math.max(1, response.body().length / 2)];
                    System.arraycopy(response.body(), 0, cut, 0, Math.min(cut.length, response.body().length));
                    response = new Response(200, response.contentType(), cut);
                }
            }
            inFlight.decrementAndGet();
            counted = false;
            send(exchange, response);
            if ("GET".equals(method) && path.equals(KEYS_PATH) && !prepared.getAndSet(true)) {
                CompletableFuture.delayedExecutor(PREPARE_DELAY.toMillis(), TimeUnit.MILLISECONDS, executor)
                        .execute(this::prepare);
            }
        } catch (IOException | RuntimeException e) {
            // The client went away (e.g. it timed out while a delay fault slept): nothing left to answer.
        } finally {
            if (counted) {
                inFlight.decrementAndGet();
            }
        }
    }

    private Optional<Fault> takeFault(String method, String path) {
        synchronized (faults) {
            for (Iterator<PendingFault> it = faults.iterator(); it.hasNext(); ) {
                PendingFault pending = it.next();
                if (path.startsWith(pending.pathPrefix())
                        && (pending.method() == null || pending.method().equals(method))) {
                    if (pending.remaining().decrementAndGet() <= 0) {
                        it.remove();
                    }
                    return Optional.of(pending.fault());
                }
            }
        }
        return Optional.empty();
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Response faultResponse(Fault fault) {
        return switch (fault.type) {
            case STATUS -> error(fault.status, fault.message);
            case MANAGEMENT_ERROR -> json(fault.status, orderedMap("error", fault.message, "message", fault.message));
            case HTML -> new Response(200, "text/html; charset=utf-8", ("<!DOCTYPE html>\n<html><head><title>Sign in"
                    + "</title></head><body><h1>Corporate SSO</h1><form action=\"/login\" method=\"post\">"
                    + "<input name=\"user\"><input type=\"password\" name=\"password\"></form></body></html>\n")
                    .getBytes(StandardCharsets.UTF_8));
            case NON_BIFROST -> new Response(200, "application/json", "{\"hello\":\"world\"}"
                    .getBytes(StandardCharsets.UTF_8));
            case BODY -> new Response(fault.status, "application/json", fault.body);
            case REDIRECT -> new Response(302, "text/plain", new byte[0], fault.message);
            case DELAY, TRUNCATED, THEN -> throw new IllegalStateException("applied around the real answer");
        };
    }

    private Response route(HttpExchange exchange, String path, String rawQuery, byte[] body) {
        if (!"GET".equals(exchange.getRequestMethod())) {
            return write(exchange, path, body);
        }
        if (path.equals("/health")) {
            return json(200, orderedMap("status", "ok", "components", Map.of("db_pings", "ok")));
        }
        if (path.equals("/api/version")) {
            return json(200, store.version());
        }
        if (!path.startsWith("/api/")) {
            return error(404, "Route not found: " + path);
        }
        if (!authorized(exchange)) {
            return error(401, "Unauthorized");
        }
        try {
            Map<String, String> params = GovernanceStore.parseQuery(rawQuery);
            return apiRoute(path.substring(1).split("/"), params);
        } catch (GovernanceStore.QueryException e) {
            return error(e.status(), e.getMessage());
        } catch (IllegalArgumentException e) {
            return error(400, "Invalid encoding in the request URL");
        } catch (RuntimeException e) {
            return error(500, "Demo gateway failed: " + e.getClass().getSimpleName());
        }
    }

    private Response apiRoute(String[] s, Map<String, String> params) {
        // s[0] is "api"
        if (s.length >= 3 && s[1].equals("governance")) {
            String id = s.length == 4 ? decode(s[3]) : null;
            if (s.length > 4) {
                return notFound();
            }
            switch (s[2]) {
                case "virtual-keys":
                    if (id == null) {
                        Page<VirtualKey> page = store.listVirtualKeys(params);
                        return json(200, new VirtualKeyEnvelope(page.items(), page.count(), page.totalCount(),
                                page.limit(), page.offset()));
                    }
                    return store.virtualKey(id).<Response>map(k -> json(200, Map.of("virtual_key", k)))
                            .orElseGet(() -> error(404, "Virtual key not found"));
                case "teams":
                    if (id == null) {
                        Page<Team> page = store.listTeams(params);
                        return json(200, new TeamEnvelope(page.items(), page.count(), page.totalCount(), page.limit(),
                                page.offset()));
                    }
                    return store.team(id).<Response>map(t -> json(200, Map.of("team", t)))
                            .orElseGet(() -> error(404, "Team not found"));
                case "customers":
                    if (id == null) {
                        Page<Customer> page = store.listCustomers(params);
                        return json(200, new CustomerEnvelope(page.items(), page.count(), page.totalCount(),
                                page.limit(), page.offset()));
                    }
                    return store.customer(id).<Response>map(c -> json(200, Map.of("customer", c)))
                            .orElseGet(() -> error(404, "Customer not found"));
                default:
                    return notFound();
            }
        }
        if (s.length >= 2 && s[1].equals("logs")) {
            return logRoutes.answer(s, params).map(a -> a.status() == 200 ? json(200, a.body())
                    : error(a.status(), a.message())).orElseGet(this::notFound);
        }
        if (s.length == 3 && s[1].equals("mcp") && s[2].equals("clients")) {
            Page<McpClient> page = store.listMcpClients(params);
            return json(200, new McpClientEnvelope(page.items(), page.count(), page.totalCount(), page.limit(),
                    page.offset()));
        }
        if (s.length >= 2 && s[1].equals("providers")) {
            if (s.length == 2) {
                List<Provider> providers = store.providers();
                return json(200, new ProviderEnvelope(providers, providers.size()));
            }
            String provider = decode(s[2]);
            Optional<List<ProviderKey>> keys = store.providerKeys(provider);
            if (keys.isEmpty()) {
                return error(404, "Provider not found: " + provider);
            }
            if (s.length == 3) {
                Provider p = store.providers().stream().filter(x -> x.name().equals(provider)).findFirst()
                        .orElse(new Provider(provider, "active", null, null, null));
                return json(200, p);
            }
            if (s.length == 4 && s[3].equals("keys")) {
                return json(200, new KeyEnvelope(keys.get(), keys.get().size()));
            }
        }
        return notFound();
    }

    /** A write: the same authorization and error bodies as reads; a path no write takes answers 405. */
    private Response write(HttpExchange exchange, String path, byte[] body) {
        if (!path.startsWith("/api/")) {
            return error(405, "Method not allowed");
        }
        if (!authorized(exchange)) {
            return error(401, "Unauthorized");
        }
        try {
            WriteRoutes.Answer answer = writeRoutes.route(exchange.getRequestMethod(), path.substring(1).split("/"),
                    body, DemoGateway::decode);
            return answer == null ? error(405, "Method not allowed") : json(answer.status(), answer.body());
        } catch (GovernanceStore.QueryException e) {
            return error(e.status(), e.getMessage());
        } catch (IllegalArgumentException e) {
            return error(400, "Invalid encoding in the request URL");
        } catch (RuntimeException e) {
            return error(500, "Demo gateway failed: " + e.getClass().getSimpleName());
        }
    }

    private Response notFound() {
        return error(404, "Route not found");
    }

    private boolean authorized(HttpExchange exchange) {
        if (expectedAuthorization == null) {
            return true;
        }
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        // constant-time comparison: even a demo should not teach timing leaks
        return header != null && MessageDigest.isEqual(expectedAuthorization, header.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    // ---- wire envelopes and writing ---------------------------------------------------------------------------

    record VirtualKeyEnvelope(List<VirtualKey> virtualKeys, int count, long totalCount, int limit, int offset) {
    }

    record TeamEnvelope(List<Team> teams, int count, long totalCount, int limit, int offset) {
    }

    record CustomerEnvelope(List<Customer> customers, int count, long totalCount, int limit, int offset) {
    }

    record McpClientEnvelope(List<McpClient> clients, int count, long totalCount, int limit, int offset) {
    }

    record ProviderEnvelope(List<Provider> providers, int total) {
    }

    record KeyEnvelope(List<ProviderKey> keys, int total) {
    }

    /** Bifrost's error body: {@code {"is_bifrost_error":false,"status_code":N,"error":{"message":...},"extra_fields":{}}}. */
    static byte[] errorBody(int status, String message) {
        return toJson(orderedMap("is_bifrost_error", false, "status_code", status,
                "error", Map.of("message", message), "extra_fields", Map.of()));
    }

    private static Response error(int status, String message) {
        return new Response(status, "application/json", errorBody(status, message));
    }

    private Response json(int status, Object body) {
        try {
            return new Response(status, "application/json", wire.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] toJson(Object body) {
        try {
            return BifrostWire.mapper().writeValueAsBytes(body); // Bifrost's shapes, see BifrostWire
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> orderedMap(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        if (response.location() != null) {
            exchange.getResponseHeaders().set("Location", response.location());
        }
        exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            byte[] body = response.body();
            for (int off = 0; off < body.length; off += WRITE_CHUNK) {
                out.write(body, off, Math.min(WRITE_CHUNK, body.length - off));
            }
        }
    }
}
