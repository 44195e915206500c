package bifrostconsole.app;

import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.Page;
import bifrostconsole.api.ServerFeatures;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.connection.ConnectionProfile;
import bifrostconsole.keys.KeyRow;

import java.util.List;

/**
 * An open connection: what the window shows data from. {@code profile} is the saved profile, or an unsaved
 * one for {@code --server}/{@code BIFROST_URL} and the demo. {@code firstPage} answers {@code firstPageQuery}, asked
 * for while opening: the key browser starts on it instead of asking again; {@code firstRows} are its rows when they
 * were made off the FX thread (else null).
 */
public record Workspace(String id, String displayName, ConnectionProfile profile, ManagementApiClient client,
                        boolean demo, String serverVersion, VirtualKeyQuery firstPageQuery,
                        Page<VirtualKey> firstPage, List<KeyRow> firstRows) {

    /** What the server can do: from its version, and key metadata also when the first page carries some. */
    public ServerFeatures features() {
        return ServerFeatures.of(serverVersion).withKeyMetadataSeen(firstPage.items().stream()
                .anyMatch(k -> !k.metadata().isEmpty()));
    }

    public long keyCount() {
        return firstPage.totalCount();
    }
}
