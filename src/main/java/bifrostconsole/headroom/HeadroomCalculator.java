package bifrostconsole.headroom;

import bifrostconsole.api.Budget;
import bifrostconsole.api.Customer;
import bifrostconsole.api.ProviderConfig;
import bifrostconsole.api.RateLimit;
import bifrostconsole.api.ResetSchedule;
import bifrostconsole.api.ResetWindow;
import bifrostconsole.api.Team;
import bifrostconsole.api.VirtualKey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Computes a key's {@link Headroom}: the tightest limit that applies to it right now.
 *
 * <p>The rules, in the order Bifrost checks a request:
 * <ul>
 *   <li>Every budget of the key, of its team and of its customer (the key's own, or its team's) applies to every
 *       request. Its effective limit is {@code max_limit} plus {@code override_amount} while the override is
 *       active: {@code forever}, or {@code cycles} with windows left (a window that has closed since the last
 *       reset uses one up). A window that has ended counts as reset: usage 0.</li>
 *   <li>A provider config's budgets and rate limit apply only to requests routed to that provider, so the
 *       provider level holds the key back only when every provider config it may use is limited: it can then
 *       spend the sum of what its usable providers have left. A provider without a budget, or
 *       {@code allow_all_providers}, leaves the provider level unbounded.</li>
 *   <li>Token and request limits are counted the same way, each with its own window.</li>
 * </ul>
 * Which one binds: among dollar limits, the one with the fewest dollars left. A token or request limit binds
 * instead when it is used up, or used to a larger share than that dollar limit. When a dollar and a rate limit are
 * both used up, the one that stays used up longer (later reset) binds.
 *
 * <p>Pure and thread-safe: no I/O, no clock of its own.
 */
public final class HeadroomCalculator {

    private static final Comparator<Limit> FEWEST_LEFT = Comparator.comparingDouble(Limit::remaining)
            .thenComparing(Comparator.comparingDouble(Limit::usedFraction).reversed());
    private static final Comparator<Limit> MOST_USED = Comparator.comparingDouble(Limit::usedFraction)
            .reversed().thenComparingDouble(Limit::remaining);

    private final Owners owners;
    /** The last {@link OwnLimits} per team id and per customer id (any thread may read and replace them). */
    private final Map<String, OwnLimits> teams = new ConcurrentHashMap<>();
    private final Map<String, OwnLimits> customers = new ConcurrentHashMap<>();

    public HeadroomCalculator(Owners owners) {
        this.owners = owners;
    }

    public Headroom of(VirtualKey key, Instant now) {
        boolean keyAligned = key.calendarAligned();
        // ---- the key's own limits
        List<String> keyNotes = new ArrayList<>();
        List<Limit> keyLimits = new ArrayList<>();
        addBudgets(keyLimits, keyNotes, Level.KEY, key.name(), key.budgets(), keyAligned, now);
        addRateLimit(keyLimits, Level.KEY, key.name(), key.rateLimit(), keyAligned, now);

        // ---- provider configs: one route each
        List<Route> routes = new ArrayList<>();
        for (ProviderConfig pc : key.providerConfigs()) {
            Route route = new Route(pc.provider());
            addBudgets(route.limits, route.notes, Level.PROVIDER, pc.provider(), pc.budgets(), keyAligned, now);
            addRateLimit(route.limits, Level.PROVIDER, pc.provider(), pc.rateLimit(), keyAligned, now);
            if (!pc.modelBudgets().isEmpty()) {
                route.notes.add("per-model budgets apply to their models only and are not counted here");
            }
            routes.add(route);
        }
        boolean allProviders = Boolean.TRUE.equals(key.allowAllProviders());
        ProviderBound providers = providerBound(routes, allProviders);

        // ---- team and customer
        List<String> teamNotes = new ArrayList<>();
        Team team = team(key, teamNotes);
        OwnLimits teamOwn = team == null ? new OwnLimits(null, now, List.of(), teamNotes)
                : own(teams, team.id(), team, now, () -> ownLimits(Level.TEAM, team.name(), team.allBudgets(),
                        team.rateLimit(), team.calendarAligned(), team, now));
        List<Limit> teamLimits = teamOwn.limits();
        List<String> customerNotes = new ArrayList<>();
        Customer customer = customer(key, team, customerNotes);
        OwnLimits customerOwn = customer == null ? new OwnLimits(null, now, List.of(), customerNotes)
                : own(customers, customer.id(), customer, now, () -> ownLimits(Level.CUSTOMER, customer.name(),
                        customer.allBudgets(), customer.rateLimit(), customer.calendarAligned(), customer, now));
        List<Limit> customerLimits = customerOwn.limits();

        // ---- which one binds
        // the first of the smallest in this order (key, team, customer, provider), as Stream.min gave it: kept as
        // they come, where the lists and streams made per key were a fifth of the headroom's garbage in a scan
        Limit[] least = new Limit[2]; // [0] dollars by FEWEST_LEFT, [1] tokens and requests by MOST_USED
        least(least, keyLimits);
        least(least, teamLimits);
        least(least, customerLimits);
        if (providers.limit != null) {
            least(least, providers.limit);
        }
        Limit binding = choose(least[0], least[1]);

        // ---- the explanation of every level
        List<Headroom.LevelReport> levels = new ArrayList<>();
        levels.add(new Headroom.LevelReport(Level.KEY, key.name(), keyLimits, keyNotes,
                keyLimits.contains(binding)));
        for (Route route : routes) {
            List<String> notes = new ArrayList<>(route.notes);
            if (route == routes.get(routes.size() - 1) && providers.note != null) {
                notes.add(providers.note);
            }
            boolean binds = binding != null && binding == providers.limit
                    && (route.limits.contains(binding) || providers.summed.contains(route));
            levels.add(new Headroom.LevelReport(Level.PROVIDER, route.provider, route.limits, notes, binds));
        }
        if (routes.isEmpty() && allProviders) {
            levels.add(new Headroom.LevelReport(Level.PROVIDER, null, List.of(),
                    List.of("every configured provider is allowed, without provider budgets"), false));
        }
        levels.add(new Headroom.LevelReport(Level.TEAM, team == null ? null : team.name(), teamLimits,
                teamOwn.notes(), binding != null && teamLimits.contains(binding)));
        levels.add(new Headroom.LevelReport(Level.CUSTOMER, customer == null ? null : customer.name(),
                customerLimits, customerOwn.notes(), binding != null && customerLimits.contains(binding)));
        return new Headroom(Binding.of(binding), binding, levels);
    }

    /** A team's own budgets and rate limit as they stand now (for alerts on the team itself). */
    public static List<Limit> limitsOf(Team team, Instant now) {
        return new ArrayList<>(ownLimits(Level.TEAM, team.name(), team.allBudgets(), team.rateLimit(),
                team.calendarAligned(), team, now).limits());
    }

    /** A customer's own budgets and rate limit as they stand now. */
    public static List<Limit> limitsOf(Customer customer, Instant now) {
        return new ArrayList<>(ownLimits(Level.CUSTOMER, customer.name(), customer.allBudgets(),
                customer.rateLimit(), customer.calendarAligned(), customer, now).limits());
    }

    // ---- a team's or customer's own limits, shared by its keys ---------------------------------------------

    /**
     * A team's or customer's limits and notes at one moment, for one instance of it: every key of a team at the
     * same {@code now} shares them, where working out its budgets' windows again for each of 100,000 keys was a
     * sixth of a scan's headroom.
     */
    private record OwnLimits(Object owner, Instant now, List<Limit> limits, List<String> notes) {
    }

    /** The owner's limits at {@code now}: those made last for this very instance at this moment, else new ones. */
    private static OwnLimits own(Map<String, OwnLimits> made, String id, Object owner, Instant now,
                                 Supplier<OwnLimits> make) {
        OwnLimits known = id == null ? null : made.get(id);
        if (known != null && known.owner() == owner && known.now().equals(now)) {
            return known;
        }
        OwnLimits fresh = make.get();
        if (id != null) {
            made.put(id, fresh);
        }
        return fresh;
    }

    private static OwnLimits ownLimits(Level level, String name, List<Budget> budgets, RateLimit rateLimit,
                                       boolean aligned, Object owner, Instant now) {
        List<Limit> limits = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        addBudgets(limits, notes, level, name, budgets, aligned, now);
        addRateLimit(limits, level, name, rateLimit, aligned, now);
        return new OwnLimits(owner, now, List.copyOf(limits), List.copyOf(notes));
    }

    private static void least(Limit[] least, List<Limit> limits) {
        for (Limit l : limits) {
            least(least, l);
        }
    }

    /** Keeps {@code l} when it comes before the least so far of its kind (a later equal one does not). */
    private static void least(Limit[] least, Limit l) {
        if (l.unit() == Unit.DOLLARS) {
            if (least[0] == null || FEWEST_LEFT.compare(l, least[0]) < 0) {
                least[0] = l;
            }
        } else if (least[1] == null || MOST_USED.compare(l, least[1]) < 0) {
            least[1] = l;
        }
    }

    private static Limit choose(Limit dollar, Limit rate) {
        if (dollar == null || rate == null) {
            return dollar != null ? dollar : rate;
        }
        if (dollar.exhausted() && rate.exhausted()) {
            return laterReset(rate, dollar) ? rate : dollar;
        }
        if (dollar.exhausted() || rate.exhausted()) {
            return dollar.exhausted() ? dollar : rate;
        }
        return rate.usedFraction() > dollar.usedFraction() ? rate : dollar;
    }

    /** {@code a} stays used up longer than {@code b}: it resets later (unknown counts as never). */
    private static boolean laterReset(Limit a, Limit b) {
        if (a.resetsAt() == null || b.resetsAt() == null) {
            return a.resetsAt() == null && b.resetsAt() != null;
        }
        return a.resetsAt().isAfter(b.resetsAt());
    }

    // ---- providers ---------------------------------------------------------------------------------------

    private static final class Route {
        final String provider;
        final List<Limit> limits = new ArrayList<>();
        final List<String> notes = new ArrayList<>();

        Route(String provider) {
            this.provider = provider;
        }

        boolean blocked() {
            for (Limit l : limits) {
                if (l.exhausted()) {
                    return true;
                }
            }
            return false;
        }

        /** The dollar limit with the fewest dollars left, null without one. */
        Limit tightestBudget() {
            Limit min = null;
            for (Limit l : limits) {
                if (l.unit() == Unit.DOLLARS && (min == null || FEWEST_LEFT.compare(l, min) < 0)) {
                    min = l;
                }
            }
            return min;
        }
    }

    /** What the provider level contributes: a limit (or none), which routes it sums, and a note on why. */
    private record ProviderBound(Limit limit, List<Route> summed, String note) {
    }

    private static ProviderBound providerBound(List<Route> routes, boolean allProviders) {
        if (routes.isEmpty()) {
            return new ProviderBound(null, List.of(), null);
        }
        if (allProviders) {
            return new ProviderBound(null, List.of(),
                    "other providers are allowed too (allow all providers): provider budgets do not bound the key");
        }
        List<Route> usable = new ArrayList<>(routes.size());
        for (Route r : routes) {
            if (!r.blocked()) {
                usable.add(r);
            }
        }
        if (usable.isEmpty()) {
            // Every route is closed: the one that reopens first is what the key waits for.
            Limit first = null;
            for (Route r : routes) {
                for (Limit l : r.limits) {
                    if (l.exhausted() && (first == null || laterReset(first, l))) {
                        first = l;
                    }
                }
            }
            return new ProviderBound(first, List.of(), routes.size() == 1 ? null
                    : "every provider this key may use is at its limit");
        }
        List<Limit> budgets = new ArrayList<>();
        for (Route r : usable) {
            Limit tightest = r.tightestBudget();
            if (tightest == null) {
                return new ProviderBound(null, List.of(), routes.size() == 1 ? null
                        : r.provider + " has no budget: provider budgets do not bound the key");
            }
            budgets.add(tightest);
        }
        if (budgets.size() == 1) {
            return new ProviderBound(budgets.get(0), usable, null);
        }
        return new ProviderBound(sum(budgets), usable, "together the providers this key may use have "
                + "the sum of what each has left");
    }

    /** Several providers' budgets read as one: limits, overrides and usage add up; the earliest reset shows. */
    private static Limit sum(List<Limit> budgets) {
        double limit = 0;
        double base = 0;
        double override = 0;
        double usage = 0;
        double reported = 0;
        boolean over = false;
        Instant resets = null;
        List<String> names = new ArrayList<>();
        String window = budgets.get(0).window();
        for (Limit b : budgets) {
            limit += b.limit();
            base += b.baseLimit();
            override += b.override();
            usage += b.usage();
            reported += b.reportedUsage();
            over |= b.windowOver();
            if (b.resetsAt() != null && (resets == null || b.resetsAt().isBefore(resets))) {
                resets = b.resetsAt();
            }
            names.add(b.owner());
            if (window != null && !window.equals(b.window())) {
                window = null;
            }
        }
        return new Limit(Level.PROVIDER, String.join(" + ", names), Unit.DOLLARS, window, limit, base, override,
                null, usage, reported, over, resets, false);
    }

    // ---- team and customer ---------------------------------------------------------------------------------

    private Team team(VirtualKey key, List<String> notes) {
        String id = key.teamId() != null ? key.teamId() : key.team() == null ? null : key.team().id();
        if (id == null) {
            return null;
        }
        Optional<Team> listed = owners.team(id);
        if (listed.isPresent()) {
            return listed.get();
        }
        if (key.team() != null) {
            return key.team();
        }
        notes.add(missingOwner("team", id));
        return null;
    }

    /** The key's own customer, else its team's: a team's customer budgets hold back the team's keys too. */
    private Customer customer(VirtualKey key, Team team, List<String> notes) {
        String id = key.customerId() != null ? key.customerId() : key.customer() != null ? key.customer().id() : null;
        Customer embedded = key.customer();
        if (id == null && team != null) {
            id = team.customerId() != null ? team.customerId() : team.customer() == null ? null : team.customer().id();
            embedded = team.customer();
        }
        if (id == null) {
            return null;
        }
        Optional<Customer> listed = owners.customer(id);
        if (listed.isPresent()) {
            return listed.get();
        }
        if (embedded != null) {
            return embedded;
        }
        notes.add(missingOwner("customer", id));
        return null;
    }

    /** Without the lists (not read yet, or their read failed) a missing owner is not a server fault: say which. */
    private String missingOwner(String kind, String id) {
        return owners == Owners.EMBEDDED
                ? "the " + kind + " list is not loaded, so " + kind + " " + id + "'s budgets are not counted"
                : kind + " " + id + " could not be read: its budgets are not counted";
    }

    // ---- one budget or rate limit -------------------------------------------------------------------------

    private static void addBudgets(List<Limit> out, List<String> notes, Level level, String owner,
                                   List<Budget> budgets, boolean ownerAligned, Instant now) {
        for (Budget b : budgets) {
            if (!(b.maxLimit() > 0)) {
                notes.add("a " + b.resetDuration() + " budget without a positive limit is ignored");
                continue;
            }
            boolean aligned = ownerAligned || Boolean.TRUE.equals(b.calendarAligned());
            Optional<ResetSchedule.NextReset> next =
                    ResetSchedule.next(b.resetDuration(), b.lastReset(), aligned, b.quarterStartMonth(), now);
            boolean over = next.map(ResetSchedule.NextReset::due).orElse(false);
            long closed = over ? ResetSchedule.windowsElapsed(b.resetDuration(), b.lastReset(), aligned,
                    b.quarterStartMonth(), now) : 0;
            Integer cyclesLeft = null;
            double override = 0;
            if (b.overrideAmount() != null && b.overrideAmount() > 0) {
                if ("forever".equals(b.overrideMode())) {
                    override = b.overrideAmount();
                } else if ("cycles".equals(b.overrideMode())) {
                    long left = (b.overrideCyclesRemaining() == null ? 0 : b.overrideCyclesRemaining()) - closed;
                    if (left > 0) {
                        override = b.overrideAmount();
                        cyclesLeft = (int) left;
                    }
                }
                // Any other mode is not an active override for Bifrost (HasActiveOverride): the base limit holds.
            }
            Instant resetsAt = next.map(r -> r.due() ? nextAfter(b.resetDuration(), aligned, b.quarterStartMonth(),
                    now) : r.at()).orElse(null);
            out.add(new Limit(level, owner, Unit.DOLLARS, b.resetDuration(), b.maxLimit() + override, b.maxLimit(),
                    override, cyclesLeft, over ? 0 : b.currentUsage(), b.currentUsage(), over, resetsAt, aligned));
        }
    }

    private static void addRateLimit(List<Limit> out, Level level, String owner, RateLimit r, boolean aligned,
                                     Instant now) {
        if (r == null) {
            return;
        }
        if (r.hasTokenLimit()) {
            out.add(counter(level, owner, Unit.TOKENS, r.tokenResetDuration(), r.tokenMaxLimit(),
                    r.tokenCurrentUsage(), r.tokenLastReset(), aligned, now));
        }
        if (r.hasRequestLimit()) {
            out.add(counter(level, owner, Unit.REQUESTS, r.requestResetDuration(), r.requestMaxLimit(),
                    r.requestCurrentUsage(), r.requestLastReset(), aligned, now));
        }
    }

    private static Limit counter(Level level, String owner, Unit unit, String window, long max, long used,
                                 Instant lastReset, boolean aligned, Instant now) {
        Optional<ResetSchedule.NextReset> next = ResetSchedule.next(window, lastReset, aligned, now);
        boolean over = next.map(ResetSchedule.NextReset::due).orElse(false);
        Instant resetsAt = next.map(r -> r.due() ? nextAfter(window, aligned, null, now) : r.at()).orElse(null);
        return new Limit(level, owner, unit, window, max, max, 0, null, over ? 0 : used, used, over, resetsAt,
                aligned);
    }

    /**
     * When a window that opens on the next request ends. Rolling windows start at that request, so the end is
     * not known yet (null); calendar windows end at the next boundary.
     */
    private static Instant nextAfter(String window, boolean aligned, Integer quarterStartMonth, Instant now) {
        boolean calendar = aligned && ResetWindow.parse(window).map(w -> w.calendarUnit() != null).orElse(false);
        return calendar ? ResetSchedule.next(window, now, true, quarterStartMonth, now)
                .map(ResetSchedule.NextReset::at).orElse(null) : null;
    }
}
