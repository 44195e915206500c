package bifrostconsole.export;

import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.ProviderKey;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.store.GovernanceStore;
import bifrostconsole.testing.DemoGatewayExtension;
import bifrostconsole.testing.TestFiles;
import bifrostconsole.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapshotTest {
    static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");

    @RegisterExtension
    static final DemoGatewayExtension gateway = DemoGatewayExtension.withKeys(5, 180).asOf(NOW);

    final ManagementApiClient client = gateway.client();

    @TempDir
    Path dir;

    private LiveGovernance live(boolean secrets) {
        return new LiveGovernance(client, secrets, ProgressListener.NONE, new Cancellation(),
                Clock.fixed(NOW, ZoneOffset.UTC), 50);
    }

    @Test
    void snapshotHoldsTheWholeStateWithoutKeyValuesByDefault() throws IOException {
        Path file = dir.resolve("snap.json");
        SnapshotSummary summary = live(false).writeSnapshot(file);
        Snapshot read = SnapshotFile.read(file);
        GovernanceStore store = gateway.store();

        assertEquals(Snapshot.FORMAT, read.format());
        assertEquals(client.displayName(), read.server());
        assertEquals(GovernanceStore.VERSION, read.serverVersion());
        assertEquals(NOW, read.takenAt());
        assertFalse(read.includesSecrets());
        assertEquals(store.virtualKeys().stream().map(VirtualKey::withoutValue).toList(), read.virtualKeys());
        assertEquals(store.teams(), read.teams());
        assertEquals(store.customers(), read.customers());
        assertEquals(store.mcpClients().size(), read.mcpClients().size());
        assertEquals(store.providers(), read.providers().stream().map(ProviderSnapshot::provider).toList());
        for (ProviderSnapshot p : read.providers()) {
            assertEquals(store.providerKeys(p.provider().name()).orElseThrow(), p.keys(), p.provider().name());
        }
        assertEquals(180, summary.virtualKeys());
        String text = Files.readString(file);
        assertFalse(text.contains("sk-bf-"), "no virtual key value in the file");
        for (List<ProviderKey> keys : store.providerKeysWithSecrets().values()) {
            for (ProviderKey k : keys) {
                if (k.value() != null && k.value().value() != null && k.value().value().length() > 8) {
                    assertFalse(text.contains(k.value().value()), "provider credential of " + k.name() + " leaked");
                }
            }
        }
        assertEquals(List.of(file), TestFiles.in(dir));
    }

    @Test
    void snapshotWithSecretsCarriesKeyValuesAndSaysSo() throws IOException {
        Path file = dir.resolve("secret.json");
        live(true).writeSnapshot(file);
        Snapshot read = SnapshotFile.read(file);
        assertTrue(read.includesSecrets());
        assertEquals(gateway.store().virtualKeys(), read.virtualKeys());
    }

    @Test
    void inMemorySnapshotRoundTripsThroughTheFile() throws IOException {
        Snapshot snapshot = new Snapshot(null, "http://gw:8080", "v1.4.3", NOW, true,
                gateway.store().teams(), gateway.store().customers(), List.of(), List.of(),
                List.of(TestKeys.governed("vk-1", "billing").build(),
                        TestKeys.key("vk-2").name("ключ \"2\", emoji \uD83D\uDE80").build()));
        Path file = dir.resolve("mem.json");
        SnapshotFile.write(file, snapshot);
        assertEquals(snapshot, SnapshotFile.read(file));
    }

    @Test
    void aFileThatIsNoSnapshotIsRefusedWithAClearMessage() throws IOException {
        Path export = dir.resolve("keys.json");
        Files.writeString(export, "[{\"id\":\"vk-1\"}]");
        SnapshotFileException e = assertThrows(SnapshotFileException.class, () -> SnapshotFile.read(export));
        assertTrue(e.getMessage().contains("is not a Bifrost Console snapshot"), e.getMessage());

        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"hello\":\"world\",\"virtual_keys\":[]}");
        assertThrows(SnapshotFileException.class, () -> SnapshotFile.read(other));
    }

    @Test
    void aCutOffSnapshotIsRefusedNotReadAsFewerKeys() throws IOException {
        Path file = dir.resolve("snap.json");
        live(false).writeSnapshot(file);
        byte[] all = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.json");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length * 2 / 3));

        SnapshotFileException e = assertThrows(SnapshotFileException.class, () -> SnapshotFile.read(cut));
        assertTrue(e.getMessage().contains("cut off"), e.getMessage());
    }
}
