package bifrostconsole.customers;

import bifrostconsole.api.Customer;
import bifrostconsole.api.ListQuery;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.changes.OwnerChanges;
import bifrostconsole.owners.OwnerDetailViewModel;
import bifrostconsole.owners.OwnerDetails;
import bifrostconsole.owners.OwnerKeys;
import bifrostconsole.owners.OwnerListViewModel;
import bifrostconsole.tables.PagedListViewModel;
import bifrostconsole.tables.TableSettings;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The customer view's state: the server-paged, searchable customer table, the detail pane of the customer opened
 * in it (its budgets, limits, teams, keys and configuration) and the customer forms, as {@link OwnerListViewModel}
 * has them for teams and customers alike.
 */
public final class CustomersViewModel {
    private final OwnerListViewModel<Customer, CustomerRow> owners;
    private final OwnerListViewModel.Writes writes;
    private final Clock clock;

    public CustomersViewModel(OwnerListViewModel.Writes writes, TableSettings settings, Clock clock) {
        this.writes = writes;
        this.clock = clock;
        PagedListViewModel<Customer, CustomerRow> list = new PagedListViewModel<>("customers",
                writes.source()::listCustomers, (c, now) -> CustomerRow.of(c, writes.formats(), now), CustomerRow::id,
                CustomerColumn.ALL, settings, writes.uiExecutor(), writes.scheduler(), clock,
                writes.formats());
        this.owners = new OwnerListViewModel<>(OwnerChanges.Kind.CUSTOMER, list, CustomerRow::id, this::loadDetails,
                loaded -> OwnerKeys.usageOf(writes.source(), loaded.item()), writes, clock);
    }

    /** The customer, the first page of its own keys and of its teams, with their texts. */
    private CompletableFuture<OwnerDetailViewModel.Loaded<Customer>> loadDetails(String id) {
        Instant now = clock.instant();
        var keys = writes.source().listVirtualKeys(VirtualKeyQuery.firstPage(OwnerDetails.LISTED).withCustomerId(id));
        var teams = writes.source().listTeams(ListQuery.firstPage(OwnerDetails.LISTED).withCustomerId(id));
        return writes.source().getCustomer(id).thenCompose(customer -> keys.thenCombine(teams, (k, t) ->
                new OwnerDetailViewModel.Loaded<>(customer,
                        OwnerDetails.ofCustomer(customer, k, t, writes.formats(), now))));
    }

    public OwnerListViewModel<Customer, CustomerRow> owners() {
        return owners;
    }

    public PagedListViewModel<Customer, CustomerRow> list() {
        return owners.list();
    }

    public OwnerDetailViewModel<Customer> detail() {
        return owners.detail();
    }
}
