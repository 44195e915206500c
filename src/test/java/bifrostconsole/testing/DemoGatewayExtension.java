package bifrostconsole.testing;

import bifrostconsole.api.ConnectionSettings;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.Secret;
import bifrostconsole.demo.DemoDataGenerator;
import bifrostconsole.demo.DemoGateway;
import bifrostconsole.store.GovernanceStore;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The demo gateway of a test class, over real HTTP on 127.0.0.1:
 * <pre>
 * &#64;RegisterExtension
 * static final DemoGatewayExtension gateway = DemoGatewayExtension.withKeys(11, 250).asOf(NOW).withApiKey(KEY);
 * </pre>
 * On a static field it starts before the class's first test and stops after its last; on an instance field, around
 * each test. After every test it is reset for the next: injected faults and the request log are cleared, and if the
 * test changed the data (once the gateway has write routes), the gateway is restarted on the same port with the data
 * it started with, so each test sees the seeded data whatever ran before it. Test methods may also take the
 * {@link DemoGateway} or a {@link ManagementApiClient} holding the gateway's key as parameters.
 */
public final class DemoGatewayExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    private final long seed;
    private final int keys;
    private final Instant asOf;
    private final String apiKey;

    private DemoGateway gateway;
    private ManagementApiClient client;
    private DataState seeded;
    private boolean startedForOneTest;

    private DemoGatewayExtension(long seed, int keys, Instant asOf, String apiKey) {
        this.seed = seed;
        this.keys = keys;
        this.asOf = asOf;
        this.apiKey = apiKey;
    }

    /** A gateway serving {@code keys} keys generated from {@code seed} as of now, without an API key. */
    public static DemoGatewayExtension withKeys(long seed, int keys) {
        return new DemoGatewayExtension(seed, keys, Instant.now(), null);
    }

    /** The data as of {@code now}: ages, expiries and budget resets are computed from it. */
    public DemoGatewayExtension asOf(Instant now) {
        return new DemoGatewayExtension(seed, keys, now, apiKey);
    }

    /** Requires {@code Authorization: Bearer <key>} on {@code /api} routes. */
    public DemoGatewayExtension withApiKey(String key) {
        return new DemoGatewayExtension(seed, keys, asOf, key);
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

    public void injectFault(String pathPrefix, DemoGateway.Fault fault) {
        gateway().injectFault(pathPrefix, fault);
    }

    public void injectFault(String pathPrefix, DemoGateway.Fault fault, int times) {
        gateway().injectFault(pathPrefix, fault, times);
    }

    /** The path and query of this test's requests so far, oldest first. */
    public List<String> requestLog() {
        return gateway().requestLog();
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

    /** Back to how the gateway started: no pending faults, an empty request log, the seeded data. */
    private void reset() {
        gateway.clearFaults();
        if (!DataState.of(gateway.store()).equals(seeded)) {
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
        GovernanceStore store = DemoDataGenerator.generate(seed, keys, asOf);
        DemoGateway.Options options = DemoGateway.Options.of(store).withPort(port);
        try {
            gateway = DemoGateway.start(apiKey == null ? options : options.withApiKey(apiKey));
        } catch (IOException e) {
            throw new UncheckedIOException("the demo gateway did not start" + (port == 0 ? "" : " again on port "
                    + port), e);
        }
        seeded = DataState.of(store);
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
     * Everything the gateway serves, to tell whether a test changed it. Held as the lists the store returned:
     * its records are immutable, so a change replaces one and the lists differ.
     */
    record DataState(List<?> virtualKeys, List<?> teams, List<?> customers, List<?> mcpClients, List<?> providers,
                     Map<String, ?> providerKeys) {
        static DataState of(GovernanceStore store) {
            return new DataState(List.copyOf(store.virtualKeys()), List.copyOf(store.teams()),
                    List.copyOf(store.customers()), List.copyOf(store.mcpClients()), List.copyOf(store.providers()),
                    Map.copyOf(store.providerKeysWithSecrets()));
        }
    }
}
