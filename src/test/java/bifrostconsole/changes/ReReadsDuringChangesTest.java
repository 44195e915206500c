package bifrostconsole.changes;

import bifrostconsole.api.ApiException;
import bifrostconsole.api.Json;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.demo.DemoDataGenerator;
import bifrostconsole.store.GovernanceStore;
import bifrostconsole.store.GovernanceWrites;
import bifrostconsole.store.StoreGovernanceSource;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bulk re-read while other admins change the gateway under the run: keys deleted ahead of the sweep (the pages
 * shift back under it), keys deleted behind it, keys created meanwhile. Every key of the run still gets a copy of
 * itself as the server has it when its page (or its own GET) is read, a key deleted before its page is read gets
 * the GET's 404 (never someone else's copy, never nothing), and none is handed over twice.
 */
class ReReadsDuringChangesTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final GovernanceStore store = DemoDataGenerator.generate(11, 1_200, NOW);
    private final GovernanceWrites writes = new GovernanceWrites(store, Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ZERO);
    private final StoreGovernanceSource source = new StoreGovernanceSource(store, "test", true);

    @Test
    void deletesAndCreatesDuringTheRunNeverCostAKeyItsOwnFreshCopy() throws Exception {
        List<VirtualKey> all = source.listVirtualKeys(VirtualKeyQuery.all()).get(10, TimeUnit.SECONDS).items();
        List<VirtualKey> keys = all.stream().filter(VirtualKey::active).skip(50).limit(500).toList();
        List<KeyPlan> plans = ChangePlanner.plan(keys, KeyChange.disable(), NOW);
        assertTrue(plans.stream().allMatch(KeyPlan::ready));
        ReReads reReads = ReReads.forRun(source, plans);
        assertTrue(reReads.paged());
        int[] order = reReads.order(plans);
        Set<String> deletedAhead = new HashSet<>();
        Set<String> handedOver = new HashSet<>();
        int step = 0;
        for (int index : order) {
            KeyPlan plan = plans.get(index);
            if (step % 40 == 7) {
                // ahead of the sweep, pages not read yet: the page boundaries move back under the run
                VirtualKey ahead = plans.get(order[Math.min(order.length - 1, step + 3 * ReReads.PAGE)]).seen();
                if (!deletedAhead.contains(ahead.id())) {
                    writes.deleteVirtualKey(ahead.id());
                    deletedAhead.add(ahead.id());
                }
                writes.deleteVirtualKey(all.get(step / 40).id()); // behind the sweep, not in the run
                writes.createVirtualKey(Json.mapper().readTree("{\"name\": \"meanwhile-" + step + "\"}"));
            }
            step++;
            CompletableFuture<VirtualKey> copy = reReads.of(plan);
            if (deletedAhead.contains(plan.keyId())) {
                ExecutionException e = assertThrows(ExecutionException.class, () -> copy.get(10, TimeUnit.SECONDS),
                        plan.keyId());
                assertTrue(e.getCause() instanceof ApiException api && api.statusCode() == 404,
                        "the GET's 404: " + e.getCause());
                continue;
            }
            VirtualKey got = copy.get(10, TimeUnit.SECONDS);
            assertEquals(plan.keyId(), got.id(), "the key's own copy");
            assertEquals(store.virtualKey(plan.keyId()).orElseThrow(), got, "as the server has it now");
            assertTrue(handedOver.add(got.id()), "handed over once");
        }
        assertTrue(deletedAhead.size() >= 10, "deleted ahead: " + deletedAhead.size());
        assertEquals(plans.size() - deletedAhead.size(), handedOver.size());
    }
}
