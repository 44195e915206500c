package bifrostconsole.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/** Which tools of an MCP client one virtual key may run (the {@code vk_configs} of the MCP list). */
public record McpVirtualKeyAccess(String virtualKeyId, String virtualKeyName, List<String> toolsToExecute,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknownFields) {
    public McpVirtualKeyAccess {
        unknownFields = UnknownFields.of(unknownFields);
        toolsToExecute = Lists.orEmpty(toolsToExecute);
    }

    /** Without fields unknown to the console (and without any field listed after the last one given). */
    public McpVirtualKeyAccess(String virtualKeyId, String virtualKeyName, List<String> toolsToExecute) {
        this(virtualKeyId, virtualKeyName, toolsToExecute, null);
    }
}
