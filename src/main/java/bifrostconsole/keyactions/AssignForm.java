package bifrostconsole.keyactions;

import bifrostconsole.ui.NameLabels;
import bifrostconsole.messages.DisplayText;
import atlantafx.base.controls.CustomTextField;
import bifrostconsole.changes.KeyChange;
import bifrostconsole.keys.FilterOption;
import bifrostconsole.keys.FilterPickerViewModel;
import bifrostconsole.ui.Icons;
import bifrostconsole.ui.WindowService;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

import java.util.Optional;

/** Asks for a team, a customer (searched on the server) or neither, before an assignment is previewed. */
final class AssignForm {
    private AssignForm() {
    }

    /** Shows the form and waits; the change chosen, or empty when cancelled. */
    static Optional<KeyChange> ask(WindowService windows, Window owner, AssignFormViewModel vm, String subject) {
        String intro = "Assign " + subject + " to a team or a customer. A key belongs to one of them at most;"
                + " its budgets and rate limits then count too.";
        VBox fields = fields(vm);
        vm.start();
        return ActionForm.ask(windows, owner, "Assign to a team or customer", "assign", intro, fields,
                vm.errorProperty(), vm::change);
    }

    /** Team, customer or neither, and the list to choose the team or customer from. */
    private static VBox fields(AssignFormViewModel vm) {
        ToggleGroup group = new ToggleGroup();
        RadioButton team = new RadioButton("A team");
        RadioButton customer = new RadioButton("A customer");
        RadioButton none = new RadioButton("Neither (no team, no customer)");
        team.setId("assign-team");
        customer.setId("assign-customer");
        none.setId("assign-none");
        team.setUserData(KeyChange.OwnerKind.TEAM);
        customer.setUserData(KeyChange.OwnerKind.CUSTOMER);
        none.setUserData(KeyChange.OwnerKind.NONE);
        for (RadioButton b : new RadioButton[]{team, customer, none}) {
            b.setToggleGroup(group);
            b.setSelected(b.getUserData() == vm.kindProperty().get());
        }
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.kindProperty().set((KeyChange.OwnerKind) b.getUserData());
            }
        });

        VBox teams = chooser(vm.teams(), "assign-team");
        VBox customers = chooser(vm.customers(), "assign-customer");
        teams.visibleProperty().bind(vm.kindProperty().isEqualTo(KeyChange.OwnerKind.TEAM));
        customers.visibleProperty().bind(vm.kindProperty().isEqualTo(KeyChange.OwnerKind.CUSTOMER));
        StackPane lists = new StackPane(teams, customers);
        lists.visibleProperty().bind(vm.kindProperty().isNotEqualTo(KeyChange.OwnerKind.NONE));
        lists.managedProperty().bind(lists.visibleProperty());
        return new VBox(12, new HBox(16, team, customer, none), lists);
    }

    private static VBox chooser(FilterPickerViewModel picker, String id) {
        CustomTextField search = new CustomTextField();
        search.setId(id + "-search");
        search.setPromptText("Search " + picker.noun() + "s by name");
        search.setLeft(Icons.icon(Feather.SEARCH));
        search.textProperty().bindBidirectional(picker.searchTextProperty());
        ListView<FilterOption> list = new ListView<>(picker.options());
        list.setId(id + "-list");
        list.setPrefHeight(220);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(FilterOption item, boolean empty) {
                super.updateItem(item, empty);
                // The name as the tables show it (one line, hidden characters shown), isolated from its detail.
                NameLabels.showText(this, empty || item == null ? null : DisplayText.inline(item.name())
                        + (item.detail() == null || item.detail().isEmpty() ? "" : "  \u00b7  " + item.detail()));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                picker.choose(b);
            }
        });
        Label message = new Label();
        message.getStyleClass().add("muted");
        message.textProperty().bind(picker.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());
        return new VBox(6, search, list, message);
    }
}
