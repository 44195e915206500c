package bifrostconsole.limits;

import bifrostconsole.ui.Icons;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/** The budget lines of a form: window, limit in dollars, a quarter's first month, remove; "Add budget" below. */
public final class BudgetsEditorView extends VBox {
    private final BudgetsEditorViewModel vm;
    private final VBox lines = new VBox(6);

    public BudgetsEditorView(BudgetsEditorViewModel vm, String idPrefix) {
        this.vm = vm;
        setSpacing(6);
        getStyleClass().add("budgets-editor");
        Button add = new Button("Add budget", Icons.icon(Feather.PLUS));
        add.setId(idPrefix + "-add-budget");
        add.getStyleClass().add("small");
        add.setOnAction(e -> vm.add());
        Label none = new Label(vm.emptyText());
        none.getStyleClass().add("hint");
        none.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.rows()));
        none.managedProperty().bind(none.visibleProperty());
        getChildren().addAll(none, lines, add);
        vm.rows().addListener((ListChangeListener<BudgetsEditorViewModel.Row>) c -> rebuild(idPrefix));
        rebuild(idPrefix);
    }

    private void rebuild(String idPrefix) {
        lines.getChildren().clear();
        int i = 0;
        for (BudgetsEditorViewModel.Row row : vm.rows()) {
            lines.getChildren().add(line(row, idPrefix + "-budget-" + i++));
        }
    }

    private VBox line(BudgetsEditorViewModel.Row row, String id) {
        ComboBox<String> window = FormParts.windowPicker(row.windowProperty());
        window.setId(id + "-window");
        TextField limit = new TextField();
        limit.setId(id + "-limit");
        limit.setPromptText("limit in $");
        limit.setPrefColumnCount(8);
        limit.textProperty().bindBidirectional(row.limitProperty());
        Label dollars = new Label("$");
        ComboBox<Integer> month = new ComboBox<>(FXCollections.observableArrayList(
                IntStream.rangeClosed(1, 12).boxed().toList()));
        month.setId(id + "-quarter-month");
        month.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer m) {
                return m == null ? "" : "quarters from " + Month.of(m).getDisplayName(TextStyle.SHORT, Locale.getDefault());
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        month.valueProperty().bindBidirectional(row.quarterStartMonthProperty());
        month.visibleProperty().bind(row.quarterlyProperty());
        month.managedProperty().bind(month.visibleProperty());
        Button remove = Icons.button(Feather.TRASH_2, "Remove this budget");
        remove.setId(id + "-remove");
        remove.setOnAction(e -> row.remove());
        HBox fields = new HBox(6, window, dollars, limit, month, remove);
        fields.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(2, fields, FormParts.error(row.errorProperty()), FormParts.warning(row.warningProperty()));
        box.getStyleClass().add("form-line");
        return box;
    }

    /** For tests: the fields of each line. */
    List<javafx.scene.Node> lines() {
        return lines.getChildren();
    }
}
