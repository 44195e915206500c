package bifrostconsole.connection;

import bifrostconsole.api.Secret;
import bifrostconsole.messages.UserReadable;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where management API keys are kept, one per profile id. Implementations: {@link KeyringCredentialStore}
 * (the operating system's credential store) and {@link InMemoryCredentialStore} (tests, and this session only
 * when no OS store exists). Calls may block on the OS: never call them on the FX thread.
 */
public interface CredentialStore {

    /**
     * Whether keys survive a restart and, when not, the one-sentence reason shown to the user.
     *
     * @param description e.g. "the Secret Service" or why keys are kept for this session only
     */
    record Availability(boolean persistent, String description) {
    }

    Availability availability();

    Optional<Secret> read(String profileId) throws CredentialStoreException;

    void write(String profileId, Secret key) throws CredentialStoreException;

    void delete(String profileId) throws CredentialStoreException;

    /**
     * {@code listener} gets the one-sentence reason, once, if this store stops working during the session and keeps
     * keys in memory from then on (at once, if that has already happened). Stores that cannot fail never call it.
     */
    default void onFallback(Consumer<String> listener) {
    }

    /** A store that failed; its message is one sentence for the user and never contains a key. */
    final class CredentialStoreException extends Exception implements UserReadable {
        public CredentialStoreException(String message) {
            super(message);
        }
    }
}
