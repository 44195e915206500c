package bifrostconsole.api;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import java.security.GeneralSecurityException;

/**
 * The TLS context of a client for a plain {@code http://} server (the built-in demo gateway, a local Bifrost). Such a
 * client never makes a TLS connection: it asks only its own server and follows no redirect. Without a context of its
 * own the JDK's {@code HttpClient} builds the default one anyway, reading the JDK's whole certificate store, which
 * cost a cold start tens of ms on the way to the demo's first page (README, Performance, "Start-up"). This one has
 * no key and trusts no certificate, so were it ever used, every handshake would fail.
 */
final class PlainHttp {
    static final SSLContext NO_TLS = noTls();

    private PlainHttp() {
    }

    private static SSLContext noTls() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[0], new TrustManager[0], null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this runtime", e);
        }
    }
}
