package bifrostconsole.export;

import bifrostconsole.api.Customer;
import bifrostconsole.api.GovernanceSource;
import bifrostconsole.api.ListQuery;
import bifrostconsole.api.Page;
import bifrostconsole.api.ProviderKey;
import bifrostconsole.api.Team;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.store.GovernanceStore;
import bifrostconsole.store.StoreGovernanceSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A snapshot file opened read-only: the key table and panes read it exactly as they read a server (same
 * search, filters, sort and paging, through the demo gateway's store), and {@link #live()} is false so
 * nothing offers to change it.
 */
public final class SnapshotSource implements GovernanceSource {
    private final Snapshot snapshot;
    private final Path file;
    private final StoreGovernanceSource store;

    public SnapshotSource(Snapshot snapshot, Path file) {
        this.snapshot = snapshot;
        this.file = file;
        Map<String, List<ProviderKey>> providerKeys = new LinkedHashMap<>();
        snapshot.providers().forEach(p -> providerKeys.put(p.provider().name(), p.keys()));
        GovernanceStore data = new GovernanceStore(snapshot.virtualKeys(), snapshot.teams(), snapshot.customers(),
                snapshot.mcpClients(), snapshot.providers().stream().map(ProviderSnapshot::provider).toList(),
                providerKeys);
        this.store = StoreGovernanceSource.snapshot(data, displayName(snapshot, file));
    }

    /** Reads the file whole (a snapshot is opened to browse it): call off the UI thread. */
    public static SnapshotSource open(Path file) throws IOException {
        return new SnapshotSource(SnapshotFile.read(file), file);
    }

    private static String displayName(Snapshot s, Path file) {
        return "Snapshot " + file.getFileName() + " of " + s.server();
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    public Path file() {
        return file;
    }

    /**
     * The banner's sentence: what this is, whose, from when, and that it cannot change; {@code time} writes the
     * time as the rest of the window does (the file's own is ISO-8601 to the nanosecond).
     */
    public String bannerText(Function<Instant, String> time) {
        return "Read-only snapshot of " + snapshot.server()
                + (snapshot.serverVersion() == null ? "" : " (" + snapshot.serverVersion() + ")")
                + ", taken " + time.apply(snapshot.takenAt()) + ", from " + file.getFileName()
                + (snapshot.includesSecrets() ? ". It holds key values: keep the file secret." : ". Key values are not in it.");
    }

    @Override
    public CompletableFuture<Page<VirtualKey>> listVirtualKeys(VirtualKeyQuery query) {
        return store.listVirtualKeys(query);
    }

    @Override
    public CompletableFuture<VirtualKey> getVirtualKey(String id) {
        return store.getVirtualKey(id);
    }

    @Override
    public CompletableFuture<Page<Team>> listTeams(ListQuery query) {
        return store.listTeams(query);
    }

    @Override
    public CompletableFuture<Page<Customer>> listCustomers(ListQuery query) {
        return store.listCustomers(query);
    }

    @Override
    public CompletableFuture<Team> getTeam(String id) {
        return store.getTeam(id);
    }

    @Override
    public CompletableFuture<Customer> getCustomer(String id) {
        return store.getCustomer(id);
    }

    @Override
    public String displayName() {
        return store.displayName();
    }

    @Override
    public boolean live() {
        return false;
    }

    @Override
    public boolean holdsKeyValues() {
        return snapshot.includesSecrets();
    }

    @Override
    public Optional<Instant> takenAt() {
        return Optional.ofNullable(snapshot.takenAt());
    }
}
