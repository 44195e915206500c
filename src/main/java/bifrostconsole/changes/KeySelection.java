package bifrostconsole.changes;

import bifrostconsole.api.GovernanceSource;
import bifrostconsole.api.Page;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * "Every key matching this search and these filters", across pages: what a bulk action on "all N matching keys"
 * (or {@code keys disable --team T}) plans against. Pages of 10,000 in export mode; a key that appears twice
 * (keys created or deleted while paging shift the offsets) is kept once.
 */
public final class KeySelection {
    static final int PAGE = 10_000;

    private KeySelection() {
    }

    /** Every key matching {@code query}'s search and filters (its limit and offset are replaced). */
    public static CompletableFuture<List<VirtualKey>> allMatching(GovernanceSource client, VirtualKeyQuery query) {
        List<VirtualKey> keys = new ArrayList<>();
        return page(client, query.withExport(true).withLimit(PAGE), 0, keys, new HashSet<>()).thenApply(v -> keys);
    }

    private static CompletableFuture<Void> page(GovernanceSource client, VirtualKeyQuery query, int offset,
                                                List<VirtualKey> keys, Set<String> seen) {
        return client.listVirtualKeys(query.withOffset(offset)).thenCompose((Page<VirtualKey> page) -> {
            for (VirtualKey k : page.items()) {
                if (seen.add(k.id())) {
                    keys.add(k);
                }
            }
            int nextOffset = offset + page.items().size();
            if (page.items().isEmpty() || nextOffset >= page.totalCount()) {
                return CompletableFuture.completedFuture(null);
            }
            return page(client, query, nextOffset, keys, seen);
        });
    }
}
