package bifrostconsole.owners;

import bifrostconsole.api.ConnectionSettings;
import bifrostconsole.api.Customer;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.Secret;
import bifrostconsole.api.ServerFeatures;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.changes.ChangeHistory;
import bifrostconsole.changes.OwnerChanges;
import bifrostconsole.config.UiSettings;
import bifrostconsole.customers.CustomersView;
import bifrostconsole.customers.CustomersViewModel;
import bifrostconsole.demo.DemoDataGenerator;
import bifrostconsole.demo.DemoGateway;
import bifrostconsole.keyeditor.KeyEditorDialogs;
import bifrostconsole.keyeditor.KeyEditorViewModel;
import bifrostconsole.keys.KeyBrowserView;
import bifrostconsole.keys.KeyBrowserViewModel;
import bifrostconsole.tables.TableSettings;
import bifrostconsole.teams.TeamsView;
import bifrostconsole.teams.TeamsViewModel;
import bifrostconsole.testing.Fx;
import bifrostconsole.testing.Screenshots;
import bifrostconsole.testing.TestServices;
import bifrostconsole.ui.Formats;
import bifrostconsole.ui.FxClipboardService;
import bifrostconsole.ui.Stylesheets;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pictures of the key editor and the team and customer views as an admin sees them, in light and dark, on the
 * screen this JVM has (Monocle's {@code headless.geometry}: run it once with {@code -Dheadless.geometry=1440x900-32}
 * and once with {@code 1024x700-32}). Saved in {@code target/screens-owners/}; each dialog must fit on the screen
 * with its Save button in sight.
 */
@ExtendWith(ApplicationExtension.class)
class FormsScreensTest {
    private static final String API_KEY = "screens-test-key";
    private static final Path FOLDER = Path.of("target", "screens-owners");
    private static DemoGateway gateway;
    private static ManagementApiClient client;

    @TempDir
    Path data;
    private Stage stage;
    private String size;

    @BeforeAll
    static void startGateway() throws Exception {
        gateway = DemoGateway.start(DemoGateway.Options.of(DemoDataGenerator.generate(11, 300, Instant.now()))
                .withApiKey(API_KEY));
        client = new ManagementApiClient(ConnectionSettings.of(gateway.baseUrl(), Secret.of(API_KEY)));
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Screenshots.theme(false);
        Rectangle2D screen = Screen.getPrimary().getBounds();
        size = (int) screen.getWidth() + "x" + (int) screen.getHeight();
        stage.setX(0);
        stage.setY(0);
    }

    @AfterEach
    void tearDown() throws Exception {
        Screenshots.theme(false);
        org.testfx.api.FxToolkit.cleanupStages();
    }

    private void show(Parent root) throws Exception {
        Fx.run(() -> {
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            Scene scene = new Scene(root, screen.getWidth(), screen.getHeight());
            Stylesheets.apply(scene);
            stage.setScene(scene);
            stage.show();
        });
    }

    /** The scene in light and in dark. */
    private void both(Scene scene, String name) throws Exception {
        Screenshots.shot(scene, FOLDER, name + "-" + size + "-light");
        Screenshots.theme(true);
        Screenshots.shot(scene, FOLDER, name + "-" + size + "-dark");
        Screenshots.theme(false);
    }

    /** The dialog fits on the screen, and its footer (Save, Cancel) is inside the window. */
    private static void fits(Window dialog, String footerQuery, FxRobot robot) throws Exception {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Fx.settle();
        assertTrue(dialog.getHeight() <= screen.getHeight() + 1, "the dialog (" + dialog.getHeight()
                + " high) is no taller than the screen (" + screen + ")");
        Node footer = robot.from(dialog.getScene().getRoot()).lookup(footerQuery).query();
        double bottom = Fx.call(() -> footer.localToScene(footer.getBoundsInLocal()).getMaxY());
        assertTrue(bottom <= dialog.getScene().getHeight() + 1, footerQuery + " is inside the dialog");
    }

    @Test
    void theFormsAndViewsAsAnAdminSeesThem(FxRobot robot) throws Exception {
        keyEditor(robot);
        teams(robot);
        customers(robot);
    }

    private void keyEditor(FxRobot robot) throws Exception {
        KeyBrowserViewModel keys = TestServices.keyBrowser(client, UiSettings.inMemory());
        keys.setClipboard(new FxClipboardService(javafx.util.Duration.seconds(30)));
        KeyBrowserView view = new KeyBrowserView(keys);
        KeyEditorViewModel.Context context = TestServices.keyEditorContext(client, data);
        view.setEditing(new KeyEditorDialogs(keys, context, TestServices.windows(), keys.clipboard(), () -> stage));
        show(view);
        keys.firstPageShown().get(20, java.util.concurrent.TimeUnit.SECONDS);

        // Edit: a key with budgets, a rate limit and two provider configs, one with its own limits.
        VirtualKey key = gateway.store().virtualKeys().stream().filter(k -> !k.budgets().isEmpty()
                && k.rateLimit() != null && k.providerConfigs().size() >= 2).findFirst().orElseThrow();
        Fx.run(() -> keys.showKey(key.id(), key.name()));
        Fx.waitUntil(() -> keys.detail().detailsProperty().get() != null
                && keys.detail().detailsProperty().get().key().id().equals(key.id()));
        robot.clickOn("#detail-edit");
        Fx.waitUntil(() -> robot.lookup("#key-editor").tryQuery().isPresent());
        Fx.waitUntil(() -> robot.lookup("#editor-save").queryButton().getText().equals("No changes"));
        Window form = robot.lookup("#key-editor").query().getScene().getWindow();
        fits(form, "#editor-save", robot);
        both(form.getScene(), "key-edit-top");
        Fx.reveal(robot.lookup("#key-budget-0-limit").query());
        robot.doubleClickOn("#key-budget-0-limit").eraseText(12).write("0");
        Fx.waitUntil(() -> robot.lookup("#editor-save").queryButton().getText().startsWith("Fix"));
        both(form.getScene(), "key-edit-budget-error");
        robot.doubleClickOn("#key-budget-0-limit").eraseText(12).write("75");
        Fx.run(() -> robot.lookup((Node n) -> n instanceof TitledPane).queryAllAs(TitledPane.class)
                .forEach(p -> p.setExpanded(true)));
        Fx.reveal(robot.lookup("#key-editor-provider-1").query());
        both(form.getScene(), "key-edit-providers");
        Fx.waitUntil(() -> robot.lookup("#editor-save").queryButton().getText().startsWith("Save"));
        robot.clickOn("#editor-save");
        Fx.waitUntil(() -> robot.lookup("#preview-request").tryQuery().isPresent());
        both(form.getScene(), "key-edit-preview");
        robot.clickOn("#editor-back");
        robot.clickOn("#editor-cancel");
        Fx.waitUntil(() -> robot.lookup("Discard your changes?").tryQuery().isPresent());
        robot.clickOn(robot.lookup((Node n) -> n instanceof Button b && "OK".equals(b.getText())
                && b.getScene().getWindow() != form).queryButton());
        Fx.waitUntil(() -> !form.isShowing());

        // Create: two providers, a budget, a rate limit, and a field still wrong.
        robot.clickOn("#key-table");
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        Fx.waitUntil(() -> robot.lookup("#key-editor").tryQuery().isPresent());
        Window create = robot.lookup("#key-editor").query().getScene().getWindow();
        assertTrue(Fx.call(() -> robot.lookup("#key-editor-name").query().isFocused()), "focus starts in the name");
        robot.clickOn("#key-editor-name").write("billing-worker");
        Fx.waitUntil(() -> robot.lookup("#key-editor-provider-choice").queryComboBox().getItems().size() >= 2);
        for (int i = 0; i < 2; i++) {
            ComboBox<?> choice = robot.lookup("#key-editor-provider-choice").queryComboBox();
            Fx.run(() -> choice.getSelectionModel().select(0));
            Fx.reveal(robot.lookup("#key-editor-add-provider").query());
            robot.clickOn("#key-editor-add-provider");
        }
        Fx.reveal(robot.lookup("#key-add-budget").query());
        robot.clickOn("#key-add-budget");
        robot.clickOn("#key-budget-0-limit").write("120");
        robot.clickOn("#key-tokens-max").write("2000000");
        Fx.waitUntil(() -> robot.lookup("#editor-save").queryButton().getText().startsWith("Fix"));
        both(create.getScene(), "key-new-rate-limit-error");
        robot.clickOn("#key-tokens-window").write("1h");
        Fx.waitUntil(() -> robot.lookup("#editor-save").queryButton().getText().equals("Create key"));
        robot.clickOn("#editor-save");
        Fx.waitUntil(() -> robot.lookup("#preview-request").tryQuery().isPresent());
        both(create.getScene(), "key-new-preview");
        robot.clickOn("#editor-confirm");
        Fx.waitUntil(() -> robot.lookup("#key-created").tryQuery().isPresent());
        both(create.getScene(), "key-new-value-once");
        robot.clickOn("#created-done");
        Fx.waitUntil(() -> !create.isShowing());
    }

    private OwnerListViewModel.Writes writes() {
        var io = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "screens-owner-io");
            t.setDaemon(true);
            return t;
        });
        return new OwnerListViewModel.Writes(client, new OwnerChanges(client, new ChangeHistory(
                data.resolve("history.jsonl")), io, Clock.systemUTC()), ServerFeatures.of("v2.2.5"), Platform::runLater,
                TestServices.fxScheduler(), new Formats(Locale.US, ZoneOffset.UTC));
    }

    private void teams(FxRobot robot) throws Exception {
        TeamsViewModel vm = new TeamsViewModel(writes(), new TableSettings(UiSettings.inMemory(), Runnable::run,
                "teams"), Clock.systemUTC());
        show(new TeamsView(vm, TestServices.windows()));
        Fx.waitUntil(() -> !vm.list().rows().isEmpty());
        var team = Fx.call(() -> vm.list().rows().stream().filter(r -> r.team().virtualKeyCount() != null
                && r.team().virtualKeyCount() > 1 && !r.team().allBudgets().isEmpty()).findFirst()
                .orElse(vm.list().rows().get(0)));
        robot.clickOn(team.name());
        Fx.waitUntil(() -> vm.detail().loadedProperty().get() != null);
        both(stage.getScene(), "teams-open");

        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        Fx.waitUntil(() -> robot.lookup("#team-editor").tryQuery().isPresent());
        Window form = robot.lookup("#team-editor").query().getScene().getWindow();
        fits(form, "#editor-save", robot);
        assertTrue(Fx.call(() -> robot.lookup("#team-editor-name").query().isFocused()), "focus starts in the name");
        robot.clickOn("#team-editor-name").press(KeyCode.END).release(KeyCode.END).write("x");
        Fx.waitUntil(() -> robot.lookup("#editor-save").queryButton().getText().equals("Save 1 change"));
        robot.clickOn("#team-tokens-max").eraseText(12).write("-5");
        Fx.waitUntil(() -> robot.lookup("#editor-save").queryButton().isDisabled());
        both(form.getScene(), "team-edit-error");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        Fx.waitUntil(() -> robot.lookup("Discard your changes?").tryQuery().isPresent());
        robot.clickOn(robot.lookup((Node n) -> n instanceof Button b && "OK".equals(b.getText())
                && b.getScene().getWindow() != form).queryButton());
        Fx.waitUntil(() -> !form.isShowing());

        robot.clickOn("#team-detail-delete");
        Fx.waitUntil(() -> robot.lookup("#team-delete-summary").tryQuery().isPresent()
                && !robot.lookup("#team-delete-confirm").queryButton().isDisabled());
        Window delete = robot.lookup("#team-delete-summary").query().getScene().getWindow();
        both(delete.getScene(), "team-delete");
        assertTrue(Fx.call(() -> delete.getScene().getFocusOwner() instanceof Button b
                && "Cancel".equals(b.getText())), "a delete starts on Cancel");
        robot.clickOn("#team-delete-summary").press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        Fx.waitUntil(() -> !delete.isShowing());
    }

    private void customers(FxRobot robot) throws Exception {
        CustomersViewModel vm = new CustomersViewModel(writes(), new TableSettings(UiSettings.inMemory(),
                Runnable::run, "customers"), Clock.systemUTC());
        show(new CustomersView(vm, TestServices.windows()));
        Fx.waitUntil(() -> !vm.list().rows().isEmpty());
        Customer customer = gateway.store().customers().stream().filter(c -> gateway.store().teams().stream()
                .anyMatch(t -> c.id().equals(t.customerId()))).findFirst().orElseThrow();
        robot.clickOn(customer.name());
        Fx.waitUntil(() -> vm.detail().loadedProperty().get() != null);
        both(stage.getScene(), "customers-open");

        robot.clickOn("#new-customer");
        Fx.waitUntil(() -> robot.lookup("#customer-editor").tryQuery().isPresent());
        Window form = robot.lookup("#customer-editor").query().getScene().getWindow();
        fits(form, "#editor-save", robot);
        assertTrue(Fx.call(() -> robot.lookup("#customer-editor-name").query().isFocused()),
                "focus starts in the name");
        robot.clickOn("#customer-editor-name").write(customer.name());
        Fx.waitUntil(() -> Fx.visibleText(robot, ".field-error") != null
                && Fx.visibleText(robot, ".field-error").contains("already exists"));
        both(form.getScene(), "customer-new-name-taken");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        Fx.waitUntil(() -> robot.lookup("Discard your changes?").tryQuery().isPresent());
        robot.clickOn(robot.lookup((Node n) -> n instanceof Button b && "OK".equals(b.getText())
                && b.getScene().getWindow() != form).queryButton());
        Fx.waitUntil(() -> !form.isShowing());

        robot.clickOn("#customer-detail-delete");
        Fx.waitUntil(() -> robot.lookup("#customer-delete-summary").tryQuery().isPresent()
                && !robot.lookup("#customer-delete-confirm").queryButton().isDisabled());
        Window delete = robot.lookup("#customer-delete-summary").query().getScene().getWindow();
        both(delete.getScene(), "customer-delete");
        assertTrue(Fx.call(() -> delete.getScene().getFocusOwner() instanceof Button b
                && "Cancel".equals(b.getText())), "a delete starts on Cancel");
        robot.clickOn("#customer-delete-summary").press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        Fx.waitUntil(() -> !delete.isShowing());
    }
}
