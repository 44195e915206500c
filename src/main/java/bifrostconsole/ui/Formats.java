package bifrostconsole.ui;

import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/**
 * How numbers, money and times read in the console, for one locale and time zone: money in US dollars with
 * two decimals, counts with the locale's separators, times relative ("3 hours ago") and absolute.
 * Instances are thread-safe and cheap to share; {@link #system()} follows the user's settings.
 */
public final class Formats {
    private final Locale locale;
    private final ZoneId zone;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter date;
    // NumberFormats are costly to create and not thread-safe: one of each per thread that formats.
    private final ThreadLocal<NumberFormat> money;
    private final ThreadLocal<NumberFormat> integer;
    private final ThreadLocal<NumberFormat> percent;
    private final ThreadLocal<NumberFormat> decimal;
    private final ThreadLocal<NumberFormat> compact;
    /** Whole percentages known so far, by their number: see {@link #percent}. */
    private static final int PERCENTS = 1_001;
    private final String[] percents = new String[PERCENTS];
    // The compact forms last made, by their number. CompactNumberFormat matches the locale's plural rules with
    // String.split and regular expressions on every call: about 10 KB of garbage a number, a quarter of all that
    // the window allocated while paging 100,000 keys (JFR), and a 17 MB C2 compile. Each table row formats the same
    // limits and usages twice (short and tiny text), and limits repeat from key to key.
    private final Memo compactCounts = new Memo();
    private final Memo compactMoneys = new Memo();

    public Formats(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone);
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).withZone(zone);
        this.money = ThreadLocal.withInitial(() -> {
            NumberFormat f = NumberFormat.getCurrencyInstance(locale);
            f.setCurrency(Currency.getInstance("USD"));
            f.setMinimumFractionDigits(2);
            f.setMaximumFractionDigits(2);
            f.setRoundingMode(RoundingMode.HALF_UP);
            return f;
        });
        this.integer = ThreadLocal.withInitial(() -> NumberFormat.getIntegerInstance(locale));
        this.percent = ThreadLocal.withInitial(() -> {
            NumberFormat f = NumberFormat.getPercentInstance(locale);
            f.setMaximumFractionDigits(0);
            f.setRoundingMode(RoundingMode.DOWN);
            return f;
        });
        this.decimal = ThreadLocal.withInitial(() -> {
            NumberFormat f = NumberFormat.getNumberInstance(locale);
            f.setMaximumFractionDigits(3);
            return f;
        });
        this.compact = ThreadLocal.withInitial(() -> {
            NumberFormat f = NumberFormat.getCompactNumberInstance(locale, NumberFormat.Style.SHORT);
            f.setMaximumFractionDigits(1);
            f.setRoundingMode(RoundingMode.DOWN);
            return f;
        });
    }

    public static Formats system() {
        return new Formats(Locale.getDefault(Locale.Category.FORMAT), ZoneId.systemDefault());
    }

    public Locale locale() {
        return locale;
    }

    public ZoneId zone() {
        return zone;
    }

    /** US dollars with two decimals in the user's locale ("$1,234.50"); a non-zero amount under a cent reads "<$0.01". */
    public String money(double dollars) {
        NumberFormat f = money.get();
        if (dollars > 0 && dollars < 0.005) {
            return "<" + f.format(0.01);
        }
        return f.format(dollars);
    }

    /**
     * Dollars for the narrowest table cells: cents only under $100 and when there are any ("$59.71", "$20"), whole
     * dollars up to $1,000 ("$152", rounded down like the compact counts, so a budget never reads as used up before
     * it is), then the locale's compact form with the currency sign where money puts it ("$1.7K", "$12.5K"). The
     * exact amount belongs in a tooltip.
     */
    public String compactMoney(double dollars) {
        long bits = Double.doubleToLongBits(dollars);
        String known = compactMoneys.get(bits);
        if (known == null) {
            known = compactMoneys.put(bits, formatCompactMoney(dollars));
        }
        return known;
    }

    private String formatCompactMoney(double dollars) {
        double abs = Math.abs(dollars);
        NumberFormat f = (NumberFormat) money.get().clone();
        f.setRoundingMode(RoundingMode.DOWN);
        if (abs < 100 && abs != Math.floor(abs)) {
            return money(dollars);
        }
        if (abs < 1_000) {
            f.setMinimumFractionDigits(0);
            f.setMaximumFractionDigits(0);
            return f.format(dollars);
        }
        String number = compact.get().format(abs);
        if (f instanceof java.text.DecimalFormat d) {
            return dollars < 0 ? d.getNegativePrefix() + number + d.getNegativeSuffix()
                    : d.getPositivePrefix() + number + d.getPositiveSuffix();
        }
        return (dollars < 0 ? "-" : "") + "$" + number;
    }

    /** A whole count with the locale's grouping ("1,234,567"). */
    public String count(long n) {
        return integer.get().format(n);
    }

    /** A short count for tight spaces ("654K", "3.7M"); the exact count belongs in a tooltip beside it. */
    public String compactCount(long n) {
        if (Math.abs(n) < 10_000) {
            return count(n);
        }
        String known = compactCounts.get(n);
        if (known == null) {
            known = compactCounts.put(n, compact.get().format(n));
        }
        return known;
    }

    /**
     * A small direct-mapped cache of texts by a 64-bit key, safe to share between threads: its entries are
     * immutable, so a reader sees a whole entry or an older one, and a race only formats a number twice.
     */
    private static final class Memo {
        private static final int SLOTS = 4_096;
        private final Entry[] entries = new Entry[SLOTS];

        private record Entry(long key, String text) {
        }

        String get(long key) {
            Entry e = entries[slot(key)];
            return e != null && e.key == key ? e.text : null;
        }

        String put(long key, String text) {
            entries[slot(key)] = new Entry(key, text);
            return text;
        }

        private static int slot(long key) {
            long h = key * 0x9E3779B97F4A7C15L; // spreads round numbers (limits such as 1,000,000) over the slots
            return (int) (h >>> 52) & (SLOTS - 1);
        }
    }

    /** A percentage without decimals ("83%"), in the locale's style. */
    public String percent(double fraction) {
        // The format multiplies by 100 and rounds down to a whole percent: every share with the same whole
        // percent reads the same, so 0% to 1,000% are formatted once each (the overview writes 50,000 a scan).
        double hundredths = fraction * 100;
        if (hundredths > 0 && hundredths < PERCENTS || hundredths == 0 && 1 / hundredths > 0) {
            int whole = (int) hundredths;
            String known = percents[whole];
            if (known == null) {
                known = percent.get().format(fraction);
                percents[whole] = known; // a race only formats one twice: Strings are safely shared
            }
            return known;
        }
        return percent.get().format(fraction);
    }

    /** A plain decimal such as a routing weight ("0.5", "1"). */
    public String decimal(double value) {
        return decimal.get().format(value);
    }

    /** Date and time in the user's zone ("27 Nov 2026, 14:05"). */
    public String dateTime(Instant t) {
        return t == null ? "\u2014" : dateTime.format(t);
    }

    public String date(Instant t) {
        return t == null ? "\u2014" : date.format(t);
    }

    /** "just now", "5 minutes ago", "in 3 hours", "2 days ago", "in 4 months". */
    public String relative(Instant t, Instant now) {
        if (t == null) {
            return "\u2014";
        }
        Duration d = Duration.between(now, t);
        boolean future = !d.isNegative();
        long seconds = Math.abs(d.getSeconds());
        if (seconds < 45) {
            return "just now";
        }
        String amount = roughAmount(seconds);
        return future ? "in " + amount : amount + " ago";
    }

    /** A countdown such as "3 h 12 m", "2 d 4 h", "45 s": the two largest units. */
    public String countdown(Duration d) {
        long s = Math.max(0, d.getSeconds());
        long days = s / 86_400;
        long hours = s % 86_400 / 3_600;
        long minutes = s % 3_600 / 60;
        long secs = s % 60;
        if (days > 0) {
            return days + " d" + (hours > 0 ? " " + hours + " h" : "");
        }
        if (hours > 0) {
            return hours + " h" + (minutes > 0 ? " " + minutes + " m" : "");
        }
        if (minutes > 0) {
            return minutes + " m" + (secs > 0 ? " " + secs + " s" : "");
        }
        return secs + " s";
    }

    private static String roughAmount(long seconds) {
        if (seconds < 90) {
            return "1 minute";
        }
        long minutes = Math.round(seconds / 60.0);
        if (minutes < 60) {
            return minutes + " minutes";
        }
        long hours = Math.round(seconds / 3600.0);
        if (hours < 24) {
            return plural(hours, "hour");
        }
        long days = Math.round(seconds / 86_400.0);
        if (days < 30) {
            return plural(days, "day");
        }
        long months = Math.round(days / 30.44);
        if (months < 12) {
            return plural(Math.max(1, months), "month");
        }
        return plural(Math.max(1, Math.round(days / 365.25)), "year");
    }

    static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
