package bifrostconsole.customers;

import bifrostconsole.owners.OwnerDetailView;
import bifrostconsole.owners.OwnerDetails;
import bifrostconsole.tables.Cells;
import bifrostconsole.tables.PagedTable;
import bifrostconsole.tables.PagedTableView;
import bifrostconsole.ui.FxClipboardService;
import javafx.scene.layout.StackPane;

import java.util.List;

/**
 * The customer view: the customer table (name, budget use with bars, rate limits, number of teams and keys)
 * with the opened customer's details beside it. Loads its first page when built.
 */
public final class CustomersView extends StackPane {
    private final CustomersViewModel vm;
    private final PagedTableView<CustomerRow> browser;
    private OwnerDetailView detailView;

    public CustomersView(CustomersViewModel vm) {
        this.vm = vm;
        setId("customers-view");
        vm.detail().setClipboard(new FxClipboardService());
        PagedTable<CustomerRow> table = new PagedTable<>(vm.list(), "customer-table")
                .add(CustomerColumn.NAME, () -> new Cells.NameCell<>(CustomerRow::name, r -> "ID " + r.id(),
                        CustomerRow::exhausted, "Limit reached"))
                .add(CustomerColumn.BUDGET, () -> new Cells.UsageCell<>(CustomerRow::budgets, "No budget"))
                .add(CustomerColumn.RATE_LIMITS, () -> new Cells.UsageCell<>(CustomerRow::rateLimits, "No limits"))
                .add(CustomerColumn.TEAMS, () -> new Cells.TextCell<>(CustomerRow::teamsText,
                        r -> r.teamsText() + " belong to " + r.name() + "; open the customer to list them."))
                .add(CustomerColumn.KEYS, () -> new Cells.TextCell<>(CustomerRow::keysText,
                        r -> r.keysText() + " assigned to " + r.name() + " itself; open the customer to list them."));
        browser = new PagedTableView<>(vm.list(), table, List.of(CustomerColumn.values()),
                new PagedTableView.Texts("customer", "customers", "Search customer names (Ctrl+F)",
                        "Customers hold teams and keys under shared budgets and rate limits. The server lists them in "
                                + "the order they were created.",
                        "No customers yet", "Customers share budgets and rate limits among their teams and keys. "
                        + "Create one with New customer."));
        browser.setOnOpen(vm::open);
        browser.setOnCloseDetail(vm::closeDetail);
        getChildren().add(browser);
        vm.detail().shownProperty().addListener((o, a, shown) -> browser.showDetail(shown ? detailView() : null));
        if (vm.detail().shownProperty().get()) {
            browser.showDetail(detailView());
        }
    }

    private OwnerDetailView detailView() {
        if (detailView == null) {
            detailView = new OwnerDetailView(vm.detail(), new OwnerDetailView.Actions() {
                @Override
                public void previous() {
                    vm.list().selectPrevious();
                }

                @Override
                public void next() {
                    vm.list().selectNext();
                }

                @Override
                public void close() {
                    vm.closeDetail();
                }

                @Override
                public void edit() {
                }

                @Override
                public void delete() {
                }

                @Override
                public void openKey(OwnerDetails.Link key) {
                    vm.openKey(key);
                }

                @Override
                public void showAllKeys(OwnerDetails details) {
                    vm.showKeysOf(details);
                }

                @Override
                public void openTeam(OwnerDetails.Link team) {
                    vm.openTeam(team);
                }

                @Override
                public void openCustomer(OwnerDetails.Link customer) {
                    vm.show(customer.id(), customer.name());
                }
            });
        }
        return detailView;
    }

    public CustomersViewModel viewModel() {
        return vm;
    }

    public PagedTableView<CustomerRow> browser() {
        return browser;
    }
}
