package bifrostconsole.api;

import java.util.List;

/** Which tools of an MCP client one virtual key may run (the {@code vk_configs} of the MCP list). */
public record McpVirtualKeyAccess(String virtualKeyId, String virtualKeyName, List<String> toolsToExecute) {
    public McpVirtualKeyAccess {
        toolsToExecute = Lists.orEmpty(toolsToExecute);
    }
}
