package bifrostconsole.export;

import bifrostconsole.api.ApiException;
import bifrostconsole.api.Customer;
import bifrostconsole.api.ListQuery;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.McpClient;
import bifrostconsole.api.Page;
import bifrostconsole.api.Provider;
import bifrostconsole.api.ProviderKey;
import bifrostconsole.api.Team;
import bifrostconsole.api.UnreadableItem;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.config.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The governance state of a live server, read for a snapshot or a diff: version, teams, customers, MCP
 * clients, providers with their redacted keys, then every virtual key in export pages. Blocks the calling
 * thread; {@link Cancellation} stops it between requests and keys.
 */
public final class LiveGovernance implements GovernanceState {
    private static final int LIST_PAGE = 100;

    private final ManagementApiClient client;
    private final boolean includeSecrets;
    private final ProgressListener progress;
    private final Cancellation cancellation;
    private final Clock clock;
    private final KeyPager pager;

    public LiveGovernance(ManagementApiClient client, boolean includeSecrets, ProgressListener progress,
                          Cancellation cancellation) {
        this(client, includeSecrets, progress, cancellation, Clock.systemUTC(), KeyPager.EXPORT_PAGE_SIZE);
    }

    public LiveGovernance(ManagementApiClient client, boolean includeSecrets, ProgressListener progress,
                   Cancellation cancellation, Clock clock, int keyPageSize) {
        this.client = client;
        this.includeSecrets = includeSecrets;
        this.progress = progress;
        this.cancellation = cancellation;
        this.clock = clock;
        this.pager = new KeyPager(KeyPageSource.of(client), keyPageSize);
    }

    @Override
    public String label() {
        return client.displayName() + " (live)";
    }

    /** Everything but the virtual keys. The time recorded is when reading started. */
    public Snapshot readHeader() {
        java.time.Instant takenAt = clock.instant();
        String version = cancellation.await(client.version().exceptionally(failure -> null));
        List<UnreadableItem> unreadable = new ArrayList<>();
        List<Team> teams = allPages(client::listTeams, unreadable);
        List<Customer> customers = allPages(client::listCustomers, unreadable);
        List<McpClient> mcp = allPages(q -> optional(client.listMcpClients(q), Page.empty()), unreadable).stream()
                .map(Redaction::redact).toList();
        List<ProviderSnapshot> providers = new ArrayList<>();
        for (Provider p : cancellation.await(optional(client.listProviders(), List.of()))) {
            Page<ProviderKey> keys = cancellation.await(optional(client.providerKeys(p.name()), Page.empty()));
            unreadable.addAll(keys.unreadable());
            providers.add(new ProviderSnapshot(p, keys.items().stream().map(ProviderKey::redacted).toList()));
        }
        return new Snapshot(Snapshot.FORMAT, client.displayName(), version, takenAt, includeSecrets, teams,
                customers, mcp, providers, List.of(), unreadable);
    }

    @Override
    public Snapshot stream(KeyPager.KeySink keys) throws IOException {
        Snapshot header = readHeader();
        pager.forEach(VirtualKeyQuery.all(), ExportScope.ALL_MATCHING, keys, progress, cancellation);
        return header;
    }

    /** Writes a snapshot file atomically: a failure or cancel leaves any earlier file untouched. */
    public SnapshotSummary writeSnapshot(Path target) throws IOException {
        long start = System.nanoTime();
        Snapshot header = readHeader();
        long[] keys = new long[1];
        ReadIntegrity[] integrity = {ReadIntegrity.CLEAN};
        AtomicFiles.write(target, out -> keys[0] = SnapshotFile.write(out, header, sink -> {
            integrity[0] = pager.forEach(VirtualKeyQuery.all(), ExportScope.ALL_MATCHING, sink, progress,
                    cancellation).integrity();
            return integrity[0];
        }));
        return new SnapshotSummary(header, keys[0], target, java.time.Duration.ofNanos(System.nanoTime() - start),
                integrity[0]);
    }

    /** Every item of a paged list; the ones that could not be read go to {@code unreadable}. */
    private <T> List<T> allPages(Function<ListQuery, CompletableFuture<Page<T>>> list,
                                 List<UnreadableItem> unreadable) {
        List<T> all = new ArrayList<>();
        int offset = 0;
        while (true) {
            Page<T> page = cancellation.await(list.apply(new ListQuery(LIST_PAGE, offset, null, null)));
            all.addAll(page.items());
            unreadable.addAll(page.unreadable());
            int received = page.items().size() + page.unreadable().size();
            offset += received;
            if (received == 0 || offset >= page.totalCount()) {
                return all;
            }
        }
    }

    /**
     * Servers without MCP or provider routes answer 404 (or 405) there: that part of the snapshot is empty, not
     * a failure.
     */
    private static <T> CompletableFuture<T> optional(CompletableFuture<T> call, T whenAbsent) {
        return call.exceptionally(failure -> {
            Throwable t = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (t instanceof ApiException api && (api.kind() == ApiException.Kind.NOT_FOUND
                    || (api.kind() == ApiException.Kind.NOT_BIFROST && api.statusCode() / 100 == 4))) {
                return whenAbsent;
            }
            throw t instanceof RuntimeException r ? r : new java.util.concurrent.CompletionException(t);
        });
    }
}
