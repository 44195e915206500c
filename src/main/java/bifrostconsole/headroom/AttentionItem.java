package bifrostconsole.headroom;

import java.time.Instant;
import java.util.Set;

/**
 * A key on the needs-attention lists: what identifies it (never its value), why it is there, and its binding
 * limit. Kept small, because a full scan of a large gateway holds one for most keys.
 *
 * @param limit the binding limit; null when nothing limits the key
 */
public record AttentionItem(String keyId, String keyName, Set<Reason> reasons, Binding binding, Limit limit,
                            Instant expiresAt, String teamName, String customerName) {

    /** Every set of reasons there can be, each made once and shared (ordinal order, unmodifiable). */
    @SuppressWarnings("unchecked")
    private static final Set<Reason>[] SHARED = new Set[1 << Reason.values().length];

    static {
        for (int bits = 0; bits < SHARED.length; bits++) {
            java.util.EnumSet<Reason> set = java.util.EnumSet.noneOf(Reason.class);
            for (Reason r : Reason.values()) {
                if ((bits & 1 << r.ordinal()) != 0) {
                    set.add(r);
                }
            }
            SHARED[bits] = java.util.Collections.unmodifiableSet(set);
        }
    }

    /**
     * The reasons are kept as one of the shared sets, not a copy per item: a large gateway's scan holds 50,000
     * items, and every object each one keeps is copied again by each young collection while the scan runs.
     */
    public AttentionItem {
        int bits = 0;
        for (Reason r : reasons) {
            bits |= 1 << r.ordinal(); // a null reason fails here, as the copy failed
        }
        reasons = SHARED[bits];
    }

    public boolean has(Reason reason) {
        return reasons.contains(reason);
    }

    /** Used share of the binding limit, null when there is none. */
    public Double usedFraction() {
        return limit == null ? null : limit.usedFraction();
    }

    public double remaining() {
        return limit == null ? Double.POSITIVE_INFINITY : limit.remaining();
    }
}
