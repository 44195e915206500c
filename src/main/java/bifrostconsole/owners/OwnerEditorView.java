package bifrostconsole.owners;

import atlantafx.base.controls.ToggleSwitch;
import bifrostconsole.changes.OwnerChanges;
import bifrostconsole.keys.FilterPicker;
import bifrostconsole.limits.BudgetsEditorView;
import bifrostconsole.limits.FormParts;
import bifrostconsole.limits.RateLimitEditorView;
import bifrostconsole.ui.EditorShell;
import bifrostconsole.ui.Stylesheets;
import bifrostconsole.ui.Switches;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The team or customer form in its dialog: name, a team's customer, budgets, rate limit, calendar alignment, and
 * the preview of what Save sends. {@code close} is asked to close the dialog (it asks first if there is an edit
 * to lose).
 */
public final class OwnerEditorView extends StackPane {
    private final OwnerEditorViewModel vm;
    private final TextField name = new TextField();

    public OwnerEditorView(OwnerEditorViewModel vm, Runnable close) {
        this.vm = vm;
        String noun = vm.kind().noun();
        getStyleClass().add("editor-view");
        setId(noun + "-editor");
        Stylesheets.apply(this);
        setPrefSize(600, 640);

        name.setId(noun + "-editor-name");
        name.setPromptText("A name unique among the " + noun + "s");
        name.textProperty().bindBidirectional(vm.nameProperty());
        VBox form = new VBox(6, section("Name"), name, FormParts.error(vm.nameErrorProperty()));
        if (vm.kind() == OwnerChanges.Kind.TEAM) {
            FilterPicker customer = new FilterPicker(vm.customerPicker(), Feather.BRIEFCASE,
                    "The customer the team belongs to: its budgets and limits apply on top of the team's.");
            form.getChildren().addAll(section("Customer"), customer, hint("A team under a customer counts towards the"
                    + " customer's budgets too. None: the team stands alone."));
        }
        form.getChildren().addAll(section("Budgets"), hint("Dollars its keys may spend together per window."),
                new BudgetsEditorView(vm.budgets(), noun),
                section("Rate limit"), hint("Tokens and requests its keys may use together per window."),
                new RateLimitEditorView(vm.rateLimit(), noun));
        ToggleSwitch aligned = Switches.create("Align windows to the calendar (UTC)");
        aligned.setId(noun + "-editor-calendar");
        aligned.selectedProperty().bindBidirectional(vm.calendarAlignedProperty());
        Tooltip.install(aligned, new Tooltip("Day, week, month and year windows reset at midnight UTC, on Mondays, on"
                + " the 1st and on 1 January, instead of rolling from their own last reset."));
        form.getChildren().addAll(section("Windows"), aligned);
        form.getStyleClass().add("editor-form");

        EditorShell shell = new EditorShell(form, vm.saveTextProperty(), vm.canSaveProperty(), vm.savingProperty(),
                vm.saveErrorProperty(), vm.previewProperty(), new EditorShell.Actions() {
            @Override
            public void preview() {
                if (vm.preview() && vm.budgetsChangedProperty().get() && vm.features().resetBudgetUsage()) {
                    shellOf().previewPane().offerUsageReset(vm.resetUsageProperty(), noun);
                }
            }

            @Override
            public void back() {
                vm.backToForm();
            }

            @Override
            public void confirm() {
                vm.save();
            }

            @Override
            public void cancel() {
                close.run();
            }
        });
        vm.budgetsChangedProperty().addListener((o, a, b) -> {
            if (!b) {
                shell.previewPane().hideUsageReset();
            }
        });
        getChildren().add(shell);
    }

    private EditorShell shellOf() {
        return (EditorShell) getChildren().get(0);
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("form-section");
        return l;
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        return l;
    }

    public TextField nameField() {
        return name;
    }

    public OwnerEditorViewModel viewModel() {
        return vm;
    }
}
