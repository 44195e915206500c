package bifrostconsole.teams;

import bifrostconsole.api.Team;
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
 * The team view's state: the server-paged, searchable team table, the detail pane of the team opened in it (its
 * budgets, limits, keys and configuration) and the team forms, as {@link OwnerListViewModel} has them for teams and
 * customers alike.
 */
public final class TeamsViewModel {
    private final OwnerListViewModel<Team, TeamRow> owners;
    private final OwnerListViewModel.Writes writes;
    private final Clock clock;

    public TeamsViewModel(OwnerListViewModel.Writes writes, TableSettings settings, Clock clock) {
        this.writes = writes;
        this.clock = clock;
        PagedListViewModel<Team, TeamRow> list = new PagedListViewModel<>("teams", writes.source()::listTeams,
                (t, now) -> TeamRow.of(t, writes.formats(), now), TeamRow::id, TeamColumn.ALL, settings,
                writes.uiExecutor(), writes.scheduler(), clock, writes.formats());
        this.owners = new OwnerListViewModel<>(OwnerChanges.Kind.TEAM, list, TeamRow::id, this::loadDetails,
                loaded -> OwnerKeys.usageOf(writes.source(), loaded.item()), writes, clock);
    }

    /** The team and the first page of its keys, with their texts. */
    private CompletableFuture<OwnerDetailViewModel.Loaded<Team>> loadDetails(String id) {
        Instant now = clock.instant();
        var keys = writes.source().listVirtualKeys(VirtualKeyQuery.firstPage(OwnerDetails.LISTED).withTeamId(id));
        return writes.source().getTeam(id).thenCombine(keys, (team, k) ->
                new OwnerDetailViewModel.Loaded<>(team, OwnerDetails.ofTeam(team, k, writes.formats(), now)));
    }

    public OwnerListViewModel<Team, TeamRow> owners() {
        return owners;
    }

    public PagedListViewModel<Team, TeamRow> list() {
        return owners.list();
    }

    public OwnerDetailViewModel<Team> detail() {
        return owners.detail();
    }
}
