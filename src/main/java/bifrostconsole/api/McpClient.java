package bifrostconsole.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/** One entry of {@code GET /api/mcp/clients}: the client's config, its tools, state and key assignments. */
public record McpClient(McpClientConfig config, List<McpTool> tools, String state,
                        List<McpVirtualKeyAccess> vkConfigs,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknownFields) {
    public McpClient {
        unknownFields = UnknownFields.of(unknownFields);
        tools = Lists.orEmpty(tools);
        vkConfigs = Lists.orEmpty(vkConfigs);
    }

    /** Without fields unknown to the console (and without any field listed after the last one given). */
    public McpClient(McpClientConfig config, List<McpTool> tools, String state, List<McpVirtualKeyAccess> vkConfigs) {
        this(config, tools, state, vkConfigs, null);
    }
}
