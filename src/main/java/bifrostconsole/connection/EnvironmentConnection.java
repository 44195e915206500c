package bifrostconsole.connection;

import bifrostconsole.api.ConnectionSettings;
import bifrostconsole.api.Secret;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which server and key a command-line run uses, shared by the GUI's start-up and every subcommand:
 * <ol>
 *   <li>server: the {@code --server} argument, else {@code BIFROST_URL}, else the profile used last;</li>
 *   <li>key: {@code BIFROST_API_KEY}, else the key stored for the saved profile with that address.</li>
 * </ol>
 * A saved profile with the same address also lends its TLS settings and timeouts. There is deliberately no
 * {@code --api-key} argument: a key on the command line ends up in shell history and process lists.
 */
public final class EnvironmentConnection {
    public static final String URL_VARIABLE = "BIFROST_URL";
    public static final String KEY_VARIABLE = "BIFROST_API_KEY";

    /** The settings to connect with, the matching saved profile if any, and where the key came from. */
    public record Resolved(ConnectionSettings settings, Optional<ConnectionProfile> profile, String keySource) {
    }

    /** Nothing says which server to use, or the settings cannot be applied: a one-sentence message. */
    public static final class ResolutionException extends Exception {
        public ResolutionException(String message) {
            super(message);
        }
    }

    private final Profiles profiles;
    private final Supplier<CredentialStore> credentials;

    /** {@code credentials} is asked for only when a stored key is needed, since opening it may be slow. */
    public EnvironmentConnection(Profiles profiles, Supplier<CredentialStore> credentials) {
        this.profiles = profiles;
        this.credentials = credentials;
    }

    /** From the real config folder and the OS credential store. Touches the disk: not on the FX thread. */
    public static EnvironmentConnection fromConfigFolder() {
        return new EnvironmentConnection(ProfileStore.inConfigFolder().load().profiles(),
                () -> KeyringCredentialStore.openOrFallBack(Duration.ofSeconds(10)));
    }

    public Resolved resolve(String serverArgument, Map<String, String> env) throws ResolutionException {
        String envUrl = blankToNull(env.get(URL_VARIABLE));
        String server = serverArgument != null ? serverArgument : envUrl;
        Optional<ConnectionProfile> profile;
        if (server == null) {
            profile = profiles.lastUsed();
            if (profile.isEmpty()) {
                throw new ResolutionException("No server given: pass --server URL, set " + URL_VARIABLE
                        + ", or open a server once in the console window.");
            }
        } else {
            URI uri;
            try {
                uri = ConnectionSettings.of(server, null).baseUrl();
            } catch (IllegalArgumentException e) {
                throw new ResolutionException(e.getMessage());
            }
            profile = profiles.findByServer(uri);
            if (profile.isEmpty()) {
                profile = Optional.of(ConnectionProfile.create(null, uri.toString()));
                return resolveWith(profile.get(), false, env);
            }
        }
        return resolveWith(profile.get(), true, env);
    }

    private Resolved resolveWith(ConnectionProfile profile, boolean saved, Map<String, String> env)
            throws ResolutionException {
        Secret key = Secret.of(env.get(KEY_VARIABLE));
        String source = key != null ? KEY_VARIABLE : "none";
        if (key == null && saved) {
            try {
                key = credentials.get().read(profile.id()).orElse(null);
                source = key != null ? "the stored key of profile '" + profile.name() + "'" : "none";
            } catch (CredentialStore.CredentialStoreException e) {
                throw new ResolutionException(e.getMessage());
            }
        }
        try {
            return new Resolved(profile.toSettings(key), saved ? Optional.of(profile) : Optional.empty(), source);
        } catch (TlsContexts.TlsSetupException e) {
            throw new ResolutionException(e.getMessage());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
