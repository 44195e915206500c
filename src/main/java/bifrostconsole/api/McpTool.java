package bifrostconsole.api;

/** A tool an MCP server offers. */
public record McpTool(String name, String description, Boolean strict) {
}
