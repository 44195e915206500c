package bifrostconsole.changes;

import bifrostconsole.api.Page;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.demo.DemoDataGenerator;
import bifrostconsole.store.GovernanceStore;
import bifrostconsole.store.StoreGovernanceSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bulk re-read against a source that answers at once, on the caller's thread: the fastest a gateway can be.
 * A page that is in before the request call returns must still count as read (it once stayed "in flight" for
 * ever, and every key waiting on it recursed until the stack overflowed).
 */
class ReReadsTest {
    private final GovernanceStore store = DemoDataGenerator.generate(7, 2_000, Instant.parse("2026-01-01T00:00:00Z"));
    private final AtomicInteger pages = new AtomicInteger();
    private final AtomicInteger gets = new AtomicInteger();
    private final StoreGovernanceSource source = new StoreGovernanceSource(store, "test", true);

    private final bifrostconsole.api.GovernanceSource counting = new bifrostconsole.api.GovernanceSource() {
        @Override
        public CompletableFuture<Page<VirtualKey>> listVirtualKeys(VirtualKeyQuery query) {
            pages.incrementAndGet();
            return source.listVirtualKeys(query);
        }

        @Override
        public CompletableFuture<VirtualKey> getVirtualKey(String id) {
            gets.incrementAndGet();
            return source.getVirtualKey(id);
        }

        @Override
        public CompletableFuture<Page<bifrostconsole.api.Team>> listTeams(bifrostconsole.api.ListQuery query) {
            return source.listTeams(query);
        }

        @Override
        public CompletableFuture<Page<bifrostconsole.api.Customer>> listCustomers(
                bifrostconsole.api.ListQuery query) {
            return source.listCustomers(query);
        }

        @Override
        public String displayName() {
            return "test";
        }
    };

    @Test
    void keysFarDownTheListAreReadFromPagesThatAnswerAtOnce() throws Exception {
        List<VirtualKey> all = source.listVirtualKeys(VirtualKeyQuery.all()).get(10, TimeUnit.SECONDS).items();
        List<VirtualKey> keys = all.stream().filter(VirtualKey::active).skip(1_500).toList();
        List<KeyPlan> plans = ChangePlanner.plan(keys, KeyChange.disable(), Instant.now());
        ReReads reReads = ReReads.forRun(counting, plans);
        assertTrue(reReads.paged());
        List<VirtualKey> copies = new ArrayList<>();
        for (int index : reReads.order(plans)) {
            copies.add(reReads.of(plans.get(index)).get(10, TimeUnit.SECONDS));
        }
        assertEquals(keys.size(), copies.size());
        assertTrue(copies.containsAll(keys), "each key's copy as the server has it");
        assertEquals(0, gets.get(), "no key read on its own");
        assertEquals(2_000 / ReReads.PAGE, pages.get(), "every page once, none twice");
    }
    /** A run that stalls after a page came in (a slow server, a busy machine) reads the rest of its keys again. */
    @Test
    void aCopyOlderThanTheLimitIsNotUsedTheKeyIsReadOnItsOwn() throws Exception {
        List<VirtualKey> all = source.listVirtualKeys(VirtualKeyQuery.all()).get(10, TimeUnit.SECONDS).items();
        List<VirtualKey> keys = all.stream().filter(VirtualKey::active).limit(200).toList(); // pages pay off
        List<KeyPlan> plans = ChangePlanner.plan(keys, KeyChange.disable(), Instant.now());
        java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong();
        ReReads reReads = ReReads.forRun(counting, plans, clock::get);
        assertTrue(reReads.paged());
        int[] order = reReads.order(plans);
        assertEquals(plans.get(order[0]).keyId(), reReads.of(plans.get(order[0])).get(10, TimeUnit.SECONDS).id());
        assertEquals(0, gets.get(), "the first key's copy came from the page, fresh");
        clock.addAndGet(ReReads.MAX_COPY_AGE.toNanos() + 1);
        VirtualKey second = reReads.of(plans.get(order[1])).get(10, TimeUnit.SECONDS);
        assertEquals(plans.get(order[1]).keyId(), second.id());
        assertEquals(1, gets.get(), "the page's copy of the second key had grown too old: read again on its own");
    }
}
