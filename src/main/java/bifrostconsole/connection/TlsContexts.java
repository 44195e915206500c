package bifrostconsole.connection;

import bifrostconsole.messages.UserReadable;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The SSL contexts a profile can ask for: the JDK's default trust (null), trust in one extra CA read from a
 * PEM file, or, only on an explicit red-marked choice, no verification at all.
 */
public final class TlsContexts {
    private TlsContexts() {
    }

    /** A TLS setting that cannot be applied; the message is one sentence for the user. */
    public static final class TlsSetupException extends Exception implements UserReadable {
        public TlsSetupException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Null means "use the JDK's default trust store". */
    public static SSLContext forProfile(ConnectionProfile profile) throws TlsSetupException {
        if (profile.skipTlsVerification()) {
            return insecure();
        }
        if (profile.caCertificateFile() != null) {
            return trustingCaFile(Path.of(profile.caCertificateFile()));
        }
        return null;
    }

    /**
     * Trusts the certificates in {@code pemFile} (one or more PEM blocks) in addition to nothing else: a
     * self-hosted gateway's private CA. Parsing is the JDK's {@link java.security.cert.CertificateFactory}.
     */
    public static SSLContext trustingCaFile(Path pemFile) throws TlsSetupException {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(pemFile)) {
            certificates = java.security.cert.CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (NoSuchFileException e) {
            throw new TlsSetupException("The CA certificate file " + pemFile + " does not exist: choose the PEM file"
                    + " again in the connection's TLS settings.", e);
        } catch (IOException e) {
            throw new TlsSetupException("The CA certificate file " + pemFile + " could not be read ("
                    + e.getClass().getSimpleName() + "): check its permissions.", e);
        } catch (CertificateException e) {
            throw new TlsSetupException("The file " + pemFile + " holds no readable certificate: choose a PEM file"
                    + " that starts with -----BEGIN CERTIFICATE-----.", e);
        }
        if (certificates.isEmpty()) {
            throw new TlsSetupException("The file " + pemFile + " holds no certificate: choose a PEM file that"
                    + " starts with -----BEGIN CERTIFICATE-----.", null);
        }
        try {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                trust.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), new SecureRandom());
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new TlsSetupException("The certificates in " + pemFile + " could not be used as trusted CAs ("
                    + e.getClass().getSimpleName() + "): check that the file holds CA certificates.", e);
        }
    }

    /**
     * Accepts every certificate and every host name. An {@link X509ExtendedTrustManager} is needed: the JDK
     * wraps a plain X509TrustManager and would still check the host name.
     */
    public static SSLContext insecure() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[]{new TrustEverything()}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this Java runtime", e);
        }
    }

    private static final class TrustEverything extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
