package bifrostconsole.keyactions;

import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;

import java.util.List;

/**
 * The keys an action is about to act on: some keys as the admin saw them (a row, the details, a selection), or
 * every key matching a search and filters across all pages, read afresh when the change is planned.
 *
 * @param keys        the keys as seen; empty for {@link #allMatching}
 * @param allMatching the search and filters whose keys are meant, or null
 * @param total       how many keys: {@code keys.size()}, or the server's count of matching keys
 */
public record KeyTarget(List<VirtualKey> keys, VirtualKeyQuery allMatching, long total) {
    public static final KeyTarget NONE = new KeyTarget(List.of(), null, 0);

    public KeyTarget {
        keys = List.copyOf(keys);
    }

    public static KeyTarget of(VirtualKey key) {
        return key == null ? NONE : of(List.of(key));
    }

    public static KeyTarget of(List<VirtualKey> keys) {
        return new KeyTarget(keys, null, keys.size());
    }

    public static KeyTarget allMatching(VirtualKeyQuery query, long total) {
        return new KeyTarget(List.of(), query, total);
    }

    public boolean isAllMatching() {
        return allMatching != null;
    }

    public boolean isEmpty() {
        return total == 0;
    }

    /** One key, known as seen: the actions that need a key's own budgets (overrides) work only then. */
    public boolean single() {
        return !isAllMatching() && keys.size() == 1;
    }

    public VirtualKey only() {
        if (!single()) {
            throw new IllegalStateException("not a single key: " + total);
        }
        return keys.get(0);
    }
}
