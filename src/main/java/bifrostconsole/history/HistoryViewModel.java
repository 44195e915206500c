package bifrostconsole.history;

import bifrostconsole.changes.ChangeHistory;
import bifrostconsole.changes.DeletedKey;
import bifrostconsole.changes.HistoryEntry;
import bifrostconsole.changes.HistoryFilter;
import bifrostconsole.config.AtomicFiles;
import bifrostconsole.keyactions.ChangeDialogViewModel;
import bifrostconsole.keyactions.KeyActionsViewModel;
import bifrostconsole.messages.UserMessages;
import bifrostconsole.service.LatestRequest;
import bifrostconsole.service.Scheduler;
import bifrostconsole.ui.Formats;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The History view's state: the console's local change log ({@link ChangeHistory}, written by the window and the
 * {@code keys} command alike), newest first, narrowed by key, action, outcome, time and server; exported as CSV;
 * and "Recreate" for a key deleted from this server, from the configuration saved before the delete. The log is
 * read off the UI thread each time the filters change or a change ends; the newest read wins.
 */
public final class HistoryViewModel {
    static final Duration SEARCH_DELAY = Duration.ofMillis(250);

    /** How far back to look. */
    public enum Period {
        ALL("All time", null), DAY("Last 24 hours", Duration.ofDays(1)), WEEK("Last 7 days", Duration.ofDays(7)),
        MONTH("Last 30 days", Duration.ofDays(30));

        private final String label;
        private final Duration length;

        Period(String label, Duration length) {
            this.label = label;
            this.length = length;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** The actions History names (the {@code keys} verbs), for the action filter. */
    public static final List<String> ACTIONS = List.of("enable", "disable", "rotate", "delete", "recreate",
            "reset-usage", "set-budget", "remove-budget", "set-rate-limit", "assign", "override", "remove-override");
    /** The outcomes History records. */
    public static final List<String> OUTCOMES = List.of("done", "failed", "skipped");

    /** One entry as the table shows it. */
    public record Row(HistoryEntry entry, String time, String server, String keyName, String keyId, String action,
                      String changes, String outcome, String reason, boolean recreatable) {
    }

    private final KeyActionsViewModel actions;
    private final ChangeHistory history;
    private final Executor background;
    private final Clock clock;
    private final Formats formats;
    private final Scheduler scheduler;
    private final LatestRequest reading;
    private final LatestRequest working;

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<String> action = new SimpleObjectProperty<>(this, "action");
    private final ObjectProperty<String> outcome = new SimpleObjectProperty<>(this, "outcome");
    private final ObjectProperty<Period> period = new SimpleObjectProperty<>(this, "period", Period.ALL);
    private final BooleanProperty allServers = new SimpleBooleanProperty(this, "allServers");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private List<HistoryEntry> shown = List.of();
    private Scheduler.Cancellable pendingSearch;

    public HistoryViewModel(KeyActionsViewModel actions, Executor uiExecutor, Executor background, Clock clock,
                            Formats formats, Scheduler scheduler) {
        this.actions = actions;
        this.history = actions.engine().history();
        this.background = background;
        this.clock = clock;
        this.formats = formats;
        this.scheduler = scheduler;
        this.reading = new LatestRequest(uiExecutor);
        this.working = new LatestRequest(uiExecutor);
        text.addListener((o, a, b) -> {
            if (pendingSearch != null) {
                pendingSearch.cancel();
            }
            pendingSearch = scheduler.schedule(SEARCH_DELAY, this::reload);
        });
        action.addListener((o, a, b) -> reload());
        outcome.addListener((o, a, b) -> reload());
        period.addListener((o, a, b) -> reload());
        allServers.addListener((o, a, b) -> reload());
        actions.runsFinishedProperty().addListener((o, a, b) -> reload());
    }

    /** The filters in force, as the engine's History reads them. */
    HistoryFilter filter() {
        HistoryFilter f = HistoryFilter.ALL.withText(text.get() == null || text.get().isBlank() ? null
                : text.get().strip()).withAction(action.get()).withOutcome(outcome.get());
        if (!allServers.get()) {
            f = f.withServer(actions.server());
        }
        Duration length = period.get() == null ? null : period.get().length;
        return length == null ? f : f.between(clock.instant().minus(length), null);
    }

    /** Reads the log again with the filters in force. */
    public void reload() {
        HistoryFilter filter = filter();
        String server = actions.server();
        status.set("Reading History\u2026");
        reading.submit(() -> CompletableFuture.supplyAsync(() -> {
            try {
                List<HistoryEntry> entries = new ArrayList<>(history.read(filter));
                Collections.reverse(entries); // newest first
                return entries;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, background), entries -> new Read(entries, entries.stream().map(e -> row(e, server)).toList()),
                (read, failure) -> {
                    if (failure != null) {
                        rows.clear();
                        shown = List.of();
                        status.set(UserMessages.of(failure, "History could not be read"));
                        return;
                    }
                    shown = read.entries();
                    rows.setAll(read.rows());
                    status.set(read.rows().isEmpty() ? "" : formats.count(read.rows().size())
                            + (read.rows().size() == 1 ? " change" : " changes") + " \u00b7 newest first \u00b7 "
                            + history.file());
                });
    }

    private record Read(List<HistoryEntry> entries, List<Row> rows) {
    }

    private Row row(HistoryEntry e, String server) {
        boolean recreatable = "delete".equals(e.action()) && "done".equals(e.outcome()) && e.backup() != null
                && server.equals(e.server());
        return new Row(e, formats.dateTime(e.time()), e.server() == null ? "" : e.server(),
                e.keyName() == null ? "" : e.keyName(), e.keyId() == null ? "" : e.keyId(),
                e.action() == null ? "" : e.action(), e.fieldsText(), e.outcome() == null ? "" : e.outcome(),
                e.reason() != null ? e.reason() : recreatable
                        ? "Its configuration was saved first: Recreate… makes a new key from it." : "",
                recreatable);
    }

    /** What the placeholder says when no entry is shown. */
    public String emptyText() {
        boolean filtered = !text.get().isBlank() || action.get() != null || outcome.get() != null
                || period.get() != Period.ALL;
        return filtered ? "No change matches these filters." : allServers.get()
                ? "No change has been made from this console yet." : "No change has been made to "
                + actions.server() + " from this console yet.";
    }

    /** Writes the entries shown (with the filters in force) as CSV, atomically and off the UI thread. */
    public void exportCsv(Path file) {
        List<HistoryEntry> entries = shown;
        message.set("Saving\u2026");
        working.submit(() -> CompletableFuture.runAsync(() -> {
            try {
                AtomicFiles.writeString(file, ChangeHistory.csv(entries));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, background), (done, failure) -> message.set(failure != null
                ? UserMessages.of(failure, "History could not be saved")
                : "Saved " + formats.count(entries.size()) + (entries.size() == 1 ? " change" : " changes") + " to "
                + file + "."));
    }

    /**
     * Reads the configuration saved before {@code row}'s key was deleted and hands the Recreate dialog to
     * {@code open} (on the UI thread); says why when the file cannot be read.
     */
    public void recreate(Row row, Consumer<ChangeDialogViewModel> open) {
        if (!row.recreatable()) {
            return;
        }
        Path file = Path.of(row.entry().backup());
        message.set("Reading the saved configuration\u2026");
        working.submit(() -> CompletableFuture.supplyAsync(() -> {
            try {
                return actions.engine().backups().load(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, background), (DeletedKey deleted, Throwable failure) -> {
            if (failure != null) {
                message.set(UserMessages.of(failure, "The saved configuration of " + row.keyName()
                        + " could not be read"));
                return;
            }
            message.set("");
            open.accept(actions.recreate(deleted));
        });
    }

    public StringProperty textProperty() {
        return text;
    }

    /** One action ({@link #ACTIONS}), or null for all. */
    public ObjectProperty<String> actionProperty() {
        return action;
    }

    /** One outcome ({@link #OUTCOMES}), or null for all. */
    public ObjectProperty<String> outcomeProperty() {
        return outcome;
    }

    public ObjectProperty<Period> periodProperty() {
        return period;
    }

    /** Every server's changes, not only this one's. */
    public BooleanProperty allServersProperty() {
        return allServers;
    }

    public ObservableList<Row> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /** How many entries are shown and where the log lives, or why it could not be read. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The outcome of an export or of reading a backup. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public String server() {
        return actions.server();
    }

    /** Stops reading (the window closed). */
    public void close() {
        reading.cancel();
        working.cancel();
        if (pendingSearch != null) {
            pendingSearch.cancel();
        }
    }
}
