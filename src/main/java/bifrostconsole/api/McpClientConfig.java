package bifrostconsole.api;

import java.util.List;
import java.util.Map;

/** An MCP server the gateway connects to (http, sse, stdio or in-process), with its tool permissions. */
public record McpClientConfig(
        String clientId,
        String name,
        boolean isCodeModeClient,
        String connectionType,
        SecretValue connectionString,
        StdioConfig stdioConfig,
        TlsConfig tlsConfig,
        String authType,
        String oauthConfigId,
        Map<String, SecretValue> headers,
        List<String> toolsToExecute,
        List<String> toolsToAutoExecute,
        Map<String, Double> toolPricing,
        boolean allowOnAllVirtualKeys,
        List<String> perUserHeaderKeys,
        boolean disabled) {

    public McpClientConfig {
        headers = Lists.orEmpty(headers);
        toolsToExecute = Lists.orEmpty(toolsToExecute);
        toolsToAutoExecute = Lists.orEmpty(toolsToAutoExecute);
        toolPricing = Lists.orEmpty(toolPricing);
        perUserHeaderKeys = Lists.orEmpty(perUserHeaderKeys);
    }
}
