package bifrostconsole.api;

import java.util.Map;

/** Azure OpenAI settings of a provider key; credential members are secrets. */
public record AzureKeyConfig(
        SecretValue endpoint,
        SecretValue clientId,
        SecretValue clientSecret,
        SecretValue tenantId,
        String apiVersion,
        Map<String, String> deployments) {
    public AzureKeyConfig {
        deployments = Lists.orEmpty(deployments);
    }
}
