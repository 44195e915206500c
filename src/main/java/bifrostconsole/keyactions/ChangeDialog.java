package bifrostconsole.keyactions;

import bifrostconsole.ui.NameLabels;
import atlantafx.base.theme.Styles;
import bifrostconsole.changes.KeyChange;
import bifrostconsole.changes.KeyOutcome;
import bifrostconsole.changes.KeyPlan;
import bifrostconsole.ui.Icons;
import bifrostconsole.ui.MaskedSecretField;
import bifrostconsole.ui.SecretMask;
import bifrostconsole.ui.Stylesheets;
import bifrostconsole.ui.WindowService;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The change dialog: the preview (each key's fields before → after, what the server does besides, the exact
 * request with secrets masked), the confirmation (typing the name or the count for a delete), the run's progress
 * with Cancel, and every key's outcome (done, failed with the reason, skipped because it changed on the server,
 * with the fields that changed and a way to review them), with a rotated key's new value shown once, masked.
 * Destructive changes are red throughout.
 */
public final class ChangeDialog extends VBox {
    private final ChangeDialogViewModel vm;
    private final WindowService windows;
    private final Set<String> revealed = new HashSet<>();
    private Stage stage;

    ChangeDialog(ChangeDialogViewModel vm, WindowService windows) {
        this.vm = vm;
        this.windows = windows;
        getStyleClass().add("change-dialog");
        if (vm.destructive()) {
            getStyleClass().add("destructive");
        }
        setId("change-dialog");
        Stylesheets.apply(this);
        getStylesheets().add(KeyActionsView.STYLESHEET);
        setPrefWidth(780);
        build();
        keepHeightFromPreviewToResults();
    }

    /**
     * The dialog keeps the preview's height while the keys are sent and grows for the results only if they need
     * more: the run's progress pane alone is much shorter, and every change of the window's size is a new back
     * buffer, a layout and a repaint of the whole window, twice per bulk change (shrinking as the run starts,
     * growing back as the results come), each in the frames the FX thread is busiest with.
     */
    private void keepHeightFromPreviewToResults() {
        vm.stepProperty().addListener((o, was, step) -> {
            if (step == ChangeDialogViewModel.Step.RUNNING && getHeight() > 0) {
                setPrefHeight(getHeight());
            } else if (step == ChangeDialogViewModel.Step.FINISHED && getPrefHeight() > 0) {
                double kept = getPrefHeight();
                setPrefHeight(USE_COMPUTED_SIZE);
                double needed = prefHeight(getWidth());
                // A result list at its tallest scrolls at any height: when the preview's height still leaves it
                // RESULTS_ENOUGH pixels (the summary line above it is what a bulk change's results add), the
                // dialog keeps that height; growing by those few pixels was a new back buffer (a 1.5 MB array, a
                // humongous object to G1, which starts a marking cycle with it) and a whole repaint as the results
                // came, the frame the FX thread is busiest with.
                if (resultList != null && resultList.getPrefHeight() >= RESULTS_TALLEST
                        && needed - kept <= RESULTS_TALLEST - RESULTS_ENOUGH) {
                    needed = kept;
                }
                setPrefHeight(Math.max(kept, needed));
            }
        });
    }

    /** The result list's tallest preferred height (it scrolls beyond), and the least it keeps in a kept height. */
    private static final double RESULTS_TALLEST = 380;
    private static final double RESULTS_ENOUGH = 300;

    /** The preview's list at its tallest (it scrolls beyond). */
    private static final double PLANS_TALLEST = 380;

    /** The preview's list, once made. */
    private ListView<ChangeDialogViewModel.PlanItem> planList;

    /** The result list, once its pane is made. */
    private ListView<ChangeDialogViewModel.ResultItem> resultList;

    /** Opens the dialog over {@code owner} (on the FX thread's next turn) and starts planning. */
    public static Stage show(WindowService windows, Window owner, ChangeDialogViewModel vm) {
        ChangeDialog dialog = new ChangeDialog(vm, windows);
        Stage stage = windows.dialog(owner, vm.title(), dialog);
        dialog.stage = stage;
        stage.setResizable(true);
        // Never taller than the screen (a 700-pixel laptop): the lists shrink and scroll, the buttons stay visible.
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setMaxHeight(screen.getHeight());
        dialog.setMaxHeight(screen.getHeight() - 40);
        // Closing the window while keys are being sent cancels the rest; the outcomes stay to be read.
        stage.setOnCloseRequest(e -> {
            if (!vm.cancel()) {
                e.consume();
            }
        });
        // Planning starts before the window shows: its "Working out what changes…" line is then in the window's
        // first size, not a second size (a new back buffer and a whole repaint) a frame later.
        vm.plan();
        // Styled on this turn, shown on the next: the new window's first style pass (every node matched against
        // the sheets afresh) and its showing (layout, the native window) were one 20-30 ms turn of the FX
        // thread, and while the keys are read and planned on the other threads it stretched to a 60-100 ms stall.
        dialog.applyCss();
        Platform.runLater(() -> {
            stage.show();
            dialog.attachLater();
        });
        return stage;
    }

    private void build() {
        FontIcon icon = Icons.icon(vm.destructive() ? Feather.ALERT_OCTAGON : Feather.EDIT_3);
        icon.getStyleClass().add("change-icon");
        Label title = new Label(vm.title());
        title.setId("change-title");
        title.getStyleClass().add("change-title");
        title.setWrapText(true);
        Label subtitle = new Label();
        subtitle.setId("change-subtitle");
        subtitle.getStyleClass().add("change-subtitle");
        subtitle.textProperty().bind(vm.subtitleProperty());
        subtitle.setWrapText(true);
        HBox header = new HBox(12, icon, new VBox(2, title, subtitle));
        header.setAlignment(Pos.CENTER_LEFT);
        getChildren().add(header);

        String warning = warning(vm.change());
        if (warning != null) {
            Label text = new Label(warning);
            text.setWrapText(true);
            text.setId("change-warning");
            HBox box = new HBox(8, Icons.icon(Feather.ALERT_TRIANGLE), text);
            box.getStyleClass().add("change-warning");
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMinHeight(Region.USE_PREF_SIZE);
            // Said before the change; the result list says what happened.
            box.visibleProperty().bind(vm.stepProperty().isNotEqualTo(ChangeDialogViewModel.Step.FINISHED));
            box.managedProperty().bind(box.visibleProperty());
            getChildren().add(box);
        }

        VBox common = new VBox(2);
        common.setId("change-common-effects");
        common.getStyleClass().add("common-effects");
        Runnable fillCommon = () -> {
            common.getChildren().clear();
            if (!vm.commonEffects().isEmpty()) {
                Label heading = new Label(vm.readyCountProperty().get() > 1
                        ? "What the server does besides, for every key" : "What the server does besides");
                heading.getStyleClass().add("section-title");
                common.getChildren().add(heading);
                for (String effect : vm.commonEffects()) {
                    Label line = new Label("\u2022 " + effect);
                    line.setWrapText(true);
                    common.getChildren().add(line);
                }
            }
        };
        vm.commonEffects().addListener((ListChangeListener<String>) c -> fillCommon.run());
        common.visibleProperty().bind(Bindings.isNotEmpty(vm.commonEffects())
                .and(vm.stepProperty().isEqualTo(ChangeDialogViewModel.Step.PREVIEW)));
        common.managedProperty().bind(common.visibleProperty());
        getChildren().add(common);

        StackPane centre = new StackPane();
        // Each step's pane is made when its step first comes: showing the dialog then styles the planning pane
        // alone, not the preview's, the run's and the results' lists as well (styling the whole dialog was the
        // preview's stall), and each later pane is styled in the frame of its own step.
        java.util.Map<ChangeDialogViewModel.Step, java.util.function.Supplier<Node>> panes = new java.util.EnumMap<>(
                ChangeDialogViewModel.Step.class);
        panes.put(ChangeDialogViewModel.Step.PLANNING, this::planningPane);
        panes.put(ChangeDialogViewModel.Step.PREVIEW, this::planList);
        panes.put(ChangeDialogViewModel.Step.RUNNING, this::runningPane);
        panes.put(ChangeDialogViewModel.Step.FINISHED, this::resultPane);
        java.util.function.Consumer<ChangeDialogViewModel.Step> makePane = step -> {
            var make = panes.remove(step);
            if (make != null) {
                Node pane = make.get();
                // Only the step on show is laid out: a hidden but managed pane is still laid out with the others,
                // so the preview's list of a thousand keys would be measured again at every progress update.
                pane.managedProperty().bind(pane.visibleProperty());
                centre.getChildren().add(pane);
            }
        };
        makePane.accept(vm.stepProperty().get());
        vm.stepProperty().addListener((o, was, step) -> makePane.accept(step));
        // The preview's list is made while the keys are read and planned (it is hidden and unmanaged till then):
        // its skin is then styled on its own, not in the frame that shows the first thousand-key preview's cells.
        later.add(() -> {
            makePane.accept(ChangeDialogViewModel.Step.PREVIEW);
            warmPlanCells(centre);
            return centre;
        });
        // The result pane is made while the keys are being sent, at the first progress shown after the start (the
        // progress pane is on screen by then, and the FX thread has little else to do): the end of the run then
        // only fills its list. Making and styling it as the run ended was the longest stall of a bulk change.
        vm.progressProperty().addListener(new InvalidationListener() {
            @Override
            public void invalidated(Observable progress) {
                if (vm.stepProperty().get() == ChangeDialogViewModel.Step.RUNNING && vm.progressProperty().get() > 0) {
                    vm.progressProperty().removeListener(this);
                    makePane.accept(ChangeDialogViewModel.Step.FINISHED);
                    warmResultCells(centre);
                }
            }
        });
        VBox.setVgrow(centre, Priority.ALWAYS);
        getChildren().add(centre);

        Label message = new Label();
        message.setId("change-message");
        message.getStyleClass().add("change-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());
        getChildren().add(message);

        Node confirmRow = confirmRow();
        getChildren().add(buttons());
        // The confirmation row is hidden until the preview; it comes once the window is up.
        later.add(0, () -> {
            getChildren().add(getChildren().size() - 1, confirmRow);
            return confirmRow;
        });
        // Whatever is still to come comes at once when planning ends (a fast or synchronous plan): every part is
        // there by the time the preview is shown.
        vm.stepProperty().addListener(new InvalidationListener() {
            @Override
            public void invalidated(Observable step) {
                if (vm.stepProperty().get() != ChangeDialogViewModel.Step.PLANNING) {
                    vm.stepProperty().removeListener(this);
                    while (attachNext()) {
                        // each part in turn, in the order they would have come
                    }
                }
            }
        });
    }

    /**
     * The parts of the dialog that nothing shows while it plans (the confirmation row, the buttons for the
     * results, the preview's list), made after the window is up, one part per turn of the FX thread, each
     * styled as it comes: the window's first style pass is what showing the dialog costs, and every node of
     * a new window is matched against the stylesheets afresh (JavaFX keeps matched styles per scene).
     */
    private final List<java.util.function.Supplier<Node>> later = new ArrayList<>();

    /** Attaches the next of {@link #later} and styles it; false when none was left. */
    private boolean attachNext() {
        if (later.isEmpty()) {
            return false;
        }
        Node part = later.remove(0).get();
        if (part.getScene() != null) {
            part.applyCss();
        }
        return true;
    }

    /** Attaches {@link #later}'s parts one per FX-thread turn while the dialog plans. */
    private void attachLater() {
        Platform.runLater(() -> {
            if (vm.stepProperty().get() == ChangeDialogViewModel.Step.PLANNING && attachNext()) {
                attachLater();
            }
        });
    }

    /** The stand-in outcomes the hidden result list is given while the keys are sent: more than a screenful. */
    private static final int WARM_ITEMS = 20;
    /** In how many pulses the hidden result list grows to the room it will have, making its cells as it grows. */
    private static final int WARM_PULSES = 12;

    /**
     * Makes the result list's cells while the keys are sent, a few per pulse: the hidden result pane is given a
     * screenful of stand-in outcomes (a "done" line for each of the first keys, what most cells show) and grows, a
     * twelfth of the room it will have per pulse, so that its list makes and styles a cell or two each time; the
     * real outcomes replace the stand-ins as the run ends. The list keeps the cells it made (a new item count only
     * rebuilds them), so the end of the run fills cells that are made and styled instead of making and styling a
     * screenful of them in one frame, which was the longest stall left of a bulk change.
     * The stand-ins come a pulse after the pane: the pulse that styles the new pane makes the list's skin, and with
     * items already there the skin also made, styled and filled its first cell to measure it (an 8-14 ms frame on
     * its own, while the keys being sent keep both cores busy, so it stretched to a 50-65 ms stall).
     */
    private void warmResultCells(StackPane centre) {
        warmCells(resultList, resultList.getParent(), vm.doneLinesAhead(WARM_ITEMS), vm.results(),
                ChangeDialogViewModel.Step.RUNNING, centre, centre::getHeight);
    }

    /**
     * The same for the preview's list while the keys are read and planned: its first frame made and styled the
     * first few plan cells at once (13-21 ms of the FX thread, the longest turn of a bulk change once the window's
     * showing was split), now made a cell or two per pulse, hidden, with stand-in plans as tall as a bulk change's.
     */
    private void warmPlanCells(StackPane centre) {
        warmCells(planList, planList, vm.planLinesAhead(WARM_ITEMS), vm.plans(), ChangeDialogViewModel.Step.PLANNING,
                centre, () -> PLANS_TALLEST);
    }

    /**
     * While {@code during} lasts, {@code list} (hidden and unmanaged in {@code pane}) shows {@code standIns} and
     * {@code pane} grows to {@code room} in {@link #WARM_PULSES} pulses; then the list shows {@code real}.
     */
    private <T> void warmCells(ListView<T> list, Node pane, List<T> standIns, javafx.collections.ObservableList<T> real,
                               ChangeDialogViewModel.Step during, StackPane centre,
                               java.util.function.DoubleSupplier room) {
        if (standIns.isEmpty() || getScene() == null || vm.stepProperty().get() != during) {
            return;
        }
        int[] pulses = {-1};
        Runnable[] grow = new Runnable[1];
        Runnable stop = () -> {
            if (grow[0] != null) {
                if (getScene() != null) {
                    getScene().removePostLayoutPulseListener(grow[0]);
                }
                grow[0] = null;
                list.setItems(real);
            }
        };
        grow[0] = () -> {
            if (vm.stepProperty().get() != during || pulses[0] >= WARM_PULSES) {
                // Not removed from inside the scene's own loop over its pulse listeners: on the next turn.
                Platform.runLater(stop);
                return;
            }
            if (pulses[0] < 0) {
                if (list.getSkin() == null) {
                    return; // the pane is styled in the next pulse
                }
                pulses[0] = 0;
                list.setItems(FXCollections.observableList(standIns));
                return;
            }
            pulses[0]++;
            // Unmanaged while hidden, so the centre does not size it: part of the room the list will have.
            pane.resize(centre.getWidth(), room.getAsDouble() * pulses[0] / WARM_PULSES);
        };
        getScene().addPostLayoutPulseListener(grow[0]);
        vm.stepProperty().addListener(new InvalidationListener() {
            @Override
            public void invalidated(Observable step) {
                if (vm.stepProperty().get() != during) {
                    vm.stepProperty().removeListener(this);
                    stop.run();
                }
            }
        });
    }

    /** What a destructive change costs, in one sentence, above everything else. */
    private static String warning(KeyChange change) {
        if (change instanceof KeyChange.Delete) {
            return "Deleting cannot be undone on the server. Recreate in History makes a new key from the saved"
                    + " configuration, with a new id and a new value.";
        }
        if (change instanceof KeyChange.Rotate) {
            return "Rotating gives each key a new value: every client that uses the current value must be given the"
                    + " new one.";
        }
        if (change instanceof KeyChange.ResetUsage || change.destructive()) {
            return "This cannot be undone: the spend counted so far starts again from $0.00.";
        }
        return null;
    }

    /** Planning shorter than this shows no spinner: the "Working out" line says it, and nothing flickers. */
    private static final long SPINNER_AFTER_MS = 400;

    private Node planningPane() {
        VBox pane = new VBox(12);
        pane.setAlignment(Pos.CENTER);
        pane.setMinHeight(160);
        pane.visibleProperty().bind(vm.stepProperty().isEqualTo(ChangeDialogViewModel.Step.PLANNING));
        // The spinner comes only once planning has taken a while: turning, it is a new frame every pulse (the
        // dialog, and under Monocle the main window too, painted 60 times a second), and a bulk change's reads and
        // plans take 0.2-0.4 s, in which the spinner's frames and its styling were 100-250 ms of the FX and
        // render threads' CPU, taken from the threads reading the keys on a two-core machine. The pane keeps its
        // height, so the spinner coming changes no size.
        java.util.concurrent.CompletableFuture.delayedExecutor(SPINNER_AFTER_MS,
                java.util.concurrent.TimeUnit.MILLISECONDS, Platform::runLater).execute(() -> {
                    if (vm.stepProperty().get() == ChangeDialogViewModel.Step.PLANNING) {
                        ProgressIndicator spinner = new ProgressIndicator();
                        spinner.setPrefSize(36, 36);
                        spinner.progressProperty().bind(Bindings.when(pane.visibleProperty()).then(-1.0)
                                .otherwise(0.0));
                        pane.getChildren().add(spinner);
                    }
                });
        return pane;
    }

    private Node planList() {
        ListView<ChangeDialogViewModel.PlanItem> list = new ListView<>(vm.plans());
        planList = list;
        list.setId("change-plans");
        list.getStyleClass().add("change-list");
        list.setMinHeight(100);
        // As tall as a few keys need, no emptier: one key's plan fits in about 110 pixels.
        list.prefHeightProperty().bind(Bindings.createDoubleBinding(() -> Math.min(PLANS_TALLEST, 30 + 110.0
                * Math.max(1, vm.plans().size())), vm.plans()));
        list.setCellFactory(v -> new PlanCell(list));
        list.visibleProperty().bind(vm.stepProperty().isEqualTo(ChangeDialogViewModel.Step.PREVIEW));
        return list;
    }

    private Node runningPane() {
        ProgressBar bar = new ProgressBar();
        bar.setId("change-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.progressProperty());
        Label text = new Label();
        text.setId("change-progress-text");
        text.textProperty().bind(vm.progressTextProperty());
        Label hint = new Label("A few keys at a time; each is read again just before its change and skipped if it"
                + " changed on the server meanwhile. Nothing is retried.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        VBox pane = new VBox(10, text, bar, hint);
        // In the middle of the room the preview had (the dialog keeps its height while the keys are sent).
        pane.setAlignment(Pos.CENTER_LEFT);
        pane.setPadding(new javafx.geometry.Insets(24, 0, 24, 0));
        pane.setMinHeight(160);
        StackPane.setAlignment(pane, Pos.CENTER_LEFT);
        pane.visibleProperty().bind(vm.stepProperty().isEqualTo(ChangeDialogViewModel.Step.RUNNING));
        return pane;
    }

    private Node resultPane() {
        Label summary = new Label();
        summary.setId("result-summary");
        summary.getStyleClass().add("result-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.resultSummaryProperty());
        Label history = new Label();
        history.setId("history-problem");
        history.getStyleClass().add("danger-text");
        history.setWrapText(true);
        history.textProperty().bind(vm.historyProblemProperty());
        history.managedProperty().bind(vm.historyProblemProperty().isNotNull());
        history.visibleProperty().bind(history.managedProperty());
        ListView<ChangeDialogViewModel.ResultItem> list = new ListView<>(vm.results());
        list.setId("change-results");
        list.getStyleClass().add("change-list");
        list.setMinHeight(100);
        list.prefHeightProperty().bind(Bindings.createDoubleBinding(() -> Math.min(RESULTS_TALLEST, 30 + 90.0
                * Math.max(1, vm.results().size())), vm.results()));
        list.setCellFactory(v -> new ResultCell(list));
        resultList = list;
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox pane = new VBox(8, summary, history, list);
        pane.visibleProperty().bind(vm.stepProperty().isEqualTo(ChangeDialogViewModel.Step.FINISHED));
        return pane;
    }

    private Node confirmRow() {
        Label prompt = new Label();
        prompt.setId("confirm-prompt");
        prompt.textProperty().bind(vm.confirmPromptProperty());
        prompt.setWrapText(true);
        TextField field = new TextField();
        field.setId("confirm-field");
        field.textProperty().bindBidirectional(vm.confirmationProperty());
        field.setPrefColumnCount(24);
        field.setOnAction(e -> vm.confirm());
        VBox row = new VBox(6, prompt, field);
        row.getStyleClass().add("confirm-row");
        var shown = vm.confirmPromptProperty().isNotEmpty()
                .and(vm.stepProperty().isEqualTo(ChangeDialogViewModel.Step.PREVIEW));
        row.visibleProperty().bind(shown);
        row.managedProperty().bind(shown);
        shown.addListener((o, a, b) -> {
            if (b) {
                field.requestFocus();
            }
        });
        // Made after the preview came (planning ended before the window's first turns): focused as it comes.
        row.sceneProperty().addListener(new InvalidationListener() {
            @Override
            public void invalidated(Observable scene) {
                row.sceneProperty().removeListener(this);
                if (shown.get()) {
                    field.requestFocus();
                }
            }
        });
        return row;
    }

    private Node buttons() {
        Button cancel = new Button("Cancel");
        cancel.setId("change-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> {
            if (vm.cancel()) {
                close();
            }
        });
        cancel.disableProperty().bind(vm.cancellingProperty());
        var finished = vm.stepProperty().isEqualTo(ChangeDialogViewModel.Step.FINISHED)
                .or(vm.stepProperty().isEqualTo(ChangeDialogViewModel.Step.FAILED));
        cancel.visibleProperty().bind(finished.not());
        cancel.managedProperty().bind(cancel.visibleProperty());

        Button confirm = new Button();
        confirm.setId("change-confirm");
        confirm.textProperty().bind(vm.confirmLabelProperty());
        confirm.getStyleClass().add(vm.destructive() ? Styles.DANGER : Styles.ACCENT);
        // Enter confirms only what destroys nothing; a destructive change needs a deliberate click.
        confirm.setDefaultButton(!vm.destructive());
        confirm.disableProperty().bind(vm.canConfirmProperty().not());
        confirm.setOnAction(e -> vm.confirm());
        var previewing = vm.stepProperty().isEqualTo(ChangeDialogViewModel.Step.PREVIEW)
                .or(vm.stepProperty().isEqualTo(ChangeDialogViewModel.Step.PLANNING));
        confirm.visibleProperty().bind(previewing);
        confirm.managedProperty().bind(previewing);

        Button copy = new Button("Copy results", Icons.icon(Feather.COPY));
        copy.setId("copy-results");
        copy.setOnAction(e -> vm.copyResults());
        Button save = new Button("Save as CSV\u2026", Icons.icon(Feather.DOWNLOAD));
        save.setId("save-results");
        save.setOnAction(e -> chooseCsv());
        Button values = new Button("Copy new values", Icons.icon(Feather.KEY));
        values.setId("copy-new-values");
        values.setOnAction(e -> vm.copyAllNewValues());
        values.visibleProperty().bind(vm.newValueCountProperty().greaterThan(1).and(finished));
        values.managedProperty().bind(values.visibleProperty());
        Button again = new Button();
        again.setId("preview-again");
        again.textProperty().bind(Bindings.createStringBinding(() -> "Preview again for the "
                + (vm.skippedCountProperty().get() == 1 ? "skipped key" : vm.skippedCountProperty().get()
                + " skipped keys"), vm.skippedCountProperty()));
        again.setOnAction(e -> {
            ChangeDialogViewModel next = vm.previewAgain();
            Window owner = stage == null ? null : stage.getOwner();
            close();
            show(windows, owner, next);
        });
        again.visibleProperty().bind(vm.skippedCountProperty().greaterThan(0).and(finished));
        again.managedProperty().bind(again.visibleProperty());
        for (Button b : new Button[]{copy, save}) {
            b.visibleProperty().bind(vm.stepProperty().isEqualTo(ChangeDialogViewModel.Step.FINISHED));
            b.managedProperty().bind(b.visibleProperty());
        }
        Button close = new Button("Close");
        close.setId("change-close");
        close.setDefaultButton(true);
        close.setOnAction(e -> close());
        close.visibleProperty().bind(finished);
        close.managedProperty().bind(finished);
        finished.addListener((o, a, b) -> {
            if (b) {
                close.requestFocus();
            }
        });

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(8, spacer, cancel, confirm);
        row.setAlignment(Pos.CENTER_RIGHT);
        row.getStyleClass().add("button-row");
        // The results' buttons, hidden until the run ends, come after the window is up (see later).
        later.add(() -> {
            row.getChildren().addAll(0, java.util.List.of(copy, save, values, again));
            row.getChildren().add(close);
            return row;
        });
        return row;
    }

    private void chooseCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the results as CSV");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        chooser.setInitialFileName("key-changes-" + LocalDate.now() + ".csv");
        File file = chooser.showSaveDialog(stage);
        if (file != null) {
            vm.saveCsv(file.toPath());
        }
    }

    private void close() {
        if (stage != null) {
            stage.setOnCloseRequest(null);
            stage.close();
        }
    }

    // ---- cells -----------------------------------------------------------------------------------------

    /** Wrapped lines shown whole, not cut with "…", and taking no room while empty. */
    private static void wrapped(Label l) {
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        l.visibleProperty().bind(l.managedProperty());
        l.setMaxWidth(Double.MAX_VALUE);
    }

    /** A new {@link #wrapped} label with these style classes. */
    private static Label wrappedLine(String... styleClasses) {
        Label l = new Label();
        l.getStyleClass().addAll(styleClasses);
        wrapped(l);
        return l;
    }

    /**
     * A key's plan: name and id, why nothing is sent (if so), the fields, its own side effects, the request. The
     * status and effects lines are made the first time a cell shows a plan that has them: a bulk change's plans
     * mostly have neither (its effects are said once for all keys), and every node of the preview's first cells is
     * styled as the preview is shown.
     */
    private static final class PlanCell extends ListCell<ChangeDialogViewModel.PlanItem> {
        private final Label name = new Label();
        private final Label id = new Label();
        private Label status;
        private final Label fields = new Label();
        private Label effects;
        private final Label request = new Label();
        private final VBox box;

        PlanCell(ListView<?> list) {
            name.getStyleClass().add("plan-key");
            id.getStyleClass().addAll("muted", "small");
            fields.getStyleClass().add("plan-fields");
            request.getStyleClass().add("request-text");
            for (Label l : new Label[]{fields, request}) {
                wrapped(l);
            }
            HBox head = new HBox(8, name, id);
            head.setAlignment(Pos.BASELINE_LEFT);
            box = new VBox(4, head, fields, request);
            box.getStyleClass().add("plan-cell");
            box.maxWidthProperty().bind(list.widthProperty().subtract(36));
            box.prefWidthProperty().bind(box.maxWidthProperty());
            setText(null);
        }

        @Override
        protected void updateItem(ChangeDialogViewModel.PlanItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            NameLabels.show(name, item.keyLabel()); // the key's name as the table shows it
            id.setText(item.keyId());
            if (status == null && !item.status().isEmpty()) {
                status = wrappedLine("plan-status");
                box.getChildren().add(1, status); // under the name, above the fields
            }
            if (status != null) {
                status.setText(item.status());
                status.pseudoClassStateChanged(PseudoClass.getPseudoClass("refused"),
                        item.plan().status() == KeyPlan.Status.REFUSED);
            }
            fields.setText(item.fields());
            if (effects == null && !item.effects().isEmpty()) {
                effects = wrappedLine("muted", "plan-effects");
                box.getChildren().add(box.getChildren().indexOf(request), effects); // above the request
            }
            if (effects != null) {
                effects.setText(item.effects());
            }
            request.setText(item.request());
            setGraphic(box);
        }
    }

    /**
     * A key's outcome: done / failed / skipped with the reason, what changed on the server, a new value. The
     * reason's and the server changes' lines, the new value's row and the review button are made the first time a
     * cell shows an outcome that has them: most outcomes (keys done) have none, and a thousand-key result list's
     * first cells were most of its cost to show.
     */
    private final class ResultCell extends ListCell<ChangeDialogViewModel.ResultItem> {
        private final Label status = new Label();
        private final Label name = new Label();
        private final Label id = new Label();
        private Label reason;
        private Label changes;
        private MaskedSecretField value;
        private Label note;
        private VBox valueBox;
        private Button review;
        private final VBox box;

        ResultCell(ListView<?> list) {
            status.getStyleClass().add("outcome-badge");
            name.getStyleClass().add("plan-key");
            id.getStyleClass().addAll("muted", "small");
            HBox head = new HBox(8, status, name, id);
            head.setAlignment(Pos.BASELINE_LEFT);
            box = new VBox(4, head);
            box.getStyleClass().add("result-cell");
            box.maxWidthProperty().bind(list.widthProperty().subtract(36));
            box.prefWidthProperty().bind(box.maxWidthProperty());
            setText(null);
        }

        /**
         * Adds {@code part} to the cell's box in its place: under the head, in the order reason, server changes,
         * new value, review button, whichever of them were made before it.
         */
        private void place(Node part) {
            Node[] order = {reason, changes, valueBox, review};
            int at = box.getChildren().size();
            boolean after = false;
            for (Node n : order) {
                if (n == part) {
                    after = true;
                } else if (after && n != null && box.getChildren().contains(n)) {
                    at = box.getChildren().indexOf(n);
                    break;
                }
            }
            box.getChildren().add(at, part);
        }

        /** The new value's row, under the server's changes and above the review button. */
        private void makeValueBox() {
            value = new MaskedSecretField(SecretMask.VISIBLE_PREFIX);
            note = new Label();
            note.getStyleClass().add("muted");
            wrapped(note);
            Label valueLabel = new Label("New value");
            HBox valueRow = new HBox(8, valueLabel, value);
            valueBox = new VBox(4, valueRow, note);
            value.getStyleClass().add("new-value");
            valueLabel.getStyleClass().add("section-title");
            valueLabel.setMinWidth(Region.USE_PREF_SIZE);
            valueRow.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(value, Priority.ALWAYS);
            value.revealButton().setOnAction(e -> {
                ChangeDialogViewModel.ResultItem item = getItem();
                if (item != null && item.newValue() != null) {
                    boolean show = !revealed.remove(item.keyId());
                    if (show) {
                        revealed.add(item.keyId());
                    }
                    value.show(item.newValue().reveal(), show);
                }
            });
            value.setOnCopy(() -> {
                if (getItem() != null) {
                    vm.copyNewValue(getItem());
                }
            });
            valueBox.managedProperty().bind(valueBox.visibleProperty());
            place(valueBox);
        }

        private void makeReview() {
            review = new Button("Open the key's newer data", Icons.icon(Feather.EYE));
            review.getStyleClass().add(Styles.SMALL);
            review.managedProperty().bind(review.visibleProperty());
            review.setOnAction(e -> {
                if (getItem() != null) {
                    vm.review(getItem());
                    close();
                }
            });
            place(review);
        }

        @Override
        protected void updateItem(ChangeDialogViewModel.ResultItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            status.setText(item.status());
            for (KeyOutcome.Status s : KeyOutcome.Status.values()) {
                status.pseudoClassStateChanged(PseudoClass.getPseudoClass(s.word()), s == item.kind());
            }
            NameLabels.show(name, item.keyLabel()); // the key's name as the table shows it
            id.setText(item.keyId());
            if (reason == null && !item.reason().isEmpty()) {
                reason = wrappedLine();
                place(reason);
            }
            if (reason != null) {
                reason.setText(item.reason());
            }
            if (changes == null && !item.serverChanges().isEmpty()) {
                changes = wrappedLine("server-changes");
                place(changes);
            }
            if (changes != null) {
                changes.setText(item.serverChanges().isEmpty() ? "" : "Changed on the server since it was read:\n"
                        + item.serverChanges());
            }
            if (item.reviewable() && review == null) {
                makeReview();
            }
            if (review != null) {
                review.setVisible(item.reviewable());
            }
            if (item.newValue() != null && valueBox == null) {
                makeValueBox();
            }
            if (valueBox != null) {
                valueBox.setVisible(item.newValue() != null);
                if (item.newValue() != null) {
                    value.show(item.newValue().reveal(), revealed.contains(item.keyId()));
                    note.setText(item.valueNote());
                } else {
                    note.setText("");
                }
            }
            setGraphic(box);
        }
    }
}
