package bifrostconsole.api;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * When a budget or rate-limit window next resets. Bifrost resets a counter lazily: once {@code last_reset}
 * plus the window has passed, the next request starts a new window. A calendar-aligned owner snaps d/w/M/Q/Y
 * windows to UTC boundaries (midnight, Monday, the 1st of the month, the first month of a quarter as counted from
 * {@code quarter_start_month}, 1 January); shorter windows ignore it. Rolling {@code M} is 30 days and {@code Y}
 * 365 days. Pure arithmetic: the console's reset texts and the headroom engine both count on it.
 */
public final class ResetSchedule {
    /** January: calendar quarters when a quarterly budget names no start month. */
    public static final int DEFAULT_QUARTER_START_MONTH = 1;

    private ResetSchedule() {
    }

    /** The next reset: {@code at}, and whether that moment has already passed (resets on the next request). */
    public record NextReset(Instant at, boolean due) {
    }

    public static Optional<NextReset> next(String window, Instant lastReset, boolean calendarAligned, Instant now) {
        return next(window, lastReset, calendarAligned, null, now);
    }

    /** {@code quarterStartMonth} (1-12, null for January) only matters for calendar-aligned {@code Q} windows. */
    public static Optional<NextReset> next(String window, Instant lastReset, boolean calendarAligned,
                                           Integer quarterStartMonth, Instant now) {
        Optional<ResetWindow> parsed = ResetWindow.parse(window);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        ResetWindow w = parsed.get();
        Instant at;
        if (aligned(w, calendarAligned)) {
            Instant anchor = lastReset != null ? lastReset : now;
            Instant periodStart = calendarPeriodStart(anchor, w.calendarUnit(), quarterStartMonth);
            at = plusUnits(periodStart, w.calendarUnit(), w.count().intValueExact());
        } else if (lastReset != null) {
            at = lastReset.plus(w.length());
        } else {
            return Optional.empty();
        }
        return Optional.of(new NextReset(at, !at.isAfter(now)));
    }

    /**
     * How many windows have closed since {@code lastReset}: 0 while the current one runs. A finite budget override
     * loses one cycle per closed window, so this says whether it survives a reset that has not been applied yet.
     */
    public static long windowsElapsed(String window, Instant lastReset, boolean calendarAligned,
                                      Integer quarterStartMonth, Instant now) {
        Optional<ResetWindow> parsed = ResetWindow.parse(window);
        if (parsed.isEmpty() || lastReset == null || lastReset.isAfter(now)) {
            return 0;
        }
        ResetWindow w = parsed.get();
        if (!aligned(w, calendarAligned)) {
            long lengthNanos = Math.max(1, w.length().toNanos());
            Duration since = Duration.between(lastReset, now);
            return since.getSeconds() >= Long.MAX_VALUE / 1_000_000_000L ? Long.MAX_VALUE
                    : since.toNanos() / lengthNanos;
        }
        int n = w.count().intValueExact();
        Instant boundary = plusUnits(calendarPeriodStart(lastReset, w.calendarUnit(), quarterStartMonth),
                w.calendarUnit(), n);
        long closed = 0;
        // Calendar periods differ in length, so they are counted one by one; a handful in practice.
        while (!boundary.isAfter(now) && closed < 100_000) {
            closed++;
            boundary = plusUnits(boundary, w.calendarUnit(), n);
        }
        return closed;
    }

    /** The start of the UTC calendar period holding {@code t}: midnight, Monday, the 1st, or 1 January. */
    public static Instant calendarPeriodStart(Instant t, ResetWindow.CalendarUnit unit) {
        return calendarPeriodStart(t, unit, null);
    }

    /** As above; quarters open in {@code quarterStartMonth} and every third month after it (null: January). */
    public static Instant calendarPeriodStart(Instant t, ResetWindow.CalendarUnit unit, Integer quarterStartMonth) {
        ZonedDateTime utc = t.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS);
        ZonedDateTime start = switch (unit) {
            case DAY -> utc;
            case WEEK -> utc.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> utc.withDayOfMonth(1);
            case QUARTER -> {
                int first = quarterStartMonth == null || quarterStartMonth < 1 || quarterStartMonth > 12
                        ? DEFAULT_QUARTER_START_MONTH : quarterStartMonth;
                int intoQuarter = Math.floorMod(utc.getMonthValue() - first, 3);
                yield utc.withDayOfMonth(1).minusMonths(intoQuarter);
            }
            case YEAR -> utc.withDayOfYear(1);
        };
        return start.toInstant();
    }

    private static boolean aligned(ResetWindow w, boolean calendarAligned) {
        return calendarAligned && w.calendarUnit() != null && isWhole(w.count());
    }

    private static Instant plusUnits(Instant start, ResetWindow.CalendarUnit unit, int n) {
        LocalDate d = start.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate next = switch (unit) {
            case DAY -> d.plusDays(n);
            case WEEK -> d.plusWeeks(n);
            case MONTH -> d.plusMonths(n);
            case QUARTER -> d.plusMonths(3L * n);
            case YEAR -> d.plusYears(n);
        };
        return next.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static boolean isWhole(BigDecimal count) {
        return count != null && count.stripTrailingZeros().scale() <= 0;
    }
}
