package bifrostconsole.ui;

import bifrostconsole.changes.ChangePreview;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The frame of every editing form (key, team, customer): the form, scrolling; under it the reason the last save
 * failed, Cancel and the Save button that says what it does. Save shows the preview in place of the form (each
 * field before → after, what the server does besides, the exact request) with Back and the button that sends it.
 */
public final class EditorShell extends BorderPane {

    /** What the shell's buttons do. */
    public interface Actions {
        /** Save: work out the preview (the view-model then sets its preview property). */
        void preview();

        /** Back from the preview to the form. */
        void back();

        /** Send what the preview shows. */
        void confirm();

        /** Cancel: close the form (asking first if there is an edit to lose). */
        void cancel();
    }

    private final ScrollPane formScroll;
    private final ChangePreviewPane previewPane = new ChangePreviewPane();
    private final ScrollPane previewScroll;
    private final Button save = new Button();
    private final Button confirm = new Button();
    private final Button back = new Button("Back to the form", Icons.icon(Feather.ARROW_LEFT));
    private final Button cancel = new Button("Cancel");

    public EditorShell(Node form, ObservableStringValue saveText, ObservableBooleanValue canSave,
                       ObservableBooleanValue saving, ObservableStringValue saveError,
                       ReadOnlyObjectProperty<ChangePreview> preview, Actions actions) {
        getStyleClass().add("editor-shell");
        formScroll = new ScrollPane(form);
        formScroll.setFitToWidth(true);
        formScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        formScroll.getStyleClass().add("editor-scroll");
        previewScroll = new ScrollPane(previewPane);
        previewScroll.setFitToWidth(true);
        previewScroll.getStyleClass().add("editor-scroll");

        save.setId("editor-save");
        save.getStyleClass().add("accent");
        save.setDefaultButton(true);
        save.textProperty().bind(saveText);
        save.disableProperty().bind(javafx.beans.binding.Bindings.not(canSave));
        save.setOnAction(e -> actions.preview());
        confirm.setId("editor-confirm");
        confirm.getStyleClass().add("accent");
        confirm.setOnAction(e -> actions.confirm());
        confirm.disableProperty().bind(saving);
        back.setId("editor-back");
        back.setOnAction(e -> actions.back());
        back.disableProperty().bind(saving);
        cancel.setId("editor-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> actions.cancel());

        Label error = new Label();
        error.setId("editor-error");
        error.getStyleClass().add("editor-error");
        error.setWrapText(true);
        error.setGraphic(Icons.icon(Feather.ALERT_TRIANGLE));
        error.textProperty().bind(saveError);
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.setMaxWidth(Double.MAX_VALUE);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(saving);
        busy.managedProperty().bind(saving);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, cancel, spacer, busy, back, save, confirm);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox bottom = new VBox(8, error, buttons);
        bottom.getStyleClass().add("editor-footer");
        setBottom(bottom);

        preview.addListener((o, a, b) -> show(b));
        show(preview.get());
    }

    /** Offers "keep or reset the usage" in the preview, bound to {@code reset}. */
    public ChangePreviewPane previewPane() {
        return previewPane;
    }

    private void show(ChangePreview preview) {
        boolean previewing = preview != null;
        if (previewing) {
            previewPane.show(preview);
            confirm.setText(preview.confirm());
            confirm.getStyleClass().remove("danger");
            if (preview.destructive()) {
                confirm.getStyleClass().add("danger");
            }
        }
        setCenter(previewing ? previewScroll : formScroll);
        save.setVisible(!previewing);
        save.setManaged(!previewing);
        save.setDefaultButton(!previewing);
        // Enter sends a previewed change that can be undone; a destructive one wants a click.
        confirm.setDefaultButton(previewing && !preview.destructive());
        confirm.setVisible(previewing);
        confirm.setManaged(previewing);
        back.setVisible(previewing);
        back.setManaged(previewing);
    }
}
