package bifrostconsole.app;

import atlantafx.base.theme.Styles;
import bifrostconsole.connection.ConnectionProfile;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;

/** "Manage connections": the saved profiles with add, edit, delete and connect. */
final class ConnectionsView extends VBox {
    private final ObservableList<ConnectionProfile> items = FXCollections.observableArrayList();

    interface Actions {
        void add();

        void edit(ConnectionProfile profile);

        void delete(ConnectionProfile profile);

        void open(ConnectionProfile profile);
    }

    ConnectionsView(Actions actions) {
        setSpacing(12);
        setPadding(new Insets(20));
        setPrefSize(620, 420);
        Label title = new Label("Connections");
        title.getStyleClass().add(Styles.TITLE_3);

        ListView<ConnectionProfile> list = new ListView<>(items);
        list.setId("connections-list");
        list.setCellFactory(v -> new ProfileCell());
        list.setPlaceholder(new Label("No saved connections yet: add one."));
        VBox.setVgrow(list, Priority.ALWAYS);
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                actions.open(list.getSelectionModel().getSelectedItem());
            }
        });

        BooleanBinding none = list.getSelectionModel().selectedItemProperty().isNull();
        Button add = new Button("Add\u2026", new FontIcon(Feather.PLUS));
        add.setOnAction(e -> actions.add());
        Button edit = new Button("Edit\u2026", new FontIcon(Feather.EDIT_2));
        edit.setId("edit-connection");
        edit.disableProperty().bind(none);
        edit.setOnAction(e -> actions.edit(list.getSelectionModel().getSelectedItem()));
        Button delete = new Button("Delete", new FontIcon(Feather.TRASH_2));
        delete.setId("delete-connection");
        delete.getStyleClass().add(Styles.DANGER);
        delete.disableProperty().bind(none);
        delete.setOnAction(e -> actions.delete(list.getSelectionModel().getSelectedItem()));
        Button open = new Button("Connect", new FontIcon(Feather.LOG_IN));
        open.setId("open-connection");
        open.getStyleClass().add(Styles.ACCENT);
        open.setDefaultButton(true);
        open.disableProperty().bind(none);
        open.setOnAction(e -> actions.open(list.getSelectionModel().getSelectedItem()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, add, edit, delete, spacer, open);
        buttons.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, list, buttons);
    }

    void show(List<ConnectionProfile> profiles) {
        items.setAll(profiles);
    }


    private static final class ProfileCell extends ListCell<ConnectionProfile> {
        @Override
        protected void updateItem(ConnectionProfile p, boolean empty) {
            super.updateItem(p, empty);
            if (empty || p == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label name = new Label(p.name());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            Label url = new Label(p.baseUrl());
            url.getStyleClass().add(Styles.TEXT_MUTED);
            HBox row = new HBox(10, new FontIcon(Feather.SERVER), name, url);
            row.setAlignment(Pos.CENTER_LEFT);
            if (p.skipTlsVerification()) {
                Label insecure = new Label("TLS not verified");
                insecure.getStyleClass().addAll(Styles.DANGER, "danger-note");
                row.getChildren().add(insecure);
            } else if (p.sendsKeyInClear()) {
                Label plain = new Label("plain http");
                plain.getStyleClass().add(Styles.WARNING);
                row.getChildren().add(plain);
            }
            setText(null);
            setGraphic(row);
        }
    }
}
