package bifrostconsole.keydetail;

import bifrostconsole.api.AzureKeyConfig;
import bifrostconsole.api.Budget;
import bifrostconsole.api.McpClientConfig;
import bifrostconsole.api.McpConfig;
import bifrostconsole.api.ModelBudget;
import bifrostconsole.api.ProviderConfig;
import bifrostconsole.api.ProviderKey;
import bifrostconsole.api.SecretValue;
import bifrostconsole.api.StdioConfig;
import bifrostconsole.api.TlsConfig;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.testing.TestKeys;
import bifrostconsole.ui.Formats;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static bifrostconsole.testing.TestKeys.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyDetailsTest {
    private final Formats formats = new Formats(Locale.US, ZoneOffset.UTC);

    private static ProviderKey azureKey() {
        return new ProviderKey("pk-1", "azure-east", null, "azure", null, SecretValue.plain(""), List.of("gpt-4o"),
                List.of(), 2.0, false, true,
                new AzureKeyConfig(SecretValue.env("AZURE_ENDPOINT", ""), SecretValue.plain("client-id-123"),
                        SecretValue.plain("very-secret"), null, SecretValue.plain("2024-10-21"), Map.of("gpt-4o", "prod-4o")),
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    private static VirtualKey richKey() {
        ProviderConfig openai = new ProviderConfig(1L, "vk", "openai", 3.0, List.of("*"), List.of("gpt-3.5"), true,
                null, TestKeys.rateLimit(10, 1000L, 1, 10L), List.of(Budget.of("pb", 50, "1w", 5, NOW)), List.of(),
                List.of(new ModelBudget("gpt-4o", List.of(Budget.of("mb", 20, "1d", 19, NOW)), null)));
        ProviderConfig azure = new ProviderConfig(2L, "vk", "azure", 1.0, List.of("gpt-4o"), List.of(), false, null,
                null, List.of(), List.of(azureKey()), List.of());
        ProviderConfig anthropic = new ProviderConfig(3L, "vk", "anthropic", null, List.of(), List.of(), false, null,
                null, List.of(), List.of(), List.of());
        McpClientConfig stdio = new McpClientConfig("c1", "files", false, "stdio", null,
                new StdioConfig("npx", List.of("-y", "@mcp/files"), List.of("ROOT_DIR", "TOKEN")),
                new TlsConfig(true, null), null, null, Map.of(), List.of("*"), List.of("read_file"),
                Map.of("read_file", 0.25), false, List.of(), true);
        return TestKeys.key("vk").name("billing").description("Key billing")
                .budget(Budget.of("b", 100, "1M", 30, NOW.minusSeconds(86_400)))
                .rateLimit(TestKeys.rateLimit(5, 100L, 1, 10L)).providers(List.of(openai, azure, anthropic))
                .mcp(new McpConfig(1L, "vk", 1L, stdio, List.of("read_file", "list")))
                .calendarAligned(true).configHash("abc123").build();
    }

    @Test
    void providerConfigsShowWeightShareModelsAndKeys() {
        KeyDetails d = KeyDetails.of(richKey(), formats, NOW);
        assertEquals(3, d.providers().size());
        KeyDetails.ProviderCard openai = d.providers().get(0);
        assertEquals("3", openai.weightText());
        assertEquals("75% of weighted traffic", openai.shareText());
        assertEquals("All models", openai.allowedModels());
        assertEquals("gpt-3.5", openai.blockedModels());
        assertEquals("All keys", openai.keysText());
        assertEquals(1, openai.budgets().size());
        assertEquals(2, openai.rateLimits().size());
        assertEquals("gpt-4o", openai.modelLimits().get(0).model());
        assertEquals("azure-east", d.providers().get(1).keysText());
        assertEquals("25% of weighted traffic", d.providers().get(1).shareText());
        KeyDetails.ProviderCard anthropic = d.providers().get(2);
        assertEquals("Not set", anthropic.weightText());
        assertEquals("No models (deny all)", anthropic.allowedModels());
        assertEquals("No keys (deny all)", anthropic.keysText());
        assertNull(d.providersNote());
    }

    @Test
    void providerKeysShowEnvNamesAndMaskSecrets() {
        KeyDetails d = KeyDetails.of(richKey(), formats, NOW);
        assertEquals(1, d.providerKeys().size());
        KeyDetails.ProviderKeyCard k = d.providerKeys().get(0);
        assertEquals("azure-east", k.name());
        assertEquals("pk-1", k.keyId());
        assertFalse(k.enabled());
        assertTrue(k.batchApi());
        Map<String, String> s = k.settings().stream().collect(
                java.util.stream.Collectors.toMap(KeyDetails.Field::label, KeyDetails.Field::value));
        assertEquals("from env AZURE_ENDPOINT", s.get("Azure endpoint"));
        assertFalse(s.values().stream().anyMatch(v -> v.contains("very-secret") || v.contains("client-id-123")),
                "secret values stay masked");
        assertEquals("gpt-4o \u2192 prod-4o", s.get("Azure deployments"));
    }

    @Test
    void mcpClientShowsStdioTlsToolsAndPricing() {
        KeyDetails d = KeyDetails.of(richKey(), formats, NOW);
        KeyDetails.McpCard m = d.mcpClients().get(0);
        assertEquals("files", m.name());
        assertTrue(m.disabled());
        Map<String, String> f = m.fields().stream().collect(
                java.util.stream.Collectors.toMap(KeyDetails.Field::label, KeyDetails.Field::value));
        assertEquals("npx", f.get("Command"));
        assertEquals("-y @mcp/files", f.get("Arguments"));
        assertEquals("ROOT_DIR, TOKEN", f.get("Environment"));
        assertTrue(f.get("TLS").contains("OFF"));
        assertEquals("read_file, list", f.get("Tools allowed for this key"));
        assertEquals("read_file", f.get("Auto-executed tools"));
        assertEquals("read_file $0.25", f.get("Tool pricing"));
    }

    @Test
    void overviewAndEmptyLists() {
        KeyDetails d = KeyDetails.of(richKey(), formats, NOW);
        Map<String, String> o = d.overview().stream().collect(
                java.util.stream.Collectors.toMap(KeyDetails.Field::label, KeyDetails.Field::value));
        assertEquals("vk", o.get("ID"));
        assertTrue(o.get("Calendar alignment").startsWith("On"));
        assertTrue(o.get("Config hash").contains("config.json"));
        assertEquals("Never", o.get("Expires"));
        assertEquals(1, d.budgets().size());
        assertEquals("monthly (calendar)", d.budgets().get(0).windowText());

        KeyDetails empty = KeyDetails.of(TestKeys.key("e").name("empty").build(), formats, NOW);
        assertTrue(empty.providers().isEmpty());
        assertTrue(empty.providersNote().contains("deny by default"));
        assertTrue(empty.mcpClients().isEmpty());
        assertTrue(empty.mcpNote() != null);
        assertTrue(empty.providerKeys().isEmpty());
        assertTrue(empty.budgets().isEmpty());
        assertTrue(empty.rateLimits().isEmpty());
    }
}
