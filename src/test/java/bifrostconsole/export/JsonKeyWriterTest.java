package bifrostconsole.export;

import bifrostconsole.api.Json;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.api.VirtualKeyStream;
import bifrostconsole.testing.DemoGatewayExtension;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON export copies each key as the server sent it instead of binding and writing the model. */
class JsonKeyWriterTest {
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @RegisterExtension
    static final DemoGatewayExtension gateway = DemoGatewayExtension.withKeys(7, 2_000).asOf(NOW);

    @TempDir
    Path dir;

    /**
     * Every shape of key the demo gateway makes (teams, customers, budgets, overrides, limits, MCP, expiry, the Go
     * shapes of BifrostWire): the file read back is the model the export wrote before, when it bound each key and
     * wrote the model (still how keys a source holds are written), with and without key values.
     */
    @Test
    void theCopiedKeysReadBackAsTheModelTheExportWroteBefore() throws IOException {
        ManagementApiClient client = gateway.client();
        KeyPageSource live = KeyPageSource.of(client);
        KeyPageSource modelOnly = client::streamVirtualKeys; // binds the model; the writer writes it back
        for (boolean secrets : new boolean[]{false, true}) {
            byte[] copied = export(live, secrets);
            byte[] model = export(modelOnly, secrets);
            List<VirtualKey> fromCopy = read(copied);
            assertEquals(2_000, fromCopy.size());
            assertEquals(read(model), fromCopy, "secrets " + secrets);
            assertEquals(secrets, new String(copied, StandardCharsets.UTF_8).contains("\"value\":\"sk-bf-"));
            assertEquals(secrets, fromCopy.stream().allMatch(k -> k.plainValue().startsWith("sk-bf-")));
            assertNotEquals(new String(model, StandardCharsets.UTF_8), new String(copied, StandardCharsets.UTF_8),
                    "not byte for byte: the demo sends Bifrost's Go shapes (config_hash \"\", null weights)");
        }
    }

    private byte[] export(KeyPageSource source, boolean secrets) throws IOException {
        Path file = dir.resolve("keys-" + secrets + ".json");
        ExportResult result = new KeyExporter(new KeyPager(source, 300), Clock.fixed(NOW, ZoneOffset.UTC)).toFile(
                file, ExportRequest.allMatching(VirtualKeyQuery.all(), ExportFormat.JSON).withSecrets(secrets),
                ProgressListener.NONE, new Cancellation());
        assertEquals(2_000, result.keys());
        assertTrue(result.integrity().clean());
        return Files.readAllBytes(file);
    }

    private static List<VirtualKey> read(byte[] file) throws IOException {
        return Json.mapper().readerForListOf(VirtualKey.class).readValue(file);
    }

    @Test
    void theValueIsCutWhereverItStandsAndNothingElse() throws IOException {
        String page = "[{\"value\":\"sk-1\",\"id\":\"a\"},"
                + "{\"id\":\"b\",\"value\":\"sk-2\",\"name\":\"n\"},"
                + "{\"id\":\"c\" , \"value\" : \"sk-3\"\n }, "
                + "{\"value\":{\"value\":\"sk-4\",\"type\":\"plain_text\"}},"
                + "{\"id\":\"e\",\"value\":\"sk-5\",\"value\":\"sk-6\"},"
                + "{\"id\":\"f\",\"provider_configs\":[{\"keys\":[{\"value\":\"redacted\"}]}],\"metadata\":{\"env\":\"prod\"}},"
                + "{\"id\":\"g\",\"value\":null,\"x\":[1,{\"value\":2}],\"value\":\"sk-7\",\"y\":\"\\\"value\\\"\"}]";
        List<JsonKeyCopy.Copied> keys = copy(page, false);
        List<String> texts = keys.stream().map(k -> k.text()).toList();
        assertEquals(List.of("{\"id\":\"a\"}", "{\"id\":\"b\",\"name\":\"n\"}", "{\"id\":\"c\" }", "{}",
                "{\"id\":\"e\"}", "{\"id\":\"f\",\"provider_configs\":[{\"keys\":[{\"value\":\"redacted\"}]}],"
                        + "\"metadata\":{\"env\":\"prod\"}}",
                "{\"id\":\"g\",\"x\":[1,{\"value\":2}],\"y\":\"\\\"value\\\"\"}"), texts);
        for (String t : texts) {
            JsonNode node = Json.mapper().readTree(t); // still JSON
            assertFalse(node.has("value"));
        }
        assertEquals("prod", keys.get(5).facts().metadata().get("env"));
        assertEquals(List.of("a", "b", "c", "e", "f", "g"), keys.stream().map(k -> k.facts().id())
                .filter(java.util.Objects::nonNull).toList());

        List<String> withSecrets = copy(page, true).stream().map(k -> k.text())
                .toList();
        assertEquals(List.of(Json.mapper().readTree(page)).get(0).toString(),
                Json.mapper().readTree("[" + String.join(",", withSecrets) + "]").toString(), "kept as sent");
    }

    /**
     * The metadata filter's check reads what the model would, whatever the shape, and a key whose metadata the
     * model cannot read is counted unreadable as before (it is still copied).
     */
    @Test
    void metadataInOddShapesReadsAsTheModelReadsIt() throws IOException {
        List<String> shapes = List.of("[1,2]", "\"text\"", "{\"a\":1,\"b\":true}", "{\"a\":{\"value\":\"x\"}}",
                "null", "{\"a\":null}", "{}", "{\"a\":\"x\",\"b\":2}", "{\"a\":\"x\",\"b\":{\"value\":\"y\"},\"c\":\"z\"}",
                "{\"a\":\"x\",\"a\":\"y\"}");
        for (String shape : shapes) {
            String page = "[{\"id\":\"a\",\"metadata\":" + shape + ",\"value\":\"sk\"}]";
            VirtualKey model = VirtualKeyStream.bind(page.substring(1, page.length() - 1)
                    .getBytes(StandardCharsets.UTF_8), VirtualKeyStream.fullReader(), 0);
            JsonKeyCopy.Copied copied = copy(page, false).get(0);
            assertEquals(model.isUnreadable(), copied.facts().isUnreadable(), shape);
            assertEquals(model.metadata(), copied.facts().metadata(), shape);
            assertEquals("{\"id\":\"a\",\"metadata\":" + shape + "}", copied.text());
        }
    }

    private static List<JsonKeyCopy.Copied> copy(String page, boolean secrets) throws IOException {
        List<JsonKeyCopy.Copied> keys = new ArrayList<>();
        try (VirtualKeyStream stream = VirtualKeyStream.over(new ByteArrayInputStream(
                page.getBytes(StandardCharsets.UTF_8)))) {
            stream.parser().nextToken(); // [
            stream.readKeys(JsonKeyCopy.reading(secrets).decoder(), keys::add);
        }
        return keys;
    }
}
