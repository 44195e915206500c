package bifrostconsole.api;

import bifrostconsole.demo.DemoDataGenerator;
import bifrostconsole.demo.DemoGateway;
import bifrostconsole.demo.DemoGateway.Fault;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One item the console cannot read costs that item: the rest of the page is read, the bad one is named. */
class UnreadableItemsTest {
    /** A provider config that is a string: no Bifrost version sends that, and no tolerance makes a config of it. */
    static final String BAD_KEY = "{\"id\":\"vk-bad\",\"name\":\"broken-key\",\"value\":\"sk-bf-secret-do-not-show\","
            + "\"provider_configs\":[\"oops\"],\"x_future\":{\"a\":1.50}}";
    static final String PAGE = "{\"virtual_keys\":[{\"id\":\"vk-1\",\"name\":\"first\"}," + BAD_KEY
            + ",{\"id\":\"vk-3\",\"name\":\"third\",\"budgets\":[{\"id\":\"b\",\"max_limit\":5}]}],"
            + "\"count\":3,\"total_count\":3,\"limit\":25,\"offset\":0}";

    static DemoGateway gateway;
    static ManagementApiClient client;

    @BeforeAll
    static void start() throws Exception {
        gateway = DemoGateway.start(DemoGateway.Options.of(
                DemoDataGenerator.generate(3, 10, Instant.parse("2026-11-27T06:00:00Z"))));
        client = new ManagementApiClient(ConnectionSettings.of(gateway.baseUrl(), null));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void aPageWithOneUnreadableKeyStillShowsTheRestAndMarksThatRow() throws Exception {
        gateway.injectFault("/api/governance/virtual-keys", Fault.json(200, PAGE.getBytes(StandardCharsets.UTF_8)));
        Page<VirtualKey> page = client.listVirtualKeys(VirtualKeyQuery.firstPage(25)).get(10, TimeUnit.SECONDS);
        assertEquals(List.of("vk-1", "vk-bad", "vk-3"), page.items().stream().map(VirtualKey::id).toList());
        VirtualKey bad = page.items().get(1);
        assertTrue(bad.isUnreadable());
        assertEquals("broken-key", bad.name());
        assertTrue(bad.unreadable().reason().contains("provider_configs"), bad.unreadable().reason());
        assertFalse(bad.unreadable().reason().contains("sk-bf-"), "the reason never quotes a value");
        assertFalse(bad.toString().contains("sk-bf-secret"), "nor does toString: " + bad);
        assertEquals(1, page.items().get(2).budgets().size(), "the key after it is read whole");
    }

    @Test
    void aPageReadStraightFromItsBytesIsThePageATreeGives() throws Exception {
        java.net.http.HttpResponse<byte[]> raw = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(gateway.baseUrl()
                        + "/api/governance/virtual-keys?limit=4&offset=3")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        JsonNode tree = Json.mapper().readTree(raw.body());
        List<VirtualKey> expected = new ArrayList<>();
        for (JsonNode k : tree.get("virtual_keys")) {
            expected.add(Json.mapper().treeToValue(k, VirtualKey.class));
        }
        Page<VirtualKey> page = client.listVirtualKeys(VirtualKeyQuery.all().withLimit(4).withOffset(3))
                .get(10, TimeUnit.SECONDS);
        assertEquals(expected, page.items());
        assertEquals(4, expected.size());
        assertEquals(List.of(4, 10L, 4, 3), List.of(page.count(), page.totalCount(), page.limit(), page.offset()));

        // The envelope in another order, with fields the console does not know, and without some of its own.
        gateway.injectFault("/api/governance/virtual-keys", Fault.json(200, ("{\"total_count\":7,\"next\":{\"a\":[1,"
                + "{\"virtual_keys\":[]}]},\"virtual_keys\":[{\"id\":\"vk-1\",\"name\":\"first\"},{\"id\":\"vk-2\","
                + "\"budgets\":[{\"id\":\"b\",\"max_limit\":5}]}],\"offset\":5}").getBytes(StandardCharsets.UTF_8)));
        Page<VirtualKey> odd = client.listVirtualKeys(VirtualKeyQuery.firstPage(25)).get(10, TimeUnit.SECONDS);
        assertEquals(List.of("vk-1", "vk-2"), odd.items().stream().map(VirtualKey::id).toList());
        assertEquals(1, odd.items().get(1).budgets().size());
        assertEquals(List.of(2, 7L, 2, 5), List.of(odd.count(), odd.totalCount(), odd.limit(), odd.offset()));
    }

    @Test
    void aStreamedExportPageKeepsTheUnreadableKeysJsonAsSent() throws Exception {
        gateway.injectFault("/api/governance/virtual-keys", Fault.json(200, PAGE.getBytes(StandardCharsets.UTF_8)));
        List<VirtualKey> seen = new ArrayList<>();
        Page<VirtualKey> envelope = client.streamVirtualKeys(VirtualKeyQuery.all().withExport(true), seen::add)
                .get(10, TimeUnit.SECONDS);
        assertEquals(3, envelope.totalCount());
        assertEquals(List.of("vk-1", "vk-bad", "vk-3"), seen.stream().map(VirtualKey::id).toList());
        JsonNode raw = seen.get(1).unreadable().raw();
        assertNotNull(raw, "the bytes of the bad key were kept");
        assertEquals(Json.mapper().readTree(BAD_KEY), raw);
        assertEquals("1.50", raw.get("x_future").get("a").toString(), "numbers kept as written");
        assertEquals(1, seen.get(2).budgets().size());
    }

    @Test
    void aTeamOrMcpClientThatCannotBeReadIsListedNotFatal() throws Exception {
        gateway.injectFault("/api/governance/teams", Fault.json(200, ("{\"teams\":[{\"id\":\"t1\",\"name\":\"A\"},"
                + "[1,2],{\"id\":\"t3\",\"name\":\"C\"}],\"count\":3,\"total_count\":3,\"limit\":25,\"offset\":0}")
                .getBytes(StandardCharsets.UTF_8)));
        Page<Team> teams = client.listTeams(new ListQuery(25, 0, null, null)).get(10, TimeUnit.SECONDS);
        assertEquals(List.of("t1", "t3"), teams.items().stream().map(Team::id).toList());
        assertEquals(1, teams.unreadable().size());
        assertEquals(1, teams.unreadable().get(0).position());
        assertTrue(teams.unreadable().get(0).reason().contains("not a JSON object"), teams.unreadable().get(0).reason());
        // An older server's bare MCP array with a bad element.
        gateway.injectFault("/api/mcp/clients", Fault.json(200, "[{\"config\":{\"client_id\":\"a\"}},\"bad\"]"
                .getBytes(StandardCharsets.UTF_8)));
        Page<McpClient> mcp = client.listMcpClients(new ListQuery(25, 0, null, null)).get(10, TimeUnit.SECONDS);
        assertEquals(1, mcp.items().size());
        assertEquals(1, mcp.unreadable().size());
    }

    @Test
    void providerKeysInEverySecretShapeAreRead() throws Exception {
        String keys = "{\"keys\":[{\"id\":\"k1\",\"value\":{\"value\":\"sk-a****b\",\"env_var\":\"env.OPENAI\","
                + "\"from_env\":true},\"azure_key_config\":{\"endpoint\":{\"value\":\"https://x\",\"ref\":\"env.EP\","
                + "\"type\":\"env\"},\"api_version\":{\"value\":\"2024-10-21\",\"type\":\"plain_text\"}},"
                + "\"vllm_key_config\":{\"url\":{\"value\":\"http://vllm\",\"env_var\":\"\",\"from_env\":false}}},"
                + "{\"id\":\"k2\",\"value\":\"env.ANTHROPIC\"},{\"id\":\"k3\",\"value\":{\"value\":\"\",\"ref\":\"x\","
                + "\"type\":\"gcp_secret_manager\"}}],\"total\":3}";
        gateway.injectFault("/api/providers/openai/keys", Fault.json(200, keys.getBytes(StandardCharsets.UTF_8)));
        Page<ProviderKey> page = client.providerKeys("openai").get(10, TimeUnit.SECONDS);
        assertEquals(3, page.items().size());
        assertTrue(page.unreadable().isEmpty());
        ProviderKey first = page.items().get(0);
        assertEquals("OPENAI", first.value().environmentVariable());
        assertEquals("EP", first.azure().endpoint().environmentVariable());
        assertEquals("2024-10-21", first.azure().apiVersion().value());
        assertTrue(first.unknownFields().containsKey("vllm_key_config"), "a setting the console does not model is kept");
        assertEquals(SecretValue.Source.ENV, page.items().get(1).value().source());
        SecretValue other = page.items().get(2).value();
        assertEquals(SecretValue.Source.OTHER, other.source());
        assertEquals("gcp_secret_manager", other.otherType(), "an unknown kind of reference is kept as named");
        assertTrue(Json.mapper().writeValueAsString(other).contains("gcp_secret_manager"));
    }
}
