package bifrostconsole.keyactions;

import atlantafx.base.theme.Styles;
import bifrostconsole.changes.KeyChange;
import bifrostconsole.ui.Stylesheets;
import bifrostconsole.ui.WindowService;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The frame of a form asked before a change is previewed (an assignment, a budget override): a sentence saying
 * what it does, the form's own fields, the one sentence of what is missing, and Cancel / Preview…. Preview
 * closes the form only when its view-model gives a change; nothing is sent from here.
 */
final class ActionForm extends VBox {
    private KeyChange chosen;

    private ActionForm(String id, String intro, Node fields, ReadOnlyStringProperty error,
                       Supplier<KeyChange> change, Runnable close) {
        getStyleClass().add("action-form");
        setId(id + "-form");
        Stylesheets.apply(this);
        getStylesheets().add(KeyActionsView.STYLESHEET);
        Label introText = new Label(intro);
        introText.setWrapText(true);

        Label errorText = new Label();
        errorText.setId(id + "-error");
        errorText.getStyleClass().add("danger-text");
        errorText.setWrapText(true);
        errorText.textProperty().bind(error);
        errorText.managedProperty().bind(error.isNotEmpty());
        errorText.visibleProperty().bind(errorText.managedProperty());

        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> close.run());
        Button next = new Button("Preview\u2026");
        next.setId(id + "-preview");
        next.getStyleClass().add(Styles.ACCENT);
        next.setDefaultButton(true);
        next.setOnAction(e -> {
            chosen = change.get();
            if (chosen != null) {
                close.run();
            }
        });
        HBox buttons = new HBox(8, cancel, next);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        getChildren().addAll(introText, fields, errorText, buttons);
        setSpacing(12);
        setPrefWidth(520);
    }

    /**
     * Shows the form in a dialog and waits; the change chosen, or empty when cancelled.
     *
     * @param id     names the form's nodes: {@code id-form}, {@code id-error}, {@code id-preview}
     * @param error  what is missing or wrong, empty when nothing is
     * @param change the change as chosen, or null (and {@code error} says why)
     */
    static Optional<KeyChange> ask(WindowService windows, Window owner, String title, String id, String intro,
                                   Node fields, ReadOnlyStringProperty error, Supplier<KeyChange> change) {
        Stage[] stage = new Stage[1];
        ActionForm form = new ActionForm(id, intro, fields, error, change, () -> stage[0].close());
        stage[0] = windows.dialog(owner, title, form);
        stage[0].showAndWait();
        return Optional.ofNullable(form.chosen);
    }
}
