package bifrostconsole.limits;

import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.util.StringConverter;

/**
 * Small parts every form uses alike: the message under a field (red for what is wrong, amber for what to know),
 * and the editable window picker.
 */
public final class FormParts {
    private FormParts() {
    }

    /** A red line under a field that shows {@code message} while it is not null, and takes no room otherwise. */
    public static Label error(ObservableStringValue message) {
        return message(message, "field-error");
    }

    /** An amber line under a field, for what to know before saving. */
    public static Label warning(ObservableStringValue message) {
        return message(message, "field-warning");
    }

    private static Label message(ObservableStringValue message, String style) {
        Label label = new Label();
        label.getStyleClass().add(style);
        label.setWrapText(true);
        label.textProperty().bind(message);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    /** An editable picker of reset windows: the common ones to choose, any Bifrost duration to type. */
    public static ComboBox<String> windowPicker(javafx.beans.property.StringProperty window) {
        ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(Windows.CHOICES));
        box.setEditable(true);
        box.getStyleClass().add("window-picker");
        box.setPrefWidth(150);
        box.setPromptText("window");
        box.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : Windows.label(item));
            }
        });
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null ? "" : s;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        box.setValue(window.get());
        // Typing counts at once, not only on Enter, so the check runs as you type.
        box.getEditor().textProperty().addListener((o, a, b) -> window.set(b));
        box.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(window.get())) {
                window.set(b);
            }
        });
        window.addListener((o, a, b) -> {
            if (b != null && !b.equals(box.getEditor().getText())) {
                box.getEditor().setText(b);
            }
        });
        return box;
    }
}
