package bifrostconsole.api;

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

    @Test
    void alignedQuartersFollowTheQuarterStartMonth() {
        // 27 November 2026: calendar quarters (January) open Oct 1 and close Jan 1
        assertEquals(Instant.parse("2027-01-01T00:00:00Z"), ResetSchedule.next("1Q",
                Instant.parse("2026-10-01T00:00:00Z"), true, null, NOW).orElseThrow().at());
        // a fiscal year opening in February: quarters open Feb, May, Aug, Nov
        assertEquals(Instant.parse("2027-02-01T00:00:00Z"), ResetSchedule.next("1Q",
                Instant.parse("2026-11-01T00:00:00Z"), true, 2, NOW).orElseThrow().at());
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), ResetSchedule.calendarPeriodStart(NOW,
                ResetWindow.CalendarUnit.QUARTER, 2));
        assertEquals(Instant.parse("2026-10-01T00:00:00Z"), ResetSchedule.calendarPeriodStart(NOW,
                ResetWindow.CalendarUnit.QUARTER, 4));
        assertEquals(Instant.parse("2026-09-01T00:00:00Z"), ResetSchedule.calendarPeriodStart(NOW,
                ResetWindow.CalendarUnit.QUARTER, 12));
        assertTrue(ResetSchedule.next("1Q", Instant.parse("2026-07-01T00:00:00Z"), true, null, NOW)
                .orElseThrow().due(), "last quarter's window is over");
        assertEquals(Instant.parse("2027-02-22T08:00:00Z"), ResetSchedule.next("1Q",
                Instant.parse("2026-11-24T08:00:00Z"), false, null, NOW).orElseThrow().at(), "rolling: 90 days");
    }

    @Test
    void countsTheWindowsThatClosedSinceTheLastReset() {
        assertEquals(0, ResetSchedule.windowsElapsed("1h", Instant.parse("2026-11-27T09:30:00Z"), false, null, NOW));
        assertEquals(3, ResetSchedule.windowsElapsed("1h", Instant.parse("2026-11-27T06:30:00Z"), false, null, NOW));
        assertEquals(0, ResetSchedule.windowsElapsed("1M", Instant.parse("2026-11-01T00:00:00Z"), true, null, NOW));
        assertEquals(2, ResetSchedule.windowsElapsed("1M", Instant.parse("2026-09-01T00:00:00Z"), true, null, NOW),
                "October and November opened since");
        assertEquals(1, ResetSchedule.windowsElapsed("1d", Instant.parse("2026-11-26T00:00:00Z"), true, null, NOW));
        assertEquals(0, ResetSchedule.windowsElapsed("1d", null, true, null, NOW), "never reset: nothing to count");
        assertEquals(0, ResetSchedule.windowsElapsed("bogus", Instant.parse("2026-01-01T00:00:00Z"), false, null, NOW));
    }
}
