package bifrostconsole.connection;

import bifrostconsole.api.Secret;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The store's own rules with a scripted backend, so they run on every machine: a write is read back, a store that
 * hangs or fails mid-session falls back to this session once, a probe that hangs ends in time, secrets stay out of
 * messages. {@link KeyringCredentialStoreLiveTest} runs the same against a real Secret Service.
 */
class KeyringCredentialStoreTest {
    private static final Duration TIMEOUT = Duration.ofMillis(500);
    private static final String KEY = "bfst-unit-7f3a";

    /** A map, with switches for the ways a real store misbehaves. */
    private static class ScriptedBackend implements KeyringCredentialStore.Backend {
        final Map<String, String> items = new ConcurrentHashMap<>();
        volatile boolean keepsSomethingElse;
        volatile CountDownLatch hang;
        volatile boolean closed;

        @Override
        public String name() {
            return "the scripted keyring";
        }

        @Override
        public Optional<String> read(String account) throws Exception {
            awaitHang();
            return Optional.ofNullable(items.get(account));
        }

        @Override
        public void write(String account, String secret) throws Exception {
            awaitHang();
            items.put(account, keepsSomethingElse ? secret + "-mangled" : secret);
        }

        @Override
        public void delete(String account) throws Exception {
            awaitHang();
            items.remove(account);
        }

        private void awaitHang() throws InterruptedException {
            CountDownLatch latch = hang;
            if (latch != null) {
                latch.await();
            }
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void aKeyIsStoredUnderItsProfileAndReadBack() throws Exception {
        ScriptedBackend backend = new ScriptedBackend();
        KeyringCredentialStore store = open(backend);
        store.write("p1", Secret.of(KEY));
        assertEquals(Map.of("profile:p1", KEY), backend.items);
        assertEquals(Optional.of(Secret.of(KEY)), store.read("p1"));
        assertEquals(new CredentialStore.Availability(true, "the scripted keyring"), store.availability());
        store.delete("p1");
        assertEquals(Map.of(), backend.items);
        store.close();
        assertTrue(backend.closed);
    }

    @Test
    void aWriteThatDoesNotReadBackFallsBackToTheSession() throws Exception {
        ScriptedBackend backend = new ScriptedBackend();
        KeyringCredentialStore store = open(backend);
        List<String> notices = new CopyOnWriteArrayList<>();
        store.onFallback(notices::add);
        backend.keepsSomethingElse = true;

        store.write("p1", Secret.of(KEY));

        String reason = "Keys can no longer be saved in the scripted keyring (the saved key did not read back), so they"
                + " are kept only until the console closes: unlock or start it and restart the console to save them"
                + " again.";
        assertEquals(List.of(reason), notices);
        assertEquals(new CredentialStore.Availability(false, reason), store.availability());
        assertEquals(Optional.of(Secret.of(KEY)), store.read("p1"), "kept for the session");
        // A listener that comes later hears it at once.
        List<String> late = new ArrayList<>();
        store.onFallback(late::add);
        assertEquals(List.of(reason), late);
        assertFalse(store.toString().contains(KEY));
    }

    @Test
    void aStoreThatStopsAnsweringFallsBackWithinTheTimeLimit() throws Exception {
        ScriptedBackend backend = new ScriptedBackend();
        KeyringCredentialStore store = open(backend);
        store.write("p1", Secret.of(KEY));
        backend.hang = new CountDownLatch(1);
        try {
            long start = System.nanoTime();
            store.write("p2", Secret.of(KEY + "-2"));
            assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(TIMEOUT.multipliedBy(4)) < 0);
            assertTrue(store.availability().description().startsWith("Keys can no longer be saved in the scripted"
                    + " keyring (it did not answer within 500 ms)"), store.availability().description());
            // From now on the session's keys answer at once, without waiting on the store.
            assertEquals(Optional.of(Secret.of(KEY + "-2")), store.read("p2"));
            assertEquals(Optional.of(Secret.of(KEY)), store.read("p1"));
            // Deleting cannot reach the store: the user is told, rather than the key being left there silently.
            CredentialStore.CredentialStoreException e = assertThrows(CredentialStore.CredentialStoreException.class,
                    () -> store.delete("p1"));
            assertEquals("Could not delete the key from the scripted keyring (it did not answer within 500 ms): unlock or"
                    + " start the credential store and delete the connection again.", e.getMessage());
        } finally {
            backend.hang.countDown();
        }
    }

    @Test
    void aProbeThatHangsEndsInTimeWithTheSessionOnlyReason() {
        ScriptedBackend backend = new ScriptedBackend();
        backend.hang = new CountDownLatch(1);
        try {
            CredentialStore store = KeyringCredentialStore.open(() -> backend, TIMEOUT);
            assertFalse(store.availability().persistent());
            assertTrue(store.availability().description().startsWith("The system credential store did not answer"
                    + " within 500 ms, so keys are kept only until the console closes"), store.availability().description());
        } finally {
            backend.hang.countDown();
        }
    }

    @Test
    void aProbeThatFailsNamesOnlyTheFailuresType() {
        CredentialStore store = KeyringCredentialStore.open(() -> {
            throw new IllegalStateException("no keyring for " + KEY);
        }, TIMEOUT);
        assertEquals(new CredentialStore.Availability(false, "The system credential store could not be opened"
                + " (IllegalStateException), so keys are kept only until the console closes: enter the key each"
                + " session or set BIFROST_API_KEY."), store.availability());
    }

    @Test
    void aCallRejectedInsideDbusJavaSaysTheBusIsGone() throws Exception {
        ScriptedBackend backend = new ScriptedBackend() {
            @Override
            public void write(String account, String secret) {
                // What dbus-java throws once its connection's executor is shut down with the bus.
                RejectedExecutionException rejected = new RejectedExecutionException("Task rejected from executor");
                rejected.setStackTrace(new StackTraceElement[] {
                        new StackTraceElement("org.freedesktop.dbus.connections.AbstractConnection", "sendMessage",
                                "AbstractConnection.java", 1),
                        new StackTraceElement("bifrostconsole.connection.SecretServiceKeyring", "write",
                                "SecretServiceKeyring.java", 1)});
                throw rejected;
            }
        };
        KeyringCredentialStore store = open(backend);
        store.write("p1", Secret.of(KEY));
        assertEquals("Keys can no longer be saved in the scripted keyring (its D-Bus connection is gone), so they are"
                + " kept only until the console closes: unlock or start it and restart the console to save them again.",
                store.availability().description());
        assertEquals(Optional.of(Secret.of(KEY)), store.read("p1"), "kept for the session");
    }

    @Test
    void aRejectedCallElsewhereIsNamedByItsType() throws Exception {
        ScriptedBackend backend = new ScriptedBackend() {
            @Override
            public void write(String account, String secret) {
                throw new RejectedExecutionException("rejected");
            }
        };
        KeyringCredentialStore store = open(backend);
        store.write("p1", Secret.of(KEY));
        assertTrue(store.availability().description().contains("(RejectedExecutionException)"),
                store.availability().description());
    }

    private static KeyringCredentialStore open(ScriptedBackend backend) {
        return (KeyringCredentialStore) KeyringCredentialStore.open(() -> backend, TIMEOUT);
    }
}
