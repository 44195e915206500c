package bifrostconsole.keydetail;

import bifrostconsole.api.ApiException;
import bifrostconsole.testing.HeldAnswersSource;
import bifrostconsole.testing.TestKeys;
import bifrostconsole.ui.Formats;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyDetailViewModelTest {
    private final HeldAnswersSource source = new HeldAnswersSource();
    private final KeyDetailViewModel vm = new KeyDetailViewModel(source, Runnable::run,
            Clock.fixed(TestKeys.NOW, ZoneOffset.UTC), new Formats(Locale.US, ZoneOffset.UTC),
            new bifrostconsole.testing.ManualScheduler());

    @Test
    void fetchesFreshByIdAndDropsTheAnswerForAKeyNoLongerWanted() {
        source.ignoreCancel = true;
        vm.open("a");
        assertTrue(vm.shownProperty().get());
        assertTrue(vm.loadingProperty().get());
        vm.open("b");
        source.detailAnswers.get(1).complete(TestKeys.key("b").name("bee").build());
        source.detailAnswers.get(0).complete(TestKeys.key("a").name("ay").build());
        assertEquals("b", vm.detailsProperty().get().key().id());
        assertFalse(vm.loadingProperty().get());
        assertEquals(java.util.List.of("a", "b"), source.detailIds);
    }

    @Test
    void failureIsOneSentenceAndRetryFetchesAgain() {
        vm.open("a");
        source.detailAnswers.get(0).completeExceptionally(new ApiException(ApiException.Kind.NOT_FOUND, 404, "gw",
                "The key no longer exists on gw. Refresh the list.", null, null));
        assertEquals("The key no longer exists on gw. Refresh the list.", vm.errorMessageProperty().get());
        vm.retry();
        assertNull(vm.errorMessageProperty().get());
        source.detailAnswers.get(1).complete(TestKeys.key("a").name("ay").build());
        assertEquals("ay", vm.detailsProperty().get().key().name());
    }

    @Test
    void closingDropsAnAnswerStillOnItsWay() {
        vm.open("a");
        vm.close();
        assertFalse(vm.shownProperty().get());
        assertTrue(source.detailAnswers.get(0).isCancelled());
        assertNull(vm.detailsProperty().get());
    }
}
