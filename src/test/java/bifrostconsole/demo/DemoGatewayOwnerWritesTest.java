package bifrostconsole.demo;

import bifrostconsole.api.Json;
import bifrostconsole.api.ListQuery;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.Team;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.testing.DemoGatewayExtension;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the team and customer forms rely on from the demo gateway's writes, seen through the client as the views
 * read it back: a team moved under another customer shows under it (in the team list's customer filter and in its
 * keys), a team's budget keeps its usage unless reset is asked, calendar alignment turned on snaps the usage,
 * a rate limit sent empty is removed, and the keys a team or customer lists are the ones the delete detaches.
 */
class DemoGatewayOwnerWritesTest {
    @RegisterExtension
    static final DemoGatewayExtension gateway = DemoGatewayExtension.withKeys(17, 300);

    private static <T> T get(java.util.concurrent.CompletableFuture<T> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    private static ObjectNode body() {
        return Json.mapper().createObjectNode();
    }

    @Test
    void aTeamMovedUnderAnotherCustomerIsListedThereAndItsKeysFollow(ManagementApiClient client) throws Exception {
        Team team = gateway.gateway().store().teams().stream().filter(t -> t.customerId() != null
                && t.virtualKeyCount() != null && t.virtualKeyCount() > 0).findFirst().orElseThrow();
        String other = gateway.gateway().store().customers().stream().map(c -> c.id())
                .filter(id -> !id.equals(team.customerId())).findFirst().orElseThrow();
        Team moved = get(client.updateTeam(team.id(), body().put("customer_id", other)));
        assertEquals(other, moved.customerId());
        List<Team> listed = get(client.listTeams(ListQuery.firstPage(100).withCustomerId(other))).items();
        assertTrue(listed.stream().anyMatch(t -> t.id().equals(team.id())), "the customer's team list has it");
        assertFalse(get(client.listTeams(ListQuery.firstPage(100).withCustomerId(team.customerId()))).items()
                .stream().anyMatch(t -> t.id().equals(team.id())), "and the old customer's does not");
        VirtualKey key = get(client.listVirtualKeys(VirtualKeyQuery.firstPage(1).withTeamId(team.id()))).items().get(0);
        assertEquals(other, key.team().customerId(), "its keys embed the team as it is now");

        Team standalone = get(client.updateTeam(team.id(), body().put("customer_id", "")));
        assertNull(standalone.customerId(), "an empty customer_id clears it");
    }

    @Test
    void aTeamBudgetKeepsItsUsageUnlessResetAndAlignmentSnapsIt(ManagementApiClient client) throws Exception {
        Team team = gateway.gateway().store().teams().stream().filter(t -> !t.calendarAligned()
                && t.budgets().stream().anyMatch(b -> b.currentUsage() > 0)).findFirst().orElseThrow();
        var budget = team.budgets().stream().filter(b -> b.currentUsage() > 0).findFirst().orElseThrow();
        var list = body().putArray("budgets");
        team.budgets().forEach(b -> list.addObject().put("id", b.id()).put("max_limit", b == budget ? 12345.0
                : b.maxLimit()).put("reset_duration", b.resetDuration()));
        ObjectNode change = body();
        change.set("budgets", list);
        Team kept = get(client.updateTeam(team.id(), change));
        var after = kept.budgets().stream().filter(b -> b.resetDuration().equals(budget.resetDuration()))
                .findFirst().orElseThrow();
        assertEquals(12345.0, after.maxLimit());
        assertEquals(budget.currentUsage(), after.currentUsage(), 1e-9, "a new limit keeps the usage");

        change.put("reset_budget_usage", true);
        Team reset = get(client.updateTeam(team.id(), change));
        assertTrue(reset.budgets().stream().allMatch(b -> b.currentUsage() == 0), "reset zeroes what was sent");

        Team emptied = get(client.updateTeam(team.id(), body().set("rate_limit", body())));
        assertNull(emptied.rateLimit(), "a rate limit sent with no limits is removed");
    }

    @Test
    void turningCalendarAlignmentOnSnapsTheUsageOfACustomer(ManagementApiClient client) throws Exception {
        var customer = gateway.gateway().store().customers().stream().filter(c -> c.budgets().stream()
                        .anyMatch(b -> b.currentUsage() > 0 && b.resetDuration().matches("\\d*[dwMY]")))
                .findFirst().orElseThrow(() -> new AssertionError("the seeded data has such a customer"));
        if (customer.calendarAligned()) {
            get(client.updateCustomer(customer.id(), body().put("calendar_aligned", false))); // off keeps the usage
        }
        var snapped = get(client.updateCustomer(customer.id(), body().put("calendar_aligned", true)));
        assertTrue(snapped.calendarAligned());
        assertTrue(snapped.budgets().stream().filter(b -> b.resetDuration().matches("\\d*[dwMY]"))
                .allMatch(b -> b.currentUsage() == 0), "day-or-longer windows start over at the period's start");
    }
}
