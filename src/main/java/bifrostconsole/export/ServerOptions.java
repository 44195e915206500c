package bifrostconsole.export;

import bifrostconsole.api.ConnectionSettings;
import bifrostconsole.api.Secret;

import java.util.Map;

/**
 * Which server a command talks to and with which management API key: {@code --server} or {@code BIFROST_URL},
 * and {@code BIFROST_API_KEY}. The one place that resolves a connection for the export commands, so it can
 * switch to the stored connection profile and keyring in one edit.
 */
final class ServerOptions {
    static final String URL_VARIABLE = "BIFROST_URL";
    static final String KEY_VARIABLE = "BIFROST_API_KEY";
    static final String HELP = "  --server URL         the Bifrost gateway (default: $" + URL_VARIABLE + ")\n"
            + "  The management API key is read from $" + KEY_VARIABLE + " (never from the command line, where"
            + " other users could see it).\n";

    private ServerOptions() {
    }

    /** The server named by {@code --server} or the environment; null when neither names one. */
    static ConnectionSettings resolve(String serverOption, Map<String, String> env)
            throws CommandArguments.UsageException {
        String url = serverOption != null ? serverOption : env.get(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            return ConnectionSettings.of(url, Secret.of(env.get(KEY_VARIABLE)));
        } catch (IllegalArgumentException e) {
            throw new CommandArguments.UsageException("'" + url + "' is not a server address: use e.g."
                    + " http://localhost:8080");
        }
    }

    static ConnectionSettings require(String serverOption, Map<String, String> env)
            throws CommandArguments.UsageException {
        ConnectionSettings settings = resolve(serverOption, env);
        if (settings == null) {
            throw new CommandArguments.UsageException("no server: pass --server URL or set " + URL_VARIABLE);
        }
        return settings;
    }
}
