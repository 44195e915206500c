package bifrostconsole.connection;

import bifrostconsole.api.Secret;
import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keys in the operating system's credential store (macOS Keychain, Windows Credential Manager, the Secret
 * Service on Linux) through java-keyring. Every call runs on one daemon thread with a time limit, because a
 * missing or locked Secret Service can make D-Bus calls hang; a call that does not finish in time fails with
 * a message instead of freezing the console.
 */
public final class KeyringCredentialStore implements CredentialStore {
    private static final Logger LOG = Logger.getLogger(KeyringCredentialStore.class.getName());
    static final String SERVICE = "Bifrost Console";
    private static final String PROBE_ACCOUNT = "availability-probe";

    private final Keyring keyring;
    private final ExecutorService worker;
    private final Duration timeout;
    private final String storeName;

    private KeyringCredentialStore(Keyring keyring, ExecutorService worker, Duration timeout) {
        this.keyring = keyring;
        this.worker = worker;
        this.timeout = timeout;
        this.storeName = nameOf(keyring);
    }

    /**
     * Probes the OS store (create the backend, then one harmless read) within {@code timeout}. Returns the
     * keyring store when it works, otherwise a session-only in-memory store whose availability says why.
     * Blocks up to {@code timeout}: call it off the FX thread.
     */
    public static CredentialStore openOrFallBack(Duration timeout) {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "credential-store");
            t.setDaemon(true);
            return t;
        });
        try {
            Keyring keyring = call(worker, timeout, () -> {
                Keyring created = Keyring.create();
                try {
                    created.getPassword(SERVICE, PROBE_ACCOUNT);
                } catch (PasswordAccessException notFound) {
                    // Expected: nothing is stored under the probe account. The store answered, so it works.
                }
                return created;
            });
            return new KeyringCredentialStore(keyring, worker, timeout);
        } catch (TimeoutException e) {
            worker.shutdownNow();
            return InMemoryCredentialStore.sessionOnly("The system credential store did not answer within "
                    + timeout.toSeconds() + " s, so keys are kept only until the console closes: unlock or start"
                    + " your keyring (e.g. GNOME Keyring) and restart the console to save them.");
        } catch (ExecutionException e) {
            worker.shutdownNow();
            Throwable cause = e.getCause();
            LOG.log(Level.INFO, "No OS credential store: {0}", cause.getClass().getSimpleName());
            String what = cause instanceof BackendNotSupportedException
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

    @Override
    public Availability availability() {
        return new Availability(true, storeName);
    }

    @Override
    public Optional<Secret> read(String profileId) throws CredentialStoreException {
        try {
            return Optional.ofNullable(Secret.of(call(worker, timeout, () -> {
                try {
                    return keyring.getPassword(SERVICE, account(profileId));
                } catch (PasswordAccessException notFound) {
                    return null;
                }
            })));
        } catch (Exception e) {
            throw failure("read the key from", e);
        }
    }

    @Override
    public void write(String profileId, Secret key) throws CredentialStoreException {
        if (key == null) {
            delete(profileId);
            return;
        }
        try {
            call(worker, timeout, () -> {
                keyring.setPassword(SERVICE, account(profileId), key.reveal());
                return null;
            });
        } catch (Exception e) {
            throw failure("save the key in", e);
        }
    }

    @Override
    public void delete(String profileId) throws CredentialStoreException {
        try {
            call(worker, timeout, () -> {
                try {
                    keyring.deletePassword(SERVICE, account(profileId));
                } catch (PasswordAccessException nothingStored) {
                    // Deleting a key that was never stored is not a failure.
                }
                return null;
            });
        } catch (Exception e) {
            throw failure("delete the key from", e);
        }
    }

    private CredentialStoreException failure(String action, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        // The library's messages may echo arguments; only the exception type is kept.
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        String why = e instanceof TimeoutException ? "it did not answer within " + timeout.toSeconds() + " s"
                : cause.getClass().getSimpleName();
        return new CredentialStoreException("Could not " + action + " " + storeName + " (" + why
                + "): unlock the credential store and try again.");
    }

    private static <T> T call(ExecutorService worker, Duration timeout, Callable<T> task)
            throws TimeoutException, ExecutionException, InterruptedException {
        Future<T> future = worker.submit(task);
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw e;
        }
    }

    static String account(String profileId) {
        return "profile:" + profileId;
    }

    private static String nameOf(Keyring keyring) {
        String type = String.valueOf(keyring.getKeyringStorageType()).toLowerCase(Locale.ROOT);
        if (type.contains("osx") || type.contains("mac")) {
            return "the macOS Keychain";
        }
        if (type.contains("win")) {
            return "the Windows Credential Manager";
        }
        if (type.contains("kde") || type.contains("kwallet")) {
            return "KWallet";
        }
        return "the Secret Service keyring";
    }

    @Override
    public String toString() {
        return "KeyringCredentialStore[" + storeName + "]";
    }
}
