package bifrostconsole.store;

import bifrostconsole.api.ApiException;
import bifrostconsole.api.Customer;
import bifrostconsole.api.GovernanceSource;
import bifrostconsole.api.ListQuery;
import bifrostconsole.api.Page;
import bifrostconsole.api.Team;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A {@link GovernanceSource} answered in-process by a {@link GovernanceStore}, with no HTTP: for snapshot files
 * opened read-only ({@code live} false) and for tests of view-models. Queries go through the same code as the
 * demo gateway, so paging, filters and sorting behave exactly as against a server. Futures are already complete.
 */
public final class StoreGovernanceSource implements GovernanceSource {

    private final GovernanceStore store;
    private final String displayName;
    private final boolean live;

    public StoreGovernanceSource(GovernanceStore store, String displayName, boolean live) {
        this.store = store;
        this.displayName = displayName;
        this.live = live;
    }

    /** A read-only source, e.g. over a snapshot file named {@code displayName}. */
    public static StoreGovernanceSource snapshot(GovernanceStore store, String displayName) {
        return new StoreGovernanceSource(store, displayName, false);
    }

    public GovernanceStore store() {
        return store;
    }

    @Override
    public CompletableFuture<Page<VirtualKey>> listVirtualKeys(VirtualKeyQuery query) {
        return answer(() -> store.listVirtualKeys(GovernanceStore.parseQuery(query.toQueryString())));
    }

    @Override
    public CompletableFuture<VirtualKey> getVirtualKey(String id) {
        return found(store.virtualKey(id), "virtual key", id);
    }

    @Override
    public CompletableFuture<Page<Team>> listTeams(ListQuery query) {
        return answer(() -> store.listTeams(GovernanceStore.parseQuery(query.toQueryString())));
    }

    @Override
    public CompletableFuture<Page<Customer>> listCustomers(ListQuery query) {
        return answer(() -> store.listCustomers(GovernanceStore.parseQuery(query.toQueryString())));
    }

    @Override
    public CompletableFuture<Team> getTeam(String id) {
        return found(store.team(id), "team", id);
    }

    @Override
    public CompletableFuture<Customer> getCustomer(String id) {
        return found(store.customer(id), "customer", id);
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public boolean live() {
        return live;
    }

    private <T> CompletableFuture<T> answer(Supplier<T> query) {
        try {
            return CompletableFuture.completedFuture(query.get());
        } catch (GovernanceStore.QueryException e) {
            return CompletableFuture.failedFuture(new ApiException(ApiException.Kind.BAD_REQUEST, e.status(),
                    displayName, displayName + " cannot answer this query (" + e.getMessage()
                    + "): correct the search, filter or page and try again.", e.getMessage(), null));
        }
    }

    private <T> CompletableFuture<T> found(Optional<T> item, String what, String id) {
        return item.map(CompletableFuture::completedFuture).orElseGet(() -> CompletableFuture.failedFuture(
                new ApiException(ApiException.Kind.NOT_FOUND, 404, displayName, displayName + " has no " + what
                        + " with id " + id + ": refresh the list.", null, null)));
    }
}
