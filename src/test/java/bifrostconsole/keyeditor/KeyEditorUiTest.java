package bifrostconsole.keyeditor;

import atlantafx.base.theme.PrimerLight;
import bifrostconsole.api.Json;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.ProviderConfig;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.config.UiSettings;
import bifrostconsole.demo.DemoGateway;
import bifrostconsole.keys.KeyBrowserView;
import bifrostconsole.keys.KeyBrowserViewModel;
import bifrostconsole.testing.DemoGatewayExtension;
import bifrostconsole.testing.Fx;
import bifrostconsole.testing.Screenshots;
import bifrostconsole.testing.TestServices;
import bifrostconsole.ui.FxClipboardService;
import bifrostconsole.ui.Stylesheets;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The key editor clicked headlessly in a 1024x700 key browser against the demo gateway: a key created end to end
 * (form, preview, value shown once, row selected), a provider config edited without losing its key access, and an
 * edit refused because the key changed on the server meanwhile.
 */
@ExtendWith(ApplicationExtension.class)
class KeyEditorUiTest {
    private static final String API_KEY = "editor-test-key";
    @RegisterExtension
    static final DemoGatewayExtension gateway = DemoGatewayExtension.withKeys(21, 150).withApiKey(API_KEY);
    private static ManagementApiClient client;

    @TempDir
    Path data;
    private KeyBrowserViewModel keys;
    private Stage stage;
    private KeyEditorDialogs dialogs;

    @BeforeAll
    static void client() {
        client = gateway.client();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        keys = TestServices.keyBrowser(client, UiSettings.inMemory());
        keys.setClipboard(new FxClipboardService(javafx.util.Duration.seconds(30)));
        KeyBrowserView view = new KeyBrowserView(keys);
        KeyEditorViewModel.Context context = TestServices.keyEditorContext(client, data);
        view.setEditing(dialogs = new KeyEditorDialogs(keys, context, TestServices.windows(), keys.clipboard(),
                () -> stage));
        Scene scene = new Scene(view, 1024, 700);
        Stylesheets.apply(scene);
        stage.setX(0);
        stage.setY(0);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        org.testfx.api.FxToolkit.cleanupStages();
    }

    @Test
    void aKeyIsCreatedEndToEndWithItsValueShownOnceAndItsRowSelected(FxRobot robot) throws Exception {
        keys.firstPageShown().get(10, TimeUnit.SECONDS);
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        Fx.waitUntil(() -> robot.lookup("#key-editor").tryQuery().isPresent());
        Window form = robot.lookup("#key-editor").query().getScene().getWindow();
        assertEquals("Fix 1 problem to save", robot.lookup("#editor-save").queryButton().getText());
        robot.clickOn("#key-editor-name").write("support-bot-prod");
        robot.clickOn("#key-editor-description").write("The support chat bot");
        Fx.waitUntil(() -> !robot.lookup("#key-editor-provider-choice").queryComboBox().getItems().isEmpty());
        Fx.call(() -> {
            robot.lookup("#key-editor-provider-choice").queryComboBox().getSelectionModel().select("anthropic");
            return null;
        });
        Fx.reveal(robot.lookup("#key-editor-add-provider").query());
        robot.clickOn("#key-editor-add-provider");
        Fx.waitUntil(() -> robot.lookup("#key-editor-provider-0-allowed").tryQuery().isPresent());
        Fx.reveal(robot.lookup("#key-editor-provider-0-allowed").query());
        robot.doubleClickOn("#key-editor-provider-0-allowed").eraseText(1).write("claude-sonnet-4-5");
        Fx.reveal(robot.lookup("#key-add-budget").query());
        robot.clickOn("#key-add-budget");
        robot.clickOn("#key-budget-0-limit").write("150");
        Fx.waitUntil(() -> robot.lookup("#editor-save").queryButton().getText().equals("Create key"));
        Screenshots.shot(form.getScene(), "key-editor-new-light");
        Screenshots.theme(true);
        Screenshots.shot(form.getScene(), "key-editor-new-dark");
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());

        robot.clickOn("#editor-save");
        Fx.waitUntil(() -> robot.lookup("#preview-request").tryQuery().isPresent());
        String request = robot.lookup("#preview-request").queryAs(TextArea.class).getText();
        assertTrue(request.startsWith("POST /api/governance/virtual-keys\n"), request);
        assertEquals(Json.mapper().readTree("{\"name\":\"support-bot-prod\",\"description\":\"The support chat bot\","
                + "\"is_active\":true,\"budgets\":[{\"max_limit\":150.0,\"reset_duration\":\"1M\"}],\"provider_configs\":"
                + "[{\"provider\":\"anthropic\",\"weight\":null,\"allowed_models\":[\"claude-sonnet-4-5\"],"
                + "\"blacklisted_models\":[],\"key_ids\":[\"*\"]}]}"),
                Json.mapper().readTree(request.substring(request.indexOf('\n') + 1)));
        Screenshots.shot(form.getScene(), "key-editor-preview-light");
        robot.clickOn("#editor-confirm");

        Fx.waitUntil(() -> robot.lookup("#key-created").tryQuery().isPresent());
        VirtualKey created = gateway.store().virtualKeys().stream().filter(k -> k.name().equals("support-bot-prod"))
                .findFirst().orElseThrow();
        Label value = robot.lookup("#created-value .secret-text").queryAs(Label.class);
        assertFalse(value.getText().contains(created.plainValue()), "masked until revealed");
        assertTrue(value.getText().startsWith(created.plainValue().substring(0, 8)));
        Screenshots.shot(form.getScene(), "key-editor-created-light");
        robot.clickOn("#created-value .copy-button");
        assertEquals(created.plainValue(), Fx.call(() -> Clipboard.getSystemClipboard().getString()));
        Fx.waitUntil(() -> keys.selectedRow() != null && keys.selectedRow().id().equals(created.id()));
        robot.clickOn("#created-done");
        Fx.waitUntil(() -> !form.isShowing());
        assertEquals(created.id(), keys.detail().requestedIdProperty().get(), "the new key's details are open");
        Screenshots.shot(stage.getScene(), "key-created-row-selected-1024x700-light");
    }

    @Test
    void aProviderConfigIsEditedWithoutLosingItsKeyAccess(FxRobot robot) throws Exception {
        VirtualKey key = gateway.store().virtualKeys().stream().filter(k -> k.providerConfigs().stream()
                .anyMatch(pc -> !pc.allowAllKeys() && !pc.keys().isEmpty())).findFirst().orElseThrow();
        int index = indexOfChosenKeys(key);
        openInTableAndEdit(robot, key);
        Window form = robot.lookup("#key-editor").query().getScene().getWindow();
        String weight = "#key-editor-provider-" + index + "-weight";
        Fx.reveal(robot.lookup(weight).query());
        robot.doubleClickOn(weight).eraseText(8).write("0.25");
        Fx.waitUntil(() -> robot.lookup("#editor-save").queryButton().getText().equals("Save 1 change"));
        robot.clickOn("#editor-save");
        Fx.waitUntil(() -> robot.lookup("#preview-request").tryQuery().isPresent());
        String request = robot.lookup("#preview-request").queryAs(TextArea.class).getText();
        assertTrue(request.contains("\"key_ids\""), request);
        Screenshots.theme(true);
        Screenshots.shot(form.getScene(), "key-editor-provider-preview-dark");
        Screenshots.theme(false);
        robot.clickOn("#editor-confirm");
        Fx.waitUntil(() -> !form.isShowing());
        ProviderConfig before = key.providerConfigs().get(index);
        ProviderConfig after = client.getVirtualKey(key.id()).get(10, TimeUnit.SECONDS).providerConfigs().get(index);
        assertEquals(0.25, after.weight());
        assertEquals(before.keys().stream().map(bifrostconsole.api.ProviderKey::keyId).sorted().toList(),
                after.keys().stream().map(bifrostconsole.api.ProviderKey::keyId).sorted().toList(),
                "the config keeps exactly its keys");
        assertEquals(before.allowedModels(), after.allowedModels());
    }

    @Test
    void anEditIsRefusedWhenTheKeyChangedOnTheServerMeanwhile(FxRobot robot) throws Exception {
        VirtualKey key = gateway.store().virtualKeys().get(3);
        openInTableAndEdit(robot, key);
        Window form = robot.lookup("#key-editor").query().getScene().getWindow();
        robot.clickOn("#key-editor-description").write(" (checked)");
        robot.clickOn("#editor-save");
        Fx.waitUntil(() -> robot.lookup("#preview-request").tryQuery().isPresent());
        client.updateVirtualKey(key.id(), Json.mapper().createObjectNode().put("is_active", !key.active()))
                .get(10, TimeUnit.SECONDS);
        robot.clickOn("#editor-confirm");
        Fx.waitUntil(() -> robot.lookup("#editor-error").queryAs(Label.class).isVisible());
        String error = robot.lookup("#editor-error").queryAs(Label.class).getText();
        assertTrue(error.startsWith("Not saved: it changed on the server since it was read, so nothing was sent"
                + " (status: "), error);
        assertTrue(form.isShowing(), "the form stays, with what was typed");
        assertTrue(robot.lookup("#key-editor-description").queryTextInputControl().getText().endsWith(" (checked)"));
        Screenshots.shot(form.getScene(), "key-editor-refused-light");
        // Closing it now asks, since the edit would be lost; not discarding keeps the form.
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        Fx.waitUntil(() -> robot.lookup("Discard your changes?").tryQuery().isPresent());
        javafx.scene.control.Button keep = Fx.dialogButton(robot, "Cancel");
        robot.clickOn(keep);
        Fx.waitUntil(() -> robot.lookup("Discard your changes?").tryQuery().isEmpty());
        assertTrue(form.isShowing(), "not discarding keeps the form");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        Fx.waitUntil(() -> robot.lookup("Discard your changes?").tryQuery().isPresent());
        robot.clickOn(robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.Button b
                && "OK".equals(b.getText()) && b.getScene().getWindow() != form).queryButton());
        Fx.waitUntil(() -> !form.isShowing());
    }

    @Test
    void anUnsavedEditSurvivesClosingSwitchingKeysAndAServerError(FxRobot robot) throws Exception {
        VirtualKey key = gateway.store().virtualKeys().get(5);
        VirtualKey other = gateway.store().virtualKeys().get(6);
        openInTableAndEdit(robot, key);
        Window form = robot.lookup("#key-editor").query().getScene().getWindow();
        robot.clickOn("#key-editor-description").write(" (draft)");
        Fx.waitUntil(() -> robot.lookup("#editor-save").queryButton().getText().equals("Save 1 change"));

        // The window's close button asks; keeping the edit keeps the form.
        // Not waited for on the FX thread: the question is a nested event loop until it is answered.
        Platform.runLater(() -> form.fireEvent(new javafx.stage.WindowEvent(form,
                javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        Fx.waitUntil(() -> robot.lookup("Discard your changes?").tryQuery().isPresent());
        robot.clickOn(Fx.dialogButton(robot, "Cancel"));
        Fx.waitUntil(() -> robot.lookup("Discard your changes?").tryQuery().isEmpty());
        assertTrue(form.isShowing(), "not discarding keeps the form");

        // Switching to another key (Edit on it) while the form has an edit brings the form back, untouched.
        Fx.run(() -> dialogs.edit(other));
        Fx.settle();
        assertEquals(1, robot.lookup("#key-editor").queryAll().size(), "no second form over the first");
        assertTrue(robot.lookup("#key-editor-description").queryTextInputControl().getText().endsWith(" (draft)"));

        // A server error keeps the form as it was, with the reason beside it; nothing was changed.
        gateway.injectFault("PUT", "/api/governance/virtual-keys", DemoGateway.Fault.status(500,
                "database is locked"), 1);
        robot.clickOn("#editor-save");
        Fx.waitUntil(() -> robot.lookup("#preview-request").tryQuery().isPresent());
        robot.clickOn("#editor-confirm");
        Fx.waitUntil(() -> robot.lookup("#editor-error").queryAs(Label.class).isVisible());
        String error = robot.lookup("#editor-error").queryAs(Label.class).getText();
        assertTrue(error.contains("database is locked"), error);
        assertTrue(form.isShowing(), "the form stays");
        assertTrue(robot.lookup("#key-editor-description").queryTextInputControl().getText().endsWith(" (draft)"),
                "with what was typed");
        assertEquals("Save 1 change", robot.lookup("#editor-save").queryButton().getText(), "ready to try again");
        assertFalse(String.valueOf(gateway.store().virtualKey(key.id()).orElseThrow().description()).endsWith(" (draft)"),
                "nothing reached the server");
        Screenshots.shot(form.getScene(), "key-editor-server-error-light");
        robot.clickOn("#key-editor-description").press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        Fx.waitUntil(() -> robot.lookup("Discard your changes?").tryQuery().isPresent());
        robot.clickOn(robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.Button b
                && "OK".equals(b.getText()) && b.getScene().getWindow() != form).queryButton());
        Fx.waitUntil(() -> !form.isShowing());
    }

    private static int indexOfChosenKeys(VirtualKey key) {
        for (int i = 0; i < key.providerConfigs().size(); i++) {
            ProviderConfig pc = key.providerConfigs().get(i);
            if (!pc.allowAllKeys() && !pc.keys().isEmpty()) {
                return i;
            }
        }
        throw new AssertionError("no config with chosen keys");
    }

    private void openInTableAndEdit(FxRobot robot, VirtualKey key) throws Exception {
        keys.firstPageShown().get(10, TimeUnit.SECONDS);
        Fx.call(() -> {
            keys.showKey(key.id(), key.name());
            return null;
        });
        Fx.waitUntil(() -> keys.detail().detailsProperty().get() != null
                && keys.detail().detailsProperty().get().key().id().equals(key.id()));
        robot.clickOn("#detail-edit");
        Fx.waitUntil(() -> robot.lookup("#key-editor").tryQuery().isPresent());
        Fx.waitUntil(() -> robot.lookup("#editor-save").queryButton().getText().equals("No changes"));
    }
}
