package bifrostconsole.export;

import bifrostconsole.api.ConnectionSettings;
import bifrostconsole.api.Json;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.demo.DemoDataGenerator;
import bifrostconsole.demo.DemoGateway;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An export on the demo gateway while keys are created and deleted through its write API. */
class ExportDuringChangesTest {
    static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");
    static DemoGateway gateway;
    static ManagementApiClient client;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        gateway = DemoGateway.start(DemoGateway.Options.of(DemoDataGenerator.generate(21, 3_000, NOW)));
        client = new ManagementApiClient(ConnectionSettings.of(gateway.baseUrl(), null));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void neverRepeatsAKeyAndSaysTheListChanged() throws IOException {
        List<VirtualKey> oldest = gateway.store().virtualKeys().subList(0, 40);
        AtomicBoolean changed = new AtomicBoolean();
        // Once 1,000 keys are written, 40 of the oldest (already exported) are deleted and 25 are created:
        // offset paging would skip the keys that slide back past the cursor and see others twice.
        ProgressListener meddler = (done, total) -> {
            if (done >= 1_000 && changed.compareAndSet(false, true)) {
                for (VirtualKey k : oldest) {
                    client.deleteVirtualKey(k.id()).join();
                }
                for (int i = 0; i < 25; i++) {
                    client.createVirtualKey(Json.mapper().createObjectNode().put("name", "created-during-export-" + i))
                            .join();
                }
            }
        };
        Path out = dir.resolve("keys.json");
        KeyExporter exporter = new KeyExporter(new KeyPager(KeyPageSource.of(client), 500), Clock.systemUTC());
        ExportResult result = exporter.toFile(out, ExportRequest.allMatching(VirtualKeyQuery.all(), ExportFormat.JSON),
                meddler, new Cancellation());

        assertTrue(changed.get(), "the keys changed during the export");
        JsonNode written = Json.mapper().readTree(out.toFile());
        Set<String> ids = new HashSet<>();
        written.forEach(k -> assertTrue(ids.add(k.get("id").asText()), "written twice: " + k.get("id")));
        assertEquals(result.keys(), ids.size());
        assertTrue(result.integrity().changedDuringRead(), result.summary());
        assertTrue(result.summary().contains("changed while they were read"), result.summary());
    }
}
