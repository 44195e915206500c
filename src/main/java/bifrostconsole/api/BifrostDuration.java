package bifrostconsole.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bifrost's {@code ParseDuration} ({@code framework/configstore/tables/utils.go}, API.md §12), the one rule for
 * {@code reset_duration}, {@code token_reset_duration} and {@code request_reset_duration}: Go durations
 * ({@code 30s}, {@code 5m}, {@code 1h30m}, fractional parts allowed) plus a whole-string suffix {@code d} (24 h),
 * {@code w} (7 d), {@code M} (30 days), {@code Q} (90 days), {@code Y} (365 days) with an optional fractional
 * count, and the aliases {@code daily|weekly|monthly|yearly}. Only positive durations are valid. Note {@code m}
 * is minutes and {@code M} months.
 *
 * <p>Shared by the demo gateway (to refuse what Bifrost refuses) and the change engine (to refuse a bad
 * {@code --window} before anything is sent).
 */
public final class BifrostDuration {
    private static final Pattern CALENDAR = Pattern.compile("^(\\d+(?:\\.\\d+)?)?([dwMQY])$");
    private static final Pattern GO_PART = Pattern.compile("(\\d+(?:\\.\\d+)?|\\.\\d+)(ns|us|\u00b5s|ms|s|m|h)");

    private BifrostDuration() {
    }

    /** The window's length, or empty when Bifrost would refuse the text (including zero and negative). */
    public static Optional<Duration> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
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
            long days = switch (calendar.group(2)) {
                case "d" -> 1;
                case "w" -> 7;
                case "M" -> 30;
                case "Q" -> 90;
                default -> 365;
            };
            long seconds = count.multiply(BigDecimal.valueOf(days * 86_400L)).longValue();
            return seconds > 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
        }
        Matcher part = GO_PART.matcher(t);
        int position = 0;
        BigDecimal nanos = BigDecimal.ZERO;
        while (part.find()) {
            if (part.start() != position) {
                return Optional.empty();
            }
            BigDecimal unit = switch (part.group(2)) {
                case "ns" -> BigDecimal.ONE;
                case "us", "\u00b5s" -> BigDecimal.valueOf(1_000);
                case "ms" -> BigDecimal.valueOf(1_000_000);
                case "s" -> BigDecimal.valueOf(1_000_000_000L);
                case "m" -> BigDecimal.valueOf(60_000_000_000L);
                default -> BigDecimal.valueOf(3_600_000_000_000L);
            };
            nanos = nanos.add(new BigDecimal(part.group(1)).multiply(unit));
            position = part.end();
        }
        if (position != t.length() || position == 0 || nanos.signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(nanos.longValue()));
    }

    public static boolean isValid(String text) {
        return parse(text).isPresent();
    }
}
