package bifrostconsole.connection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileStoreTest {
    @TempDir
    Path dir;

    @Test
    void profilesAndTheLastUsedOneSurviveARestart() throws Exception {
        ProfileStore store = new ProfileStore(dir.resolve("profiles.json"));
        ConnectionProfile staging = ConnectionProfile.create("Staging", "https://staging.example.com:8443/")
                .withTls("/etc/ssl/private-ca.pem", false).withTimeouts(3, 45);
        ConnectionProfile prod = ConnectionProfile.create("Production", "https://gw.example.com")
                .withPlainHttpConfirmed(false);
        store.save(Profiles.empty().with(staging).with(prod).withLastUsed(prod.id()));

        ProfileStore.LoadResult loaded = new ProfileStore(dir.resolve("profiles.json")).load();

        assertTrue(loaded.problem().isEmpty());
        assertEquals(2, loaded.profiles().profiles().size());
        assertEquals(staging, loaded.profiles().find(staging.id()).orElseThrow());
        assertEquals("Production", loaded.profiles().lastUsed().orElseThrow().name());
        assertEquals(45, loaded.profiles().find(staging.id()).orElseThrow().requestTimeout().toSeconds());
    }

    @Test
    void peekingAtTheLastUsedIdSetsNothingAsideSoTheLoadStillReportsABrokenFile() throws Exception {
        ProfileStore store = new ProfileStore(dir.resolve("profiles.json"));
        assertEquals(null, store.peekLastUsedId(), "no file yet");
        store.save(Profiles.empty().withLastUsed("demo"));
        assertEquals("demo", store.peekLastUsedId());

        java.nio.file.Files.writeString(dir.resolve("profiles.json"), "{not json");

        assertEquals(null, store.peekLastUsedId());
        assertTrue(store.load().problem().isPresent(), "the broken file is still there for the load to report");
    }

    @Test
    void savingReplacesTheFileWholeAndLeavesNoTemporaryFiles() throws Exception {
        Path file = dir.resolve("profiles.json");
        ProfileStore store = new ProfileStore(file);
        ConnectionProfile one = ConnectionProfile.create("One", "http://localhost:8080");
        store.save(Profiles.empty().with(one));
        store.save(Profiles.empty().with(one.withName("Renamed")));

        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "only profiles.json remains, no half-written temporary file");
        }
        assertEquals("Renamed", store.load().profiles().find(one.id()).orElseThrow().name());
    }

    @Test
    void aCorruptFileIsSetAsideWithAMessageInsteadOfBeingLost() throws Exception {
        Path file = dir.resolve("profiles.json");
        Files.writeString(file, "{\"profiles\": [ {\"name\": \"half-writ");
        Clock clock = Clock.fixed(Instant.parse("2026-11-27T06:45:00Z"), ZoneOffset.UTC);

        ProfileStore.LoadResult loaded = new ProfileStore(file, clock).load();

        Path aside = dir.resolve("profiles.json.corrupt-20261127T064500Z");
        assertTrue(Files.exists(aside), "the unreadable file is kept for the user");
        assertEquals("{\"profiles\": [ {\"name\": \"half-writ", Files.readString(aside));
        assertFalse(Files.exists(file));
        assertTrue(loaded.profiles().profiles().isEmpty());
        String message = loaded.problem().orElseThrow();
        assertTrue(message.contains("profiles.json.corrupt-20261127T064500Z"), message);
        assertTrue(message.contains("not valid JSON"), message);
    }

    @Test
    void aFileWithoutAProfileListIsAlsoSetAside() throws Exception {
        Path file = dir.resolve("profiles.json");
        Files.writeString(file, "[1, 2, 3]");
        ProfileStore.LoadResult loaded = new ProfileStore(file).load();
        assertTrue(loaded.problem().isPresent());
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith("profiles.json.corrupt-")));
        }
    }

    @Test
    void noFileMeansNoProfilesAndNoProblem() {
        ProfileStore.LoadResult loaded = new ProfileStore(dir.resolve("profiles.json")).load();
        assertTrue(loaded.profiles().profiles().isEmpty());
        assertTrue(loaded.problem().isEmpty());
    }

    @Test
    void plainHttpToARemoteHostNeedsConfirmationOnceAndAgainAfterTheAddressChanges() {
        ConnectionProfile local = ConnectionProfile.create("Local", "http://localhost:8080");
        ConnectionProfile loopbackIp = ConnectionProfile.create("Loop", "http://127.0.0.1:8080");
        ConnectionProfile remote = ConnectionProfile.create("Remote", "http://gw.example.com:8080");
        ConnectionProfile secure = ConnectionProfile.create("Secure", "https://gw.example.com");

        assertFalse(local.needsPlainHttpConfirmation());
        assertFalse(loopbackIp.needsPlainHttpConfirmation());
        assertFalse(secure.needsPlainHttpConfirmation());
        assertTrue(remote.needsPlainHttpConfirmation());
        ConnectionProfile confirmed = remote.withPlainHttpConfirmed(true);
        assertFalse(confirmed.needsPlainHttpConfirmation());
        assertTrue(confirmed.withBaseUrl("http://other.example.com:8080").needsPlainHttpConfirmation());
    }
}
