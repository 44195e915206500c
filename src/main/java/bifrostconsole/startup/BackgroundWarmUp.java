package bifrostconsole.startup;

import bifrostconsole.api.Customer;
import bifrostconsole.api.Json;
import bifrostconsole.api.Team;
import bifrostconsole.api.VirtualKey;

import javax.net.ssl.SSLContext;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Does, on a background thread while the window is being built, the one-time work the first server call would
 * otherwise do on the FX thread: building Jackson's deserializers for the records the first page reads (about
 * half a second cold), and the JDK's default TLS context, which every {@code HttpClient} loads when it is built
 * (the CA certificates, about half a second cold), even for a plain-http server. Both are cached process-wide,
 * so the FX thread later finds them ready.
 */
public final class BackgroundWarmUp {
    private BackgroundWarmUp() {
    }

    public static CompletableFuture<Void> start(Executor background) {
        return CompletableFuture.runAsync(BackgroundWarmUp::warmUp, background);
    }

    static void warmUp() {
        Json.mapper().readerFor(VirtualKey.class);
        Json.mapper().readerFor(Team.class);
        Json.mapper().readerFor(Customer.class);
        try {
            SSLContext.getDefault();
        } catch (NoSuchAlgorithmException unavailable) {
            // The client reports TLS problems itself when it connects; warming up is only an optimisation.
        }
    }
}
