package bifrostconsole.api;

import java.util.List;

/** One entry of {@code GET /api/mcp/clients}: the client's config, its tools, state and key assignments. */
public record McpClient(McpClientConfig config, List<McpTool> tools, String state,
                        List<McpVirtualKeyAccess> vkConfigs) {
    public McpClient {
        tools = Lists.orEmpty(tools);
        vkConfigs = Lists.orEmpty(vkConfigs);
    }
}
