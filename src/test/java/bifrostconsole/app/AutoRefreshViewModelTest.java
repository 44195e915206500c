package bifrostconsole.app;

import bifrostconsole.config.UiSettings;
import bifrostconsole.service.Scheduler;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AutoRefreshViewModelTest {
    /** A clock and a one-second timer moved by hand. */
    static final class ManualTime extends Clock implements Scheduler {
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        final List<Runnable> due = new ArrayList<>();

        @Override
        public Cancellable schedule(Duration delay, Runnable task) {
            due.add(task);
            return () -> due.remove(task);
        }

        void advance(int seconds) {
            for (int i = 0; i < seconds; i++) {
                now = now.plusSeconds(1);
                List<Runnable> run = List.copyOf(due);
                due.clear();
                run.forEach(Runnable::run);
            }
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualTime time = new ManualTime();
    private final UiSettings settings = UiSettings.inMemory();
    private final AtomicInteger refreshes = new AtomicInteger();
    private final AtomicBoolean busy = new AtomicBoolean();

    private AutoRefreshViewModel vm() {
        return new AutoRefreshViewModel(settings, time, time, refreshes::incrementAndGet, busy::get);
    }

    @Test
    void refreshesAtTheIntervalRemembersItAndSaysWhenItLastDid() {
        AutoRefreshViewModel vm = vm();
        time.advance(30);
        assertEquals(0, refreshes.get(), "off by default");
        vm.intervalProperty().set(AutoRefreshViewModel.Interval.S10);
        assertEquals("S10", settings.get(AutoRefreshViewModel.SETTING, ""));
        time.advance(9);
        assertEquals(0, refreshes.get());
        time.advance(1);
        assertEquals(1, refreshes.get());
        vm.updated(time.now);
        time.advance(10);
        assertEquals(2, refreshes.get());
        time.advance(2);
        assertEquals("Updated 12 s ago", vm.updatedTextProperty().get());
        assertEquals(AutoRefreshViewModel.Interval.S10, vm().intervalProperty().get(), "remembered");
    }

    @Test
    void pausedBlockedOrBusyMeansNoRefresh() {
        AutoRefreshViewModel vm = vm();
        vm.intervalProperty().set(AutoRefreshViewModel.Interval.S10);
        vm.pausedProperty().set(true);
        time.advance(25);
        assertEquals(0, refreshes.get());
        assertEquals("Paused", vm.stateTextProperty().get());
        vm.pausedProperty().set(false);
        vm.blockedProperty().set(true);
        time.advance(25);
        assertEquals(0, refreshes.get());
        assertEquals("Paused while an editor is open", vm.stateTextProperty().get());
        vm.blockedProperty().set(false);
        busy.set(true);
        time.advance(3);
        assertEquals(0, refreshes.get(), "the last refresh is still on its way");
        busy.set(false);
        time.advance(1);
        assertEquals(1, refreshes.get(), "due for a while: it runs as soon as nothing holds it");
        vm.close();
        time.advance(60);
        assertEquals(1, refreshes.get());
    }
}
