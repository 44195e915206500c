package bifrostconsole.exportui;

import bifrostconsole.api.GovernanceSource;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.export.Cancellation;
import bifrostconsole.export.GovernanceState;
import bifrostconsole.export.KeyPageSource;
import bifrostconsole.export.LiveGovernance;
import bifrostconsole.export.ProgressListener;
import bifrostconsole.export.Snapshot;
import bifrostconsole.export.SnapshotFileException;
import bifrostconsole.export.SnapshotSource;
import bifrostconsole.keys.KeyBrowserView;
import bifrostconsole.keys.KeyBrowserViewModel;
import bifrostconsole.messages.UserMessages;
import bifrostconsole.ui.Formats;
import bifrostconsole.ui.WindowService;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The key table's export actions: "Export…" and the Snapshots menu (save, open read-only, compare with the
 * server, compare two). Built by the composition root with its collaborators: everything slow runs on
 * {@code background}, results reach the window through {@code uiExecutor}, and every window and alert is opened
 * through the {@link WindowService}.
 */
public final class ExportActions {
    private final WindowService windows;
    private final Executor background;
    private final Executor uiExecutor;
    private final Clock clock;
    private final Formats formats;
    private final Function<GovernanceSource, KeyBrowserViewModel> browsers;

    /** @param browsers builds the key table's view-model for a snapshot window */
    public ExportActions(WindowService windows, Executor background, Executor uiExecutor, Clock clock,
                         Formats formats, Function<GovernanceSource, KeyBrowserViewModel> browsers) {
        this.windows = windows;
        this.background = background;
        this.uiExecutor = uiExecutor;
        this.clock = clock;
        this.formats = formats;
        this.browsers = browsers;
    }

    /** Adds "Export…" and "Snapshots" to a live server's key table. */
    public void install(KeyBrowserView view, KeyBrowserViewModel browser, ManagementApiClient client) {
        view.addToolbarItem(exportButton(view, KeyPageSource.of(client), browser));
        view.addToolbarItem(snapshotMenu(view, client));
    }

    /** "Export…" for the keys the table shows: its search, filters and sort, this page or all matching. */
    public Button exportButton(Node anchor, KeyPageSource source, KeyBrowserViewModel browser) {
        Button export = new Button("Export\u2026");
        export.setId("export-button");
        export.setOnAction(e -> {
            ExportViewModel vm = new ExportViewModel(source, browser.shownQueryProperty().get(),
                    browser.pageProperty().get().total(), Path.of(System.getProperty("user.home")), background,
                    uiExecutor, clock);
            ExportDialog.show(windows, window(anchor), vm);
        });
        return export;
    }

    MenuButton snapshotMenu(Node anchor, ManagementApiClient client) {
        MenuItem save = new MenuItem("Save snapshot\u2026");
        save.setOnAction(e -> saveSnapshot(anchor, client));
        MenuItem open = new MenuItem("Open snapshot\u2026");
        open.setOnAction(e -> chooseSnapshot(anchor, "Open snapshot").ifPresent(file -> openSnapshot(anchor, file)));
        MenuItem withServer = new MenuItem("Compare a snapshot with this server\u2026");
        withServer.setOnAction(e -> chooseSnapshot(anchor, "Compare with the server").ifPresent(file -> {
            DiffViewModel vm = new DiffViewModel(background, uiExecutor, formats);
            DiffView.show(windows, window(anchor), vm, "Changes since " + file.getFileName());
            vm.compare(GovernanceState.ofFile(file), new LiveGovernance(client, true, ProgressListener.NONE,
                    new Cancellation()));
        }));
        MenuItem two = new MenuItem("Compare two snapshots\u2026");
        two.setOnAction(e -> chooseSnapshot(anchor, "Older snapshot").ifPresent(older ->
                chooseSnapshot(anchor, "Newer snapshot").ifPresent(newer -> {
                    DiffViewModel vm = new DiffViewModel(background, uiExecutor, formats);
                    DiffView.show(windows, window(anchor), vm, older.getFileName() + " \u2192 " + newer.getFileName());
                    vm.compare(GovernanceState.ofFile(older), GovernanceState.ofFile(newer));
                })));
        MenuButton menu = new MenuButton("Snapshots", null, save, open, new SeparatorMenuItem(), withServer, two);
        menu.setId("snapshot-menu");
        return menu;
    }

    private void saveSnapshot(Node anchor, ManagementApiClient client) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save snapshot");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Snapshots (JSON)", "*.json"));
        chooser.setInitialFileName("bifrost-snapshot-" + LocalDate.now(clock) + ".json");
        File target = chooser.showSaveDialog(window(anchor));
        if (target == null) {
            return;
        }
        Cancellation cancellation = new Cancellation();
        ProgressBar bar = new ProgressBar(-1);
        bar.setPrefWidth(360);
        Label text = new Label("Reading the governance state\u2026");
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> cancellation.cancel());
        VBox box = new VBox(10, text, bar, cancel);
        box.setPadding(new Insets(16));
        Stage progress = windows.dialog(window(anchor), "Saving snapshot", box);
        progress.setOnHidden(e -> cancellation.cancel());
        progress.show();
        ProgressListener listener = (done, total) -> uiExecutor.execute(() -> {
            bar.setProgress(total > 0 ? (double) done / total : -1);
            text.setText(String.format(Locale.ROOT, "%,d of %,d keys", done, Math.max(total, done)));
        });
        CompletableFuture.supplyAsync(() -> {
            try {
                return new LiveGovernance(client, false, listener, cancellation).writeSnapshot(target.toPath());
            } catch (java.io.IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        }, background).whenCompleteAsync((summary, failure) -> {
            progress.setOnHidden(null);
            progress.hide();
            if (failure == null) {
                windows.inform(window(anchor), Alert.AlertType.INFORMATION, "Snapshot saved", summary.describe());
            } else if (!(UserMessages.unwrap(failure) instanceof java.util.concurrent.CancellationException)) {
                windows.inform(window(anchor), Alert.AlertType.ERROR, "The snapshot was not saved", describe(failure));
            }
        }, uiExecutor);
    }

    /** Reads a snapshot off the UI thread and browses it read-only in its own window. */
    public void openSnapshot(Node anchor, Path file) {
        CompletableFuture.supplyAsync(() -> {
            try {
                return SnapshotSource.open(file);
            } catch (java.io.IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        }, background).whenCompleteAsync((source, failure) -> {
            if (failure == null) {
                SnapshotWindow.show(windows, window(anchor), source, browsers.apply(source), this);
            } else {
                windows.inform(window(anchor), Alert.AlertType.ERROR, "The snapshot could not be opened",
                        describe(failure));
            }
        }, uiExecutor);
    }

    private static String describe(Throwable failure) {
        return SnapshotFileException.describe(failure, "The file could not be written or read (%s).",
                "The operation failed");
    }

    private static java.util.Optional<Path> chooseSnapshot(Node anchor, String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(List.of(new FileChooser.ExtensionFilter("Snapshots (JSON)", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*")));
        File f = chooser.showOpenDialog(window(anchor));
        return java.util.Optional.ofNullable(f).map(File::toPath);
    }

    private static Window window(Node anchor) {
        return anchor.getScene() == null ? null : anchor.getScene().getWindow();
    }
}
