package bifrostconsole.changes;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bound of a run itself, without HTTP in the way: keys ending on many threads at once, in any order, never
 * let more than {@code concurrency} keys be under way. (The demo-gateway test of the same bound counts requests
 * at the server; this one counts keys where the engine starts and ends them.)
 */
class ChangeRunTest {

    @Test
    void whatFollowsAnAnswerDoesNotHoldTheKeysPlaceAndTheKeyEndsWhenItIsThrough() throws Exception {
        List<KeyPlan> plans = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            plans.add(new KeyPlan("vk-" + i, "key " + i, null, KeyChange.disable(), KeyPlan.Status.READY, null,
                    List.of(), null, List.of(), false));
        }
        List<String> started = new ArrayList<>();
        List<Runnable> historyWrites = new ArrayList<>();
        List<String> heard = new ArrayList<>();
        ChangeRun run = new ChangeRun(plans, null, (plan, r) -> {
            started.add(plan.keyId());
            return CompletableFuture.completedFuture(KeyOutcome.of(plan, KeyOutcome.Status.DONE, null));
        }, outcome -> {
            CompletableFuture<KeyOutcome> written = new CompletableFuture<>();
            historyWrites.add(() -> written.complete(outcome));
            return written;
        }, (o, finished, total) -> heard.add(o.keyId() + " " + finished + "/" + total), Runnable::run);
        run.begin(1);
        assertEquals(List.of("vk-0", "vk-1", "vk-2"), started, "one at a time, each as soon as the last answered");
        assertEquals(3, historyWrites.size());
        assertEquals(List.of(), heard, "no key has ended before its History is through");
        assertFalse(run.result().isDone());
        historyWrites.get(2).run();
        historyWrites.get(0).run();
        assertEquals(List.of("vk-2 1/3", "vk-0 2/3"), heard);
        assertFalse(run.result().isDone());
        historyWrites.get(1).run();
        RunResult result = run.result().get(5, TimeUnit.SECONDS);
        assertEquals(List.of("vk-0", "vk-1", "vk-2"), result.outcomes().stream().map(KeyOutcome::keyId).toList(),
                "outcomes in plan order");
    }

    @Test
    void neverMoreThanTheBoundOfKeysAreUnderWayHoweverTheyEnd() throws Exception {
        ExecutorService enders = Executors.newFixedThreadPool(8);
        try {
            for (int concurrency : new int[] {1, 3, 4}) {
                AtomicInteger underWay = new AtomicInteger();
                AtomicInteger peak = new AtomicInteger();
                List<KeyPlan> plans = new ArrayList<>();
                for (int i = 0; i < 500; i++) {
                    plans.add(new KeyPlan("vk-" + i, "key " + i, null, KeyChange.disable(), KeyPlan.Status.READY,
                            null, List.of(), null, List.of(), false));
                }
                ChangeRun.KeyRunner runner = (plan, run) -> {
                    peak.accumulateAndGet(underWay.incrementAndGet(), Math::max);
                    CompletableFuture<KeyOutcome> outcome = new CompletableFuture<>();
                    Runnable end = () -> {
                        underWay.decrementAndGet(); // before completing: what follows may start the next key
                        outcome.complete(KeyOutcome.of(plan, KeyOutcome.Status.DONE, null));
                    };
                    if (ThreadLocalRandom.current().nextInt(5) == 0) {
                        end.run(); // some end at once, on the starting thread
                    } else {
                        enders.execute(end);
                    }
                    return outcome;
                };
                ChangeRun run = new ChangeRun(plans, runner, ChangeListener.NONE, Runnable::run);
                run.begin(concurrency);
                RunResult result = run.result().get(30, TimeUnit.SECONDS);
                assertEquals(500, result.count(KeyOutcome.Status.DONE));
                assertTrue(peak.get() <= concurrency, "peak " + peak.get() + " with a bound of " + concurrency);
                assertEquals(concurrency, peak.get(), "the bound is used: keys did run side by side");
            }
        } finally {
            enders.shutdownNow();
        }
    }
}
