package bifrostconsole.connection;

import bifrostconsole.api.ConnectionSettings;
import bifrostconsole.api.Secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Saved profiles and their keys, for view-models: every call returns a CompletableFuture and does its disk
 * and credential-store work on one background thread, so writes happen in order and the FX thread never
 * waits. The credential store arrives later than the profiles (probing it can take seconds), so key calls
 * wait for it without holding up the rest.
 */
public final class ProfileService implements AutoCloseable {
    private final ProfileStore store;
    private final CompletableFuture<CredentialStore> credentials;
    private final Runnable openCredentials;
    private final java.util.concurrent.atomic.AtomicBoolean credentialsOpening =
            new java.util.concurrent.atomic.AtomicBoolean();
    private final ExecutorService io;
    private Profiles profiles = Profiles.empty();

    public ProfileService(ProfileStore store, CompletableFuture<CredentialStore> credentials) {
        this(store, credentials, () -> { });
    }

    /**
     * With a credential store opened only when first needed: {@code open} (run once, by {@link #openCredentials()}
     * or by the first call that reads, writes or deletes a key or saves a profile) starts opening it and completes
     * {@code credentials}. A start on the demo workspace needs no key, so its probe can wait for the first page.
     */
    public ProfileService(ProfileStore store, CompletableFuture<CredentialStore> credentials, Runnable open) {
        this.store = store;
        this.credentials = credentials;
        this.openCredentials = open;
        this.io = Executors.newSingleThreadExecutor(bifrostconsole.threads.BackgroundThreads.named("profiles-io"));
    }

    public ProfileService(ProfileStore store, CredentialStore credentials) {
        this(store, CompletableFuture.completedFuture(credentials));
    }

    public CompletableFuture<ProfileStore.LoadResult> load() {
        return CompletableFuture.supplyAsync(() -> {
            ProfileStore.LoadResult result = store.load();
            synchronized (this) {
                profiles = result.profiles();
            }
            return result;
        }, io);
    }

    /** Starts opening the credential store, if that was left for later; once. Any thread. */
    public void openCredentials() {
        if (credentialsOpening.compareAndSet(false, true)) {
            openCredentials.run();
        }
    }

    /** The credential store for a call that needs it: opened now if it was left for later. */
    private CompletableFuture<CredentialStore> credentials() {
        openCredentials();
        return credentials;
    }

    public synchronized Profiles current() {
        return profiles;
    }

    /** Asked anew each time: a store that fails during the session stops being persistent. */
    public CompletableFuture<CredentialStore.Availability> credentialAvailability() {
        return credentials.thenApply(CredentialStore::availability);
    }

    /**
     * {@code listener} gets the one-sentence reason if the credential store stops working during the session and
     * keys are kept in memory from then on; on the thread that noticed, so hop to the UI thread before showing it.
     */
    public void onCredentialFallback(Consumer<String> listener) {
        credentials.thenAccept(store -> store.onFallback(listener));
    }

    /**
     * Saves the profile and, when {@code newKey} is present, its key (an empty Optional keeps the stored key).
     * The key goes to the credential store only, never to the profile file.
     */
    public CompletableFuture<Profiles> save(ConnectionProfile profile, Optional<Secret> newKey) {
        return credentials().thenApplyAsync(store -> {
            if (newKey.isPresent()) {
                write(store, profile.id(), newKey.get());
            }
            return update(current().with(profile));
        }, io);
    }

    public CompletableFuture<Profiles> delete(String profileId) {
        return credentials().thenApplyAsync(store -> {
            try {
                store.delete(profileId);
            } catch (CredentialStore.CredentialStoreException e) {
                throw new CompletionException(e);
            }
            return update(current().without(profileId));
        }, io);
    }

    public CompletableFuture<Profiles> markLastUsed(String profileId) {
        return CompletableFuture.supplyAsync(() -> update(current().withLastUsed(profileId)), io);
    }

    public CompletableFuture<Optional<Secret>> readKey(String profileId) {
        return credentials().thenApplyAsync(store -> {
            try {
                return store.read(profileId);
            } catch (CredentialStore.CredentialStoreException e) {
                throw new CompletionException(e);
            }
        }, io);
    }

    /**
     * The client settings for a profile, built on the I/O thread because a custom CA means reading its PEM file.
     * Fails with a {@link TlsContexts.TlsSetupException} or an IllegalArgumentException, each a user sentence.
     */
    public CompletableFuture<ConnectionSettings> settingsFor(ConnectionProfile profile, Optional<Secret> key) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return profile.toSettings(key.orElse(null));
            } catch (TlsContexts.TlsSetupException e) {
                throw new CompletionException(e);
            }
        }, io);
    }

    /** Keeps a key typed at a prompt: in the OS store when there is one, else for this session only. */
    public CompletableFuture<Void> rememberKey(String profileId, Secret key) {
        return credentials().thenAcceptAsync(store -> write(store, profileId, key), io);
    }

    private static void write(CredentialStore store, String id, Secret key) {
        try {
            store.write(id, key);
        } catch (CredentialStore.CredentialStoreException e) {
            throw new CompletionException(e);
        }
    }

    private Profiles update(Profiles next) {
        try {
            store.save(next);
        } catch (IOException e) {
            throw new UncheckedIOException("The connections could not be saved to " + store.file() + " ("
                    + e.getClass().getSimpleName() + "): check that the folder is writable.", e);
        }
        synchronized (this) {
            profiles = next;
        }
        return next;
    }

    /** Stops the I/O thread after the writes already asked for, then closes the credential store's connection. */
    @Override
    public void close() {
        io.execute(() -> credentials.thenAccept(store -> {
            if (store instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // Closing a connection at exit: nothing left to do.
                }
            }
        }));
        io.shutdown();
    }
}
