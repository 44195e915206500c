package bifrostconsole.connection;

import bifrostconsole.api.Secret;
import bifrostconsole.threads.BackgroundThreads;
import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.KeyringStorageType;
import com.github.javakeyring.PasswordAccessException;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keys in the operating system's credential store: the Secret Service on Linux (GNOME Keyring, KeePassXC, KWallet
 * 5.97+; see {@link SecretServiceKeyring}), the macOS Keychain and the Windows Credential Manager through java-keyring. Every
 * call runs on one daemon thread with a time limit, because a missing or locked store can make D-Bus calls hang; a
 * call that does not finish in time fails instead of freezing the console.
 *
 * <p>A store that stops working during the session (locked, its daemon gone, a write that does not read back)
 * switches this store to keeping keys in memory for the rest of the session: the key being saved is kept there, the
 * listeners of {@link #onFallback} get the one-sentence reason once, and {@link #availability()} says so from then
 * on. Nothing is ever written to a file instead.
 */
public final class KeyringCredentialStore implements CredentialStore, AutoCloseable {
    static final String SERVICE = "Bifrost Console";
    private static final String PROBE_ACCOUNT = "availability-probe";
    /**
     * The libraries under the store log at INFO and WARNING with the bus address, item paths and stack traces, and
     * dbus-java at DEBUG with message bodies; none of that is for the user, and a message body may carry a key.
     * Held here because java.util.logging keeps loggers weakly: a level set on a dropped logger is lost.
     */
    private static final List<Logger> SILENCED = silence("org.freedesktop", "com.github.javakeyring",
            "org.gnome.keyring", "com.github.hypfvieh");

    /** One OS store, as the worker thread sees it; its exceptions' messages are never shown (they may echo). */
    interface Backend extends AutoCloseable {
        String name();

        Optional<String> read(String account) throws Exception;

        void write(String account, String secret) throws Exception;

        void delete(String account) throws Exception;

        @Override
        void close();
    }

    private final Backend backend;
    private final ExecutorService worker;
    private final Duration timeout;
    private final String storeName;
    /** Keys read or written this session: what the console still has if the store goes away. */
    private final InMemoryCredentialStore session = InMemoryCredentialStore.sessionOnly("");
    private final List<Consumer<String>> fallbackListeners = new CopyOnWriteArrayList<>();
    /** Null while the OS store works; else why keys are kept for this session only. */
    private volatile String fallbackReason;
    private final AtomicBoolean closed = new AtomicBoolean();

    private KeyringCredentialStore(Backend backend, ExecutorService worker, Duration timeout) {
        this.backend = backend;
        this.worker = worker;
        this.timeout = timeout;
        this.storeName = backend.name();
    }

    /**
     * Probes this platform's store (open it, then one harmless read) within {@code timeout}. Returns the keyring
     * store when it works, otherwise a session-only in-memory store whose availability says why. Blocks up to
     * {@code timeout}: call it off the FX thread.
     */
    public static CredentialStore openOrFallBack(Duration timeout) {
        return open(KeyringCredentialStore::openThisPlatform, timeout);
    }

    /**
     * The same with the Secret Service on the session bus at {@code busAddress} (a D-Bus address such as
     * {@code unix:path=/run/user/1000/bus}) instead of this process's own: for tests against a private bus.
     */
    public static CredentialStore openSecretService(String busAddress, Duration timeout) {
        Objects.requireNonNull(busAddress, "busAddress");
        return open(() -> SecretServiceKeyring.open(busAddress), timeout);
    }

    static CredentialStore open(Callable<Backend> opener, Duration timeout) {
        ExecutorService worker = Executors.newSingleThreadExecutor(BackgroundThreads.named("credential-store"));
        Future<Backend> opening = worker.submit(() -> {
            Backend created = opener.call();
            try {
                created.read(PROBE_ACCOUNT);
            } catch (Exception | Error e) {
                created.close();
                throw e;
            }
            return created;
        });
        try {
            return new KeyringCredentialStore(opening.get(timeout.toMillis(), TimeUnit.MILLISECONDS), worker, timeout);
        } catch (TimeoutException e) {
            // A backend that arrives after all is closed, so its connection does not outlive the fallback.
            worker.execute(() -> {
                try {
                    opening.get().close();
                } catch (Exception ignored) {
                    // It failed after all: nothing to close.
                }
            });
            worker.shutdown();
            return InMemoryCredentialStore.sessionOnly("The system credential store did not answer within "
                    + inWords(timeout) + ", so keys are kept only until the console closes: unlock or start"
                    + " your keyring (e.g. GNOME Keyring) and restart the console to save them.");
        } catch (ExecutionException e) {
            worker.shutdownNow();
            Throwable cause = e.getCause();
            if (cause instanceof SecretServiceKeyring.Unusable unusable) {
                return InMemoryCredentialStore.sessionOnly("The Secret Service keyring cannot be used ("
                        + unusable.getMessage() + "), so keys are kept only until the console closes: unlock it"
                        + " (Passwords and Keys, or log in again) and restart the console to save them.");
            }
            LOG().log(Level.INFO, "No OS credential store: {0}", cause.getClass().getSimpleName());
            String what = cause instanceof BackendNotSupportedException || isNoBus(cause)
                    ? "No system credential store (Keychain, Credential Manager or Secret Service) was found"
                    : "The system credential store could not be opened (" + cause.getClass().getSimpleName() + ")";
            return InMemoryCredentialStore.sessionOnly(what + ", so keys are kept only until the console closes:"
                    + " enter the key each session or set BIFROST_API_KEY.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.shutdownNow();
            return InMemoryCredentialStore.sessionOnly("The credential store check was interrupted, so keys are"
                    + " kept only until the console closes.");
        }
    }

    /**
     * Linux: the Secret Service (GNOME Keyring, KeePassXC, KWallet 5.97+). java-keyring's KWallet backend for older
     * KDE is not tried: it opens a shared D-Bus connection it never closes when KWallet is absent, whose threads keep
     * the JVM from exiting. macOS and Windows: only their own store, so no other platform's native library is loaded
     * (java-keyring's own order tries the macOS Keychain first everywhere).
     */
    private static Backend openThisPlatform() throws Exception {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return new JavaKeyring(Keyring.create(KeyringStorageType.OSX_KEYCHAIN), "the macOS Keychain");
        }
        if (os.contains("win")) {
            return new JavaKeyring(Keyring.create(KeyringStorageType.WINDOWS_CREDENTIAL_STORE),
                    "the Windows Credential Manager");
        }
        return SecretServiceKeyring.open(null);
    }

    /**
     * No session bus: none at all (no DBUS_SESSION_BUS_ADDRESS, no DISPLAY), or gone mid-session; dbus-java says so by
     * type, or by rejecting the call from its own code ({@link #isFromDbus}).
     */
    private static boolean isNoBus(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t.getClass().getName().startsWith("org.freedesktop.dbus.") || isFromDbus(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A JDK exception thrown inside dbus-java: when the bus goes away dbus-java shuts its connection's executors, so
     * a call may fail with their RejectedExecutionException rather than one of dbus-java's own types (a CI run's
     * reason once named only "RejectedExecutionException"). Rejected elsewhere, it is still named by its type.
     */
    private static boolean isFromDbus(Throwable t) {
        return t instanceof RejectedExecutionException
                && Arrays.stream(t.getStackTrace())
                        .anyMatch(frame -> frame.getClassName().startsWith("org.freedesktop.dbus."));
    }

    @Override
    public Availability availability() {
        String reason = fallbackReason;
        return reason == null ? new Availability(true, storeName) : new Availability(false, reason);
    }

    @Override
    public void onFallback(Consumer<String> listener) {
        fallbackListeners.add(listener);
        String reason = fallbackReason;
        if (reason != null) {
            listener.accept(reason);
        }
    }

    @Override
    public Optional<Secret> read(String profileId) {
        if (fallbackReason == null) {
            try {
                Optional<Secret> stored = call(() -> backend.read(account(profileId))).map(Secret::of);
                session.write(profileId, stored.orElse(null));
                return stored;
            } catch (Exception e) {
                fallBack(e);
            }
        }
        return session.read(profileId);
    }

    @Override
    public void write(String profileId, Secret key) throws CredentialStoreException {
        if (key == null) {
            delete(profileId);
            return;
        }
        session.write(profileId, key);
        if (fallbackReason != null) {
            return;
        }
        try {
            call(() -> {
                backend.write(account(profileId), key.reveal());
                // Read back: a store that accepts a write and keeps something else (or nothing) is not one to
                // rely on, and the user would only find out at the next start.
                if (!backend.read(account(profileId)).map(key.reveal()::equals).orElse(false)) {
                    throw new SecretServiceKeyring.Unusable("the saved key did not read back");
                }
                return null;
            });
        } catch (Exception e) {
            fallBack(e);
        }
    }

    @Override
    public void delete(String profileId) throws CredentialStoreException {
        session.delete(profileId);
        try {
            call(() -> {
                backend.delete(account(profileId));
                return null;
            });
        } catch (Exception e) {
            // The key may still be in the store: say so, rather than let the connection vanish and leave it there.
            throw new CredentialStoreException("Could not delete the key from " + storeName + " (" + why(e)
                    + "): unlock or start the credential store and delete the connection again.");
        }
    }

    private synchronized void fallBack(Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        if (fallbackReason != null) {
            return;
        }
        LOG().log(Level.INFO, "The OS credential store failed: {0}", why(e));
        fallbackReason = "Keys can no longer be saved in " + storeName + " (" + why(e) + "), so they are kept only"
                + " until the console closes: unlock or start it and restart the console to save them again.";
        for (Consumer<String> listener : fallbackListeners) {
            listener.accept(fallbackReason);
        }
    }

    /** The reason in a few words; the libraries' own messages may echo arguments, so only types are named. */
    private String why(Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        if (e instanceof TimeoutException) {
            return "it did not answer within " + inWords(timeout);
        }
        if (cause instanceof SecretServiceKeyring.Unusable) {
            return cause.getMessage();
        }
        if (isNoBus(cause)) {
            return "its D-Bus connection is gone";
        }
        return cause.getClass().getSimpleName();
    }

    private <T> T call(Callable<T> task) throws TimeoutException, ExecutionException, InterruptedException {
        Future<T> future = worker.submit(task);
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw e;
        }
    }

    /** "3 s", or "500 ms" for the short limits of tests. */
    private static String inWords(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    static String account(String profileId) {
        return "profile:" + profileId;
    }

    /** Closes the connection to the store (no D-Bus thread outlives it) and forgets this session's keys. */
    @Override
    public void close() {
        // Both the profile service and its owner may close it; the second call has nothing left to do.
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        session.clear();
        Future<?> closing = worker.submit(backend::close);
        worker.shutdown();
        try {
            closing.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG().log(Level.INFO, "The OS credential store did not close: {0}", e.getClass().getSimpleName());
        }
        worker.shutdownNow();
    }

    private static Logger LOG() {
        return Logger.getLogger(KeyringCredentialStore.class.getName());
    }

    private static List<Logger> silence(String... names) {
        List<Logger> loggers = new java.util.ArrayList<>();
        for (String name : names) {
            Logger logger = Logger.getLogger(name);
            logger.setLevel(Level.OFF);
            loggers.add(logger);
        }
        return List.copyOf(loggers);
    }

    @Override
    public String toString() {
        return "KeyringCredentialStore[" + storeName + (fallbackReason == null ? "" : ", session only") + "]";
    }

    /** macOS Keychain, Windows Credential Manager: java-keyring's backends. */
    private record JavaKeyring(Keyring keyring, String name) implements Backend {
        @Override
        public Optional<String> read(String account) throws Exception {
            try {
                return Optional.ofNullable(keyring.getPassword(SERVICE, account));
            } catch (PasswordAccessException notFound) {
                return Optional.empty();
            }
        }

        @Override
        public void write(String account, String secret) throws Exception {
            keyring.setPassword(SERVICE, account, secret);
        }

        @Override
        public void delete(String account) throws Exception {
            try {
                keyring.deletePassword(SERVICE, account);
            } catch (PasswordAccessException nothingStored) {
                // Deleting a key that was never stored is not a failure.
            }
        }

        @Override
        public void close() {
            try {
                keyring.close();
            } catch (Exception e) {
                // Closing a native handle that failed: nothing left to do.
            }
        }

        @Override
        public String toString() {
            return "JavaKeyring[" + name + "]";
        }
    }
}
