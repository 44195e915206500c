package bifrostconsole.ui;

import bifrostconsole.api.Budget;
import bifrostconsole.api.RateLimit;
import bifrostconsole.api.ResetSchedule;
import bifrostconsole.api.ResetWindow;
import bifrostconsole.headroom.Headroom;
import bifrostconsole.headroom.HeadroomWords;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds {@link UsageLine}s from budgets and rate limits, with reset times computed by {@link ResetSchedule}. */
public final class UsageLines {
    private final Formats formats;
    private final Instant now;

    public UsageLines(Formats formats, Instant now) {
        this.formats = formats;
        this.now = now;
    }

    public UsageLine budget(Budget b, boolean ownerCalendarAligned) {
        boolean aligned = ownerCalendarAligned || Boolean.TRUE.equals(b.calendarAligned());
        double limit = b.effectiveLimit();
        double fraction = b.usedFraction();
        boolean overridden = b.overrideAmount() != null && b.overrideAmount() != 0;
        // The effective limit is marked: base + override, and how long the override lasts.
        String used = formats.money(b.currentUsage()) + " / " + formats.money(limit) + (overridden ? " *" : "");
        String window = ResetWindow.inWords(b.resetDuration()) + (aligned && isCalendarWindow(b.resetDuration())
                ? " (calendar)" : "") + (b.quarterStartMonth() != null
                ? ", fiscal year from " + java.time.Month.of(Math.max(1, Math.min(12, b.quarterStartMonth())))
                .getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) : "");
        StringBuilder tip = new StringBuilder()
                .append("Spent ").append(formats.money(b.currentUsage())).append(" of ").append(formats.money(limit))
                .append(" (").append(formats.percent(fraction)).append(")");
        if (overridden) {
            tip.append("\n* Base ").append(formats.money(b.maxLimit())).append(" + ")
                    .append(formats.money(b.overrideAmount())).append(" override = ").append(formats.money(limit))
                    .append(", ").append(overrideDuration(b));
        }
        tip.append("\nResets ").append(window);
        String reset = resetText(b.resetDuration(), b.lastReset(), aligned);
        tip.append("\n").append(capitalise(reset));
        String lastReset = b.lastReset() == null ? "never reset" : "last reset " + formats.relative(b.lastReset(), now);
        if (b.lastReset() != null) {
            tip.append("\nLast reset ").append(formats.dateTime(b.lastReset()));
        }
        Forecast forecast = forecast(b.currentUsage(), limit, b.lastReset(), b.resetDuration(), aligned);
        if (!forecast.text().isEmpty()) {
            tip.append("\n").append(capitalise(forecast.text()));
        }
        String mark = overridden ? " *" : "";
        String perWindow = " " + ResetWindow.abbreviated(b.resetDuration());
        String tiny = formats.compactMoney(b.currentUsage()) + " / " + formats.compactMoney(limit) + mark + perWindow;
        return new UsageLine("Budget", used, used, formats.percent(fraction), fraction, UsageLine.Level.of(fraction),
                window, ResetWindow.inShortWords(b.resetDuration()), used + perWindow, tiny, reset, lastReset,
                forecast.text(), forecast.beforeReset(), tip.toString());
    }

    /** "for good", "this cycle and 1 more (of 3)", "1 cycle left" (the current window counts as cycle 1). */
    static String overrideDuration(Budget b) {
        if ("forever".equals(b.overrideMode())) {
            return "until removed";
        }
        Integer left = b.overrideCyclesRemaining();
        if (left == null) {
            return b.overrideMode() == null ? "temporary" : b.overrideMode();
        }
        String total = b.overrideCyclesTotal() == null ? "" : " of " + b.overrideCyclesTotal();
        return left + " cycle" + (left == 1 ? "" : "s") + " left" + total + ", this one included";
    }

    /** Token and request lines of a rate limit, only for the limits that are set. */
    public List<UsageLine> rateLimit(RateLimit r, boolean calendarAligned) {
        List<UsageLine> lines = new ArrayList<>(2);
        if (r == null) {
            return lines;
        }
        if (r.hasTokenLimit()) {
            lines.add(counter("Tokens", "tokens", r.tokenCurrentUsage(), r.tokenMaxLimit(), r.tokenResetDuration(),
                    r.tokenLastReset(), calendarAligned));
        }
        if (r.hasRequestLimit()) {
            lines.add(counter("Requests", "requests", r.requestCurrentUsage(), r.requestMaxLimit(),
                    r.requestResetDuration(), r.requestLastReset(), calendarAligned));
        }
        return lines;
    }

    /**
     * The key table's Headroom cell: "$12.40 left" over the bar (filled by the used share of the binding limit),
     * "team Platform, monthly" beside it, and every level's line in the tooltip.
     */
    public UsageLine headroom(Headroom h) {
        HeadroomWords words = words();
        if (!h.bounded()) {
            return new UsageLine("Headroom", "No limit", "No limit", "", 0, UsageLine.Level.NORMAL, "",
                    "no budget or rate limit applies", "No limit", "No limit", "", "", "", false, tooltip(h, words));
        }
        double fraction = h.usedFraction();
        String left = words.left(h.limit());
        String shortLeft = h.unit() == bifrostconsole.headroom.Unit.DOLLARS ? left
                : formats.compactCount((long) h.remaining()) + " " + h.unit().word() + " left";
        // What binds is the point of the cell: it is cut at the end rather than abbreviated.
        String text = shortLeft + " \u00b7 " + words.what(h.limit());
        return new UsageLine("Headroom", left, shortLeft, formats.percent(fraction), fraction,
                UsageLine.Level.of(fraction), words.what(h.limit()), words.what(h.limit()), text, text, "", "", "",
                false, tooltip(h, words));
    }

    /** The words of headroom texts in this locale. */
    public HeadroomWords words() {
        return new HeadroomWords(formats::money, formats::count);
    }

    private String tooltip(Headroom h, HeadroomWords words) {
        StringBuilder tip = new StringBuilder(words.summary(h));
        for (HeadroomWords.Line line : words.explanation(h, now)) {
            tip.append('\n').append(line.binds() ? "\u25b6 " : "   ").append(line.label()).append(": ")
                    .append(line.text());
        }
        return tip.toString();
    }

    public List<UsageLine> budgets(List<Budget> budgets, boolean calendarAligned) {
        List<UsageLine> lines = new ArrayList<>(budgets.size());
        for (Budget b : budgets) {
            lines.add(budget(b, calendarAligned));
        }
        return lines;
    }

    private UsageLine counter(String title, String unit, long used, long max, String duration, Instant lastReset,
                              boolean calendarAligned) {
        double fraction = max <= 0 ? 0 : (double) used / max;
        String usedText = formats.count(used) + " / " + formats.count(max) + " " + unit;
        String shortText = formats.compactCount(used) + " / " + formats.compactCount(max) + " " + unit;
        String perWindow = " " + ResetWindow.abbreviated(duration);
        String tiny = formats.compactCount(used) + " / " + formats.compactCount(max) + " "
                + (unit.equals("tokens") ? "tok" : "req") + perWindow;
        String window = ResetWindow.inWords(duration);
        String reset = resetText(duration, lastReset, calendarAligned);
        String lastResetText = lastReset == null ? "never reset" : "last reset " + formats.relative(lastReset, now);
        Forecast forecast = forecast(used, max, lastReset, duration, calendarAligned);
        String tip = title + ": " + formats.count(used) + " of " + formats.count(max) + " " + unit + " used ("
                + formats.percent(fraction) + ")\nWindow: " + window + "\n" + capitalise(reset)
                + (lastReset == null ? "" : "\nLast reset " + formats.dateTime(lastReset))
                + (forecast.text().isEmpty() ? "" : "\n" + capitalise(forecast.text()));
        return new UsageLine(title, usedText, shortText, formats.percent(fraction), fraction, UsageLine.Level.of(fraction),
                window, ResetWindow.inShortWords(duration), shortText + perWindow, tiny, reset, lastResetText,
                forecast.text(), forecast.beforeReset(), tip);
    }

    private record Forecast(String text, boolean beforeReset) {
        static final Forecast NONE = new Forecast("", false);
    }

    /**
     * A straight-line projection of the current window: at the rate spent since the last reset, when is the
     * limit reached, and is that before the window resets? Nothing when there is no usage or no known window.
     */
    private Forecast forecast(double used, double limit, Instant lastReset, String window, boolean aligned) {
        if (lastReset == null || used <= 0 || limit <= 0 || used >= limit) {
            return Forecast.NONE;
        }
        long elapsed = Duration.between(lastReset, now).getSeconds();
        if (elapsed < 60) {
            return Forecast.NONE; // too little history for a rate
        }
        var next = ResetSchedule.next(window, lastReset, aligned, now);
        if (next.isEmpty() || next.get().due()) {
            return Forecast.NONE;
        }
        double secondsLeft = (limit - used) / (used / elapsed);
        Instant exhaustedAt = now.plusSeconds((long) Math.min(secondsLeft, 3.15e9));
        if (exhaustedAt.isBefore(next.get().at())) {
            return new Forecast("at the current rate, used up in about "
                    + formats.countdown(Duration.between(now, exhaustedAt)) + ", before the reset", true);
        }
        return new Forecast("at the current rate, lasts until the reset", false);
    }

    /** "resets in 3 h 12 m (27 Nov 2026, 14:05)", or that the reset happens on the next request. */
    public String resetText(String window, Instant lastReset, boolean calendarAligned) {
        return ResetSchedule.next(window, lastReset, calendarAligned, now)
                .map(next -> next.due()
                        ? "window over: resets on the next request"
                        : "resets in " + formats.countdown(Duration.between(now, next.at())) + " ("
                        + formats.dateTime(next.at()) + ")")
                .orElse("next reset unknown");
    }

    private static boolean isCalendarWindow(String window) {
        return ResetWindow.parse(window).map(w -> w.calendarUnit() != null).orElse(false);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
