package bifrostconsole.teams;

import bifrostconsole.messages.DisplayText;
import bifrostconsole.owners.OwnerListView;
import bifrostconsole.tables.Cells;
import bifrostconsole.tables.PagedTable;
import bifrostconsole.tables.PagedTableView;
import bifrostconsole.ui.WindowService;
import javafx.scene.layout.StackPane;

import java.util.List;

/**
 * The team view: the team table (name, customer, budget use with bars, rate limits, number of keys) with the
 * opened team's details beside it, and the team forms. Loads its first page when built.
 */
public final class TeamsView extends StackPane {
    private final TeamsViewModel vm;
    private final OwnerListView<TeamRow> view;

    public TeamsView(TeamsViewModel vm, WindowService windows) {
        this.vm = vm;
        PagedTable<TeamRow> table = new PagedTable<>(vm.list(), "team-table")
                .add(TeamColumn.NAME, () -> new Cells.NameCell<>(TeamRow::name, r -> "ID " + r.id(),
                        TeamRow::exhausted, "Limit reached"))
                .add(TeamColumn.CUSTOMER, () -> new Cells.TextCell<>(TeamRow::customerText, TeamRow::customerTooltip))
                .add(TeamColumn.BUDGET, () -> new Cells.UsageCell<>(TeamRow::budgets, "No budget"))
                .add(TeamColumn.RATE_LIMITS, () -> new Cells.UsageCell<>(TeamRow::rateLimits, "No limits"))
                .add(TeamColumn.KEYS, () -> new Cells.TextCell<>(TeamRow::keysText,
                        r -> r.keysText() + " belong to " + DisplayText.inline(r.name()) + "; open the team to list them."));
        view = new OwnerListView<>(vm.owners(), table, TeamColumn.ALL,
                new PagedTableView.Texts("team", "teams", "Search teams (Ctrl+F)",
                        "Teams group keys under shared budgets and rate limits. The server lists them in the order "
                                + "they were created. New team: Ctrl+N; edit the one open: Ctrl+E or a double-click.",
                        "No teams yet", "Teams share budgets and rate limits among their keys. Create one with New "
                        + "team."), windows);
        getChildren().add(view);
    }

    public TeamsViewModel viewModel() {
        return vm;
    }

    public PagedTableView<TeamRow> browser() {
        return view.browser();
    }
}
