package bifrostconsole.app;

import atlantafx.base.theme.Styles;
import bifrostconsole.api.Secret;
import bifrostconsole.connection.ConnectionProfile;
import bifrostconsole.ui.WindowService;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/** {@link ConnectionPrompts} as small modal windows. */
final class FxConnectionPrompts implements ConnectionPrompts {
    private final WindowService windows;

    FxConnectionPrompts(WindowService windows) {
        this.windows = windows;
    }

    @Override
    public Optional<Secret> askForKey(ConnectionProfile profile, String why, boolean keepsBetweenSessions) {
        Label title = new Label("Management API key for " + profile.name());
        title.getStyleClass().add(Styles.TITLE_4);
        Label reason = new Label(why);
        reason.setWrapText(true);
        PasswordField key = new PasswordField();
        key.setId("prompt-key");
        key.setPromptText("bfst-\u2026");
        Label storage = new Label(keepsBetweenSessions
                ? "The key will be kept in your system's credential store for next time."
                : "The key is kept only until the console closes (no credential store is available, or this"
                + " connection is not saved). BIFROST_API_KEY can provide it instead.");
        storage.getStyleClass().add("form-note");
        storage.setWrapText(true);
        AtomicReference<Secret> result = new AtomicReference<>();
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        Button ok = new Button("Connect");
        ok.setId("prompt-connect");
        ok.setDefaultButton(true);
        ok.getStyleClass().add(Styles.ACCENT);
        ok.disableProperty().bind(key.textProperty().isEmpty());
        VBox content = dialog(title, reason, key, storage, buttons(cancel, ok));
        Stage stage = windows.dialog("API key needed", content);
        cancel.setOnAction(e -> stage.close());
        ok.setOnAction(e -> {
            result.set(Secret.of(key.getText()));
            key.clear();
            stage.close();
        });
        stage.showAndWait();
        return Optional.ofNullable(result.get());
    }

    @Override
    public boolean confirmPlainHttp(ConnectionProfile profile) {
        Label title = new Label("Send the key without encryption?");
        title.getStyleClass().add(Styles.TITLE_4);
        title.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
        Label text = new Label(profile.uri() + " uses plain http:// to another computer, so the management API key"
                + " would cross the network unencrypted and could be read by anyone on the way. Prefer https://."
                + " You will be asked once for this connection.");
        text.setWrapText(true);
        AtomicBoolean confirmed = new AtomicBoolean(false);
        Button cancel = new Button("Don't connect");
        cancel.setCancelButton(true);
        cancel.setDefaultButton(true);
        Button send = new Button("Send over plain http");
        send.setId("confirm-plain-http-send");
        send.getStyleClass().add(Styles.DANGER);
        VBox content = dialog(title, text, buttons(cancel, send));
        Stage stage = windows.dialog("Plain http", content);
        cancel.setOnAction(e -> stage.close());
        send.setOnAction(e -> {
            confirmed.set(true);
            stage.close();
        });
        stage.showAndWait();
        return confirmed.get();
    }

    private static VBox dialog(javafx.scene.Node... nodes) {
        VBox box = new VBox(12, nodes);
        box.setPadding(new Insets(20));
        box.setPrefWidth(480);
        return box;
    }

    private static HBox buttons(Button... buttons) {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(8);
        row.getChildren().add(spacer);
        row.getChildren().addAll(buttons);
        row.setAlignment(Pos.CENTER_RIGHT);
        return row;
    }
}
