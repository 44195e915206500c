package bifrostconsole.headroom;

import bifrostconsole.api.Customer;
import bifrostconsole.api.GovernanceSource;
import bifrostconsole.api.ListQuery;
import bifrostconsole.api.Page;
import bifrostconsole.api.Team;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Every team and every customer of a gateway, read page by page (100 a request, the lists' cap), for the
 * headroom of keys whose embedded team or customer lacks budgets, and for a team's customer, which a key never
 * embeds.
 */
public record OwnerLists(List<Team> teams, List<Customer> customers) {
    static final int PAGE = 100;

    public OwnerLists {
        teams = List.copyOf(teams);
        customers = List.copyOf(customers);
    }

    public Owners owners() {
        return Owners.of(teams, customers);
    }

    /** Both lists, fetched one after the other; cancelling the future stops the request in flight. */
    public static CompletableFuture<OwnerLists> load(GovernanceSource source) {
        CompletableFuture<OwnerLists> result = new CompletableFuture<>();
        CompletableFuture<List<Team>> teams = all(source::listTeams, result);
        teams.thenCompose(t -> all(source::listCustomers, result).thenApply(c -> new OwnerLists(t, c)))
                .whenComplete((lists, failure) -> {
                    if (failure != null) {
                        result.completeExceptionally(failure);
                    } else {
                        result.complete(lists);
                    }
                });
        return result;
    }

    private static <T> CompletableFuture<List<T>> all(Function<ListQuery, CompletableFuture<Page<T>>> list,
                                                      CompletableFuture<?> whole) {
        List<T> items = new ArrayList<>();
        return next(list, whole, items, 0);
    }

    private static <T> CompletableFuture<List<T>> next(Function<ListQuery, CompletableFuture<Page<T>>> list,
                                                       CompletableFuture<?> whole, List<T> items, int offset) {
        if (whole.isDone()) {
            return CompletableFuture.failedFuture(new java.util.concurrent.CancellationException());
        }
        CompletableFuture<Page<T>> page = list.apply(ListQuery.firstPage(PAGE).withOffset(offset));
        whole.whenComplete((v, f) -> page.cancel(true)); // a cancelled load aborts the page in flight
        return page.thenCompose(p -> {
            items.addAll(p.items());
            int seen = offset + p.items().size();
            return p.items().isEmpty() || seen >= p.totalCount() ? CompletableFuture.completedFuture(items)
                    : next(list, whole, items, seen);
        });
    }
}
