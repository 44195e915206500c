package bifrostconsole.exportui;

import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.export.ExportFormat;
import bifrostconsole.export.ExportRequest;
import bifrostconsole.export.ExportResult;
import bifrostconsole.export.ExportScope;
import bifrostconsole.export.KeyExporter;
import bifrostconsole.export.KeyPageSource;
import bifrostconsole.export.KeyPager;
import bifrostconsole.export.ProgressListener;
import bifrostconsole.messages.UserMessages;
import bifrostconsole.service.LatestRequest;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The Export dialog's state: this page or all matching keys, CSV or JSON, the file, whether key values go in,
 * and a running export's progress, result or error. The export runs on {@code background}; every change the
 * user sees is applied through {@code uiExecutor}.
 */
public final class ExportViewModel {
    private final KeyPageSource source;
    private final VirtualKeyQuery query;
    private final long matchingCount;
    private final Executor background;
    private final Clock clock;

    private final ObjectProperty<ExportScope> scope = new SimpleObjectProperty<>(ExportScope.ALL_MATCHING);
    private final ObjectProperty<ExportFormat> format = new SimpleObjectProperty<>(ExportFormat.CSV);
    private final StringProperty fileName = new SimpleStringProperty("");
    private final BooleanProperty includeSecrets = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canStart;

    private final LatestRequest exports;
    private CompletableFuture<ExportResult> current;

    /**
     * @param query         the table's query: its search, filters and sort (and its page, for "this page")
     * @param matchingCount how many keys the table says match, for the "all N matching keys" choice
     */
    public ExportViewModel(KeyPageSource source, VirtualKeyQuery query, long matchingCount, Path folder,
                           Executor background, Executor uiExecutor, Clock clock) {
        this.source = source;
        this.query = query;
        this.matchingCount = matchingCount;
        this.background = background;
        this.exports = new LatestRequest(uiExecutor);
        this.clock = clock;
        fileName.set(folder.resolve(defaultName(ExportFormat.CSV)).toString());
        format.addListener((obs, old, now) -> fileName.set(withExtension(fileName.get(), old, now)));
        canStart = Bindings.createBooleanBinding(() -> !running.get() && !fileName.get().isBlank(), running, fileName);
        // The outcome line speaks of the run before: once a choice changes it no longer describes what Export does.
        scope.addListener((o, a, b) -> forgetOutcome());
        format.addListener((o, a, b) -> forgetOutcome());
        fileName.addListener((o, a, b) -> forgetOutcome());
        includeSecrets.addListener((o, a, b) -> forgetOutcome());
    }

    private void forgetOutcome() {
        if (running.get()) {
            return;
        }
        status.set("");
        error.set("");
        progress.set(0);
        finished.set(false);
    }

    /** Starts the export; ignored while one runs. */
    public void start() {
        if (running.get() || fileName.get().isBlank()) {
            return;
        }
        LatestRequest.Ticket ticket = exports.start();
        Path target = Path.of(fileName.get().strip());
        ExportRequest request = new ExportRequest(query, scope.get(), format.get(), includeSecrets.get());
        running.set(true);
        finished.set(false);
        error.set("");
        progress.set(-1);
        status.set("Starting\u2026");
        ProgressListener listener = (done, total) -> ticket.ui(() -> {
            if (running.get()) {
                progress.set(total > 0 ? (double) done / total : -1);
                status.set(total > 0 ? String.format(Locale.ROOT, "%,d of %,d keys", done, total)
                        : String.format(Locale.ROOT, "%,d keys", done));
            }
        });
        current = ticket.track(new KeyExporter(new KeyPager(source), clock)
                .toFileAsync(target, request, listener, background));
        // Cancel keeps this ticket current, so "Cancelled" is shown; only a later export silences this one.
        current.whenComplete((result, failure) -> ticket.ui(() -> {
            running.set(false);
            if (failure == null) {
                progress.set(1);
                finished.set(true);
                status.set(result.summary() + (includeSecrets.get() ? " The file holds key values: keep it secret." : ""));
            } else if (UserMessages.unwrap(failure) instanceof CancellationException) {
                progress.set(0);
                status.set("Cancelled: no file was written" + (java.nio.file.Files.exists(target)
                        ? " and " + target.getFileName() + " is as it was." : "."));
            } else {
                progress.set(0);
                status.set("");
                error.set(message(failure, target));
            }
        }));
    }

    /** Stops a running export; the target file stays as it was. */
    public void cancel() {
        if (current != null && running.get()) {
            current.cancel(true);
        }
    }

    private static String message(Throwable failure, Path target) {
        Throwable t = UserMessages.unwrap(failure);
        if (t instanceof java.io.IOException io) {
            return "The file " + target + " could not be written (" + UserMessages.describe(io)
                    + "): choose another folder or free some space.";
        }
        return UserMessages.of(failure, "export the keys");
    }

    String defaultName(ExportFormat f) {
        return "virtual-keys-" + LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault()) + "." + f.extension();
    }

    private static String withExtension(String name, ExportFormat old, ExportFormat now) {
        if (old != null && name.toLowerCase(Locale.ROOT).endsWith("." + old.extension())) {
            return name.substring(0, name.length() - old.extension().length()) + now.extension();
        }
        return name;
    }

    /**
     * What narrows the export besides the team and customer pickers, as the user typed it: "Search “ops” · metadata
     * env = prod, cost_center = cc-42"; empty when neither is set.
     */
    public String filterText() {
        List<String> parts = new ArrayList<>();
        if (query.search() != null) {
            parts.add("search \u201c" + query.search() + "\u201d");
        }
        if (!query.metadata().isEmpty()) {
            parts.add("metadata " + query.metadata().entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                    .collect(java.util.stream.Collectors.joining(", ")));
        }
        return parts.isEmpty() ? "" : "Filtered by " + String.join(" \u00b7 ", parts);
    }

    /** "All 1,234 matching keys" / "This page (25 keys)": the scope choices as the user sees them. */
    public String scopeLabel(ExportScope s) {
        return switch (s) {
            case ALL_MATCHING -> String.format(Locale.ROOT, "All %,d matching keys", matchingCount);
            case CURRENT_PAGE -> String.format(Locale.ROOT, "This page (%,d keys)",
                    Math.min(query.limit() == null ? matchingCount : query.limit(),
                            Math.max(0, matchingCount - (query.offset() == null ? 0 : query.offset()))));
        };
    }

    public ObjectProperty<ExportScope> scopeProperty() {
        return scope;
    }

    public ObjectProperty<ExportFormat> formatProperty() {
        return format;
    }

    public StringProperty fileNameProperty() {
        return fileName;
    }

    /** The view asks the user to confirm before setting this to true. */
    public BooleanProperty includeSecretsProperty() {
        return includeSecrets;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0 to 1, or -1 while the total is not yet known. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    public BooleanBinding canStartProperty() {
        return canStart;
    }

    /** The running export, for tests and for closing the dialog. */
    CompletableFuture<ExportResult> current() {
        return current;
    }
}
