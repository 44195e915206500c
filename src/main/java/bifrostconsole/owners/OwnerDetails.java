package bifrostconsole.owners;

import bifrostconsole.api.Budget;
import bifrostconsole.api.Customer;
import bifrostconsole.api.KeyStatus;
import bifrostconsole.api.Page;
import bifrostconsole.api.RateLimit;
import bifrostconsole.api.Team;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.keydetail.KeyDetails.Field;
import bifrostconsole.ui.Formats;
import bifrostconsole.ui.UsageLine;
import bifrostconsole.ui.UsageLines;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the detail pane shows about a team or a customer, as texts and usage lines computed off the FX
 * thread: its budgets and rate limit with bars, reset countdowns and the burn-rate forecast, its keys (the first
 * page, and how many there are), a customer's teams, a team's customer, and its configuration.
 *
 * @param keyCount  how many keys belong to it (the server's total, also when only the first page is listed)
 * @param teamCount for a customer, how many teams it has; 0 for a team
 */
public record OwnerDetails(Kind kind, String id, String name, Link parent, List<Field> configuration,
                           List<UsageLine> budgets, List<UsageLine> rateLimits, boolean exhausted, List<Link> keys,
                           long keyCount, List<Link> teams, long teamCount) {

    public enum Kind {
        TEAM("Team", "team"), CUSTOMER("Customer", "customer");

        private final String title;
        private final String noun;

        Kind(String title, String noun) {
            this.title = title;
            this.noun = noun;
        }

        public String title() {
            return title;
        }

        public String noun() {
            return noun;
        }
    }

    /** Something the pane links to: a key, a team or a customer, with a line about it. */
    public record Link(String id, String name, String detail) {
    }

    /** How many keys and teams the pane lists by name; the rest are a link to the filtered key table. */
    public static final int LISTED = 25;

    private static final String NONE = "\u2014";

    public static OwnerDetails ofTeam(Team team, Page<VirtualKey> keys, Formats formats, Instant now) {
        UsageLines usage = new UsageLines(formats, now);
        Customer customer = team.customer();
        Link parent = customer != null || team.customerId() != null
                ? new Link(customer != null ? customer.id() : team.customerId(),
                customer != null && customer.name() != null ? customer.name() : team.customerId(),
                "Its budgets and limits apply on top of the team's.")
                : null;
        List<Field> config = new ArrayList<>();
        config.add(new Field("ID", team.id(), "The team's id in the management API."));
        config.add(Field.of("Customer", parent == null ? "None" : parent.name()));
        common(config, team.calendarAligned(), team.configHash(), team.createdAt(), team.updatedAt(), formats, now);
        if (team.sourceId() != null && !team.sourceId().isBlank()) {
            config.add(new Field("Synced from", team.sourceId(), "The team comes from SCIM provisioning."));
        }
        return new OwnerDetails(Kind.TEAM, team.id(), team.name(), parent, List.copyOf(config),
                usage.budgets(team.allBudgets(), team.calendarAligned()),
                usage.rateLimit(team.rateLimit(), team.calendarAligned()),
                exhausted(team.allBudgets(), team.rateLimit()), keyLinks(keys, formats, now, usage),
                keys.totalCount(), List.of(), 0);
    }

    public static OwnerDetails ofCustomer(Customer customer, Page<VirtualKey> keys, Page<Team> teams, Formats formats,
                                          Instant now) {
        UsageLines usage = new UsageLines(formats, now);
        List<Field> config = new ArrayList<>();
        config.add(new Field("ID", customer.id(), "The customer's id in the management API."));
        common(config, customer.calendarAligned(), customer.configHash(), customer.createdAt(), customer.updatedAt(),
                formats, now);
        List<Link> teamLinks = new ArrayList<>();
        for (Team t : teams.items()) {
            String limits = t.allBudgets().isEmpty() ? "no budget of its own"
                    : usage.budget(t.allBudgets().get(0), t.calendarAligned()).compactText();
            teamLinks.add(new Link(t.id(), t.name(), keyCount(t.virtualKeyCount(), formats) + " \u00b7 " + limits));
        }
        return new OwnerDetails(Kind.CUSTOMER, customer.id(), customer.name(), null, List.copyOf(config),
                usage.budgets(customer.allBudgets(), customer.calendarAligned()),
                usage.rateLimit(customer.rateLimit(), customer.calendarAligned()),
                exhausted(customer.allBudgets(), customer.rateLimit()), keyLinks(keys, formats, now, usage),
                keys.totalCount(), List.copyOf(teamLinks), teams.totalCount());
    }

    private static void common(List<Field> config, boolean calendarAligned, String configHash, Instant created,
                               Instant updated, Formats formats, Instant now) {
        config.add(new Field("Calendar alignment", calendarAligned
                ? "On: day, week, month and year windows reset at UTC midnight, on Mondays, on the 1st and on 1 January"
                : "Off: each window rolls from its own last reset",
                "Whether budgets and limits of a day or longer reset on calendar boundaries (UTC)."));
        config.add(Field.of("Created", when(created, formats, now)));
        config.add(Field.of("Updated", when(updated, formats, now)));
        config.add(new Field("Config hash", configHash == null || configHash.isBlank()
                ? NONE + " (created through the API or dashboard)"
                : configHash + " (defined in config.json: edits may be overwritten by the next sync)",
                "Set when it comes from the gateway's config.json."));
    }

    private static List<Link> keyLinks(Page<VirtualKey> keys, Formats formats, Instant now, UsageLines usage) {
        List<Link> links = new ArrayList<>();
        for (VirtualKey k : keys.items()) {
            KeyStatus status = KeyStatus.of(k, now);
            String budget = k.budgets().isEmpty() ? "no budget"
                    : usage.budget(k.budgets().get(0), k.calendarAligned()).compactText();
            links.add(new Link(k.id(), k.name(), status.label() + " \u00b7 " + budget));
        }
        return List.copyOf(links);
    }

    static boolean exhausted(List<Budget> budgets, RateLimit rateLimit) {
        return budgets.stream().anyMatch(Budget::exhausted) || rateLimit != null && rateLimit.exhausted();
    }

    static String keyCount(Integer n, Formats formats) {
        int count = n == null ? 0 : n;
        return formats.count(count) + (count == 1 ? " key" : " keys");
    }

    private static String when(Instant t, Formats formats, Instant now) {
        return t == null ? NONE : formats.dateTime(t) + " (" + formats.relative(t, now) + ")";
    }
}
