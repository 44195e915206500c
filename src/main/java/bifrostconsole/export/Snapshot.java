package bifrostconsole.export;

import bifrostconsole.api.Customer;
import bifrostconsole.api.McpClient;
import bifrostconsole.api.Team;
import bifrostconsole.api.UnreadableItem;
import bifrostconsole.api.VirtualKey;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The whole governance state of one server at one moment: virtual keys, teams, customers, MCP clients and
 * providers with their (redacted) keys, and where and when it was taken. Key values are present only when
 * {@code includesSecrets}. Every item keeps the fields the console does not know; the teams, customers, MCP clients
 * and provider keys it could not read at all are in {@code unreadableItems} as the server sent them (an unreadable
 * virtual key stays in {@code virtualKeys} as a placeholder). On disk see {@link SnapshotFile}.
 */
public record Snapshot(
        String format,
        String server,
        String serverVersion,
        Instant takenAt,
        boolean includesSecrets,
        List<Team> teams,
        List<Customer> customers,
        List<McpClient> mcpClients,
        List<ProviderSnapshot> providers,
        List<VirtualKey> virtualKeys,
        List<UnreadableItem> unreadableItems) {

    /** Written into every file, so that a wrong file is recognised before anything is compared. */
    public static final String FORMAT = "bifrost-console-snapshot/1";

    public Snapshot {
        format = format == null ? FORMAT : format;
        teams = copy(teams);
        customers = copy(customers);
        mcpClients = copy(mcpClients);
        providers = copy(providers);
        virtualKeys = copy(virtualKeys);
        unreadableItems = copy(unreadableItems);
    }

    public Snapshot(String format, String server, String serverVersion, Instant takenAt, boolean includesSecrets,
                    List<Team> teams, List<Customer> customers, List<McpClient> mcpClients,
                    List<ProviderSnapshot> providers, List<VirtualKey> virtualKeys) {
        this(format, server, serverVersion, takenAt, includesSecrets, teams, customers, mcpClients, providers,
                virtualKeys, List.of());
    }

    /** This snapshot's header and small lists with {@code keys} as its virtual keys. */
    public Snapshot withVirtualKeys(List<VirtualKey> keys) {
        return new Snapshot(format, server, serverVersion, takenAt, includesSecrets, teams, customers, mcpClients,
                providers, keys, unreadableItems);
    }

    /** One line for banners and diff headers: "http://gw:8080 (v1.4.3), taken 2026-03-01T09:00:00Z". */
    public String describe() {
        return server + (serverVersion == null || serverVersion.isBlank() ? "" : " (" + serverVersion + ")")
                + ", taken " + takenAt;
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list.stream().filter(Objects::nonNull).toList());
    }
}
