package bifrostconsole.headroom;

import java.time.Instant;

/**
 * One limit as it stands now: a budget (dollars) or one side of a rate limit (tokens or requests), owned by a
 * level. {@code usage} is what counts in the current window: 0 when the window the server last reported has
 * already ended, because Bifrost resets the counter on the next request ({@code reportedUsage} keeps what the
 * server said). {@code limit} is the effective limit, the base plus an override that is still active.
 *
 * @param owner       the owning key's, provider's, team's or customer's name
 * @param window      the reset window as Bifrost writes it ({@code 1M}, {@code 1h}); null when it has none
 * @param resetsAt    when the current window ends; null when unknown
 * @param windowOver  the window the server reported has ended: usage counts as reset
 * @param override    the override amount included in {@code limit}, 0 for none
 * @param overrideCyclesLeft windows a finite override still covers, counting the current one; null for none or
 *                    a permanent one
 */
public record Limit(Level level, String owner, Unit unit, String window, double limit, double baseLimit,
                    double override, Integer overrideCyclesLeft, double usage, double reportedUsage,
                    boolean windowOver, Instant resetsAt, boolean calendarAligned) {

    /** Window texts seen so far, one instance each ("1M", "1d", ...): see the constructor. */
    private static final java.util.concurrent.ConcurrentHashMap<String, String> WINDOWS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The window's text is kept as one shared instance: each key's budgets bring their own copy of "1M" from
     * the server's answer, and a scan keeps the binding limit of 50,000 keys.
     */
    public Limit {
        if (window != null) {
            String known = WINDOWS.get(window);
            if (known != null) {
                window = known;
            } else if (WINDOWS.size() < 1_000) {
                WINDOWS.putIfAbsent(window, window);
            }
        }
    }

    public double remaining() {
        return Math.max(0, limit - usage);
    }

    /** Used share of the limit: 1.0 or more when used up. */
    public double usedFraction() {
        return limit <= 0 ? 0 : usage / limit;
    }

    public boolean exhausted() {
        return usage >= limit;
    }
}
