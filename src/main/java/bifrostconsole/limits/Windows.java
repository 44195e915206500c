package bifrostconsole.limits;

import bifrostconsole.api.ResetWindow;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The reset windows a form offers and the rule for what a typed window may be (Bifrost's {@code ParseDuration},
 * API.md §12): Go durations such as {@code 30m} or {@code 1h30m}, and {@code d}, {@code w}, {@code M} (30 days or
 * a calendar month), {@code Q} (a quarter) and {@code Y}, which follow calendar boundaries when the owner is
 * calendar aligned. Note {@code m} is minutes and {@code M} months.
 */
public final class Windows {
    /** The windows offered in the pickers; any other Bifrost duration may be typed. */
    public static final List<String> CHOICES = List.of("1m", "1h", "6h", "1d", "1w", "1M", "1Q", "1Y");

    private Windows() {
    }

    /** The parsed window, or empty when Bifrost would refuse it. */
    public static Optional<ResetWindow> parse(String text) {
        return ResetWindow.parse(text == null ? null : text.strip());
    }

    /** Null when {@code text} is a window Bifrost accepts, else the sentence saying why not. */
    public static String problem(String text, String what) {
        if (text == null || text.isBlank()) {
            return "Choose a reset window for the " + what + ".";
        }
        if (parse(text).isEmpty()) {
            return "\u201c" + text.strip() + "\u201d is not a window Bifrost accepts: use e.g. 30m, 1h, 1d, 1w, 1M"
                    + " (month), 1Q (quarter) or 1Y.";
        }
        return null;
    }

    /** Two windows Bifrost would see as the same budget: "1d", "daily" and "24h" are one window. */
    public static boolean same(String a, String b) {
        Optional<ResetWindow> x = parse(a);
        Optional<ResetWindow> y = parse(b);
        if (x.isEmpty() || y.isEmpty()) {
            return false;
        }
        return x.get().length().equals(y.get().length()) && x.get().calendarUnit() == y.get().calendarUnit();
    }

    public static boolean quarterly(String window) {
        return parse(window).map(w -> w.calendarUnit() == ResetWindow.CalendarUnit.QUARTER).orElse(false);
    }

    /** "1M — monthly" as a picker shows a choice. */
    public static String label(String window) {
        return window + " \u2014 " + ResetWindow.inWords(window);
    }

    /** A limit typed by a person: "1,500", "$20", "20.50"; empty when it is not a number. */
    public static Optional<BigDecimal> number(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().replace(",", "").replace("_", "");
        if (t.startsWith("$")) {
            t = t.substring(1).strip();
        }
        if (t.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(t));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
