package bifrostconsole.export;

import bifrostconsole.api.ConnectionSettings;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.demo.DemoDataGenerator;
import bifrostconsole.demo.DemoGateway;
import bifrostconsole.demo.DemoGateway.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A snapshot of a newer-shaped server loses nothing: fields the console does not know come back byte for byte,
 * a key it cannot read is kept as sent, re-saving keeps both, and a diff shows changes in unknown fields.
 */
class SnapshotFidelityTest {
    static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");
    /** Compact, as a server sends it and as the snapshot's one-key-per-line array writes it. */
    static final String FUTURE = "\"x_future_routing\":{\"mode\":\"shadow\",\"ratio\":0.10,\"tags\":[\"a\",\"\u00e9t\u00e9\"]}";
    static final String NESTED = "\"x_future_cap\":12.50";

    static DemoGateway gateway;
    static ManagementApiClient client;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        gateway = DemoGateway.start(DemoGateway.Options.of(DemoDataGenerator.generate(5, 20, NOW)));
        client = new ManagementApiClient(ConnectionSettings.of(gateway.baseUrl(), null));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static byte[] page(String futureValue) {
        return ("{\"virtual_keys\":[{\"id\":\"vk-1\",\"name\":\"newer\",\"value\":\"sk-bf-aaaa\","
                + "\"budgets\":[{\"id\":\"b1\",\"max_limit\":10,\"reset_duration\":\"1Q\",\"quarter_start_month\":4,"
                + NESTED + "}]," + FUTURE.replace("shadow", futureValue) + "},"
                + "{\"id\":\"vk-2\",\"name\":\"odd\",\"value\":\"sk-bf-bbbb\",\"provider_configs\":[\"oops\"]}],"
                + "\"count\":2,\"total_count\":2,\"limit\":0,\"offset\":0}").getBytes(StandardCharsets.UTF_8);
    }

    private Path snapshot(String name, String futureValue) throws IOException {
        gateway.injectFault("/api/governance/virtual-keys", Fault.json(200, page(futureValue)));
        Path file = dir.resolve(name);
        SnapshotSummary summary = new LiveGovernance(client, false, ProgressListener.NONE, new Cancellation(),
                Clock.fixed(NOW, ZoneOffset.UTC), 100).writeSnapshot(file);
        assertEquals(2, summary.virtualKeys());
        assertTrue(summary.describe().contains("1 key could not be read"), summary.describe());
        return file;
    }

    @Test
    void unknownFieldsRoundTripByteForByteAndTheUnreadableKeyIsKept() throws IOException {
        Path file = snapshot("first.json", "shadow");
        String text = Files.readString(file);
        assertTrue(text.contains(FUTURE), "unknown key field as sent:\n" + text);
        assertTrue(text.contains(NESTED), "unknown budget field as sent");
        assertTrue(text.contains("\"provider_configs\":[\"oops\"]"), "the unreadable key as sent");
        assertFalse(text.contains("sk-bf-"), "no key value, not even in the unreadable key");

        Snapshot read = SnapshotFile.read(file);
        VirtualKey newer = read.virtualKeys().get(0);
        assertEquals(4, newer.budgets().get(0).quarterStartMonth());
        assertTrue(read.virtualKeys().get(1).isUnreadable());
        assertEquals("odd", read.virtualKeys().get(1).name());

        Path again = dir.resolve("again.json");
        SnapshotFile.write(again, read);
        String rewritten = Files.readString(again);
        assertTrue(rewritten.contains(FUTURE) && rewritten.contains(NESTED), rewritten);
        assertTrue(rewritten.contains("\"provider_configs\":[\"oops\"]"));
        assertEquals(read.virtualKeys(), SnapshotFile.read(again).virtualKeys());
    }

    @Test
    void aDiffShowsChangesInFieldsTheConsoleCannotDisplay() throws IOException {
        Path before = snapshot("before.json", "shadow");
        Path after = snapshot("after.json", "live");
        GovernanceDiff diff = new DiffEngine(false).compare(GovernanceState.ofFile(before),
                GovernanceState.ofFile(after));
        assertEquals(1, diff.virtualKeys().changed().size(), diff.virtualKeys().toString());
        ItemChange change = diff.virtualKeys().changed().get(0);
        assertEquals("vk-1", change.id());
        assertEquals("x_future_routing.mode", change.changes().get(0).path());
        assertEquals("live", change.changes().get(0).newValue().asText());
    }

    @Test
    void anOldSnapshotFileStillOpens() throws IOException {
        // Written by the console before it kept unknown fields: format 1, no unreadable items, no 2.x fields.
        Path old = dir.resolve("old.json");
        Files.writeString(old, """
                {
                  "format" : "bifrost-console-snapshot/1",
                  "server" : "http://gw:8080",
                  "server_version" : "v1.4.3",
                  "taken_at" : "2026-03-01T09:00:00Z",
                  "includes_secrets" : false,
                  "teams" : [ {"id":"t1","name":"Payments","budgets":[],"calendar_aligned":false} ],
                  "customers" : [ ],
                  "mcp_clients" : [ {"config":{"client_id":"m","name":"github","allow_on_all_virtual_keys":true},"tools":["search"],"state":"connected"} ],
                  "providers" : [ {"provider":{"name":"openai","provider_status":"active"},"keys":[{"id":"k","value":{"value":"sk-p****abcd","type":"plain_text"}}]} ],
                  "virtual_keys" : [
                    {"id":"vk-1","name":"checkout","calendar_aligned":false,"provider_configs":[],"mcp_configs":[],"budgets":[{"id":"b","max_limit":100.0,"reset_duration":"1M","current_usage":5.0}]}
                  ]
                }
                """);
        Snapshot read = SnapshotFile.read(old);
        assertEquals(1, read.virtualKeys().size());
        assertEquals(100.0, read.virtualKeys().get(0).budgets().get(0).maxLimit());
        assertTrue(read.mcpClients().get(0).config().allowedByDefault());
        assertEquals("Payments", read.teams().get(0).name());
        assertTrue(read.unreadableItems().isEmpty());
    }
}
