package bifrostconsole.teams;

import bifrostconsole.messages.DisplayText;
import bifrostconsole.api.Budget;
import bifrostconsole.api.Team;
import bifrostconsole.ui.Formats;
import bifrostconsole.ui.UsageLine;
import bifrostconsole.ui.UsageLines;

import java.time.Instant;
import java.util.List;

/** One row of the team table, with every text its cells draw computed once, off the FX thread. */
public record TeamRow(Team team, String customerText, String customerTooltip, List<UsageLine> budgets,
                      List<UsageLine> rateLimits, String keysText, boolean exhausted) {

    public String id() {
        return team.id();
    }

    public String name() {
        return team.name();
    }

    public static TeamRow of(Team team, Formats formats, Instant now) {
        UsageLines usage = new UsageLines(formats, now);
        String customer = team.customer() != null && team.customer().name() != null ? team.customer().name()
                : team.customerId();
        int keys = team.virtualKeyCount() == null ? 0 : team.virtualKeyCount();
        boolean exhausted = team.allBudgets().stream().anyMatch(Budget::exhausted)
                || team.rateLimit() != null && team.rateLimit().exhausted();
        return new TeamRow(team, customer == null ? "\u2014" : customer,
                customer == null ? "Not under a customer." : "Under customer " + DisplayText.inline(customer)
                        + "; its budgets and limits apply on top of the team's.",
                usage.budgets(team.allBudgets(), team.calendarAligned()),
                usage.rateLimit(team.rateLimit(), team.calendarAligned()),
                formats.count(keys) + (keys == 1 ? " key" : " keys"), exhausted);
    }
}
