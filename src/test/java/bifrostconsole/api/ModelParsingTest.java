package bifrostconsole.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The model reads what Bifrost sends: the seed page's example, and payloads after the upstream examples. */
class ModelParsingTest {
    private final ObjectMapper mapper = Json.mapper();

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = ModelParsingTest.class.getResourceAsStream("/fixtures/" + name)) {
            assertNotNull(in, name);
            return in.readAllBytes();
        }
    }

    private ManagementApiClient.VirtualKeyList keys(String fixture) throws IOException {
        return mapper.readValue(fixture(fixture), ManagementApiClient.VirtualKeyList.class);
    }

    @Test
    void readsTheSeedPagesExampleResponse() throws IOException {
        ManagementApiClient.VirtualKeyList list = keys("seed-list-virtual-keys.json");
        assertEquals(123, list.count());
        assertEquals(123L, list.totalCount());
        VirtualKey key = list.virtualKeys().get(0);
        assertEquals("<string>", key.name());
        assertEquals("<string>", key.plainValue());
        assertTrue(key.active());
        assertEquals(Instant.parse("2023-11-07T05:31:56Z"), key.createdAt());
        ProviderConfig config = key.providerConfigs().get(0);
        assertEquals(123L, config.id());
        assertEquals(123.0, config.weight());
        ProviderKey providerKey = config.keys().get(0);
        assertEquals("123", providerKey.id());
        assertTrue(providerKey.value().fromEnvironment());
        assertNotNull(providerKey.azure(), "flat azure_* fields merged");
        assertNotNull(providerKey.vertex());
        assertNotNull(providerKey.bedrock());
        assertEquals(1, config.budgets().size());
        assertEquals(123L, config.rateLimit().tokenMaxLimit());
        McpConfig mcp = key.mcpConfigs().get(0);
        assertEquals("<string>", mcp.mcpClient().stdioConfig().command());
        assertTrue(mcp.mcpClient().tlsConfig().insecureSkipVerify());
        // team.customer.teams is the placeholder string "<array>" on the page: read as no teams, not a failure
        assertEquals("<string>", key.team().customer().name());
        assertTrue(key.team().customer().teams().isEmpty());
        assertEquals(1, key.team().allBudgets().size(), "legacy single team budget");
        assertEquals(1, key.customer().allBudgets().size());
        assertEquals(1, key.budgets().size());
        assertEquals(123.0, key.budgets().get(0).maxLimit());
        assertEquals("<string>", key.createdByUserId());
    }

    @Test
    void readsRealisticKeysWithEverySecretShapeTimestampAndMissingField() throws IOException {
        ManagementApiClient.VirtualKeyList list = keys("virtual-keys-realistic.json");
        assertEquals(3, list.count());
        assertEquals(57L, list.totalCount());
        assertEquals(6, list.offset());

        VirtualKey modern = list.virtualKeys().get(0);
        assertEquals("sk-bf-7f3e2a9c-1b4d-4e8f-9a6b-0c2d5e7f8a91", modern.plainValue());
        assertEquals(Instant.parse("2027-03-04T04:41:12.123456789Z"), modern.expiresAt(), "offset and nanoseconds");
        assertEquals(Instant.parse("2026-06-01T10:00:00.25Z"), modern.rotatedAt());
        assertEquals(Instant.parse("2025-12-01T14:00:00Z"), modern.team().createdAt());
        ProviderKey envKey = modern.providerConfigs().get(0).keys().get(0);
        assertEquals(SecretValue.Source.ENV, envKey.value().source());
        assertEquals("OPENAI_API_KEY", envKey.value().environmentVariable());
        assertEquals(List.of("o3-mini"), modern.providerConfigs().get(0).blacklistedModels());
        assertTrue(modern.providerConfigs().get(1).allowsAllModels());
        assertNull(modern.providerConfigs().get(1).weight());
        assertTrue(modern.providerConfigs().get(0).modelBudgets().isEmpty(), "null model_budgets read as empty");
        assertEquals(412.37, modern.providerConfigs().get(0).budgets().get(0).currentUsage());
        McpClientConfig github = modern.mcpConfigs().get(0).mcpClient();
        assertEquals("https://api.githubcopilot.com/mcp/", github.connectionString().value());
        assertFalse(github.connectionString().fromEnvironment());
        assertEquals("GITHUB_MCP_TOKEN", github.headers().get("Authorization").environmentVariable());
        assertEquals(0.002, github.toolPricing().get("create_issue"));
        assertEquals(2500.0, modern.budgets().get(1).effectiveLimit(), "override adds to the limit");
        assertTrue(modern.rateLimit().exhausted(), "600 of 600 requests");
        assertEquals(KeyStatus.EXHAUSTED, KeyStatus.of(modern, Instant.parse("2026-11-27T07:00:00Z")));

        VirtualKey intermediate = list.virtualKeys().get(1);
        assertEquals("sk-bf-0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d", intermediate.plainValue(), "value as an object");
        assertTrue(intermediate.active(), "absent is_active means active");
        assertTrue(intermediate.providerConfigs().isEmpty());
        assertTrue(intermediate.mcpConfigs().isEmpty());
        assertTrue(intermediate.budgets().isEmpty());
        assertNull(intermediate.team());
        assertNull(intermediate.description());
        assertEquals(Instant.parse("2026-01-16T00:30:00Z"), intermediate.expiresAt());
        assertEquals(KeyStatus.EXPIRED, KeyStatus.of(intermediate, Instant.parse("2026-11-27T07:00:00Z")));
        assertEquals(1, intermediate.customer().allBudgets().size(), "legacy single customer budget");
        assertTrue(intermediate.customer().allBudgets().get(0).exhausted());

        VirtualKey legacy = list.virtualKeys().get(2);
        assertEquals(KeyStatus.INACTIVE, KeyStatus.of(legacy, Instant.parse("2026-11-27T07:00:00Z")));
        assertTrue(legacy.accessProfileManaged());
        assertEquals("dana@acme.example", legacy.assignedUser().email());
        assertNull(legacy.updatedAt());
        ProviderKey azure = legacy.providerConfigs().get(0).keys().get(0);
        assertEquals("AZURE_ENDPOINT", azure.azure().endpoint().environmentVariable());
        assertEquals("72f988bf-86f1-41af-91ab-2d7cd011db47", azure.azure().tenantId().value(), "bare string secret");
        assertTrue(azure.isUsedForBatchApi());
        BedrockKeyConfig bedrock = legacy.providerConfigs().get(1).keys().get(0).bedrock();
        assertEquals("AWS_ACCESS_KEY_ID", bedrock.accessKey().environmentVariable());
        assertEquals(SecretValue.Source.VAULT, bedrock.secretKey().source());
        assertEquals("vault.secret/aws#secret", bedrock.secretKey().reference());
        assertEquals("us-east-1", bedrock.region().value());
        assertEquals("arn:aws:bedrock:us-east-1:123456789012:inference-profile/acme", bedrock.arn().value());
    }

    @Test
    void readsTheSingleBudgetOfServersBeforeV150() throws IOException {
        // the docs' "API Response Structure" example: provider_configs[].budget, ids that are not UUIDs
        VirtualKey docs = mapper.readTree(fixture("docs-vk-create.response.json")).get("virtual_key")
                .traverse(mapper).readValueAs(VirtualKey.class);
        assertEquals("vk_abc123def456", docs.plainValue());
        ProviderConfig openai = docs.providerConfigs().get(0);
        assertEquals(1, openai.budgets().size());
        assertEquals(500.0, openai.budgets().get(0).maxLimit());
        assertEquals(1_000_000L, openai.rateLimit().tokenMaxLimit());

        VirtualKey old = mapper.readValue("{\"id\":\"k\",\"name\":\"n\",\"budget_id\":\"b1\",\"budget\":{\"id\":\"b1\","
                + "\"max_limit\":50,\"reset_duration\":\"1d\",\"current_usage\":50}}", VirtualKey.class);
        assertEquals(1, old.budgets().size());
        assertEquals(KeyStatus.EXHAUSTED, KeyStatus.of(old, Instant.parse("2026-11-27T07:00:00Z")));
        VirtualKey both = mapper.readValue("{\"id\":\"k\",\"budgets\":[{\"id\":\"b1\",\"max_limit\":5}],"
                + "\"budget\":{\"id\":\"b1\",\"max_limit\":5}}", VirtualKey.class);
        assertEquals(1, both.budgets().size(), "the same budget is not counted twice");
    }

    @Test
    void readsAndWritesTheQuarterStartMonthOfQuarterlyBudgets() throws IOException {
        Budget quarterly = mapper.readValue("{\"id\":\"b\",\"max_limit\":900,\"reset_duration\":\"1Q\","
                + "\"quarter_start_month\":2,\"override_amount\":50,\"override_mode\":\"forever\"}", Budget.class);
        assertEquals(2, quarterly.quarterStartMonth());
        assertEquals(50.0, quarterly.overrideAmount());
        assertTrue(mapper.writeValueAsString(quarterly).contains("\"quarter_start_month\":2"));
        Budget monthly = mapper.readValue("{\"id\":\"b\",\"max_limit\":9,\"reset_duration\":\"1M\"}", Budget.class);
        assertEquals(null, monthly.quarterStartMonth());
        assertFalse(mapper.writeValueAsString(monthly).contains("quarter_start_month"), "absent stays absent");
    }

    @Test
    void secretsNeverShowInToString() throws IOException {
        ManagementApiClient.VirtualKeyList list = keys("virtual-keys-realistic.json");
        String text = list.toString();
        assertFalse(text.contains("sk-bf-"), text);
        assertFalse(text.contains("AKIA"), text);
    }

    @Test
    void readsProviderKeysWithBothSecretShapes() throws IOException {
        List<ProviderKey> keys = List.of(mapper.treeToValue(mapper.readTree(fixture("provider-keys-realistic.json"))
                .get("keys"), ProviderKey[].class));
        assertEquals(3, keys.size());
        AzureKeyConfig azure = keys.get(0).azure();
        assertEquals("AZURE_OPENAI_ENDPOINT", azure.endpoint().environmentVariable());
        assertEquals("2024-10-21", azure.apiVersion().value());
        assertEquals("gpt4o-prod", azure.deployments().get("gpt-4o"));
        assertFalse(azure.clientSecret().fromEnvironment());
        assertEquals("AZURE_OPENAI_API_KEY", keys.get(0).value().environmentVariable());
        VertexKeyConfig vertex = keys.get(1).vertex();
        assertEquals("acme-ml-prod", vertex.projectId().value());
        assertEquals("VERTEX_CREDENTIALS", vertex.authCredentials().environmentVariable());
        assertFalse(keys.get(1).isEnabled());
        assertTrue(keys.get(2).isEnabled(), "absent enabled means enabled");
        assertTrue(keys.get(2).models().isEmpty());
        assertEquals(SecretValue.Source.PLAIN_TEXT, keys.get(2).value().source());
    }

    @Test
    void readsTheLegacyBareMcpArrayWhoseToolsAreNames() throws IOException {
        McpClient[] clients = mapper.readValue(fixture("mcp-clients-legacy-array.json"), McpClient[].class);
        assertEquals(2, clients.length);
        assertEquals("filesystem", clients[0].config().name());
        assertEquals("stdio", clients[0].config().connectionType());
        assertEquals(List.of("-y", "@modelcontextprotocol/server-filesystem"), clients[0].config().stdioConfig().args());
        assertEquals(List.of("read_file", "list_directory", "write_file"),
                clients[0].tools().stream().map(McpTool::name).toList());
        assertEquals("error", clients[1].state());
        assertTrue(clients[1].tools().isEmpty());
        assertTrue(clients[1].vkConfigs().isEmpty());
    }

    @Test
    void writesKeysBackInAShapeItReads() throws IOException {
        ManagementApiClient.VirtualKeyList list = keys("virtual-keys-realistic.json");
        byte[] written = mapper.writeValueAsBytes(list);
        String text = new String(written);
        assertFalse(text.contains("\"used_for_batch_api\""), "derived getters are not wire fields");
        ManagementApiClient.VirtualKeyList again = mapper.readValue(written, ManagementApiClient.VirtualKeyList.class);
        assertEquals(list, again);
    }
}
