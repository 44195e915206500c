package bifrostconsole.headroom;

import java.util.List;

/**
 * How much a key can still use right now, and why: the limit that binds first among the key's own budgets, its
 * provider configs' budgets, its team's and customer's budgets and every rate limit, each with its window's reset
 * taken into account.
 *
 * @param binding   what binds ({@link Binding#NONE} when no limit applies)
 * @param limit     the binding limit; for {@link Binding#PROVIDER} with several provider configs, their sum;
 *                  null when nothing binds
 * @param levels    every level that was looked at, most specific first, with its limits and notes
 */
public record Headroom(Binding binding, Limit limit, List<LevelReport> levels) {

    public Headroom {
        levels = List.copyOf(levels);
    }

    /** What is left of the binding limit, in its unit; infinite when nothing binds. */
    public double remaining() {
        return limit == null ? Double.POSITIVE_INFINITY : limit.remaining();
    }

    /** Used share of the binding limit (1.0 or more when used up); 0 when nothing binds. */
    public double usedFraction() {
        return limit == null ? 0 : limit.usedFraction();
    }

    public Unit unit() {
        return limit == null ? Unit.DOLLARS : limit.unit();
    }

    public boolean bounded() {
        return limit != null;
    }

    /** The binding limit is used up: the key's requests are refused until it resets. */
    public boolean exhausted() {
        return limit != null && limit.exhausted();
    }

    /**
     * One level's part in the answer: the limits it owns (empty when none) and what the engine could not count
     * there (for example a team that was not loaded).
     *
     * @param owner name of the key, provider, team or customer; null when the key has no such level
     * @param binds this level owns the binding limit
     */
    public record LevelReport(Level level, String owner, List<Limit> limits, List<String> notes, boolean binds) {
        public LevelReport {
            limits = List.copyOf(limits);
            notes = List.copyOf(notes);
        }
    }
}
