package bifrostconsole.teams;

import bifrostconsole.api.GovernanceSource;
import bifrostconsole.api.Team;
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
 * The team view's state: the server-paged, searchable team table and the detail pane of the team opened in it
 * (its budgets, limits, keys and configuration). Links to keys and customers go through the {@link Navigator}.
 */
public final class TeamsViewModel {
    private final GovernanceSource source;
    private final Clock clock;
    private final Formats formats;
    private final PagedListViewModel<Team, TeamRow> list;
    private final OwnerDetailViewModel<Team> detail;
    private Navigator navigator = Navigator.NONE;

    public TeamsViewModel(GovernanceSource source, TableSettings settings, Executor uiExecutor, Scheduler scheduler,
                          Clock clock, Formats formats) {
        this.source = source;
        this.clock = clock;
        this.formats = formats;
        this.list = new PagedListViewModel<>("teams", source::listTeams, (t, now) -> TeamRow.of(t, formats, now),
                TeamRow::id, List.of(TeamColumn.values()), settings, uiExecutor, scheduler, clock, formats);
        this.detail = new OwnerDetailViewModel<>(OwnerDetails.Kind.TEAM, this::loadDetails, uiExecutor);
        // Stepping through the table with the details open shows each team in turn.
        list.selectedIndexProperty().addListener((o, a, b) -> {
            TeamRow row = list.selectedRow();
            if (row != null && detail.shownProperty().get()) {
                detail.open(row.id());
            }
        });
    }

    private CompletableFuture<OwnerDetailViewModel.Loaded<Team>> loadDetails(String id) {
        Instant now = clock.instant();
        return source.getTeam(id).thenCombine(
                source.listVirtualKeys(VirtualKeyQuery.firstPage(OwnerDetails.LISTED).withTeamId(id)),
                (team, keys) -> new OwnerDetailViewModel.Loaded<>(team, OwnerDetails.ofTeam(team, keys, formats, now)));
    }

    // ---- commands ---------------------------------------------------------------------------------------

    /** Opens a row's details (click or Enter). */
    public void open(TeamRow row) {
        detail.open(row.id());
    }

    /** Lands on one team from a link elsewhere: its row searched for and selected, its details open. */
    public void show(String teamId, String teamName) {
        list.show(teamName, teamId);
        detail.open(teamId);
    }

    public void closeDetail() {
        detail.close();
    }

    public void openKey(OwnerDetails.Link key) {
        navigator.showKey(key.id(), key.name());
    }

    public void showKeysOf(OwnerDetails details) {
        navigator.showKeysOfTeam(details.id(), details.name());
    }

    public void openCustomer(OwnerDetails.Link customer) {
        navigator.showCustomer(customer.id(), customer.name());
    }

    /** Stops for good (the workspace closed). */
    public void close() {
        list.close();
        detail.close();
    }

    public void setNavigator(Navigator navigator) {
        this.navigator = navigator;
    }

    // ---- properties -------------------------------------------------------------------------------------

    public PagedListViewModel<Team, TeamRow> list() {
        return list;
    }

    public OwnerDetailViewModel<Team> detail() {
        return detail;
    }

    public Formats formats() {
        return formats;
    }
}
