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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bound of a run itself, without HTTP in the way: keys ending on many threads at once, in any order, never
 * let more than {@code concurrency} keys be under way. (The demo-gateway test of the same bound counts requests
 * at the server; this one counts keys where the engine starts and ends them.)
 */
class ChangeRunTest {

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
