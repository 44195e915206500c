package bifrostconsole.export;

import bifrostconsole.testing.Dribble;
import bifrostconsole.api.Json;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.api.VirtualKeyStream;
import bifrostconsole.testing.DemoGatewayExtension;
import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A JSON export without key values never carries a virtual key's own value, now that it copies each key's bytes
 * as the server sent them (JsonKeyCopy): over the demo gateway's keys, and over hand-built keys whose {@code value}
 * stands anywhere, in any shape (string, secret object, null, escaped text, an escaped field name, twice), read
 * through a stream that hands over a few bytes at a time (so a key and its value straddle the parser's buffers).
 * Fields named {@code value} inside other members are kept, as the model-written export kept them.
 */
class JsonExportSecretsTest {
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @RegisterExtension
    static final DemoGatewayExtension gateway = DemoGatewayExtension.withKeys(23, 600).asOf(NOW);

    @TempDir
    Path dir;

    @Test
    void anExportWithoutValuesHoldsNoneOfTheDemoKeysValues() throws Exception {
        ManagementApiClient client = gateway.client();
        List<String> values = new ArrayList<>();
        client.streamVirtualKeys(VirtualKeyQuery.all(), k -> values.add(k.plainValue())).get(60, TimeUnit.SECONDS);
        assertEquals(600, values.size());
        assertTrue(values.stream().allMatch(v -> v.startsWith("sk-bf-")), "the demo keys carry their values");

        Path file = dir.resolve("keys.json");
        ExportResult result = new KeyExporter(new KeyPager(KeyPageSource.of(client), 128),
                Clock.fixed(NOW, ZoneOffset.UTC)).toFile(file,
                ExportRequest.allMatching(VirtualKeyQuery.all(), ExportFormat.JSON), ProgressListener.NONE,
                new Cancellation());
        assertEquals(600, result.keys());
        String text = Files.readString(file);
        for (String v : values) {
            assertFalse(text.contains(v), "a key's value is in the export");
            assertFalse(text.contains(v.substring("sk-bf-".length())), "a key's value without its prefix");
        }
        assertFalse(text.contains("sk-bf-"));
        JsonNode keys = Json.mapper().readTree(text);
        assertEquals(600, keys.size());
        for (JsonNode k : keys) {
            assertFalse(k.has("value"), k.path("id").asText());
        }
    }

    @Provide
    Arbitrary<String> secrets() {
        return Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(8).ofMaxLength(40)
                .map(s -> "sk-bf-" + s);
    }

    @Provide
    Arbitrary<List<String>> others() {
        Arbitrary<String> other = Arbitraries.of(
                "\"id\":\"k-1\"", "\"name\":\"value\"", "\"description\":\"" + "x".repeat(9_000) + "\"",
                "\"metadata\":{\"value\":\"meta\"}", "\"provider_configs\":[{\"keys\":[{\"value\":\"\"}]}]",
                "\"x\":[1,{\"value\":2},\"value\"]", "\"y\":\"\\\"value\\\":\\\"\"", "\"is_active\":true",
                "\"team\":{\"id\":\"t\",\"name\":\"T\"}", "\"\\u0076aluex\":1");
        return other.list().ofMaxSize(6);
    }

    private static final List<String> NAMES = List.of("\"value\"", "\"\\u0076alue\"", "\"va\\u006cue\"",
            "\"\\u0076\\u0061\\u006c\\u0075\\u0065\"");

    private static Arbitrary<String> valueMember(String secret) {
        String escaped = "\\u0073k-bf-" + secret.substring("sk-bf-".length());
        Arbitrary<String> shape = Arbitraries.of("\"" + secret + "\"", "\"" + escaped + "\"",
                "{\"value\":\"" + secret + "\",\"type\":\"plain_text\"}",
                "{\"type\":\"env\",\"ref\":\"env.X\",\"value\":\"" + secret + "\"}", "null",
                "[\"" + secret + "\"]", "\"" + secret + "\\n\\\"" + "\"");
        Arbitrary<String> space = Arbitraries.of("", " ", "\n\t ");
        return Combinators.combine(Arbitraries.of(NAMES), space, shape, space)
                .as((name, s1, value, s2) -> s1 + name + s2 + ":" + s1 + value + s2);
    }

    @Provide
    Arbitrary<List<String>> keys() {
        Arbitrary<String> key = Combinators.combine(secrets(), others(), Arbitraries.integers().between(0, 6),
                Arbitraries.integers().between(1, 2)).flatAs((secret, others, at, times) -> valueMember(secret)
                .list().ofSize(times).map(values -> {
                    List<String> members = new ArrayList<>(others);
                    for (String v : values) {
                        members.add(Math.min(at, members.size()), v);
                    }
                    return "{" + String.join(",", members) + "}";
                }));
        return key.list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 300)
    void aKeysOwnValueIsCutInEveryShape(@ForAll("keys") List<String> keys,
                                        @ForAll("chunk") int chunk) throws IOException {
        String page = "[" + String.join(",", keys) + "]";
        List<JsonKeyCopy.Copied> copied = copy(page, false, chunk);
        assertEquals(keys.size(), copied.size());
        for (int i = 0; i < keys.size(); i++) {
            String text = copied.get(i).text();
            assertFalse(text.contains("sk-bf-"), text);
            assertFalse(text.contains("\\u0073k-bf-"), text);
            JsonNode node = Json.mapper().readTree(text); // still one JSON object
            assertTrue(node.isObject());
            assertFalse(node.has("value"), text);
            assertFalse(node.toString().contains("sk-bf-"), text);
            // everything else kept as sent: the sent key minus its value members
            com.fasterxml.jackson.databind.node.ObjectNode sent = (com.fasterxml.jackson.databind.node.ObjectNode)
                    Json.mapper().readTree(keys.get(i));
            sent.remove("value");
            assertEquals(sent, node);
        }
        List<JsonKeyCopy.Copied> kept = copy(page, true, chunk);
        for (int i = 0; i < keys.size(); i++) {
            assertEquals(Json.mapper().readTree(keys.get(i)), Json.mapper().readTree(kept.get(i).text()));
        }
    }

    @Provide
    Arbitrary<Integer> chunk() {
        return Arbitraries.of(1, 7, 4096, 1 << 20);
    }

    /** The model-written export (keys a source holds) keeps nested fields named value, as the copy does. */
    @Test
    void nestedValuesAreKeptAsTheModelWroteThem() throws IOException {
        String key = "{\"id\":\"a\",\"value\":\"sk-bf-own\",\"provider_configs\":[{\"provider\":\"openai\","
                + "\"keys\":[{\"key_id\":\"p\",\"value\":\"\"}]}],\"metadata\":{\"value\":\"m\"}}";
        VirtualKey model = VirtualKeyStream.bind(key.getBytes(StandardCharsets.UTF_8), VirtualKeyStream.fullReader(),
                0);
        JsonNode written = Json.mapper().readTree(export(model));
        JsonNode copied = Json.mapper().readTree(copy("[" + key + "]", false, 3).get(0).text());
        assertFalse(written.has("value"));
        assertFalse(copied.has("value"));
        assertEquals("m", copied.path("metadata").path("value").asText());
        assertEquals(written.path("metadata"), copied.path("metadata"));
        assertFalse(copied.toString().contains("sk-bf-own"));
    }

    /**
     * Bifrost preloads a customer's virtual keys, with their plain values, into its answers (API.md §10-§11): the
     * copy leaves out every team's and customer's {@code virtual_keys}, with or without key values, and so does
     * the model (a snapshot writes customers and teams from it), which kept them among its unknown fields before.
     */
    @Test
    void theKeysAnOwnerCarriesAreLeftOutOfTheCopyAndOfTheModel() throws IOException {
        String key = "{\"id\":\"a\",\"team\":{\"id\":\"t\",\"virtual_keys\":[{\"id\":\"b\",\"value\":"
                + "\"sk-bf-team\"}],\"customer\":{\"id\":\"c1\",\"virtual_keys\":[{\"value\":\"sk-bf-inner\"}]}},"
                + "\"value\":\"sk-bf-own\",\"customer\":{\"virtual_keys\":[{\"value\":\"sk-bf-cust\"}],\"id\":\"c\","
                + "\"name\":\"Acme\"}}";
        for (boolean secrets : new boolean[] {false, true}) {
            for (int chunk : new int[] {1, 4096}) {
                String text = copy("[" + key + "]", secrets, chunk).get(0).text();
                JsonNode copied = Json.mapper().readTree(text);
                for (String leaked : List.of("sk-bf-team", "sk-bf-inner", "sk-bf-cust")) {
                    assertFalse(text.contains(leaked), text);
                }
                assertEquals(secrets, text.contains("sk-bf-own"), text);
                assertEquals("t", copied.path("team").path("id").asText());
                assertEquals("c1", copied.path("team").path("customer").path("id").asText());
                assertEquals("Acme", copied.path("customer").path("name").asText());
                assertFalse(copied.path("team").has("virtual_keys") || copied.path("customer").has("virtual_keys"));
            }
        }
        VirtualKey model = VirtualKeyStream.bind(key.getBytes(StandardCharsets.UTF_8), VirtualKeyStream.fullReader(),
                0);
        String written = export(model);
        assertFalse(written.contains("virtual_keys"), written);
        bifrostconsole.api.Customer customer = Json.mapper().readValue("{\"id\":\"c\",\"name\":\"Acme\","
                + "\"virtual_keys\":[{\"value\":\"sk-bf-cust\"}],\"newer\":1}", bifrostconsole.api.Customer.class);
        String again = Json.mapper().writeValueAsString(customer);
        assertFalse(again.contains("sk-bf-cust"), again);
        assertTrue(again.contains("\"newer\":1"), "other unknown fields are still kept: " + again);
    }

    private static String export(VirtualKey key) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        JsonKeyWriter writer = new JsonKeyWriter(out, false);
        writer.accept(key);
        writer.finish();
        JsonNode array = Json.mapper().readTree(out.toByteArray());
        return array.get(0).toString();
    }

    private static List<JsonKeyCopy.Copied> copy(String page, boolean secrets, int chunk) throws IOException {
        List<JsonKeyCopy.Copied> keys = new ArrayList<>();
        InputStream in = new Dribble(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)), chunk);
        try (VirtualKeyStream stream = VirtualKeyStream.over(in)) {
            stream.parser().nextToken(); // [
            stream.readKeys(JsonKeyCopy.reading(secrets).decoder(), keys::add);
        }
        return keys;
    }

}
