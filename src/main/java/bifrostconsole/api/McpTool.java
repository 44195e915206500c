package bifrostconsole.api;

import com.fasterxml.jackson.annotation.JsonCreator;

/** A tool an MCP server offers. */
public record McpTool(String name, String description, Boolean strict) {

    @JsonCreator
    public McpTool {
    }

    /** Older releases list tools by name only: {@code "tools": ["read_file", ...]}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static McpTool named(String name) {
        return new McpTool(name, null, null);
    }
}
