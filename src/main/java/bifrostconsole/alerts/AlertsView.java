package bifrostconsole.alerts;

import atlantafx.base.controls.Popover;
import bifrostconsole.ui.Icons;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
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
    private static final int ONE_BY_ONE = 3;
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
        setTooltip(new Tooltip("Recent alerts: keys, teams and customers that crossed the threshold, used up a"
                + " limit or expired"));
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
            popover = new Popover(new VBox(6, title, list));
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

    /** A few alerts one by one; more as one notification that opens the list. */
    void notify(List<AlertsViewModel.Alert> alerts) {
        if (getScene() == null || getScene().getWindow() == null || !getScene().getWindow().isShowing()) {
            return;
        }
        if (alerts.size() <= ONE_BY_ONE) {
            for (AlertsViewModel.Alert a : alerts) {
                notification(a.title(), a.text()).onAction(e -> open(a)).showWarning();
            }
        } else {
            StringBuilder text = new StringBuilder();
            for (AlertsViewModel.Alert a : alerts.subList(0, ONE_BY_ONE)) {
                text.append(a.title()).append(": ").append(a.reason().title().toLowerCase()).append('\n');
            }
            text.append("and ").append(alerts.size() - ONE_BY_ONE).append(" more: click to see them all");
            notification(alerts.size() + " new alerts", text.toString()).onAction(e -> showList()).showWarning();
        }
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
                title.setText(a.title());
                text.setText(a.reason().title() + ": " + a.text());
            }
        }
    }
}
