package bifrostconsole.app;

import bifrostconsole.api.Secret;
import bifrostconsole.connection.EnvironmentConnection;

import java.util.List;
import java.util.Map;

/**
 * The GUI's command line and environment, parsed once before any window exists.
 *
 * @param serverUrl   {@code --server URL}, else {@code BIFROST_URL}; null opens the last profile or the welcome
 * @param demo        {@code --demo}: open the built-in demo workspace
 * @param smokeTest   {@code --smoke-test}: start on the demo workspace, report when the first page shows, exit
 * @param environmentKey {@code BIFROST_API_KEY}, used for the server opened at start-up
 */
public record StartupOptions(String serverUrl, boolean demo, boolean smokeTest, Secret environmentKey) {

    /** A command line the GUI cannot follow; the message says which argument and what to write instead. */
    public static final class UsageException extends Exception {
        public UsageException(String message) {
            super(message);
        }
    }

    public static StartupOptions none() {
        return new StartupOptions(null, false, false, null);
    }

    public static StartupOptions parse(List<String> args, Map<String, String> env) throws UsageException {
        String server = null;
        boolean demo = false;
        boolean smoke = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--server")) {
                if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                    throw new UsageException("--server needs an address, e.g. --server https://bifrost.example.com");
                }
                server = args.get(++i);
            } else if (arg.startsWith("--server=")) {
                server = arg.substring("--server=".length());
            } else if (arg.equals("--demo")) {
                demo = true;
            } else if (arg.equals("--smoke-test")) {
                smoke = true;
            } else {
                throw new UsageException("Unknown option '" + arg + "': use --server URL, --demo, or --help for the"
                        + " commands.");
            }
        }
        if (demo && server != null) {
            throw new UsageException("--demo and --server cannot be used together: choose one.");
        }
        String envUrl = env.get(EnvironmentConnection.URL_VARIABLE);
        if (server == null && !demo && !smoke && envUrl != null && !envUrl.isBlank()) {
            server = envUrl.strip();
        }
        return new StartupOptions(server == null || server.isBlank() ? null : server.strip(), demo || smoke, smoke,
                Secret.of(env.get(EnvironmentConnection.KEY_VARIABLE)));
    }
}
