package bifrostconsole.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The platform's folder for the console's own files: {@code $XDG_CONFIG_HOME/bifrost-console} or
 * {@code ~/.config/bifrost-console} on Linux, {@code %APPDATA%\Bifrost Console} on Windows,
 * {@code ~/Library/Application Support/Bifrost Console} on macOS. The system property
 * {@code bifrost.console.configDir} overrides it (tests point it under {@code target/}).
 */
public final class ConfigFolder {
    public static final String OVERRIDE_PROPERTY = "bifrost.console.configDir";

    private ConfigFolder() {
    }

    public static Path resolve() {
        return resolve(System.getProperty(OVERRIDE_PROPERTY), System.getProperty("os.name", ""),
                System.getProperty("user.home", "."), System.getenv());
    }

    static Path resolve(String override, String osName, String home, Map<String, String> env) {
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return Path.of(appData != null ? appData : home, "Bifrost Console");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Bifrost Console");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".config")).resolve("bifrost-console");
    }
}
