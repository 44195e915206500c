package bifrostconsole.limits;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** A form's rate limit: tokens per window and requests per window, each with its message; Clear empties both. */
public final class RateLimitEditorView extends VBox {

    public RateLimitEditorView(RateLimitEditorViewModel vm, String idPrefix) {
        setSpacing(4);
        getStyleClass().add("rate-limit-editor");
        getChildren().addAll(line("Tokens", vm.tokenMaxProperty(), vm.tokenWindowProperty(), idPrefix + "-tokens"),
                FormParts.error(vm.tokenErrorProperty()),
                line("Requests", vm.requestMaxProperty(), vm.requestWindowProperty(), idPrefix + "-requests"),
                FormParts.error(vm.requestErrorProperty()));
        Button clear = new Button("Clear the rate limit");
        clear.setId(idPrefix + "-clear-rate-limit");
        clear.getStyleClass().add("small");
        clear.setOnAction(e -> vm.clear());
        getChildren().add(clear);
    }

    private static HBox line(String what, javafx.beans.property.StringProperty max,
                             javafx.beans.property.StringProperty window, String id) {
        Label label = new Label(what);
        label.setMinWidth(70);
        TextField field = new TextField();
        field.setId(id + "-max");
        field.setPromptText("no limit");
        field.setPrefColumnCount(9);
        field.textProperty().bindBidirectional(max);
        ComboBox<String> picker = FormParts.windowPicker(window);
        picker.setId(id + "-window");
        HBox box = new HBox(6, label, field, new Label("per"), picker);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}
