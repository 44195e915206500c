package bifrostconsole.alerts;

import bifrostconsole.ui.NameLabels;
import bifrostconsole.messages.DisplayText;
import atlantafx.base.controls.Popover;
import bifrostconsole.ui.Icons;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.CheckBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.kordamp.ikonli.feather.Feather;

import java.util.List;
import java.util.function.Consumer;

/**
 * The bell beside the refresh controls: the count of recent alerts, a list of them on click (a key's alert opens
 * the key), and the notifications each scan's new alerts pop up inside the window (ControlsFX). A key's
 * notification opens the key when clicked.
 */
public final class AlertsView extends Button {
    private final AlertsViewModel vm;
    private final Consumer<String> openKey;
    private final ListView<AlertsViewModel.Alert> list = new ListView<>();
    private Popover popover;

    public AlertsView(AlertsViewModel vm, Consumer<String> openKey) {
        this.vm = vm;
        this.openKey = openKey;
        setId("alerts-button");
        setGraphic(Icons.icon(Feather.BELL));
        setAccessibleText("Recent alerts");
        Icons.tooltip(this, "Recent alerts: keys, teams and customers that crossed the threshold, used up a"
                + " limit or expired");
        list.setId("alerts-list");
        list.setItems(vm.recent());
        list.setPrefSize(420, 320);
        list.setPlaceholder(new Label("No alerts yet: they appear when a refresh finds something new."));
        list.setCellFactory(v -> new AlertCell());
        list.setOnMouseClicked(e -> {
            AlertsViewModel.Alert a = list.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && a != null) {
                open(a);
            }
        });
        Runnable count = () -> setText(vm.recent().isEmpty() ? null : Integer.toString(vm.recent().size()));
        vm.recent().addListener((ListChangeListener<AlertsViewModel.Alert>) c -> count.run());
        count.run();
        setOnAction(e -> showList());
        vm.setNotifier(this::notify);
    }

    public void showList() {
        if (popover == null) {
            Label title = new Label("Recent alerts \u00b7 double-click a key's alert to open it");
            title.getStyleClass().add("muted");
            CheckBox desktop = new CheckBox("Also notify through the desktop while the window is in the background");
            desktop.setId("alerts-desktop-notifications");
            String unavailable = vm.desktopUnavailable();
            if (unavailable == null) {
                desktop.selectedProperty().bindBidirectional(vm.desktopNotificationsProperty());
            } else {
                desktop.setDisable(true);
                desktop.setTooltip(new Tooltip(unavailable));
                desktop.setText("Desktop notifications: " + unavailable);
                desktop.setWrapText(true);
                desktop.setMaxWidth(420);
            }
            popover = new Popover(new VBox(6, title, list, desktop));
            popover.setTitle("Alerts");
            popover.setArrowLocation(Popover.ArrowLocation.TOP_RIGHT);
        }
        popover.show(this);
    }

    private void open(AlertsViewModel.Alert a) {
        if (a.subject() == AlertsViewModel.Subject.KEY) {
            if (popover != null) {
                popover.hide();
            }
            openKey.accept(a.subjectId());
        }
    }

    /**
     * A few alerts one by one; more as one notification that opens the list. In the window always; also through
     * the desktop (when on and offered) while the window is in the background, where a click brings the window up
     * with the key open.
     */
    void notify(List<AlertsViewModel.Alert> alerts) {
        if (getScene() == null || !(getScene().getWindow() instanceof Stage stage) || !stage.isShowing()) {
            return;
        }
        if (!stage.isFocused() || stage.isIconified()) {
            vm.notifyDesktop(alerts, a -> Platform.runLater(() -> {
                raise(stage);
                open(a);
            }), () -> Platform.runLater(() -> {
                raise(stage);
                showList();
            }));
        }
        if (alerts.size() <= AlertsViewModel.ONE_BY_ONE) {
            for (AlertsViewModel.Alert a : alerts) {
                notification(DisplayText.line(a.title()), DisplayText.line(a.text())).onAction(e -> open(a)).showWarning();
            }
        } else {
            notification(AlertsViewModel.summaryTitle(alerts), AlertsViewModel.summaryText(alerts))
                    .onAction(e -> showList()).showWarning();
        }
    }

    private static void raise(Stage stage) {
        stage.setIconified(false);
        stage.toFront();
        stage.requestFocus();
    }

    private Notifications notification(String title, String text) {
        return Notifications.create().owner(getScene().getWindow()).title(title).text(text)
                .position(Pos.BOTTOM_RIGHT).hideAfter(Duration.seconds(8));
    }

    private static final class AlertCell extends ListCell<AlertsViewModel.Alert> {
        private final Label title = new Label();
        private final Label text = new Label();
        private final Node box = new VBox(1, title, text);

        AlertCell() {
            title.getStyleClass().add("key-name");
            text.getStyleClass().add("muted");
            text.setWrapText(true);
            text.setMaxWidth(380);
            setGraphic(box);
            setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(AlertsViewModel.Alert a, boolean empty) {
            super.updateItem(a, empty);
            box.setVisible(!empty && a != null);
            if (!empty && a != null) {
                NameLabels.show(title, a.title()); // a key's, team's or customer's name
                NameLabels.show(text, a.reason().title() + ": " + a.text());
            }
        }
    }
}
