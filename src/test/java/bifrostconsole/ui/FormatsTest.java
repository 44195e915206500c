package bifrostconsole.ui;

import bifrostconsole.api.Budget;
import java.util.List;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormatsTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private final Formats us = new Formats(Locale.US, ZoneOffset.UTC);
    private final Formats german = new Formats(Locale.GERMANY, ZoneOffset.UTC);

    @Test
    void moneyHasTwoDecimalsInTheUsersLocale() {
        assertEquals("$1,234.50", us.money(1234.5));
        assertEquals("$0.00", us.money(0));
        assertEquals("<$0.01", us.money(0.001), "tiny amounts are not shown as zero");
        assertEquals("$0.01", us.money(0.005));
        String de = german.money(1234.5).replace('\u00a0', ' ');
        assertEquals("1.234,50 $", de);
    }

    @Test
    void rememberedCompactFormsAreTheFormatsOwnAndNeverAnotherNumbers() {
        // Many more numbers than the memo has slots, each asked for twice in a row and again later, so slots are
        // shared and overwritten: every answer must still be the one a fresh formatter gives for that number.
        for (Locale locale : List.of(Locale.US, Locale.GERMANY, Locale.JAPAN, Locale.forLanguageTag("hi-IN"))) {
            Formats memo = new Formats(locale, ZoneOffset.UTC);
            java.util.Random random = new java.util.Random(7);
            long[] numbers = new long[20_000];
            for (int i = 0; i < numbers.length; i++) {
                numbers[i] = i % 3 == 0 ? (random.nextInt(20) + 1) * 1_000_000L : (long) (random.nextDouble() * 5e9);
            }
            for (int round = 0; round < 2; round++) {
                for (long n : numbers) {
                    Formats fresh = new Formats(locale, ZoneOffset.UTC);
                    String count = memo.compactCount(n);
                    assertEquals(fresh.compactCount(n), count, locale + " " + n);
                    assertEquals(count, memo.compactCount(n), locale + " " + n + " again");
                    double dollars = n / 100.0 * (n % 2 == 0 ? 1 : -1);
                    assertEquals(fresh.compactMoney(dollars), memo.compactMoney(dollars), locale + " $" + dollars);
                }
            }
        }
    }

    @Test
    void compactMoneyIsShortForNarrowCellsAndNeverRoundsUp() {
        assertEquals("$59.71", us.compactMoney(59.71), "cents under $100");
        assertEquals("$20", us.compactMoney(20), "no .00");
        assertEquals("$152", us.compactMoney(152.99), "whole dollars up to $1,000, rounded down");
        assertEquals("$300", us.compactMoney(300));
        assertEquals("$1.7K", us.compactMoney(1_700));
        assertEquals("$1.9K", us.compactMoney(1_999.99), "down, like the compact counts");
        assertEquals("$12.5K", us.compactMoney(12_500));
        assertEquals("$3M", us.compactMoney(3_000_000));
        assertEquals("-$1.7K", us.compactMoney(-1_700));
        // German has no short form for thousands: the locale decides, the sign goes where money puts it.
        assertEquals("1.700 $", german.compactMoney(1_700).replace('\u00a0', ' '));
    }

    @Test
    void countsHaveSeparators() {
        assertEquals("1,234,567", us.count(1_234_567));
        assertEquals("1.234.567", german.count(1_234_567));
        assertEquals("83%", us.percent(0.839));
        assertEquals("9,999", us.compactCount(9_999));
        assertEquals("654.1K", us.compactCount(654_162));
        assertEquals("3.7M", us.compactCount(3_790_000));
    }

    @Test
    void percentagesKnownOnceReadAsTheFormatWritesThem() {
        java.util.Random random = new java.util.Random(12);
        List<Double> shares = new java.util.ArrayList<>(List.of(0.0, -0.0, 0.29, 0.57, 0.999_999_999, 1.0, 1e-9,
                -0.001, -0.5, 9.99, 10.0, 10.009, 10.01, 11.5, Double.NaN, Double.POSITIVE_INFINITY,
                Double.MIN_VALUE, 0.1 + 0.2, 1.005));
        for (int i = 0; i < 20_000; i++) {
            shares.add(random.nextDouble() * 11);
            shares.add(Math.round(random.nextDouble() * 1_100) / 100.0); // whole percentages, the edges
        }
        for (java.util.Locale locale : List.of(java.util.Locale.US, java.util.Locale.GERMANY, java.util.Locale.FRANCE,
                java.util.Locale.forLanguageTag("tr-TR"), java.util.Locale.forLanguageTag("ar-EG"))) {
            Formats formats = new Formats(locale, java.time.ZoneOffset.UTC);
            java.text.NumberFormat plain = java.text.NumberFormat.getPercentInstance(locale);
            plain.setMaximumFractionDigits(0);
            plain.setRoundingMode(java.math.RoundingMode.DOWN);
            for (int round = 0; round < 2; round++) { // the second time from what is known
                for (double share : shares) {
                    assertEquals(plain.format(share), formats.percent(share), locale + " " + share);
                }
            }
        }
    }

    @Test
    void relativeTimes() {
        assertEquals("just now", us.relative(NOW.minusSeconds(10), NOW));
        assertEquals("5 minutes ago", us.relative(NOW.minusSeconds(300), NOW));
        assertEquals("in 3 hours", us.relative(NOW.plus(Duration.ofHours(3)), NOW));
        assertEquals("1 day ago", us.relative(NOW.minus(Duration.ofHours(25)), NOW));
        assertEquals("in 2 months", us.relative(NOW.plus(Duration.ofDays(61)), NOW));
        assertEquals("2 years ago", us.relative(NOW.minus(Duration.ofDays(800)), NOW));
    }

    @Test
    void countdowns() {
        assertEquals("3 h 12 m", us.countdown(Duration.ofMinutes(192)));
        assertEquals("2 d 4 h", us.countdown(Duration.ofHours(52)));
        assertEquals("45 s", us.countdown(Duration.ofSeconds(45)));
        assertEquals("5 d", us.countdown(Duration.ofDays(5)));
    }

    @Test
    void budgetLineColoursAndResetText() {
        UsageLines lines = new UsageLines(us, NOW);
        UsageLine normal = lines.budget(Budget.of("b", 100, "1M", 79.99, NOW.minus(Duration.ofDays(10))), false);
        assertEquals(UsageLine.Level.NORMAL, normal.level());
        assertEquals("$79.99 / $100.00", normal.usedText());
        assertEquals("monthly", normal.windowText());
        assertEquals("resets in 20 d (Dec 17, 2026, 10:00 AM)", normal.resetText().replace('\u202f', ' '));
        assertEquals("last reset 10 days ago", normal.lastResetText());
        assertEquals(UsageLine.Level.WARNING,
                lines.budget(Budget.of("b", 100, "1M", 80, NOW), false).level());
        UsageLine exhausted = lines.budget(Budget.of("b", 100, "1d", 100, NOW.minusSeconds(3600)), true);
        assertEquals(UsageLine.Level.EXHAUSTED, exhausted.level());
        assertEquals("daily (calendar)", exhausted.windowText());
        assertTrue(exhausted.resetText().startsWith("resets in 14 h"), exhausted.resetText());
        assertEquals("", exhausted.forecastText(), "a used-up budget needs no forecast");
    }

    @Test
    void burnRateForecast() {
        UsageLines lines = new UsageLines(us, NOW);
        // $60 in 6 hours of a daily window: $10 an hour, the remaining $40 last 4 hours, the reset is in 18.
        UsageLine fast = lines.budget(Budget.of("b", 100, "1d", 60, NOW.minus(Duration.ofHours(6))), false);
        assertEquals("at the current rate, used up in about 4 h, before the reset", fast.forecastText());
        assertTrue(fast.runsOutBeforeReset());
        // $10 in 12 hours: the remaining $90 would take 108 hours, longer than the 12 left in the window.
        UsageLine slow = lines.budget(Budget.of("b", 100, "1d", 10, NOW.minus(Duration.ofHours(12))), false);
        assertEquals("at the current rate, lasts until the reset", slow.forecastText());
        assertEquals("", lines.budget(Budget.of("b", 100, "1d", 0, NOW.minus(Duration.ofHours(1))), false)
                .forecastText(), "nothing spent, nothing to project");
    }
}
