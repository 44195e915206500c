package bifrostconsole.headroom;

import bifrostconsole.api.ResetWindow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.LongFunction;

/**
 * The sentences a person reads about a {@link Headroom}: the one-line summary of the key table's Headroom column
 * ("$12.40 left · team Platform, monthly") and one line per level for the key's details. Numbers are written by
 * the functions given, so the window and the command line can each use their own locale.
 */
public final class HeadroomWords {
    private final DoubleFunction<String> money;
    private final LongFunction<String> count;

    public HeadroomWords(DoubleFunction<String> money, LongFunction<String> count) {
        this.money = money;
        this.count = count;
    }

    /** One level's line: {@code label} ("Team Platform"), {@code text}, and whether it holds the binding limit. */
    public record Line(String label, String text, boolean binds) {
    }

    /** "$12.40 left · team Platform, monthly", "0 requests left · rate limit, every minute", "No limit". */
    public String summary(Headroom h) {
        if (!h.bounded()) {
            return "No limit";
        }
        return left(h.limit()) + " \u00b7 " + what(h.limit());
    }

    /** What binds, in words: "team Platform, monthly", "key rate limit (requests), every minute". */
    public String what(Limit l) {
        String window = l.window() == null ? "" : ", " + ResetWindow.inWords(l.window());
        if (l.unit() == Unit.DOLLARS) {
            return (l.level() == Level.KEY ? "key" : l.level().word() + " " + l.owner()) + window;
        }
        String owner = l.level() == Level.KEY ? "" : l.level().word() + " " + l.owner() + " ";
        return owner + "rate limit" + window;
    }

    /** "$12.40 left", "1,200 tokens left". */
    public String left(Limit l) {
        return amount(l.unit(), l.remaining()) + " left";
    }

    public String amount(Unit unit, double value) {
        return switch (unit) {
            case DOLLARS -> money.apply(value);
            case TOKENS -> count.apply((long) value) + " tokens";
            case REQUESTS -> count.apply((long) value) + " requests";
        };
    }

    /** One line per level, most specific first, each naming its limits and what the engine could not count. */
    public List<Line> explanation(Headroom h, Instant now) {
        List<Line> lines = new ArrayList<>();
        for (Headroom.LevelReport level : h.levels()) {
            String label = capitalised(level.level().word()) + (level.owner() == null || level.level() == Level.KEY
                    ? "" : " " + level.owner());
            List<String> parts = new ArrayList<>();
            if (level.owner() == null && level.level() != Level.KEY && level.limits().isEmpty()) {
                parts.add(level.level() == Level.PROVIDER || !level.notes().isEmpty() ? "" : "none");
            } else if (level.limits().isEmpty()) {
                parts.add("no budget or rate limit");
            }
            for (Limit l : level.limits()) {
                parts.add(limitText(l, now));
            }
            parts.removeIf(String::isEmpty);
            parts.addAll(level.notes());
            lines.add(new Line(label, String.join("; ", parts), level.binds()));
        }
        return lines;
    }

    /** "$3.20 of $10.00 left, daily, resets in 5 h", with an override and a window that ended spelled out. */
    public String limitText(Limit l, Instant now) {
        StringBuilder b = new StringBuilder();
        if (l.unit() == Unit.DOLLARS) {
            b.append(money.apply(l.remaining())).append(" of ").append(money.apply(l.limit())).append(" left");
        } else {
            b.append(count.apply((long) l.remaining())).append(" of ").append(amount(l.unit(), l.limit()))
                    .append(" left (rate limit)");
        }
        if (l.window() != null) {
            b.append(", ").append(ResetWindow.inWords(l.window()));
            if (l.calendarAligned() && ResetWindow.parse(l.window()).map(w -> w.calendarUnit() != null).orElse(false)) {
                b.append(" (calendar)");
            }
        }
        if (l.override() > 0) {
            b.append(", including a ").append(money.apply(l.override())).append(" override")
                    .append(l.overrideCyclesLeft() == null ? ""
                            : " for " + l.overrideCyclesLeft() + (l.overrideCyclesLeft() == 1 ? " more window"
                            : " more windows"));
        }
        if (l.windowOver()) {
            b.append(", window over: counts as reset (the server still shows ")
                    .append(amount(l.unit(), l.reportedUsage())).append(" used)");
        } else if (l.resetsAt() != null) {
            b.append(", resets ").append(inAbout(Duration.between(now, l.resetsAt())));
        }
        return b.toString();
    }

    /** "in 5 h", "in 3 d", "in 12 min": rounded down, for a sentence (the details show exact times). */
    static String inAbout(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s >= 2 * 86_400) {
            return "in " + s / 86_400 + " d";
        }
        if (s >= 3_600) {
            return "in " + s / 3_600 + " h";
        }
        if (s >= 60) {
            return "in " + s / 60 + " min";
        }
        return "in under a minute";
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
