package bifrostconsole.exportui;

import bifrostconsole.export.DiffEngine;
import bifrostconsole.export.DiffRow;
import bifrostconsole.export.GovernanceDiff;
import bifrostconsole.export.GovernanceState;
import bifrostconsole.export.SectionDiff;
import bifrostconsole.export.SnapshotFileException;
import bifrostconsole.service.LatestRequest;
import bifrostconsole.ui.Formats;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The diff view's state: which two sides are compared, whether usage counters count, and the added,
 * removed and changed items as rows. Comparing runs on {@code background}; a newer comparison's result
 * replaces an older one's, which is dropped if it arrives late.
 */
public final class DiffViewModel {
    private final Executor background;
    private final Formats formats;
    private final LatestRequest comparison;
    private final ObservableList<DiffRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper sides = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Pick two snapshots, or a snapshot and the server.");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final BooleanProperty includeUsage = new SimpleBooleanProperty(false);
    private GovernanceState old;
    private GovernanceState current;

    /** @param formats writes each side's "taken" time as the rest of the window does */
    public DiffViewModel(Executor background, Executor uiExecutor, Formats formats) {
        this.background = background;
        this.formats = formats;
        this.comparison = new LatestRequest(uiExecutor);
        includeUsage.addListener((o, was, now) -> recompare());
    }

    /** Compares {@code old} (e.g. last week's snapshot) with {@code current} (a newer one, or the server). */
    public CompletableFuture<GovernanceDiff> compare(GovernanceState old, GovernanceState current) {
        this.old = old;
        this.current = current;
        return recompare();
    }

    private CompletableFuture<GovernanceDiff> recompare() {
        if (old == null || current == null) {
            return CompletableFuture.completedFuture(null);
        }
        LatestRequest.Ticket ticket = comparison.start();
        GovernanceState a = old;
        GovernanceState b = current;
        boolean usage = includeUsage.get();
        running.set(true);
        error.set("");
        summary.set("Comparing " + a.label() + " with " + b.label() + "\u2026");
        CompletableFuture<GovernanceDiff> pending = ticket.track(CompletableFuture.supplyAsync(() -> {
            try {
                return new DiffEngine(usage).compare(a, b);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, background));
        // Pick another pair or tick "include usage" meanwhile, and this comparison's answer is dropped.
        pending.whenComplete((diff, failure) -> ticket.ui(() -> {
            running.set(false);
            if (failure != null) {
                rows.clear();
                summary.set("");
                error.set(message(failure));
                return;
            }
            show(diff);
        }));
        return pending;
    }

    private void show(GovernanceDiff diff) {
        sides.set("Old: " + side(diff.old()) + "\nNew: " + side(diff.current()));
        List<DiffRow> all = new ArrayList<>();
        add(all, "Virtual key", diff.virtualKeys());
        add(all, "Team", diff.teams());
        add(all, "Customer", diff.customers());
        rows.setAll(all);
        SectionDiff k = diff.virtualKeys();
        summary.set(String.format(Locale.ROOT, "Virtual keys: %,d added, %,d removed, %,d changed, %,d unchanged."
                        + " Teams: %,d differences. Customers: %,d differences.%s", k.added().size(),
                k.removed().size(), k.changed().size(), k.unchanged(), count(diff.teams()), count(diff.customers()),
                includeUsage.get() ? "" : " Usage counters are not compared."));
    }

    private static void add(List<DiffRow> rows, String section, SectionDiff d) {
        d.added().forEach(r -> rows.add(new DiffRow(section, DiffRow.Kind.ADDED, r.id(), r.name(), List.of())));
        d.removed().forEach(r -> rows.add(new DiffRow(section, DiffRow.Kind.REMOVED, r.id(), r.name(), List.of())));
        d.changed().forEach(c -> rows.add(new DiffRow(section, DiffRow.Kind.CHANGED, c.id(), c.name(),
                c.changes().stream().map(DiffRow.ChangeLine::of).toList())));
    }

    private static int count(SectionDiff d) {
        return d.added().size() + d.removed().size() + d.changed().size();
    }

    private String side(GovernanceDiff.Side s) {
        return s.label() + (s.server() == null ? "" : " \u2014 " + s.server())
                + (s.takenAt() == null ? "" : ", taken " + formats.dateTime(s.takenAt()));
    }

    private static String message(Throwable failure) {
        return SnapshotFileException.describe(failure, "A snapshot could not be read (%s): check the file.",
                "Could not compare");
    }

    public ObservableList<DiffRow> rows() {
        return rows;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sidesProperty() {
        return sides.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Also compare usage counters; changing it compares again. */
    public BooleanProperty includeUsageProperty() {
        return includeUsage;
    }
}
