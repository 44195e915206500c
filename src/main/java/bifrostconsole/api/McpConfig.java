package bifrostconsole.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/** One MCP client a virtual key may use, and which of its tools ({@code ["*"]} all, empty none). */
public record McpConfig(
        Long id,
        String virtualKeyId,
        Long mcpClientId,
        McpClientConfig mcpClient,
        List<String> toolsToExecute,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknownFields) {
    public McpConfig {
        unknownFields = UnknownFields.of(unknownFields);
        toolsToExecute = Lists.orEmpty(toolsToExecute);
    }

    /** Without fields unknown to the console (and without any field listed after the last one given). */
    public McpConfig(Long id, String virtualKeyId, Long mcpClientId, McpClientConfig mcpClient, List<String>
            toolsToExecute) {
        this(id, virtualKeyId, mcpClientId, mcpClient, toolsToExecute, null);
    }
}
