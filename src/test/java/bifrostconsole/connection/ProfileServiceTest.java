package bifrostconsole.connection;

import bifrostconsole.api.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileServiceTest {
    @TempDir
    Path dir;

    @Test
    void deletingAProfileAlsoForgetsItsKey() throws Exception {
        InMemoryCredentialStore keys = InMemoryCredentialStore.pretendingPersistent();
        try (ProfileService service = new ProfileService(new ProfileStore(dir.resolve("profiles.json")), keys)) {
            ConnectionProfile prod = ConnectionProfile.create("Prod", "https://gw.example.com");
            service.save(prod, Optional.of(Secret.of("bfst-prod"))).get(5, TimeUnit.SECONDS);
            assertEquals(Secret.of("bfst-prod"), service.readKey(prod.id()).get(5, TimeUnit.SECONDS).orElseThrow());

            service.delete(prod.id()).get(5, TimeUnit.SECONDS);

            assertTrue(keys.read(prod.id()).isEmpty());
            assertTrue(new ProfileStore(dir.resolve("profiles.json")).load().profiles().profiles().isEmpty());
        }
    }

    @Test
    void savingWithoutANewKeyKeepsTheStoredOne() throws Exception {
        InMemoryCredentialStore keys = InMemoryCredentialStore.pretendingPersistent();
        try (ProfileService service = new ProfileService(new ProfileStore(dir.resolve("profiles.json")), keys)) {
            ConnectionProfile prod = ConnectionProfile.create("Prod", "https://gw.example.com");
            service.save(prod, Optional.of(Secret.of("bfst-prod"))).get(5, TimeUnit.SECONDS);
            service.save(prod.withName("Production"), Optional.empty()).get(5, TimeUnit.SECONDS);
            assertEquals(Secret.of("bfst-prod"), keys.read(prod.id()).orElseThrow());
            assertEquals("Production", service.current().find(prod.id()).orElseThrow().name());
        }
    }

    @Test
    void aCredentialStoreLeftForLaterIsOpenedOnceByTheFirstCallThatNeedsAKey() throws Exception {
        InMemoryCredentialStore keys = InMemoryCredentialStore.pretendingPersistent();
        keys.write("prod", Secret.of("bfst-prod"));
        CompletableFuture<CredentialStore> credentials = new CompletableFuture<>();
        AtomicInteger opened = new AtomicInteger();
        Runnable open = () -> {
            opened.incrementAndGet();
            credentials.complete(keys);
        };
        try (ProfileService service = new ProfileService(new ProfileStore(dir.resolve("profiles.json")), credentials,
                open)) {
            service.load().get(5, TimeUnit.SECONDS);
            CompletableFuture<CredentialStore.Availability> availability = service.credentialAvailability();
            assertEquals(0, opened.get(), "loading the profiles and asking for the availability open nothing");
            assertFalse(availability.isDone());

            assertEquals(Secret.of("bfst-prod"), service.readKey("prod").get(5, TimeUnit.SECONDS).orElseThrow());
            service.readKey("prod").get(5, TimeUnit.SECONDS);
            service.openCredentials();

            assertEquals(1, opened.get());
            assertTrue(availability.get(5, TimeUnit.SECONDS).persistent());
        }
    }
}
