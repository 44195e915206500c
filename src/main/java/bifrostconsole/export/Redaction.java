package bifrostconsole.export;

import bifrostconsole.api.McpClient;
import bifrostconsole.api.McpClientConfig;
import bifrostconsole.api.ProviderKey;
import bifrostconsole.api.SecretShapes;
import bifrostconsole.api.SecretValue;

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

    static SecretValue redact(SecretValue v) {
        return v == null ? null : v.redacted();
    }

    static McpClient redact(McpClient client) {
        McpClientConfig c = client.config();
        if (c == null || (c.headers().isEmpty() && c.unknownFields().isEmpty())) {
            return client;
        }
        Map<String, SecretValue> headers = new LinkedHashMap<>();
        c.headers().forEach((name, value) -> headers.put(name, redact(value)));
        McpClientConfig masked = new McpClientConfig(c.clientId(), c.name(), c.isCodeModeClient(),
                c.connectionType(), c.connectionString(), c.stdioConfig(), c.tlsConfig(), c.authType(),
                c.oauthConfigId(), headers, c.toolsToExecute(), c.toolsToAutoExecute(), c.toolPricing(),
                c.allowOnAllVirtualKeys(), c.perUserHeaderKeys(), c.disabled(), c.allowByDefault(),
                SecretShapes.redacted(c.unknownFields()));
        return new McpClient(masked, client.tools(), client.state(), client.vkConfigs(), client.unknownFields());
    }
}
