package bifrostconsole.teams;

import bifrostconsole.owners.OwnerDetailView;
import bifrostconsole.owners.OwnerDetails;
import bifrostconsole.tables.Cells;
import bifrostconsole.tables.PagedTable;
import bifrostconsole.tables.PagedTableView;
import bifrostconsole.ui.FxClipboardService;
import javafx.scene.layout.StackPane;

import java.util.List;

/**
 * The team view: the team table (name, customer, budget use with bars, rate limits, number of keys) with the
 * opened team's details beside it. Loads its first page when built.
 */
public final class TeamsView extends StackPane {
    private final TeamsViewModel vm;
    private final PagedTableView<TeamRow> browser;
    private OwnerDetailView detailView;

    public TeamsView(TeamsViewModel vm) {
        this.vm = vm;
        setId("teams-view");
        vm.detail().setClipboard(new FxClipboardService());
        PagedTable<TeamRow> table = new PagedTable<>(vm.list(), "team-table")
                .add(TeamColumn.NAME, () -> new Cells.NameCell<>(TeamRow::name, r -> "ID " + r.id(),
                        TeamRow::exhausted, "Limit reached"))
                .add(TeamColumn.CUSTOMER, () -> new Cells.TextCell<>(TeamRow::customerText, TeamRow::customerTooltip))
                .add(TeamColumn.BUDGET, () -> new Cells.UsageCell<>(TeamRow::budgets, "No budget"))
                .add(TeamColumn.RATE_LIMITS, () -> new Cells.UsageCell<>(TeamRow::rateLimits, "No limits"))
                .add(TeamColumn.KEYS, () -> new Cells.TextCell<>(TeamRow::keysText,
                        r -> r.keysText() + " belong to " + r.name() + "; open the team to list them."));
        browser = new PagedTableView<>(vm.list(), table, List.of(TeamColumn.values()),
                new PagedTableView.Texts("team", "teams", "Search team names (Ctrl+F)",
                        "Teams group keys under shared budgets and rate limits. The server lists them in the order "
                                + "they were created.",
                        "No teams yet", "Teams share budgets and rate limits among their keys. Create one with New "
                        + "team."));
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
                    vm.show(team.id(), team.name());
                }

                @Override
                public void openCustomer(OwnerDetails.Link customer) {
                    vm.openCustomer(customer);
                }
            });
        }
        return detailView;
    }

    public TeamsViewModel viewModel() {
        return vm;
    }

    public PagedTableView<TeamRow> browser() {
        return browser;
    }
}
