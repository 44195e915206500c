package bifrostconsole.api;

import java.util.List;

/** How an stdio MCP server is started: command, arguments and the names of environment variables it gets. */
public record StdioConfig(String command, List<String> args, List<String> envs) {
    public StdioConfig {
        args = Lists.orEmpty(args);
        envs = Lists.orEmpty(envs);
    }
}
