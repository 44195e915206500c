package bifrostconsole.app;

import bifrostconsole.api.ConnectionSettings;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.Page;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.connection.ConnectionProfile;
import bifrostconsole.demo.DemoDataGenerator;
import bifrostconsole.demo.DemoGateway;
import bifrostconsole.keys.KeyRow;
import bifrostconsole.store.GovernanceStore;

import bifrostconsole.startup.StartupClock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The built-in demo gateway, started on demand inside the console: seeded data (about 2,000 keys) served on
 * a free loopback port without a key, so the demo exercises the same HTTP path as a real server. Started
 * once, on a background thread, and stopped when the console closes.
 */
public final class DemoWorkspace implements AutoCloseable {
    public static final String ID = "demo";
    public static final String NAME = "Demo workspace";
    static final int KEYS = 2_000;
    /** How many keys the demo holds instead, for measuring the console against a large gateway (README, Performance). */
    static final String KEYS_PROPERTY = "bifrost.console.demoKeys";
    static final long SEED = 42;
    /** The demo gateway's request threads, as {@code DemoGateway.Options.of} has them. */
    private static final int DEMO_THREADS = 4;

    private final Executor background;
    private CompletableFuture<DemoGateway> gateway;
    /** The gateway's address as soon as its port is bound, before it serves: requests sent then wait for it. */
    private CompletableFuture<String> bound;
    private CompletableFuture<Opening> earlyOpening;

    public DemoWorkspace(Executor background) {
        this.background = background;
    }

    /** The gateway's base URL, once it listens. Safe to call repeatedly: it starts only once. */
    public synchronized CompletableFuture<String> start() {
        if (gateway == null || gateway.isCompletedExceptionally()) {
            // The port first (a few ms), then the data (hundreds): a client can be made and ask meanwhile.
            CompletableFuture<DemoGateway.Reservation> port = CompletableFuture.supplyAsync(() -> {
                try {
                    return DemoGateway.reserve(0, DEMO_THREADS);
                } catch (IOException e) {
                    throw new UncheckedIOException("The demo workspace could not start its local server ("
                            + e.getClass().getSimpleName() + "): restart the console and try again.", e);
                }
            }, background);
            bound = port.thenApply(DemoGateway.Reservation::baseUrl);
            gateway = port.thenApplyAsync(reservation -> {
                try {
                    GovernanceStore store = DemoDataGenerator.generate(SEED, keys(), Instant.now(), background);
                    StartupClock.mark("demo data");
                    DemoGateway started = reservation.start(DemoGateway.Options.of(store));
                    StartupClock.mark("demo gateway");
                    return started;
                } catch (RuntimeException | Error e) {
                    reservation.close(); // requests already waiting on the port fail instead of waiting
                    throw e;
                }
            }, background);
        }
        return gateway.thenApply(DemoGateway::baseUrl);
    }

    /**
     * Starts the demo and, once it listens, asks it for what the window opens on (version and first page), so
     * that work runs while the toolkit starts. The main view-model takes the answer once, when it opens the demo.
     */
    public synchronized void openEarly(Function<ConnectionSettings, ManagementApiClient> clients,
                                       VirtualKeyQuery firstPageQuery) {
        openEarly(clients, firstPageQuery, null);
    }

    /** {@link #openEarly(Function, VirtualKeyQuery)}, also making the first page's rows as it comes ({@code rows}). */
    public synchronized void openEarly(Function<ConnectionSettings, ManagementApiClient> clients,
                                       VirtualKeyQuery firstPageQuery,
                                       Function<Page<VirtualKey>, List<KeyRow>> rows) {
        CompletableFuture<String> serving = start();
        // The client and its requests do not wait for the data: they are made as soon as the port is bound, and
        // the requests are answered once the gateway serves. The opening fails with the gateway's own reason.
        CompletableFuture<Opening> requests = bound.thenApplyAsync(url -> {
                    ManagementApiClient client = clients.apply(settings(url));
                    StartupClock.mark("demo client");
                    return client;
                }, background)
                .thenCompose(client -> Opening.request(client, firstPageQuery, rows));
        earlyOpening = serving.thenCombine(requests, (url, opening) -> opening);
    }

    /** The opening asked for by {@link #openEarly}, at most once; null when there is none (any later open). */
    synchronized CompletableFuture<Opening> takeEarlyOpening() {
        CompletableFuture<Opening> taken = earlyOpening;
        earlyOpening = null;
        return taken;
    }

    private static int keys() {
        try {
            return Math.max(0, Math.min(100_000, Integer.parseInt(System.getProperty(KEYS_PROPERTY, "" + KEYS))));
        } catch (NumberFormatException e) {
            return KEYS;
        }
    }

    /** The unsaved profile the demo is opened with: loopback, no key, no TLS. */
    static ConnectionProfile profile(String url) {
        return new ConnectionProfile(ID, NAME, url, null, false, null, null, false);
    }

    private static ConnectionSettings settings(String url) {
        try {
            return profile(url).toSettings(null);
        } catch (bifrostconsole.connection.TlsContexts.TlsSetupException e) {
            throw new IllegalStateException("the demo workspace uses no TLS", e);
        }
    }

    @Override
    public synchronized void close() {
        if (gateway != null) {
            gateway.thenAccept(DemoGateway::close);
        }
    }
}
