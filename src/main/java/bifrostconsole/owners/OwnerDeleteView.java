package bifrostconsole.owners;

import bifrostconsole.changes.OwnerChanges;
import bifrostconsole.ui.ChangePreviewPane;
import bifrostconsole.ui.Icons;
import bifrostconsole.ui.Stylesheets;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The delete confirmation of a team or customer: what will be detached, by name, and the exact request. */
public final class OwnerDeleteView extends VBox {

    public OwnerDeleteView(OwnerDeleteViewModel vm, Runnable close) {
        String noun = vm.kind().noun();
        getStyleClass().addAll("editor-view", "delete-view");
        setId(noun + "-delete");
        Stylesheets.apply(this);
        setSpacing(10);
        setPrefSize(660, 600); // the exact request's path, with its id, fits on one line

        Label summary = new Label();
        summary.setId(noun + "-delete-summary");
        summary.getStyleClass().add("preview-title");
        summary.setWrapText(true);
        summary.setMaxWidth(Double.MAX_VALUE);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.textProperty().bind(Bindings.when(vm.loadingProperty())
                .then("Reading what the " + noun + " holds\u2026").otherwise(vm.summaryProperty()));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.loadingProperty().or(vm.savingProperty()));
        busy.managedProperty().bind(busy.visibleProperty());

        ListView<String> keys = new ListView<>(vm.keys());
        keys.setId(noun + "-delete-keys");
        keys.setPrefHeight(140);
        keys.setPlaceholder(new Label("No keys."));
        VBox lists = new VBox(4, section("Keys that lose their " + noun), keys);
        if (vm.kind() == OwnerChanges.Kind.CUSTOMER) {
            ListView<String> teams = new ListView<>(vm.teams());
            teams.setId(noun + "-delete-teams");
            teams.setPrefHeight(100);
            teams.setPlaceholder(new Label("No teams."));
            lists.getChildren().addAll(section("Teams that lose their customer"), teams);
        }

        ChangePreviewPane preview = new ChangePreviewPane();
        preview.setStyle("-fx-padding: 0");
        vm.previewProperty().addListener((o, a, b) -> {
            if (b != null) {
                preview.show(b);
            }
        });
        preview.visibleProperty().bind(vm.previewProperty().isNotNull());
        ScrollPane scroll = new ScrollPane(new VBox(10, lists, preview));
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("editor-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Label error = new Label();
        error.setId(noun + "-delete-error");
        error.getStyleClass().add("editor-error");
        error.setWrapText(true);
        error.setGraphic(Icons.icon(Feather.ALERT_TRIANGLE));
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> close.run());
        Button delete = new Button("Delete " + noun, Icons.icon(Feather.TRASH_2));
        delete.setId(noun + "-delete-confirm");
        delete.getStyleClass().add("danger");
        delete.disableProperty().bind(vm.previewProperty().isNull().or(vm.savingProperty()));
        delete.setOnAction(e -> vm.confirm());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, cancel, spacer, busy, delete);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox footer = new VBox(8, error, buttons);
        footer.getStyleClass().add("editor-footer");
        VBox head = new VBox(summary);
        head.getStyleClass().add("delete-head");
        getChildren().addAll(head, scroll, footer);
        // A destructive dialog starts on Cancel: Space or Enter there keeps everything.
        sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                javafx.application.Platform.runLater(cancel::requestFocus);
            }
        });
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("form-section");
        return l;
    }
}
