package bifrostconsole.ui;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * When a budget or rate-limit window next resets. Bifrost resets a counter lazily: once {@code last_reset}
 * plus the window has passed, the next request starts a new window. A calendar-aligned owner snaps d/w/M/Y
 * windows to UTC boundaries (midnight, Monday, the 1st of the month, 1 January); shorter windows ignore it.
 * Rolling {@code M} is 30 days and {@code Y} 365 days.
 */
public final class ResetSchedule {
    private ResetSchedule() {
    }

    /** The next reset: {@code at}, and whether that moment has already passed (resets on the next request). */
    public record NextReset(Instant at, boolean due) {
    }

    public static Optional<NextReset> next(String window, Instant lastReset, boolean calendarAligned, Instant now) {
        Optional<ResetWindow> parsed = ResetWindow.parse(window);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        ResetWindow w = parsed.get();
        Instant at;
        if (calendarAligned && w.calendarUnit() != null && isWhole(w.count())) {
            Instant anchor = lastReset != null ? lastReset : now;
            Instant periodStart = calendarPeriodStart(anchor, w.calendarUnit());
            at = plusUnits(periodStart, w.calendarUnit(), w.count().intValueExact());
        } else if (lastReset != null) {
            at = lastReset.plus(w.length());
        } else {
            return Optional.empty();
        }
        return Optional.of(new NextReset(at, !at.isAfter(now)));
    }

    /** The start of the UTC calendar period holding {@code t}: midnight, Monday, the 1st, or 1 January. */
    public static Instant calendarPeriodStart(Instant t, ResetWindow.CalendarUnit unit) {
        ZonedDateTime utc = t.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS);
        ZonedDateTime start = switch (unit) {
            case DAY -> utc;
            case WEEK -> utc.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> utc.withDayOfMonth(1);
            case YEAR -> utc.withDayOfYear(1);
        };
        return start.toInstant();
    }

    private static Instant plusUnits(Instant start, ResetWindow.CalendarUnit unit, int n) {
        LocalDate d = start.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate next = switch (unit) {
            case DAY -> d.plusDays(n);
            case WEEK -> d.plusWeeks(n);
            case MONTH -> d.plusMonths(n);
            case YEAR -> d.plusYears(n);
        };
        return next.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static boolean isWhole(BigDecimal count) {
        return count != null && count.stripTrailingZeros().scale() <= 0;
    }
}
