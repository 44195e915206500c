package bifrostconsole.keydetail;

import bifrostconsole.ui.FallbackFont;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.List;

/**
 * Label/value rows, kept from one key to the next ({@link DetailParts#fields} is one shown once): opening another
 * key refills the same labels and hides the rows it does not need, instead of making and styling a new grid (and a
 * tooltip, a popup window of its own, per field) every time (README, Performance, "Key table").
 */
final class FieldGrid extends GridPane {
    private final List<Row> rows = new ArrayList<>();
    private final boolean labelsAtTop;

    /** {@code labelsAtTop}: a label stays by the first line of a value that wraps (the field grids) or centred. */
    FieldGrid(boolean labelsAtTop) {
        this.labelsAtTop = labelsAtTop;
        getStyleClass().add("field-grid");
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        labels.setHalignment(HPos.LEFT);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        values.setMinWidth(80);
        getColumnConstraints().addAll(labels, values);
    }

    /** Shows {@code fields} as DetailParts.fields would: values with ids {@code field-<label>}, tooltips on both. */
    void show(List<KeyDetails.Field> fields) {
        for (int i = 0; i < fields.size(); i++) {
            KeyDetails.Field f = fields.get(i);
            row(i).show(f.label(), f.value(), f.tooltip(),
                    "field-" + f.label().toLowerCase().replaceAll("[^a-z0-9]+", "-"), false);
        }
        hideFrom(fields.size());
    }

    /** Row {@code i}, made when first needed; call {@link #hideFrom} with the number of rows shown after. */
    Row row(int i) {
        while (rows.size() <= i) {
            Row row = new Row();
            if (labelsAtTop) {
                GridPane.setValignment(row.label, VPos.TOP);
            }
            addRow(rows.size(), row.label, row.value);
            rows.add(row);
        }
        return rows.get(i);
    }

    /** Hides the rows from {@code count} on (and takes their ids, so a lookup finds only what is shown). */
    void hideFrom(int count) {
        for (int i = count; i < rows.size(); i++) {
            rows.get(i).hide();
        }
    }

    static final class Row {
        final Label label = new Label();
        final Label value = FallbackFont.follow(new Label());
        private Tooltip tip;

        Row() {
            label.getStyleClass().add("field-label");
            label.setMinWidth(Region.USE_PREF_SIZE);
            value.getStyleClass().add("field-value");
            value.setWrapText(true);
            value.setMaxWidth(Double.MAX_VALUE);
        }

        /** {@code binding}: the row of the level that binds (the headroom card's style class). */
        void show(String labelText, String valueText, String tooltip, String valueId, boolean binding) {
            label.setText(labelText);
            value.setText(valueText);
            value.setId(valueId);
            if (tooltip == null) {
                label.setTooltip(null);
                value.setTooltip(null);
            } else {
                if (tip == null) {
                    tip = new Tooltip();
                    tip.setWrapText(true);
                    tip.setMaxWidth(360);
                }
                tip.setText(tooltip);
                label.setTooltip(tip);
                value.setTooltip(tip);
            }
            mark(label, binding);
            mark(value, binding);
            label.setVisible(true);
            label.setManaged(true);
            value.setVisible(true);
            value.setManaged(true);
        }

        private void hide() {
            value.setId(null);
            label.setText("");
            value.setText("");
            label.setTooltip(null);
            value.setTooltip(null);
            for (Label l : new Label[]{label, value}) {
                l.setVisible(false);
                l.setManaged(false);
            }
        }

        private static void mark(Label l, boolean binding) {
            if (binding != l.getStyleClass().contains("binding")) {
                if (binding) {
                    l.getStyleClass().add("binding");
                } else {
                    l.getStyleClass().remove("binding");
                }
            }
        }
    }
}
