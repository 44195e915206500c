package bifrostconsole.ui;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Bifrost reset window ({@code reset_duration}, {@code token_reset_duration}...): Go durations such as
 * {@code 30s}, {@code 1h30m}, plus {@code d} (24 h), {@code w} (7 d), {@code M} (30 days), {@code Y} (365 days)
 * with an optional fractional count ({@code 1.5d}), and the aliases daily/weekly/monthly/yearly.
 * {@code calendarUnit} is set for d/w/M/Y windows, the only ones calendar alignment applies to.
 */
public record ResetWindow(String text, Duration length, CalendarUnit calendarUnit, BigDecimal count) {

    /** The calendar boundary a d/w/M/Y window snaps to when its owner is calendar-aligned. */
    public enum CalendarUnit {
        DAY("day", "daily", 1), WEEK("week", "weekly", 7), MONTH("month", "monthly", 30), YEAR("year", "yearly", 365);

        private final String noun;
        private final String adverb;
        private final int rollingDays;

        CalendarUnit(String noun, String adverb, int rollingDays) {
            this.noun = noun;
            this.adverb = adverb;
            this.rollingDays = rollingDays;
        }

        public String noun() {
            return noun;
        }

        public String adverb() {
            return adverb;
        }

        /** Bifrost's rolling length of one unit: {@code M} is 30 days, {@code Y} 365 days. */
        public int rollingDays() {
            return rollingDays;
        }
    }

    private static final Pattern CALENDAR = Pattern.compile("^(\\d+(?:\\.\\d+)?)?([dwMY])$");
    private static final Pattern GO_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|\u00b5s|ms|s|m|h)");

    /** Parses a window; empty when the text is not a duration Bifrost accepts. */
    public static Optional<ResetWindow> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim();
        switch (t.toLowerCase(Locale.ROOT)) {
            case "daily" -> t = "1d";
            case "weekly" -> t = "1w";
            case "monthly" -> t = "1M";
            case "yearly" -> t = "1Y";
            default -> { }
        }
        Matcher calendar = CALENDAR.matcher(t);
        if (calendar.matches()) {
            BigDecimal count = calendar.group(1) == null ? BigDecimal.ONE : new BigDecimal(calendar.group(1));
            CalendarUnit unit = switch (calendar.group(2)) {
                case "d" -> CalendarUnit.DAY;
                case "w" -> CalendarUnit.WEEK;
                case "M" -> CalendarUnit.MONTH;
                default -> CalendarUnit.YEAR;
            };
            long seconds = count.multiply(BigDecimal.valueOf(unit.rollingDays() * 86_400L)).longValue();
            if (seconds <= 0) {
                return Optional.empty();
            }
            return Optional.of(new ResetWindow(text, Duration.ofSeconds(seconds), unit, count));
        }
        Matcher part = GO_PART.matcher(t);
        int position = 0;
        BigDecimal nanos = BigDecimal.ZERO;
        while (part.find()) {
            if (part.start() != position) {
                return Optional.empty();
            }
            position = part.end();
            BigDecimal n = new BigDecimal(part.group(1));
            long unitNanos = switch (part.group(2)) {
                case "ns" -> 1L;
                case "us", "\u00b5s" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            };
            nanos = nanos.add(n.multiply(BigDecimal.valueOf(unitNanos)));
        }
        if (position != t.length() || nanos.signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(new ResetWindow(text, Duration.ofNanos(nanos.longValue()), null, null));
    }

    /** "monthly", "every 6 hours", "every 1 hour 30 minutes", "every 1.5 days". */
    public String inWords() {
        if (calendarUnit != null) {
            if (count.compareTo(BigDecimal.ONE) == 0) {
                return calendarUnit.adverb();
            }
            return "every " + count.stripTrailingZeros().toPlainString() + " " + calendarUnit.noun() + "s";
        }
        if (length.equals(Duration.ofHours(1))) {
            return "hourly";
        }
        return "every " + Formats.durationWords(length);
    }

    /** The same in as few characters as possible, for table cells: "daily", "every 6 h", "every 1 h 30 min". */
    public String inShortWords() {
        if (calendarUnit != null || length.equals(Duration.ofHours(1))) {
            return inWords();
        }
        long s = length.getSeconds();
        if (s == 60) {
            return "every min";
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (s / 86_400 > 0) {
            parts.add(s / 86_400 + " d");
        }
        if (s % 86_400 / 3_600 > 0) {
            parts.add(s % 86_400 / 3_600 + " h");
        }
        if (s % 3_600 / 60 > 0) {
            parts.add(s % 3_600 / 60 + " min");
        }
        if (s % 60 > 0 || parts.isEmpty()) {
            parts.add(s % 60 + " s");
        }
        return "every " + String.join(" ", parts);
    }

    public static String inShortWords(String text) {
        return parse(text).map(ResetWindow::inShortWords).orElse(text == null || text.isBlank() ? "no reset" : text);
    }

    /** Words for any window text; the raw text when it cannot be parsed. */
    public static String inWords(String text) {
        return parse(text).map(ResetWindow::inWords).orElse(text == null || text.isBlank() ? "no reset" : text);
    }
}
