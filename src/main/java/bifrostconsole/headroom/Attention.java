package bifrostconsole.headroom;

import bifrostconsole.api.KeyStatus;
import bifrostconsole.api.VirtualKey;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The rules that put a key on the "needs attention" lists, shared by the overview, the report command and the
 * alerts. A key is <em>near its limit</em> at or above {@code threshold} of its binding limit (and not yet used
 * up); <em>expiring</em> within {@code expiringWithin}; <em>inactive with recent spend</em> when switched off yet
 * something was spent in a budget window that is still open; <em>unassigned</em> with neither team nor customer;
 * <em>unused</em> when the logs show no request in the last {@link Traffic#period()} (only with {@code traffic},
 * which the overview reads from the server's logs; the report and the alerts go without).
 *
 * @param traffic the keys with requests in the logs over a period; null when not asked for
 */
public record Attention(double threshold, Duration expiringWithin, Traffic traffic) {

    /** 80 % and 7 days, as the console starts. */
    public static final Attention DEFAULTS = new Attention(0.8, Duration.ofDays(7));

    /**
     * Requests per key in the logs over the last {@code period}, or why the server cannot tell
     * ({@code notAvailable}, the sentence to show; then {@code requests} is empty and no key counts as unused).
     */
    public record Traffic(Duration period, Map<String, Long> requests, String notAvailable) {
        public Traffic {
            requests = requests == null ? Map.of() : requests;
        }

        public boolean available() {
            return notAvailable == null;
        }

        boolean unused(String keyId) {
            return available() && requests.getOrDefault(keyId, 0L) <= 0;
        }
    }

    public Attention(double threshold, Duration expiringWithin) {
        this(threshold, expiringWithin, null);
    }

    /** The same rules, with the keys' traffic for the unused list. */
    public Attention withTraffic(Traffic traffic) {
        return new Attention(threshold, expiringWithin, traffic);
    }

    public Attention {
        if (!(threshold > 0) || threshold > 10) {
            throw new IllegalArgumentException("threshold must be a share above 0: " + threshold);
        }
        if (expiringWithin.isNegative()) {
            throw new IllegalArgumentException("expiringWithin must not be negative: " + expiringWithin);
        }
    }

    public Set<Reason> reasons(VirtualKey key, Headroom headroom, Instant now) {
        Set<Reason> reasons = EnumSet.noneOf(Reason.class);
        if (headroom.exhausted()) {
            reasons.add(Reason.EXHAUSTED);
        } else if (headroom.bounded() && headroom.usedFraction() >= threshold) {
            reasons.add(Reason.NEAR_LIMIT);
        }
        if (key.expiresAt() != null) {
            if (!key.expiresAt().isAfter(now)) {
                reasons.add(Reason.EXPIRED);
            } else if (!key.expiresAt().isAfter(now.plus(expiringWithin))) {
                reasons.add(Reason.EXPIRING);
            }
        }
        if (!key.active() && spentInOpenWindows(headroom) > 0) {
            reasons.add(Reason.INACTIVE_SPENDING);
        }
        if (unassigned(key)) {
            reasons.add(Reason.UNASSIGNED);
        }
        if (traffic != null && traffic.unused(key.id())) {
            reasons.add(Reason.UNUSED);
        }
        return reasons;
    }

    /** The largest spend among the key's own budgets whose window is still open (what its traffic cost lately). */
    public static double spentInOpenWindows(Headroom headroom) {
        double spent = 0;
        for (Headroom.LevelReport level : headroom.levels()) {
            if (level.level() == Level.KEY || level.level() == Level.PROVIDER) {
                for (Limit l : level.limits()) {
                    if (l.unit() == Unit.DOLLARS && !l.windowOver()) {
                        spent = Math.max(spent, l.usage());
                    }
                }
            }
        }
        return spent;
    }

    public static boolean unassigned(VirtualKey key) {
        return key.teamId() == null && key.customerId() == null && key.team() == null && key.customer() == null;
    }

    /** Active, Inactive, Expired or Exhausted, with the binding limit deciding "Exhausted". */
    public static KeyStatus status(VirtualKey key, Headroom headroom, Instant now) {
        if (!key.active()) {
            return KeyStatus.INACTIVE;
        }
        if (key.expiresAt() != null && !key.expiresAt().isAfter(now)) {
            return KeyStatus.EXPIRED;
        }
        return headroom.exhausted() ? KeyStatus.EXHAUSTED : KeyStatus.ACTIVE;
    }
}
