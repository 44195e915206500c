package bifrostconsole.testing;

import bifrostconsole.api.Customer;
import bifrostconsole.api.GovernanceSource;
import bifrostconsole.api.ListQuery;
import bifrostconsole.api.Page;
import bifrostconsole.api.Team;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A governance source that records every request and holds its answer until the test completes it, so a test
 * decides the order in which answers arrive (a late answer after a newer one, a cancelled one answered anyway).
 * Customers are answered at once with one customer, Acme (c1).
 */
public final class HeldAnswersSource implements GovernanceSource {
    public final List<VirtualKeyQuery> keyQueries = new ArrayList<>();
    public final List<CompletableFuture<Page<VirtualKey>>> keyAnswers = new ArrayList<>();
    public final List<String> detailIds = new ArrayList<>();
    public final List<CompletableFuture<VirtualKey>> detailAnswers = new ArrayList<>();
    public final List<ListQuery> teamQueries = new ArrayList<>();
    public final List<CompletableFuture<Page<Team>>> teamAnswers = new ArrayList<>();
    /** Like a server that answers although the request was cancelled: cancelling a held answer does nothing. */
    public boolean ignoreCancel;

    @Override
    public CompletableFuture<Page<VirtualKey>> listVirtualKeys(VirtualKeyQuery query) {
        keyQueries.add(query);
        CompletableFuture<Page<VirtualKey>> f = held();
        keyAnswers.add(f);
        return f;
    }

    @Override
    public CompletableFuture<VirtualKey> getVirtualKey(String id) {
        detailIds.add(id);
        CompletableFuture<VirtualKey> f = held();
        detailAnswers.add(f);
        return f;
    }

    @Override
    public CompletableFuture<Page<Team>> listTeams(ListQuery query) {
        teamQueries.add(query);
        CompletableFuture<Page<Team>> f = new CompletableFuture<>();
        teamAnswers.add(f);
        return f;
    }

    @Override
    public CompletableFuture<Page<Customer>> listCustomers(ListQuery query) {
        return CompletableFuture.completedFuture(Page.of(List.of(Customer.named("c1", "Acme")), 1, 1L, 50, 0));
    }

    @Override
    public String displayName() {
        return "held answers";
    }

    public VirtualKeyQuery lastQuery() {
        return keyQueries.get(keyQueries.size() - 1);
    }

    /** Answers the key list request at {@code index} with keys {@code from..from+count} of {@code total}. */
    public void answer(int index, int from, int count, long total, int limit) {
        keyAnswers.get(index).complete(new Page<>(TestKeys.keys(from, count), count, total, limit, from));
    }

    public void answerLast(int from, int count, long total, int limit) {
        answer(keyAnswers.size() - 1, from, count, total, limit);
    }

    private <T> CompletableFuture<T> held() {
        return ignoreCancel ? new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterrupt) {
                return false;
            }
        } : new CompletableFuture<>();
    }
}
