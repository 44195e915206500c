package bifrostconsole.connection;

import bifrostconsole.api.Secret;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnvironmentConnectionTest {
    private final ConnectionProfile staging = ConnectionProfile.create("Staging", "https://staging.example.com:8443")
            .withTimeouts(2, 90);
    private final InMemoryCredentialStore credentials = InMemoryCredentialStore.pretendingPersistent();
    private final EnvironmentConnection resolver;

    EnvironmentConnectionTest() {
        credentials.write(staging.id(), Secret.of("bfst-stored"));
        resolver = new EnvironmentConnection(Profiles.empty().with(staging).withLastUsed(staging.id()), () -> credentials);
    }

    @Test
    void theServerArgumentFindsTheSavedProfileItsKeyAndItsTimeouts() throws Exception {
        EnvironmentConnection.Resolved r = resolver.resolve("https://staging.example.com:8443/", Map.of());
        assertEquals(Secret.of("bfst-stored"), r.settings().apiKey());
        assertEquals(Duration.ofSeconds(90), r.settings().requestTimeout());
        assertEquals("Staging", r.profile().orElseThrow().name());
        assertTrue(r.keySource().contains("Staging"));
    }

    @Test
    void theEnvironmentKeyWinsOverTheStoredOne() throws Exception {
        EnvironmentConnection.Resolved r = resolver.resolve(null,
                Map.of("BIFROST_URL", "https://staging.example.com:8443", "BIFROST_API_KEY", "bfst-env"));
        assertEquals(Secret.of("bfst-env"), r.settings().apiKey());
        assertEquals("BIFROST_API_KEY", r.keySource());
    }

    @Test
    void anUnknownServerGetsNoStoredKeyAndNoProfile() throws Exception {
        EnvironmentConnection.Resolved r = resolver.resolve("http://localhost:9999", Map.of());
        assertNull(r.settings().apiKey());
        assertFalse(r.profile().isPresent());
        assertEquals("http://localhost:9999", r.settings().displayName());
    }

    @Test
    void withNothingGivenTheLastUsedProfileIsUsed() throws Exception {
        assertEquals("Staging", resolver.resolve(null, Map.of()).profile().orElseThrow().name());
    }

    @Test
    void withNothingAtAllTheMessageSaysWhatToPass() {
        EnvironmentConnection empty = new EnvironmentConnection(Profiles.empty(), () -> credentials);
        EnvironmentConnection.ResolutionException e = assertThrows(EnvironmentConnection.ResolutionException.class,
                () -> empty.resolve(null, Map.of()));
        assertTrue(e.getMessage().contains("--server URL"), e.getMessage());
        assertTrue(e.getMessage().contains("BIFROST_URL"), e.getMessage());
    }

    @Test
    void aBadAddressIsAOneSentenceMessage() {
        EnvironmentConnection.ResolutionException e = assertThrows(EnvironmentConnection.ResolutionException.class,
                () -> resolver.resolve("http://", Map.of()));
        assertTrue(e.getMessage().contains("is not a server address"), e.getMessage());
    }

    @Test
    void theOsCredentialStoreProbeAnswersWithinItsTimeLimitEitherWay() {
        CredentialStore store = KeyringCredentialStore.openOrFallBack(Duration.ofSeconds(3));
        CredentialStore.Availability a = store.availability();
        if (!a.persistent()) {
            assertTrue(a.description().contains("only until the console closes"), a.description());
        }
        assertFalse(a.description().isBlank());
    }
}
