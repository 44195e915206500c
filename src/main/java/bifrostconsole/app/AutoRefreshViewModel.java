package bifrostconsole.app;

import bifrostconsole.config.UiSettings;
import bifrostconsole.service.Scheduler;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Auto-refresh of the workspace's views: off, every 10 s, 30 s, 1 min or 5 min (remembered), with "Updated 12 s
 * ago". The user can pause it; it also holds still while an editor or a preview is open ({@link #blockedProperty}),
 * and never starts a refresh while the last one is still on its way. A one-second tick drives both the text and
 * the refreshes, on the UI executor.
 */
public final class AutoRefreshViewModel {

    public enum Interval {
        OFF("Off", null), S10("Every 10 s", Duration.ofSeconds(10)), S30("Every 30 s", Duration.ofSeconds(30)),
        M1("Every minute", Duration.ofMinutes(1)), M5("Every 5 minutes", Duration.ofMinutes(5));

        private final String label;
        private final Duration period;

        Interval(String label, Duration period) {
            this.label = label;
            this.period = period;
        }

        public String label() {
            return label;
        }

        public Duration period() {
            return period;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    static final String SETTING = "refresh.interval";
    private static final Duration TICK = Duration.ofSeconds(1);

    private final Scheduler scheduler;
    private final Clock clock;
    private final Runnable refresh;
    private final BooleanSupplier busy;
    private final ObjectProperty<Interval> interval = new SimpleObjectProperty<>(this, "interval", Interval.OFF);
    private final BooleanProperty paused = new SimpleBooleanProperty(this, "paused");
    private final BooleanProperty blocked = new SimpleBooleanProperty(this, "blocked");
    private final ReadOnlyStringWrapper updatedText = new ReadOnlyStringWrapper(this, "updatedText", "");
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper(this, "stateText", "");
    private Instant lastUpdated;
    private Instant lastStarted;
    private Scheduler.Cancellable tick;
    private boolean closed;

    /**
     * @param refresh refreshes the views (called on the UI executor)
     * @param busy    true while a refresh is still on its way: no new one starts then
     */
    public AutoRefreshViewModel(UiSettings settings, Scheduler scheduler, Clock clock, Runnable refresh,
                                BooleanSupplier busy) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.refresh = refresh;
        this.busy = busy;
        try {
            interval.set(Interval.valueOf(settings.get(SETTING, Interval.OFF.name())));
        } catch (IllegalArgumentException e) {
            interval.set(Interval.OFF);
        }
        interval.addListener((o, a, b) -> {
            settings.put(SETTING, b.name());
            lastStarted = clock.instant();
            showState();
        });
        paused.addListener((o, a, b) -> showState());
        blocked.addListener((o, a, b) -> showState());
        showState();
        schedule();
    }

    /** A view was brought up to date (by this or by the user's F5): the "Updated … ago" clock restarts. */
    public void updated(Instant at) {
        lastUpdated = at;
        showUpdated();
    }

    public void close() {
        closed = true;
        if (tick != null) {
            tick.cancel();
        }
    }

    private void schedule() {
        if (!closed) {
            tick = scheduler.schedule(TICK, this::onTick);
        }
    }

    /** Every second: the text; and a refresh when one is due, nothing holds it and none is on its way. */
    void onTick() {
        if (closed) {
            return;
        }
        showUpdated();
        Interval i = interval.get();
        Instant now = clock.instant();
        Instant since = lastStarted == null ? lastUpdated : lastStarted;
        boolean due = i.period() != null && (since == null || !now.isBefore(since.plus(i.period())));
        if (due && !paused.get() && !blocked.get() && !busy.getAsBoolean()) {
            lastStarted = now;
            refresh.run();
        }
        schedule();
    }

    private void showUpdated() {
        if (lastUpdated == null) {
            updatedText.set("");
            return;
        }
        long s = Math.max(0, Duration.between(lastUpdated, clock.instant()).getSeconds());
        updatedText.set(s < 5 ? "Updated just now" : s < 60 ? "Updated " + s + " s ago"
                : s < 3600 ? "Updated " + s / 60 + " min ago" : "Updated " + s / 3600 + " h ago");
    }

    private void showState() {
        stateText.set(interval.get() == Interval.OFF ? ""
                : paused.get() ? "Paused"
                : blocked.get() ? "Paused while an editor is open" : "");
    }

    public ObjectProperty<Interval> intervalProperty() {
        return interval;
    }

    /** The user's pause button. */
    public BooleanProperty pausedProperty() {
        return paused;
    }

    /** True while an editor or a preview is open: refreshing then could change what the user is editing. */
    public BooleanProperty blockedProperty() {
        return blocked;
    }

    public ReadOnlyStringProperty updatedTextProperty() {
        return updatedText.getReadOnlyProperty();
    }

    /** "Paused", "Paused while an editor is open", or empty. */
    public ReadOnlyStringProperty stateTextProperty() {
        return stateText.getReadOnlyProperty();
    }
}
