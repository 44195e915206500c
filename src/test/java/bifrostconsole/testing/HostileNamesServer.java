package bifrostconsole.testing;

import bifrostconsole.demo.DemoGateway;

import java.time.Instant;

/**
 * The demo gateway serving {@link HostileNames} (then ordinary keys) until stopped, to look at the names in a real
 * window: run it from the test classpath with a key count, then {@code bifrost-console --server http://127.0.0.1:PORT}.
 */
public final class HostileNamesServer {
    private HostileNamesServer() {
    }

    public static void main(String[] args) throws Exception {
        int keys = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        DemoGateway gateway = DemoGateway.start(DemoGateway.Options.of(HostileNames.store(15, keys, Instant.now())));
        System.out.println("hostile names on http://127.0.0.1:" + gateway.port());
        Thread.currentThread().join();
    }
}
