package bifrostconsole.customers;

import bifrostconsole.messages.DisplayText;
import bifrostconsole.owners.OwnerListView;
import bifrostconsole.tables.Cells;
import bifrostconsole.tables.PagedTable;
import bifrostconsole.tables.PagedTableView;
import bifrostconsole.ui.WindowService;
import javafx.scene.layout.StackPane;

import java.util.List;

/**
 * The customer view: the customer table (name, budget use with bars, rate limits, number of teams and keys) with
 * the opened customer's details beside it, and the customer forms. Loads its first page when built.
 */
public final class CustomersView extends StackPane {
    private final CustomersViewModel vm;
    private final OwnerListView<CustomerRow> view;

    public CustomersView(CustomersViewModel vm, WindowService windows) {
        this.vm = vm;
        PagedTable<CustomerRow> table = new PagedTable<>(vm.list(), "customer-table")
                .add(CustomerColumn.NAME, () -> new Cells.NameCell<>(CustomerRow::name, r -> "ID " + r.id(),
                        CustomerRow::exhausted, "Limit reached"))
                .add(CustomerColumn.BUDGET, () -> new Cells.UsageCell<>(CustomerRow::budgets, "No budget"))
                .add(CustomerColumn.RATE_LIMITS, () -> new Cells.UsageCell<>(CustomerRow::rateLimits, "No limits"))
                .add(CustomerColumn.TEAMS, () -> new Cells.TextCell<>(CustomerRow::teamsText,
                        r -> r.teamsText() + " belong to " + DisplayText.inline(r.name()) + "; open the customer to list them."))
                .add(CustomerColumn.KEYS, () -> new Cells.TextCell<>(CustomerRow::keysText,
                        r -> r.keysText() + " assigned to " + DisplayText.inline(r.name()) + " itself; open the customer to list them."));
        view = new OwnerListView<>(vm.owners(), table, CustomerColumn.ALL,
                new PagedTableView.Texts("customer", "customers", "Search customers (Ctrl+F)",
                        "Customers hold teams and keys under shared budgets and rate limits. The server lists them in "
                                + "the order they were created. New customer: Ctrl+N; edit the one open: Ctrl+E.",
                        "No customers yet", "Customers share budgets and rate limits among their teams and keys. "
                        + "Create one with New customer."), windows);
        getChildren().add(view);
    }

    public CustomersViewModel viewModel() {
        return vm;
    }

    public PagedTableView<CustomerRow> browser() {
        return view.browser();
    }
}
