package bifrostconsole.keyactions;

import bifrostconsole.changes.KeyChange;
import bifrostconsole.ui.WindowService;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.Optional;

/**
 * Asks which budget to override, by how many dollars and for how long (or which override to remove), before the
 * change is previewed, in an {@link ActionForm}. Nothing is sent from here.
 */
final class OverrideForm {
    private OverrideForm() {
    }

    /** Shows the form and waits; the change chosen, or empty when cancelled. */
    static Optional<KeyChange> ask(WindowService windows, Window owner, OverrideFormViewModel vm) {
        String name = vm.key().name() == null ? vm.key().id() : vm.key().name();
        String intro = vm.removing()
                ? "Remove a budget override of \u201c" + name + "\u201d: the budget's own limit applies again."
                : "An override adds dollars on top of a budget's limit of \u201c" + name + "\u201d, for a few windows"
                + " or until removed. Usage is not reset.";
        return ActionForm.ask(windows, owner, vm.removing() ? "Remove a budget override" : "Add a budget override",
                "override", intro, fields(vm), vm.errorProperty(), vm::change);
    }

    private static GridPane fields(OverrideFormViewModel vm) {
        ComboBox<OverrideFormViewModel.BudgetChoice> budget = new ComboBox<>(vm.budgets());
        budget.setId("override-budget");
        budget.valueProperty().bindBidirectional(vm.budgetProperty());
        budget.setMaxWidth(Double.MAX_VALUE);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label("Budget"), budget);
        if (!vm.removing()) {
            TextField amount = new TextField();
            amount.setId("override-amount");
            amount.textProperty().bindBidirectional(vm.amountProperty());
            amount.setPrefColumnCount(8);
            HBox dollars = new HBox(6, new Label("$"), amount);
            dollars.setAlignment(Pos.CENTER_LEFT);
            grid.addRow(1, new Label("Add"), dollars);
            ToggleGroup group = new ToggleGroup();
            RadioButton windows = new RadioButton("for");
            windows.setToggleGroup(group);
            windows.setId("override-cycles-choice");
            RadioButton forever = new RadioButton("until removed");
            forever.setToggleGroup(group);
            forever.setId("override-forever");
            forever.selectedProperty().bindBidirectional(vm.foreverProperty());
            windows.setSelected(!vm.foreverProperty().get());
            TextField cycles = new TextField();
            cycles.setId("override-cycles");
            cycles.setPrefColumnCount(3);
            cycles.textProperty().bindBidirectional(vm.cyclesProperty());
            cycles.disableProperty().bind(vm.foreverProperty());
            Label unit = new Label("windows (the current one counts as the first)");
            unit.getStyleClass().add("muted");
            HBox duration = new HBox(6, windows, cycles, unit);
            duration.setAlignment(Pos.CENTER_LEFT);
            grid.addRow(2, new Label("Lasting"), new VBox(6, duration, forever));
        }
        return grid;
    }
}
