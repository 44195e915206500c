package bifrostconsole.app;

import bifrostconsole.demo.DemoDataGenerator;
import bifrostconsole.demo.DemoGateway;
import bifrostconsole.store.GovernanceStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The built-in demo gateway, started on demand inside the console: seeded data (about 2,000 keys) served on
 * a free loopback port without a key, so the demo exercises the same HTTP path as a real server. Started
 * once, on a background thread, and stopped when the console closes.
 */
public final class DemoWorkspace implements AutoCloseable {
    public static final String ID = "demo";
    public static final String NAME = "Demo workspace";
    static final int KEYS = 2_000;
    static final long SEED = 42;

    private final Executor background;
    private CompletableFuture<DemoGateway> gateway;

    public DemoWorkspace(Executor background) {
        this.background = background;
    }

    /** The gateway's base URL, once it listens. Safe to call repeatedly: it starts only once. */
    public synchronized CompletableFuture<String> start() {
        if (gateway == null || gateway.isCompletedExceptionally()) {
            gateway = CompletableFuture.supplyAsync(() -> {
                GovernanceStore store = DemoDataGenerator.generate(SEED, KEYS, Instant.now());
                try {
                    return DemoGateway.start(DemoGateway.Options.of(store));
                } catch (IOException e) {
                    throw new UncheckedIOException("The demo workspace could not start its local server ("
                            + e.getClass().getSimpleName() + "): restart the console and try again.", e);
                }
            }, background);
        }
        return gateway.thenApply(DemoGateway::baseUrl);
    }

    @Override
    public synchronized void close() {
        if (gateway != null) {
            gateway.thenAccept(DemoGateway::close);
        }
    }
}
