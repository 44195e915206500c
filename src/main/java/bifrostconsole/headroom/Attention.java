package bifrostconsole.headroom;

import bifrostconsole.api.KeyStatus;
import bifrostconsole.api.VirtualKey;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * The rules that put a key on the "needs attention" lists, shared by the overview, the report command and the
 * alerts. A key is <em>near its limit</em> at or above {@code threshold} of its binding limit (and not yet used
 * up); <em>expiring</em> within {@code expiringWithin}; <em>inactive with recent spend</em> when switched off yet
 * something was spent in a budget window that is still open; <em>unassigned</em> with neither team nor customer.
 */
public record Attention(double threshold, Duration expiringWithin) {

    /** 80 % and 7 days, as the console starts. */
    public static final Attention DEFAULTS = new Attention(0.8, Duration.ofDays(7));

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
