package bifrostconsole.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A provider's API key (an OpenAI key, an Azure deployment, AWS credentials...). Newer Bifrost nests cloud
 * settings in {@code azure_key_config} etc.; the documented list page shows them flat ({@code azure_endpoint},
 * {@code vertex_region}...). Both are read; {@link #azure()}, {@link #vertex()}, {@link #bedrock()} merge them.
 */
public record ProviderKey(
        String id,
        String name,
        Long providerId,
        String provider,
        String keyId,
        SecretValue value,
        List<String> models,
        List<String> blacklistedModels,
        Double weight,
        Boolean enabled,
        Boolean useForBatchApi,
        AzureKeyConfig azureKeyConfig,
        VertexKeyConfig vertexKeyConfig,
        BedrockKeyConfig bedrockKeyConfig,
        SecretValue azureEndpoint,
        SecretValue azureClientId,
        SecretValue azureClientSecret,
        SecretValue azureTenantId,
        SecretValue vertexProjectId,
        SecretValue vertexProjectNumber,
        SecretValue vertexRegion,
        SecretValue vertexAuthCredentials,
        SecretValue bedrockAccessKey,
        SecretValue bedrockSecretKey,
        SecretValue bedrockSessionToken,
        SecretValue bedrockRegion,
        SecretValue bedrockArn,
        String status,
        String description,
        String configHash,
        Instant createdAt,
        Instant updatedAt,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknownFields) {

    public ProviderKey {
        unknownFields = UnknownFields.of(unknownFields);
        models = Lists.orEmpty(models);
        blacklistedModels = Lists.orEmpty(blacklistedModels);
    }

    /** Without fields unknown to the console. */
    public ProviderKey(String id, String name, Long providerId, String provider, String keyId, SecretValue value,
            List<String> models, List<String> blacklistedModels, Double weight, Boolean enabled,
            Boolean useForBatchApi, AzureKeyConfig azureKeyConfig, VertexKeyConfig vertexKeyConfig,
            BedrockKeyConfig bedrockKeyConfig, SecretValue azureEndpoint, SecretValue azureClientId,
            SecretValue azureClientSecret, SecretValue azureTenantId, SecretValue vertexProjectId,
            SecretValue vertexProjectNumber, SecretValue vertexRegion, SecretValue vertexAuthCredentials,
            SecretValue bedrockAccessKey, SecretValue bedrockSecretKey, SecretValue bedrockSessionToken,
            SecretValue bedrockRegion, SecretValue bedrockArn, String status, String description, String configHash,
            Instant createdAt, Instant updatedAt) {
        this(id, name, providerId, provider, keyId, value, models, blacklistedModels, weight, enabled,
                useForBatchApi, azureKeyConfig, vertexKeyConfig, bedrockKeyConfig, azureEndpoint, azureClientId,
                azureClientSecret, azureTenantId, vertexProjectId, vertexProjectNumber, vertexRegion,
                vertexAuthCredentials, bedrockAccessKey, bedrockSecretKey, bedrockSessionToken, bedrockRegion,
                bedrockArn, status, description, configHash, createdAt, updatedAt, null);
    }

    /** Bifrost's default: a key is enabled unless it says otherwise. */
    @JsonIgnore // a derived view, not a wire field: Jackson would write it as "enabled"
    public boolean isEnabled() {
        return enabled == null || enabled;
    }

    @JsonIgnore
    public boolean isUsedForBatchApi() {
        return Boolean.TRUE.equals(useForBatchApi);
    }

    public AzureKeyConfig azure() {
        if (azureKeyConfig != null) {
            return azureKeyConfig;
        }
        if (azureEndpoint == null && azureClientId == null && azureClientSecret == null && azureTenantId == null) {
            return null;
        }
        return new AzureKeyConfig(azureEndpoint, azureClientId, azureClientSecret, azureTenantId, null, null);
    }

    public VertexKeyConfig vertex() {
        if (vertexKeyConfig != null) {
            return vertexKeyConfig;
        }
        if (vertexProjectId == null && vertexProjectNumber == null && vertexRegion == null
                && vertexAuthCredentials == null) {
            return null;
        }
        return new VertexKeyConfig(vertexProjectId, vertexProjectNumber, vertexRegion, vertexAuthCredentials);
    }

    public BedrockKeyConfig bedrock() {
        if (bedrockKeyConfig != null) {
            return bedrockKeyConfig;
        }
        if (bedrockAccessKey == null && bedrockSecretKey == null && bedrockSessionToken == null
                && bedrockRegion == null && bedrockArn == null) {
            return null;
        }
        return new BedrockKeyConfig(bedrockAccessKey, bedrockSecretKey, bedrockSessionToken, bedrockRegion,
                bedrockArn, null);
    }

    /**
     * This key as Bifrost's providers API shows it: the value and every credential redacted (Azure client id
     * and secret, Vertex service-account JSON, AWS keys); endpoints, regions, project and tenant ids kept. Fields
     * the console does not know (a newer server's vLLM or Ollama settings...) are kept with every secret-shaped
     * value in them redacted, see {@link SecretShapes#redacted}.
     */
    public ProviderKey redacted() {
        AzureKeyConfig azure = azureKeyConfig == null ? null : new AzureKeyConfig(azureKeyConfig.endpoint(),
                redact(azureKeyConfig.clientId()), redact(azureKeyConfig.clientSecret()), azureKeyConfig.tenantId(),
                azureKeyConfig.apiVersion(), azureKeyConfig.deployments(),
                SecretShapes.redacted(azureKeyConfig.unknownFields()));
        VertexKeyConfig vertex = vertexKeyConfig == null ? null : new VertexKeyConfig(vertexKeyConfig.projectId(),
                vertexKeyConfig.projectNumber(), vertexKeyConfig.region(), redact(vertexKeyConfig.authCredentials()),
                SecretShapes.redacted(vertexKeyConfig.unknownFields()));
        BedrockKeyConfig bedrock = bedrockKeyConfig == null ? null : new BedrockKeyConfig(
                redact(bedrockKeyConfig.accessKey()), redact(bedrockKeyConfig.secretKey()),
                redact(bedrockKeyConfig.sessionToken()), bedrockKeyConfig.region(), bedrockKeyConfig.arn(),
                bedrockKeyConfig.deployments(), SecretShapes.redacted(bedrockKeyConfig.unknownFields()));
        return new ProviderKey(id, name, providerId, provider, keyId, redact(value), models, blacklistedModels,
                weight, enabled, useForBatchApi, azure, vertex, bedrock, azureEndpoint, redact(azureClientId),
                redact(azureClientSecret), azureTenantId, vertexProjectId, vertexProjectNumber, vertexRegion,
                redact(vertexAuthCredentials), redact(bedrockAccessKey), redact(bedrockSecretKey),
                redact(bedrockSessionToken), bedrockRegion, bedrockArn, status, description, configHash, createdAt,
                updatedAt, SecretShapes.redacted(unknownFields));
    }

    private static SecretValue redact(SecretValue secret) {
        return secret == null ? null : secret.redacted();
    }
}
