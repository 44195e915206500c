package bifrostconsole.connection;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.util.function.Consumer;

/**
 * The form for adding or editing a profile: name, address, masked key, TLS and timeouts (folded away until
 * needed), the plain-http warning with its confirmation, the red "skip verification" switch, Test connection
 * with its per-step results, and Cancel / Save.
 */
public final class ProfileEditorView extends VBox {

    private final ProfileEditorViewModel model;

    public ProfileEditorView(ProfileEditorViewModel model, Consumer<ConnectionProfile> onSaved, Runnable onCancel) {
        this.model = model;
        getStyleClass().add("profile-editor");
        setSpacing(14);
        setPadding(new Insets(20));
        setPrefWidth(640);

        Label title = new Label(model.editing() ? "Edit connection" : "Connect to a Bifrost server");
        title.getStyleClass().add("title-3");

        GridPane form = new GridPane();
        form.getStyleClass().add("form-grid");
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, fields);

        TextField url = new TextField();
        url.setId("profile-url");
        url.setPromptText("https://bifrost.example.com or http://localhost:8080");
        url.textProperty().bindBidirectional(model.urlProperty());
        TextField name = new TextField();
        name.setId("profile-name");
        name.setPromptText("e.g. Production (defaults to the host name)");
        name.textProperty().bindBidirectional(model.nameProperty());
        PasswordField key = new PasswordField();
        key.setId("profile-key");
        key.setPromptText(model.keyPrompt());
        key.textProperty().bindBidirectional(model.apiKeyProperty());
        Label keyNote = note(model.keyStorageNoteProperty().get());
        keyNote.textProperty().bind(model.keyStorageNoteProperty());
        keyNote.setGraphic(new FontIcon(Feather.LOCK));

        form.addRow(0, fieldLabel("Server address", url), url);
        form.addRow(1, fieldLabel("Name", name), name);
        form.addRow(2, fieldLabel("API key", key), key);
        form.add(keyNote, 1, 3);

        VBox plainHttp = plainHttpWarning();

        TitledPane advanced = new TitledPane("TLS and timeouts", advancedForm());
        advanced.setExpanded(model.skipTlsVerificationProperty().get() || !model.caFileProperty().get().isBlank()
                || !model.connectTimeoutProperty().get().isBlank() || !model.requestTimeoutProperty().get().isBlank());
        advanced.setAnimated(false);

        Label validation = new Label();
        validation.setId("profile-validation");
        validation.getStyleClass().add("error-text");
        validation.setWrapText(true);
        validation.textProperty().bind(Bindings.when(model.saveErrorProperty().isEmpty())
                .then(model.validationProperty()).otherwise(model.saveErrorProperty()));
        validation.visibleProperty().bind(validation.textProperty().isNotEmpty().and(url.textProperty().isNotEmpty()));
        validation.managedProperty().bind(validation.visibleProperty());

        ConnectionTestView results = new ConnectionTestView(model.test());

        Button test = new Button("Test connection", new FontIcon(Feather.ACTIVITY));
        test.setId("test-connection");
        test.disableProperty().bind(model.test().runningProperty());
        test.setOnAction(e -> model.testConnection());
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> onCancel.run());
        Button save = new Button(model.editing() ? "Save" : "Save and connect");
        save.setId("save-profile");
        save.setDefaultButton(true);
        save.getStyleClass().add("accent");
        save.disableProperty().bind(model.canSaveProperty().not());
        save.setOnAction(e -> model.save().thenAccept(onSaved));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, test, spacer, cancel, save);
        buttons.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(title, form, plainHttp, advanced, validation, results, buttons);
    }

    private VBox plainHttpWarning() {
        Label text = new Label(model.plainHttpWarning());
        text.setWrapText(true);
        text.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
        CheckBox confirm = new CheckBox("Send the key over plain http to this server anyway");
        confirm.setId("confirm-plain-http");
        confirm.selectedProperty().bindBidirectional(model.plainHttpConfirmedProperty());
        VBox box = new VBox(text, confirm);
        box.getStyleClass().add("warning-box");
        box.visibleProperty().bind(model.plainHttpWarningVisible());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Node advancedForm() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);

        TextField ca = new TextField();
        ca.setId("profile-ca-file");
        ca.setPromptText("Optional: PEM file of a private CA");
        ca.textProperty().bindBidirectional(model.caFileProperty());
        ca.disableProperty().bind(model.skipTlsVerificationProperty());
        Button browse = new Button("Browse\u2026");
        browse.disableProperty().bind(model.skipTlsVerificationProperty());
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("CA certificate (PEM)");
            chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("PEM certificates", "*.pem", "*.crt", "*.cer"),
                    new FileChooser.ExtensionFilter("All files", "*"));
            File chosen = chooser.showOpenDialog(getScene().getWindow());
            if (chosen != null) {
                model.caFileProperty().set(chosen.getAbsolutePath());
            }
        });
        HBox caRow = new HBox(8, ca, browse);
        HBox.setHgrow(ca, Priority.ALWAYS);

        CheckBox insecure = new CheckBox("Skip certificate verification (insecure)");
        insecure.setId("profile-insecure");
        insecure.getStyleClass().add("insecure-toggle");
        insecure.selectedProperty().bindBidirectional(model.skipTlsVerificationProperty());
        Label insecureNote = new Label("Anyone between you and the server could read the key and the data:"
                + " use only for a lab server, and prefer adding its CA certificate.");
        insecureNote.getStyleClass().add("danger-note");
        insecureNote.setWrapText(true);
        insecureNote.visibleProperty().bind(model.skipTlsVerificationProperty());
        insecureNote.managedProperty().bind(insecureNote.visibleProperty());

        TextField connect = secondsField(model.connectTimeoutProperty(), "5");
        connect.setId("profile-connect-timeout");
        TextField request = secondsField(model.requestTimeoutProperty(), "30");
        request.setId("profile-request-timeout");
        HBox timeouts = new HBox(8, connect, new Label("s to connect,"), request, new Label("s per request"));
        timeouts.setAlignment(Pos.CENTER_LEFT);

        grid.addRow(0, fieldLabel("CA certificate", ca), caRow);
        grid.add(insecure, 1, 1);
        grid.add(insecureNote, 1, 2);
        grid.addRow(3, fieldLabel("Timeouts", connect), timeouts);
        return grid;
    }

    private static TextField secondsField(javafx.beans.property.StringProperty property, String prompt) {
        TextField field = new TextField();
        field.setPromptText(prompt);
        field.setPrefColumnCount(4);
        field.setMaxWidth(70);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private static Label fieldLabel(String text, Node field) {
        Label label = new Label(text);
        label.getStyleClass().add("field-label");
        label.setLabelFor(field);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label note(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("form-note");
        label.setWrapText(true);
        return label;
    }
}
