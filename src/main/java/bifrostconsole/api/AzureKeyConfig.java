package bifrostconsole.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * Azure OpenAI settings of a provider key; every member but {@code deployments} is an env/secret value in Bifrost's
 * Go types (a plain string or either secret-object shape on the wire), and the credential members are secrets.
 */
public record AzureKeyConfig(
        SecretValue endpoint,
        SecretValue clientId,
        SecretValue clientSecret,
        SecretValue tenantId,
        SecretValue apiVersion,
        Map<String, String> deployments,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknownFields) {
    public AzureKeyConfig {
        unknownFields = UnknownFields.of(unknownFields);
        deployments = Lists.orEmpty(deployments);
    }

    /** Without fields unknown to the console (and without any field listed after the last one given). */
    public AzureKeyConfig(SecretValue endpoint, SecretValue clientId, SecretValue clientSecret, SecretValue tenantId,
            SecretValue apiVersion, Map<String, String> deployments) {
        this(endpoint, clientId, clientSecret, tenantId, apiVersion, deployments, null);
    }
}
