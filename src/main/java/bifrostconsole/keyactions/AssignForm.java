package bifrostconsole.keyactions;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import bifrostconsole.changes.KeyChange;
import bifrostconsole.keys.FilterOption;
import bifrostconsole.keys.FilterPickerViewModel;
import bifrostconsole.ui.Icons;
import bifrostconsole.ui.Stylesheets;
import bifrostconsole.ui.WindowService;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

import java.util.Optional;

/** Asks for a team, a customer (searched on the server) or neither, before an assignment is previewed. */
final class AssignForm extends VBox {
    private KeyChange chosen;

    private AssignForm(AssignFormViewModel vm, String subject, Runnable close) {
        getStyleClass().add("action-form");
        setId("assign-form");
        Stylesheets.apply(this);
        getStylesheets().add(KeyActionsView.STYLESHEET);
        Label intro = new Label("Assign " + subject + " to a team or a customer. A key belongs to one of them at most;"
                + " its budgets and rate limits then count too.");
        intro.setWrapText(true);

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

        Label error = new Label();
        error.setId("assign-error");
        error.getStyleClass().add("danger-text");
        error.textProperty().bind(vm.errorProperty());
        error.managedProperty().bind(vm.errorProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());

        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> close.run());
        Button next = new Button("Preview\u2026");
        next.setId("assign-preview");
        next.getStyleClass().add(Styles.ACCENT);
        next.setDefaultButton(true);
        next.setOnAction(e -> {
            chosen = vm.change();
            if (chosen != null) {
                close.run();
            }
        });
        HBox buttons = new HBox(8, cancel, next);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        getChildren().addAll(intro, new HBox(16, team, customer, none), lists, error, buttons);
        setSpacing(12);
        setPrefWidth(520);
        vm.start();
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
                setText(empty || item == null ? null : item.name()
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

    /** Shows the form and waits; the change chosen, or empty when cancelled. */
    static Optional<KeyChange> ask(WindowService windows, Window owner, AssignFormViewModel vm, String subject) {
        Stage[] stage = new Stage[1];
        AssignForm form = new AssignForm(vm, subject, () -> stage[0].close());
        stage[0] = windows.dialog(owner, "Assign to a team or customer", form);
        stage[0].showAndWait();
        return Optional.ofNullable(form.chosen);
    }
}
