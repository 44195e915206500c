package bifrostconsole.app;

import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.connection.ConnectionProfile;

/**
 * An open connection: what the window shows data from. {@code profile} is the saved profile, or an unsaved
 * one for {@code --server}/{@code BIFROST_URL} and the demo.
 */
public record Workspace(String id, String displayName, ConnectionProfile profile, ManagementApiClient client,
                        boolean demo, String serverVersion, long keyCount) {
}
