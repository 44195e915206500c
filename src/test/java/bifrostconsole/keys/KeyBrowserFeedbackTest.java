package bifrostconsole.keys;

import bifrostconsole.api.ApiException;
import bifrostconsole.config.UiSettings;
import bifrostconsole.testing.HeldAnswersSource;
import bifrostconsole.testing.ManualScheduler;
import bifrostconsole.testing.TestKeys;
import bifrostconsole.ui.Formats;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15: what the key browser tells about the server's answers (items 2 and 10) and about the key its details
 * show (items 3 and 4), without a toolkit: answers are held and released by the test, timers move by hand.
 */
class KeyBrowserFeedbackTest {
    private HeldAnswersSource source;
    private ManualScheduler scheduler;
    private KeyBrowserViewModel vm;

    @BeforeEach
    void setUp() {
        source = new HeldAnswersSource();
        scheduler = new ManualScheduler();
        vm = new KeyBrowserViewModel(source, Runnable::run, new KeyTableSettings(UiSettings.inMemory(), Runnable::run),
                scheduler, Clock.fixed(TestKeys.NOW, ZoneOffset.UTC), new Formats(Locale.US, ZoneOffset.UTC));
    }

    private void fail(int status) {
        source.keyAnswers.get(source.keyAnswers.size() - 1).completeExceptionally(new ApiException(
                ApiException.Kind.SERVER_ERROR, status, "http://gw", "The server http://gw failed (" + status + ").",
                null, null));
    }

    @Test
    void theLastAnswerCountsTheGatewayOnlyWhenNothingNarrowedTheList() {
        vm.start();
        source.answerLast(0, 25, 500, 25);
        ListAnswer first = vm.lastAnswerProperty().get();
        assertTrue(first.ok());
        assertEquals(500L, first.keyCount());
        assertEquals("10:00:00 AM", first.time());

        vm.searchTextProperty().set("alpha");
        scheduler.advance(KeyBrowserViewModel.SEARCH_DELAY);
        source.answerLast(0, 3, 3, 25);
        assertTrue(vm.lastAnswerProperty().get().ok());
        assertNull(vm.lastAnswerProperty().get().keyCount(), "3 matches are not the gateway's 500 keys");

        vm.refresh();
        fail(500);
        assertFalse(vm.lastAnswerProperty().get().ok());
        assertEquals("The server http://gw failed (500).", vm.lastAnswerProperty().get().failure());

        vm.clearFilters();
        source.answerLast(0, 0, 0, 25);
        assertEquals(0L, vm.lastAnswerProperty().get().keyCount(), "an empty gateway counts 0");
    }

    private void failDetail(ApiException.Kind kind, int status, String message) {
        source.detailAnswers.get(source.detailAnswers.size() - 1).completeExceptionally(new ApiException(kind, status,
                "http://gw", message, null, null));
    }

    private void answerDetail(String id, String name) {
        source.detailAnswers.get(source.detailAnswers.size() - 1).complete(TestKeys.key(id).name(name).build());
    }

    @Test
    void aFailedDetailKeepsTheRowsNameIdAndValueAndRetriesWithTheTable() {
        vm.start();
        source.answerLast(0, 25, 500, 25);
        vm.selectedIndexProperty().set(3);
        KeyRow row = vm.selectedRow();
        vm.openSelected();

        var detail = vm.detail();
        assertEquals(row.id(), detail.detailsProperty().get().key().id(), "the table's copy shows at once");
        assertEquals(row.name(), detail.detailsProperty().get().key().name());
        assertFalse(detail.freshProperty().get());
        failDetail(ApiException.Kind.SERVER_ERROR, 500, "The server failed (500).");
        assertEquals("The server failed (500).", detail.errorMessageProperty().get());
        assertEquals(row.id(), detail.detailsProperty().get().key().id(), "the key keeps its identity");
        assertEquals(row.name(), detail.detailsProperty().get().key().name());
        assertEquals(row.plainValue(), detail.detailsProperty().get().key().plainValue());

        // The server is down: the table's refresh fails too; its Retry brings both back.
        vm.refresh();
        fail(500);
        failDetail(ApiException.Kind.SERVER_ERROR, 500, "The server failed (500).");
        int detailRequests = source.detailIds.size();
        vm.retry();
        source.answerLast(0, 25, 500, 25);
        assertEquals(detailRequests + 1, source.detailIds.size(), "the details are read again with the table");
        answerDetail(row.id(), row.name());
        assertNull(detail.errorMessageProperty().get());
        assertTrue(detail.freshProperty().get());
        assertEquals(row.id(), vm.selectedRow().id(), "the table still highlights the key on show");
    }

    @Test
    void theTableHighlightsTheKeyTheDetailsShowHoweverItWasOpened() {
        vm.start();
        source.answerLast(0, 25, 500, 25);
        vm.selectedIndexProperty().set(3);
        vm.openSelected();
        answerDetail("vk-3", "three");

        vm.detail().open("vk-7"); // e.g. from the overview's lists
        assertEquals("vk-7", vm.selectedRow().id());
        assertNull(vm.detail().detailsProperty().get(), "never the previous key's details meanwhile");
        int requests = source.detailIds.size();
        answerDetail("vk-7", "seven");
        assertEquals(requests, source.detailIds.size(), "selecting its row asks for nothing more");

        vm.detail().open("vk-400"); // not on this page
        assertNull(vm.selectedRow(), "no other key stays highlighted");
        assertEquals("Not on this page of the list.", vm.detail().notInListProperty().get());
    }

    @Test
    void detailsOfAKeyTheListNoLongerHoldsAreMarkedAndADeletedKeyIsDroppedOnRefresh() {
        vm.start();
        source.answerLast(0, 25, 500, 25);
        vm.selectedIndexProperty().set(3);
        vm.openSelected();
        answerDetail("vk-3", "three");
        assertNull(vm.detail().notInListProperty().get());

        vm.searchTextProperty().set("nothing like it");
        scheduler.advance(KeyBrowserViewModel.SEARCH_DELAY);
        source.answerLast(0, 0, 0, 25);
        assertEquals("Not in the current list: the list is empty.", vm.detail().notInListProperty().get());

        vm.searchTextProperty().set("key 1");
        scheduler.advance(KeyBrowserViewModel.SEARCH_DELAY);
        source.answerLast(10, 5, 5, 25);
        assertEquals("Not in the current list: the search or filters leave it out.",
                vm.detail().notInListProperty().get());

        vm.clearFilters();
        source.answerLast(0, 25, 500, 25);
        assertNull(vm.detail().notInListProperty().get());
        assertEquals("vk-3", vm.selectedRow().id());
        vm.nextPage();
        source.answerLast(25, 25, 500, 25);
        assertEquals("Not on this page of the list.", vm.detail().notInListProperty().get());
        assertTrue(vm.detail().shownProperty().get());

        // Deleted on the server meanwhile: the refresh drops the details and says why.
        vm.refresh();
        source.answerLast(25, 25, 499, 25);
        failDetail(ApiException.Kind.NOT_FOUND, 404, "The key no longer exists.");
        assertFalse(vm.detail().shownProperty().get());
        assertEquals("\u201cthree\u201d no longer exists on the server: its details were closed.",
                vm.noticeProperty().get());
    }

    @Test
    void aLateAnswerSaysHowLongItHasWaitedAndCanBeCancelled() {
        vm.start();
        source.answerLast(0, 25, 500, 25);
        vm.nextPage();
        scheduler.advance(java.time.Duration.ofMillis(1900));
        assertNull(vm.waitingProperty().get(), "a quick answer needs no words");
        scheduler.advance(java.time.Duration.ofMillis(100));
        assertEquals("Waiting for the server\u2026 2 s", vm.waitingProperty().get());
        for (int i = 0; i < 10; i++) {
            scheduler.advance(java.time.Duration.ofSeconds(1));
        }
        assertEquals("Waiting for the server\u2026 12 s", vm.waitingProperty().get());

        vm.cancelWaiting();
        assertNull(vm.waitingProperty().get());
        assertFalse(vm.loadingProperty().get());
        assertTrue(source.keyAnswers.get(1).isCancelled(), "the request is aborted");
        assertEquals("vk-0", vm.rows().get(0).id(), "the rows on screen stay");
        assertEquals("You stopped waiting for the server's answer.", vm.errorMessageProperty().get());
        scheduler.advance(java.time.Duration.ofSeconds(5));
        assertNull(vm.waitingProperty().get(), "no tick of the cancelled wait comes back");

        vm.retry();
        assertEquals(25, source.lastQuery().offset(), "Retry asks for the page again");
        assertNull(vm.errorMessageProperty().get(), "asking again, it no longer says it stopped");
        scheduler.advance(java.time.Duration.ofSeconds(3));
        source.answerLast(25, 25, 500, 25);
        assertNull(vm.waitingProperty().get(), "the answer ends the wait");
        assertNull(vm.errorMessageProperty().get());
    }

    /** Remembers what was copied, like the system clipboard would. */
    private static final class RecordingClipboard implements bifrostconsole.ui.ClipboardService {
        final java.util.List<String> copied = new java.util.ArrayList<>();

        @Override
        public void copy(String text) {
            copied.add(text);
        }

        @Override
        public void copySecret(String secret) {
            copied.add(secret);
        }
    }

    @Test
    void aCopyIsConfirmedForAMoment() {
        RecordingClipboard clipboard = new RecordingClipboard();
        vm.setClipboard(clipboard);
        vm.start();
        source.answerLast(0, 25, 500, 25);
        KeyRow row = vm.rows().get(2);

        vm.copyKeyValue(row);
        assertEquals(java.util.List.of(row.plainValue()), clipboard.copied);
        assertEquals("Copied \u2014 clears in 30 s", vm.copyConfirmationProperty().get());
        scheduler.advance(KeyBrowserViewModel.COPY_CONFIRMATION_FOR);
        assertNull(vm.copyConfirmationProperty().get());

        // From the details too, which copy through the same confirmation.
        vm.selectedIndexProperty().set(2);
        vm.openSelected();
        vm.detail().copyValue();
        assertEquals("Copied \u2014 clears in 30 s", vm.copyConfirmationProperty().get());
        scheduler.advance(java.time.Duration.ofSeconds(2));
        vm.detail().copyId();
        assertEquals("Copied", vm.copyConfirmationProperty().get());
        scheduler.advance(java.time.Duration.ofSeconds(2));
        assertEquals("Copied", vm.copyConfirmationProperty().get(), "a new copy shows its full moment");
        scheduler.advance(java.time.Duration.ofSeconds(1));
        assertNull(vm.copyConfirmationProperty().get());
    }

    @Test
    void aRevealedValueIsMaskedAgainAfterAWhileAndWhenTheKeyIsLeft() {
        vm.start();
        source.answerLast(0, 25, 500, 25);
        KeyRow row = vm.rows().get(1);
        assertTrue(vm.toggleReveal(row));
        assertTrue(vm.isRevealed(row));
        scheduler.advance(KeyBrowserViewModel.REVEAL_FOR.minusSeconds(1));
        assertTrue(vm.isRevealed(row));
        scheduler.advance(java.time.Duration.ofSeconds(1));
        assertFalse(vm.isRevealed(row), "masked again after a minute");

        assertTrue(vm.toggleReveal(row));
        vm.nextPage();
        source.answerLast(25, 25, 500, 25);
        assertTrue(vm.revealedKeyIds().isEmpty(), "its row left the screen");

        // The details: after a minute, and when another key opens.
        vm.selectedIndexProperty().set(0);
        vm.openSelected();
        vm.detail().toggleReveal();
        assertTrue(vm.detail().valueRevealedProperty().get());
        scheduler.advance(KeyBrowserViewModel.REVEAL_FOR);
        assertFalse(vm.detail().valueRevealedProperty().get());
        vm.detail().toggleReveal();
        vm.selectNext();
        assertFalse(vm.detail().valueRevealedProperty().get(), "the key was left");
        vm.detail().toggleReveal();
        vm.closeDetail();
        assertFalse(vm.detail().valueRevealedProperty().get());
    }
}
