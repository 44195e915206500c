package bifrostconsole.api;

import java.util.Map;

/** AWS Bedrock settings of a provider key. */
public record BedrockKeyConfig(
        SecretValue accessKey,
        SecretValue secretKey,
        SecretValue sessionToken,
        SecretValue region,
        SecretValue arn,
        Map<String, String> deployments) {
    public BedrockKeyConfig {
        deployments = Lists.orEmpty(deployments);
    }
}
