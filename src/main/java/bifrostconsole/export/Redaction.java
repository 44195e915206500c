package bifrostconsole.export;

import bifrostconsole.api.AzureKeyConfig;
import bifrostconsole.api.BedrockKeyConfig;
import bifrostconsole.api.McpClient;
import bifrostconsole.api.McpClientConfig;
import bifrostconsole.api.ProviderKey;
import bifrostconsole.api.SecretValue;
import bifrostconsole.api.VertexKeyConfig;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Masks the secrets a snapshot must never carry (provider credentials, MCP header values) with Bifrost's own
 * redaction, so a value the server already redacted stays exactly as it was (the masking is idempotent) and
 * a server that forgot to redact still cannot leak into a file. Environment and vault references are kept:
 * they name where a secret lives, not the secret.
 */
final class Redaction {
    private Redaction() {
    }

    /** Bifrost's {@code Redacted()}: empty stays empty, up to 8 chars all '*', else first 4 + 24 '*' + last 4. */
    static String redact(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        if (value.length() <= 8) {
            return "*".repeat(value.length());
        }
        return value.substring(0, 4) + "*".repeat(24) + value.substring(value.length() - 4);
    }

    static SecretValue redact(SecretValue v) {
        return v == null ? null : new SecretValue(redact(v.value()), v.reference(), v.source());
    }

    /**
     * Masks a provider key's credentials: its value, Azure client secret, Vertex service-account JSON and AWS
     * keys. Endpoints, regions, project and tenant ids are kept: they identify the key in a diff.
     */
    static ProviderKey redact(ProviderKey k) {
        AzureKeyConfig azure = k.azureKeyConfig() == null ? null : new AzureKeyConfig(k.azureKeyConfig().endpoint(),
                k.azureKeyConfig().clientId(), redact(k.azureKeyConfig().clientSecret()),
                k.azureKeyConfig().tenantId(), k.azureKeyConfig().apiVersion(), k.azureKeyConfig().deployments());
        VertexKeyConfig vertex = k.vertexKeyConfig() == null ? null : new VertexKeyConfig(
                k.vertexKeyConfig().projectId(), k.vertexKeyConfig().projectNumber(), k.vertexKeyConfig().region(),
                redact(k.vertexKeyConfig().authCredentials()));
        BedrockKeyConfig bedrock = k.bedrockKeyConfig() == null ? null : new BedrockKeyConfig(
                redact(k.bedrockKeyConfig().accessKey()), redact(k.bedrockKeyConfig().secretKey()),
                redact(k.bedrockKeyConfig().sessionToken()), k.bedrockKeyConfig().region(),
                k.bedrockKeyConfig().arn(), k.bedrockKeyConfig().deployments());
        return new ProviderKey(k.id(), k.name(), k.providerId(), k.provider(), k.keyId(), redact(k.value()),
                k.models(), k.blacklistedModels(), k.weight(), k.enabled(), k.useForBatchApi(), azure, vertex, bedrock,
                k.azureEndpoint(), k.azureClientId(), redact(k.azureClientSecret()), k.azureTenantId(),
                k.vertexProjectId(), k.vertexProjectNumber(), k.vertexRegion(), redact(k.vertexAuthCredentials()),
                redact(k.bedrockAccessKey()), redact(k.bedrockSecretKey()), redact(k.bedrockSessionToken()),
                k.bedrockRegion(), k.bedrockArn(), k.status(), k.description(), k.configHash(), k.createdAt(),
                k.updatedAt());
    }

    static McpClient redact(McpClient client) {
        McpClientConfig c = client.config();
        if (c == null || c.headers().isEmpty()) {
            return client;
        }
        Map<String, SecretValue> headers = new LinkedHashMap<>();
        c.headers().forEach((name, value) -> headers.put(name, redact(value)));
        McpClientConfig masked = new McpClientConfig(c.clientId(), c.name(), c.isCodeModeClient(),
                c.connectionType(), c.connectionString(), c.stdioConfig(), c.tlsConfig(), c.authType(),
                c.oauthConfigId(), headers, c.toolsToExecute(), c.toolsToAutoExecute(), c.toolPricing(),
                c.allowOnAllVirtualKeys(), c.perUserHeaderKeys(), c.disabled());
        return new McpClient(masked, client.tools(), client.state(), client.vkConfigs());
    }
}
