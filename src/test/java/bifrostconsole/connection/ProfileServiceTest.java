package bifrostconsole.connection;

import bifrostconsole.api.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
