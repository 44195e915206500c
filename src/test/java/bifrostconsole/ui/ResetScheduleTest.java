package bifrostconsole.ui;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResetScheduleTest {
    // Friday 27 November 2026, 10:00 UTC
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private static Instant next(String window, String lastReset, boolean aligned) {
        return ResetSchedule.next(window, lastReset == null ? null : Instant.parse(lastReset), aligned, NOW)
                .orElseThrow().at();
    }

    @Test
    void rollingWindowsCountFromTheLastReset() {
        assertEquals(Instant.parse("2026-11-27T15:30:00Z"), next("6h", "2026-11-27T09:30:00Z", false));
        assertEquals(Instant.parse("2026-12-27T08:00:00Z"), next("1M", "2026-11-27T08:00:00Z", false),
                "rolling M is 30 days, not a calendar month");
        assertEquals(Instant.parse("2026-11-28T20:00:00Z"), next("1.5d", "2026-11-27T08:00:00Z", false));
        assertEquals(Instant.parse("2026-11-27T10:00:30Z"), next("30s", "2026-11-27T10:00:00Z", false));
    }

    @Test
    void calendarAlignedWindowsSnapToUtcBoundaries() {
        assertEquals(Instant.parse("2026-11-28T00:00:00Z"), next("1d", "2026-11-27T00:00:00Z", true),
                "next UTC midnight");
        assertEquals(Instant.parse("2026-11-30T00:00:00Z"), next("1w", "2026-11-23T00:00:00Z", true),
                "next Monday");
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), next("1M", "2026-11-01T00:00:00Z", true),
                "the 1st of next month");
        assertEquals(Instant.parse("2027-01-01T00:00:00Z"), next("1Y", "2026-01-01T00:00:00Z", true),
                "1 January");
        assertEquals(Instant.parse("2027-01-01T00:00:00Z"), next("1M", "2026-12-01T00:00:00Z", true));
    }

    @Test
    void alignedWindowWithoutLastResetUsesTheCurrentPeriod() {
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), next("1M", null, true));
        assertTrue(ResetSchedule.next("1M", null, false, NOW).isEmpty(), "a rolling window needs its last reset");
    }

    @Test
    void subDayWindowsIgnoreCalendarAlignment() {
        assertEquals(Instant.parse("2026-11-27T10:30:00Z"), next("1h", "2026-11-27T09:30:00Z", true));
    }

    @Test
    void aWindowThatAlreadyEndedIsDue() {
        ResetSchedule.NextReset r = ResetSchedule.next("1h", Instant.parse("2026-11-27T07:00:00Z"), false, NOW)
                .orElseThrow();
        assertTrue(r.due());
        assertFalse(ResetSchedule.next("1d", Instant.parse("2026-11-27T07:00:00Z"), false, NOW).orElseThrow().due());
    }

    @Test
    void periodStarts() {
        Instant sunday = Instant.parse("2026-11-29T23:59:00Z");
        assertEquals(Instant.parse("2026-11-23T00:00:00Z"),
                ResetSchedule.calendarPeriodStart(sunday, ResetWindow.CalendarUnit.WEEK));
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"),
                ResetSchedule.calendarPeriodStart(sunday, ResetWindow.CalendarUnit.MONTH));
    }
}
