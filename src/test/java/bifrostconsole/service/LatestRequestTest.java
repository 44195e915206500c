package bifrostconsole.service;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatestRequestTest {
    private final List<String> shown = new ArrayList<>();
    private final LatestRequest latest = new LatestRequest(Runnable::run);

    @Test
    void aNewerRequestCancelsTheOlderAndDropsItsLateAnswer() {
        CompletableFuture<String> first = new CompletableFuture<>();
        CompletableFuture<String> second = new CompletableFuture<>();
        latest.submit(() -> first, (v, e) -> shown.add(e == null ? v : "failed"));
        latest.submit(() -> second, (v, e) -> shown.add(e == null ? v : "failed"));

        assertTrue(first.isCancelled(), "the older exchange is aborted");
        first.obtrudeValue("late");
        second.complete("fresh");
        assertEquals(List.of("fresh"), shown);
    }

    @Test
    void cancellingAbortsTheCallItselfNotOnlyADerivedStage() {
        CompletableFuture<String> call = new CompletableFuture<>();
        latest.submit(() -> call, String::length, (n, e) -> shown.add("answer"));
        latest.cancel();
        assertTrue(call.isCancelled());
        assertEquals(List.of(), shown, "a cancelled request shows nothing, not even its cancellation");
    }

    @Test
    void preparedAnswersAndFailuresReachTheUi() {
        latest.submit(() -> CompletableFuture.completedFuture("abc"), String::length,
                (n, e) -> shown.add("length " + n));
        latest.submit(() -> CompletableFuture.failedFuture(new IllegalStateException("boom")),
                (v, e) -> shown.add("failed: " + e.getClass().getSimpleName()));
        latest.submit(() -> {
            throw new IllegalArgumentException("bad query");
        }, (v, e) -> shown.add("thrown: " + e.getMessage()));
        assertEquals(List.of("length 3", "failed: IllegalStateException", "thrown: bad query"), shown);
    }

    @Test
    void everyStepOfAnOlderFlowIsSilencedByANewStart() {
        LatestRequest.Ticket older = latest.start();
        older.ui(() -> shown.add("step 1"));
        LatestRequest.Ticket newer = latest.start();
        older.ui(() -> shown.add("step 2 of the older flow"));
        newer.ui(() -> shown.add("newer"));
        assertFalse(older.isCurrent());
        assertEquals(List.of("step 1", "newer"), shown);
    }

    @Test
    void answersHopToTheUiExecutor() {
        List<Runnable> queued = new ArrayList<>();
        LatestRequest onQueue = new LatestRequest(queued::add);
        onQueue.submit(() -> CompletableFuture.completedFuture("x"), (v, e) -> shown.add(v));
        assertEquals(List.of(), shown, "nothing runs until the UI executor runs it");
        queued.forEach(Runnable::run);
        assertEquals(List.of("x"), shown);
    }
}
