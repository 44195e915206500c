package bifrostconsole.exportui;

import bifrostconsole.export.ExportFormat;
import bifrostconsole.export.ExportScope;
import bifrostconsole.ui.WindowService;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.io.File;
import java.nio.file.Path;

/**
 * "Export…": this page or all matching keys, CSV or JSON, where to, and whether key values go in (asked
 * twice), with a progress bar and Cancel while it runs and the outcome in one sentence afterwards.
 */
public final class ExportDialog extends VBox {
    private final ExportViewModel vm;
    private final WindowService windows;
    private final CheckBox includeSecrets = new CheckBox("Include key values");

    public ExportDialog(ExportViewModel vm, WindowService windows) {
        this.windows = windows;
        this.vm = vm;
        setSpacing(14);
        setPadding(new Insets(20));
        setPrefWidth(560);
        getStyleClass().add("export-dialog");

        Label title = new Label("Export virtual keys");
        title.getStyleClass().add("title-3");

        ToggleGroup scopes = new ToggleGroup();
        VBox scopeBox = new VBox(6);
        for (ExportScope s : new ExportScope[]{ExportScope.ALL_MATCHING, ExportScope.CURRENT_PAGE}) {
            RadioButton r = new RadioButton(vm.scopeLabel(s));
            r.setId("scope-" + s.name().toLowerCase());
            r.setToggleGroup(scopes);
            r.setUserData(s);
            r.setSelected(vm.scopeProperty().get() == s);
            scopeBox.getChildren().add(r);
        }
        if (!vm.filterText().isEmpty()) {
            Label filter = new Label(vm.filterText());
            filter.setId("export-filter");
            filter.getStyleClass().add("text-muted");
            filter.setWrapText(true);
            scopeBox.getChildren().add(filter);
        }
        scopes.selectedToggleProperty().addListener((o, old, now) -> {
            if (now != null) {
                vm.scopeProperty().set((ExportScope) now.getUserData());
            }
        });

        ComboBox<ExportFormat> format = new ComboBox<>();
        format.setId("export-format");
        format.getItems().setAll(ExportFormat.values());
        format.valueProperty().bindBidirectional(vm.formatProperty());
        format.setConverter(new StringConverter<>() {
            @Override
            public String toString(ExportFormat f) {
                return f == null ? "" : f.description();
            }

            @Override
            public ExportFormat fromString(String s) {
                return null;
            }
        });

        TextField file = new TextField();
        file.setId("export-file");
        file.textProperty().bindBidirectional(vm.fileNameProperty());
        HBox.setHgrow(file, Priority.ALWAYS);
        Button choose = new Button("Choose\u2026");
        choose.setOnAction(e -> chooseFile());
        HBox fileRow = new HBox(8, file, choose);

        includeSecrets.setId("include-secrets");
        includeSecrets.setSelected(vm.includeSecretsProperty().get());
        includeSecrets.setOnAction(e -> onSecretsToggled());
        Label secretsHint = new Label("Key values let anyone who reads the file spend on your providers."
                + " Leave this off unless the file goes straight into a secret store.");
        secretsHint.setWrapText(true);
        secretsHint.getStyleClass().add("text-muted");
        secretsHint.setMaxWidth(420);
        secretsHint.setMinHeight(Region.USE_PREF_SIZE);

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(10);
        form.addRow(0, new Label("Keys"), scopeBox);
        form.addRow(1, new Label("Format"), format);
        form.addRow(2, new Label("File"), fileRow);
        form.addRow(3, new Label(""), new VBox(4, includeSecrets, secretsHint));
        GridPane.setHgrow(fileRow, Priority.ALWAYS);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        form.getColumnConstraints().addAll(labels, new javafx.scene.layout.ColumnConstraints());
        form.getColumnConstraints().get(1).setHgrow(Priority.ALWAYS);

        ProgressBar bar = new ProgressBar();
        bar.setId("export-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setMinHeight(Region.USE_PREF_SIZE);
        bar.progressProperty().bind(vm.progressProperty());
        Label status = new Label();
        status.setId("export-status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(vm.statusProperty());
        Label error = new Label();
        error.setId("export-error");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.getStyleClass().add("danger");
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        Button export = new Button("Export");
        export.setId("export-start");
        export.setDefaultButton(true);
        export.getStyleClass().add("accent");
        export.disableProperty().bind(vm.canStartProperty().not());
        export.setOnAction(e -> vm.start());
        Button cancel = new Button();
        cancel.setId("export-cancel");
        // As wide as the wider of its two words, so neither it nor Export moves when it turns from Cancel to Close.
        cancel.minWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.max(
                textWidth(cancel, "Cancel"), textWidth(cancel, "Close")) + cancel.snappedLeftInset()
                + cancel.snappedRightInset() + 2, cancel.fontProperty(), cancel.paddingProperty()));
        cancel.textProperty().bind(Bindings.when(vm.runningProperty()).then("Cancel").otherwise("Close"));
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> {
            if (vm.runningProperty().get()) {
                vm.cancel();
            } else if (getScene() != null && getScene().getWindow() != null) {
                getScene().getWindow().hide();
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, spacer, cancel, export);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        form.disableProperty().bind(vm.runningProperty());
        // The outcome has room for three lines from the start, so the buttons stay where they are when it appears;
        // a longer one (an error with a path) grows the window to show all of it.
        VBox outcome = new VBox(4, status, error);
        outcome.setId("export-outcome");
        outcome.setMinHeight(OUTCOME_LINES * 1.45 * Math.max(12, status.getFont().getSize()));
        vm.statusProperty().addListener((o, old, now) -> fitWindow());
        vm.errorProperty().addListener((o, old, now) -> fitWindow());
        getChildren().addAll(title, form, bar, outcome, buttons);
    }

    private static final int OUTCOME_LINES = 3;

    private static double textWidth(Button button, String text) {
        javafx.scene.text.Text measure = new javafx.scene.text.Text(text);
        measure.setFont(button.getFont());
        return Math.ceil(measure.getLayoutBounds().getWidth());
    }

    /** Opens the dialog over {@code owner}; closing it while an export runs cancels the export. */
    public static Stage show(WindowService windows, Window owner, ExportViewModel vm) {
        ExportDialog dialog = new ExportDialog(vm, windows);
        Stage stage = windows.dialog(owner, "Export virtual keys", dialog);
        stage.setOnHidden(e -> vm.cancel());
        stage.show();
        return stage;
    }

    private void fitWindow() {
        if (getScene() != null && getScene().getWindow() != null) {
            javafx.application.Platform.runLater(() -> getScene().getWindow().sizeToScene());
        }
    }

    private void onSecretsToggled() {
        if (!includeSecrets.isSelected()) {
            vm.includeSecretsProperty().set(false);
            return;
        }
        Alert confirm = windows.alert(getScene() == null ? null : getScene().getWindow(), Alert.AlertType.WARNING,
                "Include key values in the export?", "The file will contain every exported key's value in plain"
                        + " text. Anyone who can read it can use those keys until they are rotated.",
                ButtonType.CANCEL, ButtonType.OK);
        boolean yes = confirm.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
        includeSecrets.setSelected(yes);
        vm.includeSecretsProperty().set(yes);
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export to");
        ExportFormat f = vm.formatProperty().get();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(f.description(), "*." + f.extension()));
        Path current = Path.of(vm.fileNameProperty().get().isBlank() ? "." : vm.fileNameProperty().get())
                .toAbsolutePath();
        if (current.getParent() != null && current.getParent().toFile().isDirectory()) {
            chooser.setInitialDirectory(current.getParent().toFile());
        }
        chooser.setInitialFileName(current.getFileName().toString());
        File chosen = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (chosen != null) {
            vm.fileNameProperty().set(chosen.getPath());
        }
    }
}
