package bifrostconsole.api;

import java.util.List;

/** One MCP client a virtual key may use, and which of its tools ({@code ["*"]} all, empty none). */
public record McpConfig(
        Long id,
        String virtualKeyId,
        Long mcpClientId,
        McpClientConfig mcpClient,
        List<String> toolsToExecute) {
    public McpConfig {
        toolsToExecute = Lists.orEmpty(toolsToExecute);
    }
}
