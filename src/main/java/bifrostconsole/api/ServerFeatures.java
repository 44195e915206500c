package bifrostconsole.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which write features a server has, from its version string (API.md §16): quarterly windows and
 * {@code allow_all_providers} from v2.1.0, {@code reset_budget_usage} from v2.0.0, key metadata after v2.2.5. An
 * unknown or unreadable version counts as the newest, since development builds report odd strings. Forms use it
 * to warn before sending what an older server would refuse or silently ignore, never to hide a field.
 */
public record ServerFeatures(String version, int major, int minor, int patch, boolean known,
                             boolean keyMetadataSeen) {
    private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    public static final ServerFeatures NEWEST = new ServerFeatures("unknown", Integer.MAX_VALUE, 0, 0, false, false);

    public static ServerFeatures of(String version) {
        if (version == null) {
            return NEWEST;
        }
        Matcher m = VERSION.matcher(version.trim());
        if (!m.lookingAt()) {
            return NEWEST;
        }
        return new ServerFeatures(version.trim(), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)), true, false);
    }

    /**
     * The same, knowing whether the server sent key metadata: metadata is unreleased (no version has it for sure),
     * so a server seen sending it has it, whatever its version says. The demo gateway is such a server.
     */
    public ServerFeatures withKeyMetadataSeen(boolean seen) {
        return new ServerFeatures(version, major, minor, patch, known, seen);
    }

    private boolean atLeast(int maj, int min, int pat) {
        if (major != maj) {
            return major > maj;
        }
        if (minor != min) {
            return minor > min;
        }
        return patch >= pat;
    }

    /** {@code 1Q} windows with {@code quarter_start_month}. */
    public boolean quarterlyWindows() {
        return atLeast(2, 1, 0);
    }

    public boolean allowAllProviders() {
        return atLeast(2, 1, 0);
    }

    public boolean resetBudgetUsage() {
        return atLeast(2, 0, 0);
    }

    /** Key metadata: unreleased after v2.2.5, or seen on this server's keys. */
    public boolean keyMetadata() {
        return keyMetadataSeen || atLeast(2, 2, 6);
    }

    /** "Bifrost v1.4.3" for messages such as "… needs Bifrost 2.1 or later; this server is Bifrost v1.4.3". */
    public String serverWords() {
        return known ? "this server is Bifrost " + version : "this server's version is unknown";
    }
}
