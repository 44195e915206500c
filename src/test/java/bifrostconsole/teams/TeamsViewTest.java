package bifrostconsole.teams;

import atlantafx.base.theme.PrimerLight;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.ServerFeatures;
import bifrostconsole.api.Team;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.changes.ChangeHistory;
import bifrostconsole.changes.HistoryEntry;
import bifrostconsole.changes.OwnerChanges;
import bifrostconsole.config.UiSettings;
import bifrostconsole.owners.OwnerListViewModel;
import bifrostconsole.tables.TableSettings;
import bifrostconsole.testing.DemoGatewayExtension;
import bifrostconsole.testing.Fx;
import bifrostconsole.testing.Screenshots;
import bifrostconsole.testing.TestServices;
import bifrostconsole.ui.Formats;
import bifrostconsole.ui.Stylesheets;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
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
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The team view clicked headlessly against the demo gateway: create a team through the preview, delete one. */
@ExtendWith(ApplicationExtension.class)
class TeamsViewTest {
    private static final String API_KEY = "teams-test-key";
    @RegisterExtension
    static final DemoGatewayExtension gateway = DemoGatewayExtension.withKeys(7, 200).withApiKey(API_KEY);
    private static ManagementApiClient client;

    @TempDir
    Path data;
    private TeamsViewModel vm;
    private Stage stage;
    private ChangeHistory history;

    @BeforeAll
    static void client() {
        client = gateway.client();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        history = new ChangeHistory(data.resolve("history.jsonl"));
        var io = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "teams-test-io");
            t.setDaemon(true);
            return t;
        });
        Formats formats = new Formats(Locale.US, ZoneOffset.UTC);
        OwnerListViewModel.Writes writes = new OwnerListViewModel.Writes(client,
                new OwnerChanges(client, history, io, Clock.systemUTC()), ServerFeatures.of("v2.2.5"),
                Platform::runLater, TestServices.fxScheduler(), formats);
        vm = new TeamsViewModel(writes, new TableSettings(UiSettings.inMemory(), Runnable::run, "teams"),
                Clock.systemUTC());
        Scene scene = new Scene(new TeamsView(vm, TestServices.windows()), 1024, 700);
        Stylesheets.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        org.testfx.api.FxToolkit.cleanupStages();
    }

    @Test
    void aNewTeamIsPreviewedAsTheExactRequestCreatedLoggedAndSelected(FxRobot robot) throws Exception {
        Fx.waitUntil(() -> !vm.list().rows().isEmpty());
        robot.clickOn("#new-team");
        Fx.waitUntil(() -> robot.lookup("#team-editor").tryQuery().isPresent());
        Window form = robot.lookup("#team-editor").query().getScene().getWindow();
        assertEquals("Create team", robot.lookup("#editor-save").queryButton().getText());
        assertTrue(robot.lookup("#editor-save").queryButton().isDisabled(), "a team needs a name first");
        assertEquals("A team needs a name.", Fx.visibleText(robot, ".field-error"));

        robot.clickOn("#team-editor-name").write("Incident Response");
        robot.clickOn("#team-add-budget");
        robot.clickOn("#team-budget-0-limit").write("0");
        Fx.waitUntil(() -> robot.lookup(".field-error").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.isVisible() && l.getText().equals("A budget's limit must be more than $0.")));
        robot.doubleClickOn("#team-budget-0-limit").write("250");
        robot.clickOn("#team-tokens-max").write("500000");
        Fx.waitUntil(() -> robot.lookup(".field-error").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.isVisible() && l.getText().equals("Choose a reset window for the token limit.")));
        robot.clickOn("#team-tokens-window").write("1h");
        Fx.waitUntil(() -> !robot.lookup("#editor-save").queryButton().isDisabled());
        Screenshots.shot(form.getScene(), "team-form-light");

        robot.clickOn("#editor-save");
        Fx.waitUntil(() -> robot.lookup("#preview-request").tryQuery().isPresent());
        String request = robot.lookup("#preview-request").queryAs(TextArea.class).getText();
        assertEquals("POST /api/governance/teams\n{\n  \"name\" : \"Incident Response\",\n  \"budgets\" : [ {\n"
                + "    \"max_limit\" : 250.0,\n    \"reset_duration\" : \"1M\"\n  } ],\n  \"rate_limit\" : {\n"
                + "    \"token_max_limit\" : 500000,\n    \"token_reset_duration\" : \"1h\"\n  }\n}", request);
        Screenshots.shot(form.getScene(), "team-preview-light");
        robot.clickOn("#editor-confirm");

        Fx.waitUntil(() -> !form.isShowing());
        Fx.waitUntil(() -> vm.list().selectedRow() != null && vm.list().selectedRow().name().equals("Incident Response"));
        Fx.waitUntil(() -> vm.detail().loadedProperty().get() != null
                && vm.detail().loadedProperty().get().details().name().equals("Incident Response"));
        Team created = gateway.store().teams().stream().filter(t -> t.name().equals("Incident Response")).findFirst()
                .orElseThrow();
        assertEquals(250, created.budgets().get(0).maxLimit());
        assertEquals(500000L, created.rateLimit().tokenMaxLimit());
        List<HistoryEntry> logged = history.read();
        assertEquals("create-team", logged.get(logged.size() - 1).action());
        assertEquals(created.id(), logged.get(logged.size() - 1).keyId());
        Screenshots.shot(stage.getScene(), "team-created-light");
    }

    @Test
    void deletingATeamListsTheKeysItDetachesAndDetachesThem(FxRobot robot) throws Exception {
        Fx.waitUntil(() -> !vm.list().rows().isEmpty());
        TeamRow withKeys = Fx.call(() -> vm.list().rows().stream().filter(r -> r.team().virtualKeyCount() != null
                && r.team().virtualKeyCount() > 1).findFirst().orElseThrow());
        robot.clickOn(withKeys.name());
        Fx.waitUntil(() -> vm.detail().loadedProperty().get() != null);
        robot.clickOn("#team-detail-delete");
        Fx.waitUntil(() -> robot.lookup("#team-delete-summary").tryQuery().isPresent()
                && !robot.lookup("#team-delete-confirm").queryButton().isDisabled());
        List<String> expected = gateway.store().virtualKeys().stream()
                .filter(k -> withKeys.id().equals(k.teamId())).map(VirtualKey::name).sorted().toList();
        @SuppressWarnings("unchecked")
        ListView<String> listed = robot.lookup("#team-delete-keys").queryAs(ListView.class);
        assertEquals(expected, Fx.call(() -> listed.getItems().stream().sorted().toList()));
        assertEquals("Deleting team \u201c" + withKeys.name() + "\u201d detaches " + expected.size() + " keys. Nothing"
                + " else is deleted.", Fx.visibleText(robot, "#team-delete-summary"));
        Window dialog = listed.getScene().getWindow();
        Screenshots.theme(true);
        Screenshots.shot(dialog.getScene(), "team-delete-dark");
        Screenshots.theme(false);
        robot.clickOn("#team-delete-confirm");
        Fx.waitUntil(() -> !dialog.isShowing());
        assertTrue(gateway.store().team(withKeys.id()).isEmpty());
        assertTrue(gateway.store().virtualKeys().stream().noneMatch(k -> withKeys.id().equals(k.teamId())));
        assertFalse(vm.detail().shownProperty().get(), "the deleted team's details close");
        assertEquals("delete-team", history.read().get(history.read().size() - 1).action());
    }

    @Test
    void theUsageTabChartsTheTeamsKeysAndSaysSoWhenTheServerHasNoLogs(FxRobot robot) throws Exception {
        Fx.waitUntil(() -> !vm.list().rows().isEmpty());
        TeamRow withKeys = Fx.call(() -> vm.list().rows().stream().filter(r -> r.team().virtualKeyCount() != null
                && r.team().virtualKeyCount() > 0).findFirst().orElseThrow());
        robot.clickOn(withKeys.name());
        Fx.waitUntil(() -> vm.detail().loadedProperty().get() != null);
        robot.clickOn("#tab-team-usage");
        Fx.waitUntil("the team's usage charts", () -> vm.detail().usage().chartsProperty().get() != null);
        String totals = Fx.visibleText(robot, "#usage-totals");
        assertTrue(totals.endsWith("in the last 7 days (from the logs)"), totals);
        List<String> keyIds = gateway.store().virtualKeys().stream().filter(k -> withKeys.id().equals(k.teamId()))
                .map(VirtualKey::id).sorted().toList();
        assertTrue(gateway.requestLog().stream().anyMatch(r -> r.contains("/api/logs/histogram/cost?")
                && r.contains("virtual_key_ids=") && !r.contains("team_ids")), "asked by the team's keys");
        String asked = gateway.requestLog().stream().filter(r -> r.contains("/api/logs/histogram/cost?"))
                .reduce((a, b) -> b).orElseThrow();
        String ids = java.net.URLDecoder.decode(asked.replaceAll(".*virtual_key_ids=([^& ]*).*", "$1"),
                java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(keyIds, java.util.Arrays.stream(ids.split(",")).sorted().toList(), "every key of the team");
        Screenshots.shot(stage.getScene(), "team-usage-light");

        gateway.logRoutes().setEnabled(false);
        try {
            robot.clickOn("#usage-period-day");
            Fx.waitUntil("the not-available sentence", () -> vm.detail().usage().notAvailableProperty().get() != null);
            assertTrue(robot.lookup("#usage-not-available").queryAs(Label.class).isVisible());
            assertTrue(Fx.visibleText(robot, "#usage-not-available").contains("has no logs endpoints (HTTP 404)"));
            assertFalse(robot.lookup("#usage-charts").query().isVisible(), "no empty charts beside it");
            Screenshots.theme(true);
            Screenshots.shot(stage.getScene(), "team-usage-not-available-dark");
            Screenshots.theme(false);
        } finally {
            gateway.logRoutes().setEnabled(true);
        }
    }
}
