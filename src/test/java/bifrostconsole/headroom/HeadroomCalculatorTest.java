package bifrostconsole.headroom;

import bifrostconsole.api.Budget;
import bifrostconsole.api.RateLimit;
import bifrostconsole.api.Team;
import bifrostconsole.api.VirtualKey;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static bifrostconsole.headroom.HeadroomFixtures.NOW;
import static bifrostconsole.headroom.HeadroomFixtures.budget;
import static bifrostconsole.headroom.HeadroomFixtures.customer;
import static bifrostconsole.headroom.HeadroomFixtures.key;
import static bifrostconsole.headroom.HeadroomFixtures.provider;
import static bifrostconsole.headroom.HeadroomFixtures.quarterly;
import static bifrostconsole.headroom.HeadroomFixtures.requests;
import static bifrostconsole.headroom.HeadroomFixtures.team;
import static bifrostconsole.headroom.HeadroomFixtures.tokens;
import static bifrostconsole.headroom.HeadroomFixtures.withOverride;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeadroomCalculatorTest {
    private static final double CENT = 0.005;
    private final HeadroomWords words = new HeadroomWords(d -> String.format(Locale.US, "$%,.2f", d),
            n -> String.format(Locale.US, "%,d", n));

    private static Headroom headroom(VirtualKey key) {
        return new HeadroomCalculator(Owners.EMBEDDED).of(key, NOW);
    }

    private static Headroom headroom(VirtualKey key, Owners owners) {
        return new HeadroomCalculator(owners).of(key, NOW);
    }

    @Nested
    class EachLevelBindsInTurn {
        private final Team platform = team("t-1", "Platform", null, false, null, budget(1000, "1M", 600));

        @Test
        void theKeysOwnBudget() {
            Headroom h = headroom(key().budgets(budget(10, "1d", 6.8)).team(platform).build());
            assertEquals(Binding.KEY, h.binding());
            assertEquals(3.2, h.remaining(), CENT);
            assertEquals(0.68, h.usedFraction(), 1e-9);
            assertEquals("$3.20 left \u00b7 key, daily", words.summary(h));
        }

        @Test
        void theTeamsBudgetWhenItHasFewerDollarsLeft() {
            Team nearlySpent = team("t-1", "Platform", null, false, null, budget(1000, "1M", 987.6));
            Headroom h = headroom(key().budgets(budget(100, "1M", 10)).team(nearlySpent).build());
            assertEquals(Binding.TEAM, h.binding());
            assertEquals(12.4, h.remaining(), CENT);
            assertEquals("$12.40 left \u00b7 team Platform, monthly", words.summary(h));
        }

        @Test
        void fewestDollarsLeftBindsEvenAtALowerShareUsed() {
            // the team is 90 % used but has $100 left; the key is 50 % used with $5 left: the key stops first
            Team team = team("t-1", "Platform", null, false, null, budget(1000, "1M", 900));
            Headroom h = headroom(key().budgets(budget(10, "1d", 5)).team(team).build());
            assertEquals(Binding.KEY, h.binding());
            assertEquals(5, h.remaining(), CENT);
        }

        @Test
        void theCustomerOfTheKey() {
            Headroom h = headroom(key().budgets(budget(500, "1M", 10))
                    .customer(customer("c-1", "Acme Retail", false, budget(2000, "1M", 1990))).build());
            assertEquals(Binding.CUSTOMER, h.binding());
            assertEquals(10, h.remaining(), CENT);
            assertEquals("$10.00 left \u00b7 customer Acme Retail, monthly", words.summary(h));
        }

        @Test
        void aTeamMissingFromTheListsIsNamedApartFromListsNotLoadedYet() {
            VirtualKey key = key().teamId("t-404").build();
            List<String> notLoaded = headroom(key).levels().stream().flatMap(l -> l.notes().stream()).toList();
            assertTrue(notLoaded.contains("the team list is not loaded, so team t-404's budgets are not counted"),
                    notLoaded.toString());
            List<String> missing = headroom(key, Owners.of(List.of(), List.of())).levels().stream()
                    .flatMap(l -> l.notes().stream()).toList();
            assertTrue(missing.contains("team t-404 could not be read: its budgets are not counted"),
                    missing.toString());
        }

        @Test
        void theCustomerOfTheKeysTeamFromTheLists() {
            Team team = team("t-1", "Platform", "c-1", false, null, budget(1000, "1M", 10));
            Owners owners = Owners.of(List.of(team), List.of(customer("c-1", "Acme", false, budget(50, "1w", 49))));
            Headroom h = headroom(key().teamId("t-1").build(), owners);
            assertEquals(Binding.CUSTOMER, h.binding());
            assertEquals(1, h.remaining(), CENT);
            assertEquals("Acme", h.limit().owner());
        }

        @Test
        void theProviderConfigWhenTheKeyHasOnlyOne() {
            Headroom h = headroom(key().budgets(budget(10, "1d", 1))
                    .providers(provider("openai", budget(5, "1M", 4))).build());
            assertEquals(Binding.PROVIDER, h.binding());
            assertEquals(1, h.remaining(), CENT);
            assertEquals("$1.00 left \u00b7 provider openai, monthly", words.summary(h));
        }

        @Test
        void severalProviderConfigsAddUp() {
            Headroom h = headroom(key().budgets(budget(100, "1M", 1))
                    .providers(provider("openai", budget(5, "1M", 4)), provider("anthropic", budget(10, "1M", 7)))
                    .build());
            assertEquals(Binding.PROVIDER, h.binding());
            assertEquals(4, h.remaining(), CENT);
            assertEquals(15, h.limit().limit(), CENT);
            assertEquals("openai + anthropic", h.limit().owner());
            assertTrue(h.levels().stream().filter(l -> l.level() == Level.PROVIDER).allMatch(Headroom.LevelReport::binds));
        }

        @Test
        void aProviderAtItsLimitLeavesTheOthers() {
            Headroom h = headroom(key().budgets(budget(100, "1M", 1))
                    .providers(provider("openai", budget(5, "1M", 5)), provider("anthropic", budget(10, "1M", 7)))
                    .build());
            assertEquals(Binding.PROVIDER, h.binding());
            assertEquals(3, h.remaining(), CENT, "only anthropic is left");
            assertEquals("anthropic", h.limit().owner());
        }

        @Test
        void everyProviderAtItsLimitStopsTheKey() {
            Headroom h = headroom(key().budgets(budget(100, "1M", 1))
                    .providers(provider("openai", budget(5, "1M", 5)), provider("anthropic", budget(10, "1d", 12)))
                    .build());
            assertEquals(Binding.PROVIDER, h.binding());
            assertTrue(h.exhausted());
            assertEquals("anthropic", h.limit().owner(), "the daily one reopens first");
        }

        @Test
        void aProviderWithoutBudgetOrAllProvidersLeavesTheProviderLevelOpen() {
            Headroom open = headroom(key().budgets(budget(100, "1M", 50))
                    .providers(provider("openai", budget(5, "1M", 4)), provider("anthropic")).build());
            assertEquals(Binding.KEY, open.binding());
            Headroom all = headroom(key().budgets(budget(100, "1M", 50)).allowAllProviders(true)
                    .providers(provider("openai", budget(5, "1M", 4))).build());
            assertEquals(Binding.KEY, all.binding());
        }
    }

    @Nested
    class Overrides {
        @Test
        void aPermanentOverrideAddsToTheLimit() {
            Budget b = withOverride(budget(100, "1M", 120), 50, "forever", null);
            Headroom h = headroom(key().budgets(b).build());
            assertEquals(150, h.limit().limit(), CENT);
            assertEquals(30, h.remaining(), CENT);
            assertFalse(h.exhausted());
            assertEquals(50, h.limit().override(), CENT);
        }

        @Test
        void aCyclesOverrideHoldsWhileItHasWindowsLeft() {
            Budget b = withOverride(budget(100, "1d", 120), 50, "cycles", 2);
            Headroom h = headroom(key().budgets(b).build());
            assertEquals(150, h.limit().limit(), CENT);
            assertEquals(2, h.limit().overrideCyclesLeft());
        }

        @Test
        void aCyclesOverrideEndsWithItsLastWindow() {
            Instant yesterday = NOW.minusSeconds(30 * 3600);
            Budget last = withOverride(budget(100, "1d", 120, yesterday), 50, "cycles", 1);
            Headroom h = headroom(key().budgets(last).build());
            assertEquals(100, h.limit().limit(), CENT, "the window closed: its only cycle is used up");
            assertEquals(100, h.remaining(), CENT, "and the usage reset with it");

            Budget twoLeft = withOverride(budget(100, "1d", 120, yesterday), 50, "cycles", 2);
            assertEquals(150, headroom(key().budgets(twoLeft).build()).limit().limit(), CENT);
        }

        @Test
        void anOverrideWithoutAKnownModeIsNotActive() {
            Budget b = withOverride(budget(100, "1M", 90), 50, null, null);
            assertEquals(100, headroom(key().budgets(b).build()).limit().limit(), CENT);
        }
    }

    @Nested
    class Windows {
        @Test
        void anElapsedRollingWindowCountsAsReset() {
            Headroom h = headroom(key().budgets(budget(10, "1h", 10, NOW.minusSeconds(3 * 3600))).build());
            assertFalse(h.exhausted());
            assertEquals(10, h.remaining(), CENT);
            assertTrue(h.limit().windowOver());
            assertEquals(10, h.limit().reportedUsage(), CENT);
        }

        @Test
        void aRunningRollingWindowKeepsItsUsage() {
            Headroom h = headroom(key().budgets(budget(10, "1d", 10, NOW.minusSeconds(3 * 3600))).build());
            assertTrue(h.exhausted());
            assertEquals(NOW.plusSeconds(21 * 3600), h.limit().resetsAt());
        }

        @Test
        void rollingAndCalendarMonthsDifferOnTheSameLastReset() {
            Instant october30 = Instant.parse("2026-10-30T00:00:00Z");
            Budget spent = budget(100, "1M", 100, october30);
            assertTrue(headroom(key().budgets(spent).build()).exhausted(), "rolling: 30 days, until 29 November");
            Headroom aligned = headroom(key().budgets(spent).calendarAligned(true).build());
            assertFalse(aligned.exhausted(), "calendar: November opened on the 1st");
            assertEquals(100, aligned.remaining(), CENT);
            assertEquals(Instant.parse("2026-12-01T00:00:00Z"), aligned.limit().resetsAt());
        }

        @Test
        void aRunningCalendarWindowKeepsItsUsage() {
            Budget b = budget(100, "1M", 95, Instant.parse("2026-11-01T00:00:00Z"));
            Headroom h = headroom(key().budgets(b).calendarAligned(true).build());
            assertEquals(5, h.remaining(), CENT);
            assertEquals(Instant.parse("2026-12-01T00:00:00Z"), h.limit().resetsAt());
        }

        @Test
        void theTeamsOwnAlignmentCountsForItsBudgets() {
            Budget b = budget(100, "1w", 100, Instant.parse("2026-11-16T00:00:00Z"));
            Headroom aligned = headroom(key().team(team("t", "Growth", null, true, null, b)).build());
            assertFalse(aligned.exhausted(), "the week of 23 November has begun");
            Headroom rolling = headroom(key().team(team("t", "Growth", null, false, null,
                    budget(100, "1w", 100, Instant.parse("2026-11-21T00:00:00Z")))).build());
            assertTrue(rolling.exhausted());
        }

        @Test
        void quarterlyBudgetsFollowTheirStartMonth() {
            // a fiscal year from February: the quarter that opened on 1 August ended on 1 November
            Budget lastQuarter = quarterly(900, 900, Instant.parse("2026-08-01T00:00:00Z"), 2);
            Headroom h = headroom(key().budgets(lastQuarter).calendarAligned(true).build());
            assertFalse(h.exhausted());
            assertEquals(Instant.parse("2027-02-01T00:00:00Z"), h.limit().resetsAt());
            Budget thisQuarter = quarterly(900, 900, Instant.parse("2026-10-01T00:00:00Z"), 1);
            assertTrue(headroom(key().budgets(thisQuarter).calendarAligned(true).build()).exhausted());
        }
    }

    @Nested
    class RateLimits {
        @Test
        void aUsedUpRequestLimitBindsBeforeAnyBudget() {
            Headroom h = headroom(key().budgets(budget(100, "1M", 10))
                    .rateLimit(requests(100, "1m", 100, NOW.minusSeconds(20))).build());
            assertEquals(Binding.RATE_LIMIT, h.binding());
            assertEquals(Unit.REQUESTS, h.unit());
            assertEquals(0, h.remaining(), 0);
            assertTrue(h.exhausted());
            assertEquals("0 requests left \u00b7 rate limit, every minute", words.summary(h));
        }

        @Test
        void aRateLimitUsedToALargerShareBinds() {
            Headroom h = headroom(key().budgets(budget(100, "1M", 10))
                    .rateLimit(tokens(100_000, "1h", 95_000, NOW.minusSeconds(600))).build());
            assertEquals(Binding.RATE_LIMIT, h.binding());
            assertEquals(5_000, h.remaining(), 0.5);
            assertEquals("5,000 tokens left \u00b7 rate limit, hourly", words.summary(h));
        }

        @Test
        void aBudgetUsedToALargerShareBinds() {
            Headroom h = headroom(key().budgets(budget(100, "1M", 90))
                    .rateLimit(tokens(100_000, "1h", 50_000, NOW.minusSeconds(600))).build());
            assertEquals(Binding.KEY, h.binding());
        }

        @Test
        void anElapsedRateWindowCountsAsReset() {
            Headroom h = headroom(key().rateLimit(requests(100, "1m", 100, NOW.minusSeconds(90))).build());
            assertFalse(h.exhausted());
            assertEquals(100, h.remaining(), 0);
        }

        @Test
        void whenBothAreUsedUpTheOneResettingLaterBinds() {
            RateLimit minute = requests(100, "1m", 100, NOW.minusSeconds(20));
            Headroom h = headroom(key().budgets(budget(10, "1d", 10)).rateLimit(minute).build());
            assertEquals(Binding.KEY, h.binding(), "the daily budget stays used up longer than the minute");
        }

        @Test
        void aTeamsRateLimitBindsAsARateLimit() {
            Team team = team("t-1", "Platform", null, false, requests(1000, "1h", 1000, NOW.minusSeconds(60)));
            Headroom h = headroom(key().budgets(budget(100, "1M", 10)).team(team).build());
            assertEquals(Binding.RATE_LIMIT, h.binding());
            assertEquals(Level.TEAM, h.limit().level());
            assertEquals("0 requests left \u00b7 team Platform rate limit, hourly", words.summary(h));
        }
    }

    @Nested
    class AbsentAndNullLimits {
        @Test
        void aKeyWithoutLimitsIsUnbounded() {
            Headroom h = headroom(key().build());
            assertEquals(Binding.NONE, h.binding());
            assertNull(h.limit());
            assertEquals(Double.POSITIVE_INFINITY, h.remaining());
            assertFalse(h.exhausted());
            assertEquals("No limit", words.summary(h));
        }

        @Test
        void nullRateLimitFieldsAndZeroBudgetsAreNoLimits() {
            RateLimit empty = new RateLimit("rl", null, null, 0, null, null, null, 0, null, null, null, null, null);
            Headroom h = headroom(key().rateLimit(empty).budgets(budget(0, "1d", 3)).build());
            assertEquals(Binding.NONE, h.binding());
            assertTrue(h.levels().get(0).notes().get(0).contains("without a positive limit"));
        }

        @Test
        void aBudgetWithoutLastResetNeverCountsAsReset() {
            Headroom h = headroom(key().budgets(budget(10, "1d", 10, null)).build());
            assertTrue(h.exhausted());
            assertNull(h.limit().resetsAt());
        }

        @Test
        void aTeamThatCannotBeReadIsSaidSo() {
            Headroom h = headroom(key().teamId("t-gone").budgets(budget(10, "1d", 1)).build());
            Headroom.LevelReport team = h.levels().stream().filter(l -> l.level() == Level.TEAM).findFirst()
                    .orElseThrow();
            assertNull(team.owner());
            assertTrue(team.notes().get(0).contains("t-gone"));
            assertEquals(Binding.KEY, h.binding());
        }

        @Test
        void theListedTeamWinsOverTheEmbeddedCopy() {
            Team embedded = team("t-1", "Platform", null, false, null);
            Team listed = team("t-1", "Platform", null, false, null, budget(50, "1M", 45));
            Headroom h = headroom(key().team(embedded).build(), Owners.of(List.of(listed), List.of()));
            assertEquals(Binding.TEAM, h.binding());
            assertEquals(5, h.remaining(), CENT);
        }
    }

    @Test
    void theExplanationNamesEveryLevelAndWhichBinds() {
        Team team = team("t-1", "Platform", null, false, null, budget(1000, "1M", 987.6,
                Instant.parse("2026-11-01T00:00:00Z")));
        Headroom h = headroom(key().budgets(budget(100, "1M", 10)).team(team)
                .providers(provider("openai")).rateLimit(requests(60, "1m", 6, NOW.minusSeconds(10))).build());
        List<HeadroomWords.Line> lines = words.explanation(h, NOW);
        assertEquals(List.of("Key", "Provider openai", "Team Platform", "Customer"),
                lines.stream().map(HeadroomWords.Line::label).toList());
        assertEquals("$90.00 of $100.00 left, monthly, resets in 29 d; 54 of 60 requests left (rate limit),"
                + " every minute, resets in under a minute", lines.get(0).text());
        assertEquals("no budget or rate limit", lines.get(1).text());
        assertTrue(lines.get(2).binds());
        assertTrue(lines.get(2).text().startsWith("$12.40 of $1,000.00 left, monthly"), lines.get(2).text());
        assertEquals("none", lines.get(3).text());
        assertEquals(1, lines.stream().filter(HeadroomWords.Line::binds).count());
    }
}
