package bifrostconsole.demo;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InOrderHandOffTest {

    @Test
    void theConsumerGetsEveryItemInOrderOnItsOwnThread() {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            List<Integer> seen = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            InOrderHandOff<Integer> handOff = new InOrderHandOff<>(i -> {
                seen.add(i);
                threads.add(Thread.currentThread());
            }, executor);
            int count = InOrderHandOff.BATCH * 20 + 7; // more than the queue holds, and a part batch at the end
            IntStream.range(0, count).forEach(handOff::add);
            handOff.finish();

            assertEquals(IntStream.range(0, count).boxed().toList(), seen);
            assertNotEquals(Thread.currentThread(), threads.get(0));
            assertEquals(1, threads.stream().distinct().count());
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void whatTheConsumerThrowsReachesTheAddingThreadInsteadOfAHang() {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            IllegalStateException failure = new IllegalStateException("cannot encode item 100");
            InOrderHandOff<Integer> handOff = new InOrderHandOff<>(i -> {
                if (i == 100) {
                    throw failure;
                }
            }, executor);
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> {
                // far more than the queue holds: adding must stop with the failure, not wait for room forever
                IntStream.range(0, 100_000).forEach(handOff::add);
                handOff.finish();
            });
            assertSame(failure, thrown);
        } finally {
            executor.shutdownNow();
        }
    }
}
