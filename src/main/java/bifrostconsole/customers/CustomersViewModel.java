package bifrostconsole.customers;

import bifrostconsole.api.Customer;
import bifrostconsole.api.GovernanceSource;
import bifrostconsole.api.ListQuery;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.owners.OwnerDetailViewModel;
import bifrostconsole.owners.OwnerDetails;
import bifrostconsole.service.Scheduler;
import bifrostconsole.tables.PagedListViewModel;
import bifrostconsole.tables.TableSettings;
import bifrostconsole.ui.Formats;
import bifrostconsole.ui.Navigator;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The customer view's state: the server-paged, searchable customer table and the detail pane of the customer
 * opened in it (its budgets, limits, teams, keys and configuration). Links go through the {@link Navigator}.
 */
public final class CustomersViewModel {
    private final GovernanceSource source;
    private final Clock clock;
    private final Formats formats;
    private final PagedListViewModel<Customer, CustomerRow> list;
    private final OwnerDetailViewModel<Customer> detail;
    private Navigator navigator = Navigator.NONE;

    public CustomersViewModel(GovernanceSource source, TableSettings settings, Executor uiExecutor,
                              Scheduler scheduler, Clock clock, Formats formats) {
        this.source = source;
        this.clock = clock;
        this.formats = formats;
        this.list = new PagedListViewModel<>("customers", source::listCustomers,
                (c, now) -> CustomerRow.of(c, formats, now), CustomerRow::id, List.of(CustomerColumn.values()),
                settings, uiExecutor, scheduler, clock, formats);
        this.detail = new OwnerDetailViewModel<>(OwnerDetails.Kind.CUSTOMER, this::loadDetails, uiExecutor);
        list.selectedIndexProperty().addListener((o, a, b) -> {
            CustomerRow row = list.selectedRow();
            if (row != null && detail.shownProperty().get()) {
                detail.open(row.id());
            }
        });
    }

    private CompletableFuture<OwnerDetailViewModel.Loaded<Customer>> loadDetails(String id) {
        Instant now = clock.instant();
        var keys = source.listVirtualKeys(VirtualKeyQuery.firstPage(OwnerDetails.LISTED).withCustomerId(id));
        var teams = source.listTeams(ListQuery.firstPage(OwnerDetails.LISTED).withCustomerId(id));
        return source.getCustomer(id).thenCompose(customer -> keys.thenCombine(teams,
                (k, t) -> new OwnerDetailViewModel.Loaded<>(customer,
                        OwnerDetails.ofCustomer(customer, k, t, formats, now))));
    }

    // ---- commands ---------------------------------------------------------------------------------------

    public void open(CustomerRow row) {
        detail.open(row.id());
    }

    /** Lands on one customer from a link elsewhere: its row searched for and selected, its details open. */
    public void show(String customerId, String customerName) {
        list.show(customerName, customerId);
        detail.open(customerId);
    }

    public void closeDetail() {
        detail.close();
    }

    public void openKey(OwnerDetails.Link key) {
        navigator.showKey(key.id(), key.name());
    }

    public void showKeysOf(OwnerDetails details) {
        navigator.showKeysOfCustomer(details.id(), details.name());
    }

    public void openTeam(OwnerDetails.Link team) {
        navigator.showTeam(team.id(), team.name());
    }

    public void close() {
        list.close();
        detail.close();
    }

    public void setNavigator(Navigator navigator) {
        this.navigator = navigator;
    }

    public PagedListViewModel<Customer, CustomerRow> list() {
        return list;
    }

    public OwnerDetailViewModel<Customer> detail() {
        return detail;
    }

    public Formats formats() {
        return formats;
    }
}
