package bifrostconsole.owners;

import bifrostconsole.api.Customer;
import bifrostconsole.api.GovernanceSource;
import bifrostconsole.api.ListQuery;
import bifrostconsole.api.Team;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.changes.KeySelection;
import bifrostconsole.usage.UsageViewModel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The keys whose traffic counts towards a team's or a customer's budgets, for its Usage tab: a team's keys; a
 * customer's own keys and the keys of each of its teams (Bifrost charges a team's keys to the team's customer
 * too). Read afresh, every page, each time the tab loads, so a key moved meanwhile is counted where it is now.
 */
public final class OwnerKeys {
    private static final int TEAM_PAGE = 100;

    private OwnerKeys() {
    }

    /** The Usage tab's subject for a team: its keys' traffic, against its longest budget. */
    public static UsageViewModel.Subject usageOf(GovernanceSource source, Team team) {
        return UsageViewModel.Subject.ofKeys("team:" + team.id(), () -> ofTeam(source, team.id()),
                "No key belongs to " + team.name() + ", so no traffic counts towards its budgets: there is no usage"
                        + " to chart.", UsageViewModel.longestBudget(team.allBudgets()), team.calendarAligned());
    }

    /** The Usage tab's subject for a customer: the traffic of its keys and its teams' keys. */
    public static UsageViewModel.Subject usageOf(GovernanceSource source, Customer customer) {
        return UsageViewModel.Subject.ofKeys("customer:" + customer.id(), () -> ofCustomer(source, customer.id()),
                "No key belongs to " + customer.name() + " or its teams, so no traffic counts towards its budgets:"
                        + " there is no usage to chart.", UsageViewModel.longestBudget(customer.allBudgets()),
                customer.calendarAligned());
    }

    public static CompletableFuture<List<String>> ofTeam(GovernanceSource source, String teamId) {
        return KeySelection.allMatching(source, VirtualKeyQuery.all().withTeamId(teamId))
                .thenApply(keys -> keys.stream().map(VirtualKey::id).toList());
    }

    public static CompletableFuture<List<String>> ofCustomer(GovernanceSource source, String customerId) {
        CompletableFuture<List<String>> own = KeySelection.allMatching(source,
                VirtualKeyQuery.all().withCustomerId(customerId)).thenApply(keys -> keys.stream().map(VirtualKey::id)
                .toList());
        CompletableFuture<List<String>> ofTeams = teams(source, customerId, 0, new ArrayList<>()).thenCompose(teams -> {
            List<CompletableFuture<List<String>>> each = teams.stream().map(t -> ofTeam(source, t.id())).toList();
            return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                    .thenApply(done -> each.stream().flatMap(f -> f.join().stream()).toList());
        });
        return own.thenCombine(ofTeams, (a, b) -> {
            Set<String> ids = new LinkedHashSet<>(a);
            ids.addAll(b);
            return List.copyOf(ids);
        });
    }

    private static CompletableFuture<List<Team>> teams(GovernanceSource source, String customerId, int offset,
                                                       List<Team> found) {
        return source.listTeams(ListQuery.firstPage(TEAM_PAGE).withOffset(offset).withCustomerId(customerId))
                .thenCompose(page -> {
                    found.addAll(page.items());
                    int next = offset + page.items().size();
                    return page.items().isEmpty() || next >= page.totalCount()
                            ? CompletableFuture.completedFuture(found) : teams(source, customerId, next, found);
                });
    }
}
