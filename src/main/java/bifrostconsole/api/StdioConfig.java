package bifrostconsole.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/** How an stdio MCP server is started: command, arguments and the names of environment variables it gets. */
public record StdioConfig(String command, List<String> args, List<String> envs,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknownFields) {
    public StdioConfig {
        unknownFields = UnknownFields.of(unknownFields);
        args = Lists.orEmpty(args);
        envs = Lists.orEmpty(envs);
    }

    /** Without fields unknown to the console (and without any field listed after the last one given). */
    public StdioConfig(String command, List<String> args, List<String> envs) {
        this(command, args, envs, null);
    }
}
