package bifrostconsole.usage;

import bifrostconsole.api.Budget;
import bifrostconsole.api.Customer;
import bifrostconsole.api.GovernanceSource;
import bifrostconsole.api.ListQuery;
import bifrostconsole.api.LogsAnswer;
import bifrostconsole.api.LogsQuery;
import bifrostconsole.api.Page;
import bifrostconsole.api.Team;
import bifrostconsole.api.UsageHistory;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.ui.Formats;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsageViewModelTest {
    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    /** Only the logs matter here: every request is recorded and answered by the test. */
    static final class LogsOnly implements GovernanceSource {
        final List<LogsQuery> queries = new ArrayList<>();
        final List<CompletableFuture<LogsAnswer<UsageHistory>>> answers = new ArrayList<>();
        /** How many of {@link #queries} asked for the cost alone. */
        int costOnly;

        @Override
        public CompletableFuture<LogsAnswer<UsageHistory>> costHistory(LogsQuery query) {
            costOnly++;
            return usageHistory(query);
        }

        @Override
        public CompletableFuture<LogsAnswer<UsageHistory>> usageHistory(LogsQuery query) {
            queries.add(query);
            CompletableFuture<LogsAnswer<UsageHistory>> f = new CompletableFuture<>();
            answers.add(f);
            return f;
        }

        @Override
        public CompletableFuture<Page<VirtualKey>> listVirtualKeys(VirtualKeyQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<VirtualKey> getVirtualKey(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<Page<Team>> listTeams(ListQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<Page<Customer>> listCustomers(ListQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String displayName() {
            return "gw.test";
        }
    }

    private final LogsOnly source = new LogsOnly();
    private final UsageViewModel vm = new UsageViewModel(source, Runnable::run, Clock.fixed(NOW, ZoneOffset.UTC),
            new Formats(Locale.US, ZoneOffset.UTC));

    /** Daily buckets of $10, Sunday 22 to Thursday 26 November. */
    static UsageHistory fiveDays() {
        List<UsageHistory.Bucket> buckets = new ArrayList<>();
        for (int d = 5; d >= 1; d--) {
            buckets.add(new UsageHistory.Bucket(Instant.parse("2026-11-26T00:00:00Z").minus(Duration.ofDays(d - 1)),
                    10, 1000, 4, 0));
        }
        return new UsageHistory(86_400, buckets);
    }

    @Test
    void asksOnlyWhileShownThenForTheKeyAndPeriod() {
        vm.show(UsageViewModel.Subject.key("vk-1", null, false));
        assertTrue(source.queries.isEmpty(), "a hidden pane asks nothing");
        vm.setActive(true);
        LogsQuery q = source.queries.get(0);
        assertEquals(List.of("vk-1"), q.virtualKeyIds());
        assertEquals(NOW.minus(Duration.ofDays(7)), q.start());
        assertEquals(NOW, q.end());
        vm.periodProperty().set(UsageViewModel.Period.DAY);
        assertEquals(NOW.minus(Duration.ofHours(24)), source.queries.get(1).start());
    }

    @Test
    void aViewDrawingTheCostAloneAsksForTheCostAlone() {
        vm.show(UsageViewModel.Subject.gateway());
        vm.setActive(true);
        assertEquals(0, source.costOnly, "the full history by default");
        vm.drawCostOnly();
        vm.refresh();
        assertEquals(2, source.queries.size());
        assertEquals(1, source.costOnly);
    }

    @Test
    void chartsTheHistoryWithTheSpendOfEachBudgetWindow() {
        // a calendar-aligned weekly budget: Monday 23 November opens a new window
        Budget weekly = Budget.of("b", 100, "1w", 30, Instant.parse("2026-11-23T00:00:00Z"));
        vm.show(UsageViewModel.Subject.key("vk-1", weekly, true));
        vm.setActive(true);
        source.answers.get(0).complete(LogsAnswer.of(fiveDays()));
        UsageViewModel.Charts c = vm.chartsProperty().get();
        assertEquals(List.of(10.0, 10.0, 10.0, 10.0, 10.0), c.cost().stream().map(UsageViewModel.Point::value).toList());
        assertEquals(List.of(10.0, 10.0, 20.0, 30.0, 40.0),
                c.windowSpend().stream().map(UsageViewModel.Point::value).toList(),
                "23 Nov starts the week again");
        assertEquals(100, c.budgetLimit(), 1e-9);
        assertEquals("$100.00 weekly budget", c.budgetText());
        assertEquals("$50.00 \u00b7 5,000 tokens \u00b7 20 requests in the last 7 days (from the logs)", c.totals());
        assertEquals("23 Nov", c.cost().get(1).label());
        assertNull(vm.notAvailableProperty().get());
    }

    @Test
    void aServerWithoutLogsGetsOneSentence() {
        vm.show(UsageViewModel.Subject.ofKeys("team:t-1", () -> CompletableFuture.completedFuture(List.of("vk-1")),
                "no keys", null, false));
        vm.setActive(true);
        assertEquals(List.of("vk-1"), source.queries.get(0).virtualKeyIds());
        source.answers.get(0).complete(LogsAnswer.notAvailable("gw.test has no logs endpoints (HTTP 404)."));
        assertEquals("gw.test has no logs endpoints (HTTP 404).", vm.notAvailableProperty().get());
        assertNull(vm.chartsProperty().get());
        assertNull(vm.errorProperty().get());
    }

    @Test
    void anOwnersUsageIsTheSumOfItsKeysAskedForInGroupsOfAHundred() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            ids.add("vk-" + i);
        }
        Budget monthly = Budget.of("b", 500, "1M", 0, Instant.parse("2026-11-01T00:00:00Z"));
        vm.show(UsageViewModel.Subject.ofKeys("team:t-1", () -> CompletableFuture.completedFuture(ids), "no keys",
                monthly, true));
        vm.setActive(true);
        assertEquals(2, source.queries.size());
        assertEquals(ids.subList(0, 100), source.queries.get(0).virtualKeyIds());
        assertEquals(ids.subList(100, 150), source.queries.get(1).virtualKeyIds());
        assertTrue(source.queries.stream().allMatch(q -> q.teamIds().isEmpty() && q.customerIds().isEmpty()),
                "the cost and token histograms filter by key only");
        source.answers.get(0).complete(LogsAnswer.of(fiveDays()));
        assertNull(vm.chartsProperty().get(), "not before every group answered");
        source.answers.get(1).complete(LogsAnswer.of(fiveDays()));
        UsageViewModel.Charts c = vm.chartsProperty().get();
        assertEquals(List.of(20.0, 20.0, 20.0, 20.0, 20.0), c.cost().stream().map(UsageViewModel.Point::value).toList());
        assertEquals("$100.00 \u00b7 10K tokens \u00b7 40 requests in the last 7 days (from the logs)", c.totals());
        assertEquals("$500.00 monthly budget", c.budgetText());
    }

    @Test
    void anOwnerWithoutKeysAsksNothingAndSaysSo() {
        vm.show(UsageViewModel.Subject.ofKeys("customer:c-1", () -> CompletableFuture.completedFuture(List.of()),
                "Acme has no keys, so no traffic counts towards its budgets.", null, false));
        vm.setActive(true);
        assertTrue(source.queries.isEmpty(), "an empty key filter would chart the whole gateway");
        assertEquals("Acme has no keys, so no traffic counts towards its budgets.", vm.notAvailableProperty().get());
        assertNull(vm.chartsProperty().get());
    }

    @Test
    void theNewestRequestWins() {
        vm.show(UsageViewModel.Subject.key("vk-1", null, false));
        vm.setActive(true);
        vm.show(UsageViewModel.Subject.key("vk-2", null, false));
        source.answers.get(0).complete(LogsAnswer.of(fiveDays()));
        assertNull(vm.chartsProperty().get(), "vk-1's late answer is dropped");
        assertTrue(source.answers.get(0).isCancelled() || source.answers.get(0).isDone());
        source.answers.get(1).complete(LogsAnswer.of(new UsageHistory(3600, List.of())));
        assertEquals(List.of(), vm.chartsProperty().get().cost());
    }

    @Test
    void rollingWindowsFollowTheLatticeThroughTheLastReset() {
        Instant anchor = Instant.parse("2026-11-20T06:00:00Z");
        assertEquals(anchor, UsageViewModel.rollingStart(anchor.plusSeconds(3), anchor, Duration.ofDays(1)));
        assertEquals(anchor.minus(Duration.ofDays(2)), UsageViewModel.rollingStart(anchor.minus(Duration.ofHours(25)),
                anchor, Duration.ofDays(1)));
    }
}
