package bifrostconsole.connection;

import bifrostconsole.api.Secret;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keys held in this process only, never written anywhere. Used for tests (as a stand-in for the OS store)
 * and by the console itself when no OS credential store is available, so a key typed once is not asked for
 * again until the console restarts.
 */
public final class InMemoryCredentialStore implements CredentialStore {
    private final Map<String, Secret> keys = new ConcurrentHashMap<>();
    private final Availability availability;

    public InMemoryCredentialStore(Availability availability) {
        this.availability = availability;
    }

    /** Behaves like a working OS store: for tests of the flows that save a key. */
    public static InMemoryCredentialStore pretendingPersistent() {
        return new InMemoryCredentialStore(new Availability(true, "an in-memory test store"));
    }

    /** This session only, with the reason the OS store could not be used. */
    public static InMemoryCredentialStore sessionOnly(String whyNoOsStore) {
        return new InMemoryCredentialStore(new Availability(false, whyNoOsStore));
    }

    @Override
    public Availability availability() {
        return availability;
    }

    @Override
    public Optional<Secret> read(String profileId) {
        return Optional.ofNullable(keys.get(profileId));
    }

    @Override
    public void write(String profileId, Secret key) {
        if (key == null) {
            keys.remove(profileId);
        } else {
            keys.put(profileId, key);
        }
    }

    @Override
    public void delete(String profileId) {
        keys.remove(profileId);
    }

    /** Forgets every key. */
    public void clear() {
        keys.clear();
    }

    @Override
    public String toString() {
        return "InMemoryCredentialStore[" + keys.size() + " keys]";
    }
}
