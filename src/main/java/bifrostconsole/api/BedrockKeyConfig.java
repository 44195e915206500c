package bifrostconsole.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/** AWS Bedrock settings of a provider key. */
public record BedrockKeyConfig(
        SecretValue accessKey,
        SecretValue secretKey,
        SecretValue sessionToken,
        SecretValue region,
        SecretValue arn,
        Map<String, String> deployments,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknownFields) {
    public BedrockKeyConfig {
        unknownFields = UnknownFields.of(unknownFields);
        deployments = Lists.orEmpty(deployments);
    }

    /** Without fields unknown to the console (and without any field listed after the last one given). */
    public BedrockKeyConfig(SecretValue accessKey, SecretValue secretKey, SecretValue sessionToken, SecretValue
            region, SecretValue arn, Map<String, String> deployments) {
        this(accessKey, secretKey, sessionToken, region, arn, deployments, null);
    }
}
