package bifrostconsole.cli;

import bifrostconsole.connection.EnvironmentConnection;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Which server a command talks to and with which management API key, resolved as everywhere in the console
 * ({@link EnvironmentConnection}): {@code --server}, else {@code BIFROST_URL}, else the server last opened
 * in the console window; the key from {@code BIFROST_API_KEY}, else the one stored for that server's profile.
 */
final class ServerOptions {
    /** The one option: a verb that talks to a server declares it and includes {@link #HELP} in its help. */
    static final String OPTION = "--server";
    static final String HELP = """
              --server URL         the Bifrost gateway (default: $BIFROST_URL, else the server last opened
                                   in the console window)
              The management API key comes from $BIFROST_API_KEY, else from the key stored for that server
              in the console (never from the command line, where other users could see it).
            """;

    private final Supplier<EnvironmentConnection> connections;

    ServerOptions(Supplier<EnvironmentConnection> connections) {
        this.connections = connections;
    }

    /** The saved profiles and the OS credential store; read only when a command needs a server. */
    static ServerOptions fromConfigFolder() {
        return new ServerOptions(EnvironmentConnection::fromConfigFolder);
    }

    /** No server named anywhere, or settings that cannot be applied, is a usage error. */
    EnvironmentConnection.Resolved resolve(String serverOption, Map<String, String> env)
            throws CommandArguments.UsageException {
        try {
            return connections.get().resolve(serverOption, env);
        } catch (EnvironmentConnection.ResolutionException e) {
            throw new CommandArguments.UsageException(e.getMessage());
        }
    }
}
