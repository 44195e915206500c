package bifrostconsole.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Bifrost reset window ({@code reset_duration}, {@code token_reset_duration}...): Go durations such as
 * {@code 30s}, {@code 1h30m}, plus {@code d} (24 h), {@code w} (7 d), {@code M} (30 days), {@code Q} (a quarter,
 * v2.1.0 and later; 90 days when rolling), {@code Y} (365 days) with an optional fractional count ({@code 1.5d}),
 * and the aliases daily/weekly/monthly/yearly. {@code calendarUnit} is set for d/w/M/Q/Y windows, the only ones
 * calendar alignment applies to (API.md §12).
 */
public record ResetWindow(String text, Duration length, CalendarUnit calendarUnit, BigDecimal count) {

    /** The calendar boundary a d/w/M/Q/Y window snaps to when its owner is calendar-aligned. */
    public enum CalendarUnit {
        DAY("day", "daily", 1), WEEK("week", "weekly", 7), MONTH("month", "monthly", 30),
        QUARTER("quarter", "quarterly", 90), YEAR("year", "yearly", 365);

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

        /**
         * Bifrost's rolling length of one unit: {@code M} is 30 days, {@code Y} 365 days. A rolling quarter is
         * taken as three such months (the sources do not say; calendar-aligned quarters are what Bifrost documents).
         */
        public int rollingDays() {
            return rollingDays;
        }
    }

    private static final Pattern CALENDAR = Pattern.compile("^(\\d+(?:\\.\\d+)?)?([dwMQY])$");
    private static final Pattern GO_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|\u00b5s|ms|s|m|h)");
    /** A gateway uses a handful of distinct windows; a full scan asks for them hundreds of thousands of times. */
    private static final Map<String, Optional<ResetWindow>> PARSED = new ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 1_000;

    /** Parses a window; empty when the text is not a duration Bifrost accepts. */
    public static Optional<ResetWindow> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Optional<ResetWindow> cached = PARSED.get(text);
        if (cached != null) {
            return cached;
        }
        Optional<ResetWindow> parsed = parseUncached(text);
        if (PARSED.size() < CACHE_LIMIT) {
            PARSED.put(text, parsed);
        }
        return parsed;
    }

    private static Optional<ResetWindow> parseUncached(String text) {
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
                case "Q" -> CalendarUnit.QUARTER;
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

    /**
     * Of {@code items}, the one whose window is the longest that is still shorter than {@code window}: Bifrost
     * starts a new budget with the usage of that budget ({@code reconcileModelConfigBudgets}, API.md §5.4).
     * Items with a window that does not parse are passed over.
     */
    public static <T> Optional<T> longestShorterThan(String window, List<T> items,
                                                     java.util.function.Function<T, String> windowOf) {
        Optional<ResetWindow> target = parse(window);
        T best = null;
        Duration bestLength = null;
        for (T item : items) {
            Optional<ResetWindow> w = parse(windowOf.apply(item));
            if (target.isPresent() && w.isPresent() && w.get().length().compareTo(target.get().length()) < 0
                    && (bestLength == null || w.get().length().compareTo(bestLength) > 0)) {
                best = item;
                bestLength = w.get().length();
            }
        }
        return Optional.ofNullable(best);
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
        return "every " + durationWords(length);
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
        List<String> parts = new ArrayList<>();
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

    /**
     * The window as a unit after a slash, for the narrowest table cells: "/day", "/wk", "/mo", "/qtr", "/yr", "/h",
     * "/min", "/2 wk", "/6 h", "/1 h 30 min".
     */
    public String abbreviated() {
        if (calendarUnit != null) {
            String unit = switch (calendarUnit) {
                case DAY -> "day";
                case WEEK -> "wk";
                case MONTH -> "mo";
                case QUARTER -> "qtr";
                case YEAR -> "yr";
            };
            return count.compareTo(BigDecimal.ONE) == 0 ? "/" + unit
                    : "/" + count.stripTrailingZeros().toPlainString() + " " + unit;
        }
        long s = length.getSeconds();
        if (s == 3_600) {
            return "/h";
        }
        if (s == 60) {
            return "/min";
        }
        String every = inShortWords();
        return "/" + (every.startsWith("every ") ? every.substring("every ".length()) : every);
    }

    /** {@link #abbreviated()} for any window text; the raw text when it cannot be parsed. */
    public static String abbreviated(String text) {
        return parse(text).map(ResetWindow::abbreviated).orElse(text == null || text.isBlank() ? "no reset" : text);
    }

    public static String inShortWords(String text) {
        return parse(text).map(ResetWindow::inShortWords).orElse(text == null || text.isBlank() ? "no reset" : text);
    }

    /** Words for any window text; the raw text when it cannot be parsed. */
    public static String inWords(String text) {
        return parse(text).map(ResetWindow::inWords).orElse(text == null || text.isBlank() ? "no reset" : text);
    }

    /** "6 hours", "1 hour 30 minutes", "30 seconds", "minute" for exactly one minute. */
    static String durationWords(Duration d) {
        long s = d.getSeconds();
        if (s == 60 && d.getNano() == 0) {
            return "minute";
        }
        List<String> parts = new ArrayList<>();
        long days = s / 86_400;
        long hours = s % 86_400 / 3_600;
        long minutes = s % 3_600 / 60;
        long secs = s % 60;
        if (days > 0) {
            parts.add(plural(days, "day"));
        }
        if (hours > 0) {
            parts.add(plural(hours, "hour"));
        }
        if (minutes > 0) {
            parts.add(plural(minutes, "minute"));
        }
        if (secs > 0) {
            parts.add(plural(secs, "second"));
        }
        if (parts.isEmpty()) {
            parts.add(d.toMillis() + " ms");
        }
        return String.join(" ", parts);
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
