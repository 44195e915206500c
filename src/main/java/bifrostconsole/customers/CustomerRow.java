package bifrostconsole.customers;

import bifrostconsole.api.Budget;
import bifrostconsole.api.Customer;
import bifrostconsole.ui.Formats;
import bifrostconsole.ui.UsageLine;
import bifrostconsole.ui.UsageLines;

import java.time.Instant;
import java.util.List;

/** One row of the customer table, with every text its cells draw computed once, off the FX thread. */
public record CustomerRow(Customer customer, List<UsageLine> budgets, List<UsageLine> rateLimits, String teamsText,
                          String keysText, boolean exhausted) {

    public String id() {
        return customer.id();
    }

    public String name() {
        return customer.name();
    }

    public static CustomerRow of(Customer customer, Formats formats, Instant now) {
        UsageLines usage = new UsageLines(formats, now);
        int teams = customer.teams().size();
        int keys = customer.virtualKeyCount() == null ? 0 : customer.virtualKeyCount();
        boolean exhausted = customer.allBudgets().stream().anyMatch(Budget::exhausted)
                || customer.rateLimit() != null && customer.rateLimit().exhausted();
        return new CustomerRow(customer, usage.budgets(customer.allBudgets(), customer.calendarAligned()),
                usage.rateLimit(customer.rateLimit(), customer.calendarAligned()),
                formats.count(teams) + (teams == 1 ? " team" : " teams"),
                formats.count(keys) + (keys == 1 ? " key" : " keys"), exhausted);
    }
}
