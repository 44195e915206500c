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

    public AttentionItem {
        reasons = Set.copyOf(reasons);
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
