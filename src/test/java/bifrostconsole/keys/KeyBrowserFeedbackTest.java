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
}
