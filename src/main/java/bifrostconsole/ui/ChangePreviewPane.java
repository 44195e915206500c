package bifrostconsole.ui;

import bifrostconsole.changes.ChangePreview;
import bifrostconsole.changes.FieldDiff;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * A change before it is sent: each field before → after, what the server does besides, and the exact request, as
 * it will go out. Optionally the "keep or reset the usage" choice for a change of budgets, which changes the
 * request as it is toggled.
 */
public final class ChangePreviewPane extends VBox {
    private final Label title = new Label();
    private final GridPane fields = new GridPane();
    private final VBox effects = new VBox(4);
    private final Label effectsTitle = new Label("The server also:");
    private final TextArea request = new TextArea();
    private final VBox usageChoice = new VBox(4);

    public ChangePreviewPane() {
        getStyleClass().add("change-preview");
        setId("change-preview");
        setSpacing(10);
        title.getStyleClass().add("preview-title");
        title.setWrapText(true);
        fields.getStyleClass().add("field-grid");
        fields.setId("preview-fields");
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        names.setHalignment(HPos.LEFT);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        fields.getColumnConstraints().addAll(names, values);
        effectsTitle.getStyleClass().add("detail-section-title");
        effects.setId("preview-effects");
        request.setId("preview-request");
        request.setEditable(false);
        request.setWrapText(false);
        request.getStyleClass().add("request-text");
        request.setMinHeight(Region.USE_PREF_SIZE);
        Label requestTitle = new Label("The exact request");
        requestTitle.getStyleClass().add("detail-section-title");
        usageChoice.managedProperty().bind(usageChoice.visibleProperty());
        usageChoice.setVisible(false);
        effectsTitle.managedProperty().bind(effectsTitle.visibleProperty());
        effects.managedProperty().bind(effects.visibleProperty());
        getChildren().addAll(title, fields, usageChoice, effectsTitle, effects, requestTitle, request);
    }

    /** Shows the "keep or reset the usage" choice, bound to {@code reset} (true: reset to $0). */
    public void offerUsageReset(BooleanProperty reset, String owner) {
        ToggleGroup group = new ToggleGroup();
        RadioButton keep = new RadioButton("Keep the usage spent so far in each window");
        keep.setId("keep-usage");
        RadioButton zero = new RadioButton("Reset the usage of these budgets to $0");
        zero.setId("reset-usage");
        keep.setToggleGroup(group);
        zero.setToggleGroup(group);
        (reset.get() ? zero : keep).setSelected(true);
        group.selectedToggleProperty().addListener((o, a, b) -> reset.set(b == zero));
        Label question = new Label("The " + owner + "'s budgets change. Keep or reset the usage?");
        question.getStyleClass().add("detail-section-title");
        usageChoice.getChildren().setAll(question, keep, zero);
        usageChoice.setVisible(true);
    }

    public void hideUsageReset() {
        usageChoice.setVisible(false);
    }

    public void show(ChangePreview preview) {
        title.setText(preview.title());
        fields.getChildren().clear();
        int row = 0;
        for (FieldDiff f : preview.fields()) {
            Label name = new Label(f.field());
            name.getStyleClass().add("field-label");
            name.setMinWidth(Region.USE_PREF_SIZE);
            Label change = new Label(f.before() + "  \u2192  " + f.after());
            change.getStyleClass().add("field-value");
            change.setWrapText(true);
            change.setMaxWidth(Double.MAX_VALUE);
            GridPane.setValignment(name, VPos.TOP);
            fields.addRow(row++, name, change);
        }
        effects.getChildren().clear();
        for (String e : preview.sideEffects()) {
            Label l = new Label(e, Icons.icon(preview.destructive() ? Feather.ALERT_TRIANGLE : Feather.INFO));
            l.setWrapText(true);
            l.setAlignment(Pos.TOP_LEFT);
            l.getStyleClass().add(preview.destructive() ? "effect-danger" : "effect");
            effects.getChildren().add(l);
        }
        effects.setVisible(!preview.sideEffects().isEmpty());
        effectsTitle.setVisible(effects.isVisible());
        String text = preview.request().preview();
        request.setText(text);
        // As tall as the request (within reason), so it reads without scrolling inside the dialog.
        request.setPrefRowCount(Math.max(2, Math.min(24, (int) text.lines().count() + 1)));
    }

    public TextArea requestArea() {
        return request;
    }
}
