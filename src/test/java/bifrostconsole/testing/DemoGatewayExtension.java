package bifrostconsole.testing;

import bifrostconsole.api.ConnectionSettings;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.Secret;
import bifrostconsole.demo.DemoDataGenerator;
import bifrostconsole.demo.DemoGateway;
import bifrostconsole.demo.DemoLogRoutes;
import bifrostconsole.store.GovernanceStore;
import bifrostconsole.store.GovernanceWrites;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The demo gateway of a test class, over real HTTP on 127.0.0.1:
 * <pre>
 * &#64;RegisterExtension
 * static final DemoGatewayExtension gateway = DemoGatewayExtension.withKeys(11, 250).asOf(NOW).withApiKey(KEY);
 * </pre>
 * On a static field it starts before the class's first test and stops after its last; on an instance field, around
 * each test. After every test it is reset for the next: injected faults and the request log are cleared, and if the
 * test changed the data or the write settings (through the write routes or {@link #writes()}), or asked for the log
 * routes ({@link #logRoutes()}), the gateway is started again on the same port with the data and settings it started
 * with. So each test sees the seeded gateway whatever ran before it, and addresses and clients stay good. Test
 * methods may also take the {@link DemoGateway} or a {@link ManagementApiClient} with the gateway's key as
 * parameters.
 */
public final class DemoGatewayExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    private final Function<Instant, GovernanceStore> data;
    private final Instant asOf;
    private final String apiKey;
    private final int threads;
    private final Consumer<DemoGateway> setUp;

    private DemoGateway gateway;
    private ManagementApiClient client;
    private DataState seeded;
    private boolean startedForOneTest;
    private volatile boolean restartAfterThisTest; // set by fault actions on the gateway's threads too

    private DemoGatewayExtension(Function<Instant, GovernanceStore> data, Instant asOf, String apiKey, int threads,
                                 Consumer<DemoGateway> setUp) {
        this.data = data;
        this.asOf = asOf;
        this.apiKey = apiKey;
        this.threads = threads;
        this.setUp = setUp;
    }

    /** A gateway serving {@code keys} keys generated from {@code seed} as of now, without an API key. */
    public static DemoGatewayExtension withKeys(long seed, int keys) {
        return new DemoGatewayExtension(now -> DemoDataGenerator.generate(seed, keys, now), Instant.now(), null,
                4, gateway -> { });
    }

    /** A gateway serving the data {@code store} builds (a new store each start: writes change a store). */
    public static DemoGatewayExtension serving(Supplier<GovernanceStore> store) {
        return new DemoGatewayExtension(ignored -> store.get(), null, null, 4, gateway -> { });
    }

    /** Generated data as of {@code now}: ages, expiries and budget resets are computed from it. */
    public DemoGatewayExtension asOf(Instant now) {
        if (asOf == null) {
            throw new IllegalStateException("the data is built by the test, not generated as of a moment");
        }
        return new DemoGatewayExtension(data, now, apiKey, threads, setUp);
    }

    /** Requires {@code Authorization: Bearer <key>} on {@code /api} routes. */
    public DemoGatewayExtension withApiKey(String key) {
        return new DemoGatewayExtension(data, asOf, key, threads, setUp);
    }

    /** Handles up to {@code count} requests at once (4 by default). */
    public DemoGatewayExtension withThreads(int count) {
        return new DemoGatewayExtension(data, asOf, apiKey, count, setUp);
    }

    /** Runs {@code change} on the gateway each time it starts, e.g. to pin the clock of its log routes. */
    public DemoGatewayExtension configured(Consumer<DemoGateway> change) {
        return new DemoGatewayExtension(data, asOf, apiKey, threads, setUp.andThen(change));
    }

    // ---- what tests use -----------------------------------------------------------------------------------

    public DemoGateway gateway() {
        if (gateway == null) {
            throw new IllegalStateException("the demo gateway runs only while a test of its class runs");
        }
        return gateway;
    }

    /** E.g. {@code http://127.0.0.1:54321}, without a trailing slash. */
    public String baseUrl() {
        return gateway().baseUrl();
    }

    /** The management API key the gateway requires, or null when it requires none. */
    public String apiKey() {
        return apiKey;
    }

    /** A client of the gateway with its API key (if any); one per gateway, as the console keeps one per server. */
    public ManagementApiClient client() {
        gateway();
        if (client == null) {
            client = new ManagementApiClient(settings());
        }
        return client;
    }

    /** A new client of the gateway that sends {@code key} (null for none) instead of the gateway's. */
    public ManagementApiClient client(Secret key) {
        return new ManagementApiClient(settings(key));
    }

    /** The connection settings of {@link #client()}. */
    public ConnectionSettings settings() {
        return settings(apiKey == null ? null : Secret.of(apiKey));
    }

    public ConnectionSettings settings(Secret key) {
        return ConnectionSettings.of(baseUrl(), key);
    }

    public GovernanceStore store() {
        return gateway().store();
    }

    /** The write rules the routes use, to change data behind the client's back; undone after the test. */
    public GovernanceWrites writes() {
        restartAfterThisTest = true;
        return gateway().writes();
    }

    /** The log routes, to switch them off or pin their clock; undone after the test. */
    public DemoLogRoutes logRoutes() {
        restartAfterThisTest = true;
        return gateway().logRoutes();
    }

    public void injectFault(String pathPrefix, DemoGateway.Fault fault) {
        gateway().injectFault(pathPrefix, fault);
    }

    public void injectFault(String pathPrefix, DemoGateway.Fault fault, int times) {
        gateway().injectFault(pathPrefix, fault, times);
    }

    /** The next {@code times} requests with this method (null: any) whose path starts with the prefix get it. */
    public void injectFault(String method, String pathPrefix, DemoGateway.Fault fault, int times) {
        gateway().injectFault(method, pathPrefix, fault, times);
    }

    /** The path and query of this test's requests so far, oldest first. */
    public List<String> requestLog() {
        return gateway().requestLog();
    }

    /** This test's requests so far with method and body, oldest first. */
    public List<DemoGateway.RecordedRequest> recentRequests() {
        return gateway().recentRequests();
    }

    /** Forgets the requests so far, e.g. those that set a test up. */
    public void clearRequestLog() {
        gateway().clearRequestLog();
    }

    /** The most requests handled at the same moment since the test started or {@link #clearRequestLog()}. */
    public int peakConcurrentRequests() {
        return gateway().peakConcurrentRequests();
    }

    /** Returns once the gateway has received a request whose path and query start with {@code prefix}. */
    public void awaitRequest(String prefix) throws Exception {
        Wait.until("a request to " + prefix + " (received: " + requestLog() + ")",
                () -> requestLog().stream().anyMatch(uri -> uri.startsWith(prefix)));
    }

    // ---- lifecycle ------------------------------------------------------------------------------------------

    @Override
    public void beforeAll(ExtensionContext context) {
        start(0);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (gateway == null) {
            start(0);
            startedForOneTest = true;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (startedForOneTest) {
            stop();
            startedForOneTest = false;
        } else if (gateway != null) {
            reset();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /** Back to how the gateway started: no pending faults, an empty request log, the seeded data and settings. */
    private void reset() {
        gateway.clearFaults();
        if (restartAfterThisTest || !DataState.of(gateway).equals(seeded)) {
            restoreSeededData();
        }
        gateway.clearRequestLog();
    }

    /** A fresh gateway with the seeded data on the same port, so addresses and clients tests hold stay good. */
    void restoreSeededData() {
        int port = gateway.port();
        stop();
        start(port);
    }

    private void start(int port) {
        DemoGateway.Options options = DemoGateway.Options.of(data.apply(asOf)).withPort(port).withThreads(threads);
        try {
            gateway = DemoGateway.start(apiKey == null ? options : options.withApiKey(apiKey));
        } catch (IOException e) {
            throw new UncheckedIOException("the demo gateway did not start" + (port == 0 ? "" : " again on port "
                    + port), e);
        }
        setUp.accept(gateway);
        seeded = DataState.of(gateway);
        restartAfterThisTest = false;
    }

    private void stop() {
        if (gateway != null) {
            gateway.close();
            gateway = null;
            client = null;
        }
    }

    // ---- parameters -------------------------------------------------------------------------------------------

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == DemoGateway.class || type == ManagementApiClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DemoGateway.class ? gateway() : client();
    }

    /**
     * Everything the gateway serves and the write setting that shapes its answers, to tell whether a test changed
     * them. Held as copies of what the store returned: its records are immutable, so a write replaces one and the
     * lists differ.
     */
    record DataState(List<?> virtualKeys, List<?> teams, List<?> customers, List<?> mcpClients, List<?> providers,
                     Map<String, ?> providerKeys, Duration rotationCooldown) {
        static DataState of(DemoGateway gateway) {
            GovernanceStore store = gateway.store();
            return new DataState(List.copyOf(store.virtualKeys()), List.copyOf(store.teams()),
                    List.copyOf(store.customers()), List.copyOf(store.mcpClients()), List.copyOf(store.providers()),
                    Map.copyOf(store.providerKeysWithSecrets()), gateway.writes().rotationCooldown());
        }
    }
}
