package bifrostconsole.app;

import bifrostconsole.customers.CustomerRow;
import bifrostconsole.keys.KeyRow;
import bifrostconsole.teams.TeamRow;
import bifrostconsole.customers.CustomersView;
import bifrostconsole.keys.KeyBrowserView;
import bifrostconsole.teams.TeamsView;
import bifrostconsole.testing.Screenshots;
import bifrostconsole.testing.TestConsoleWindow;
import javafx.application.Platform;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo workspace's tabs and the links between its views, clicked headlessly: Ctrl+1/2/3, the team and
 * customer tables and their detail panes, a key's team link, a team's key list and its "keys" link.
 */
@ExtendWith(ApplicationExtension.class)
class WorkspaceNavigationUiTest {
    private TestConsoleWindow window;
    private ConsoleWindow console;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        window = TestConsoleWindow.show(stage);
        console = window.console();
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    /** The workspace's views as the tabs hold them. */
    private final class Workspace {
        /** On the FX thread, whether called from it (inside a wait) or from the test. */
        private <T> T here(Callable<T> c) throws Exception {
            return Platform.isFxApplicationThread() ? c.call() : onFx(c);
        }

        TabPane tabs() throws Exception {
            return here(() -> (TabPane) stage.getScene().lookup("#workspace-tabs"));
        }

        String shown() throws Exception {
            return here(() -> tabs().getSelectionModel().getSelectedItem().getId());
        }

        TeamsView teams() throws Exception {
            return here(() -> (TeamsView) tabs().getTabs().stream().filter(t -> t.getId().equals("view-teams"))
                    .findFirst().orElseThrow().getContent());
        }

        CustomersView customers() throws Exception {
            return here(() -> (CustomersView) tabs().getTabs().stream()
                    .filter(t -> t.getId().equals("view-customers")).findFirst().orElseThrow().getContent());
        }

        KeyBrowserView keys() throws Exception {
            return here(() -> (KeyBrowserView) stage.getScene().lookup("#key-browser"));
        }
    }

    private Workspace openDemo(FxRobot robot, double width, double height) throws Exception {
        waitFor(() -> console.model().screenProperty().get() == MainViewModel.Screen.WELCOME);
        onFx(() -> {
            // Monocle's headless screen is 1280x800: a window reaching past it cannot be painted.
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(width);
            stage.setHeight(height);
            return null;
        });
        robot.clickOn("#open-demo");
        console.firstPageShown().get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return new Workspace();
    }

    @Test
    void ctrlNumbersSwitchBetweenKeysTeamsAndCustomersAndEachDetailPaneOpens(FxRobot robot) throws Exception {
        Workspace workspace = openDemo(robot, 1280, 800);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        waitFor(() -> workspace.shown().equals("view-teams"));
        waitFor(() -> !workspace.teams().viewModel().list().rows().isEmpty());
        assertEquals("view-teams", workspace.shown());
        TeamRow first = onFx(() -> workspace.teams().viewModel().list().rows().get(0));
        robot.clickOn(first.name());
        waitFor(() -> workspace.teams().viewModel().detail().loadedProperty().get() != null);
        assertEquals(first.name(), robot.lookup("#team-detail-title").queryAs(Label.class).getText());
        Screenshots.save(stage.getScene(), "teams-light");

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        waitFor(() -> !workspace.customers().viewModel().list().rows().isEmpty());
        CustomerRow customer = onFx(() -> workspace.customers().viewModel().list().rows().get(0));
        robot.clickOn(customer.name());
        waitFor(() -> workspace.customers().viewModel().detail().loadedProperty().get() != null);
        Screenshots.save(stage.getScene(), "customers-light");
        robot.clickOn("#toggle-theme");
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene(), "customers-dark");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene(), "teams-dark");

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        waitFor(() -> workspace.shown().equals("view-keys"));
    }

    @Test
    void aKeysTeamLinkOpensTheTeamWhoseKeyListLeadsBackToTheKeyTable(FxRobot robot) throws Exception {
        Workspace workspace = openDemo(robot, 1024, 700);
        // Open a key that belongs to a team, then follow its team link.
        KeyRow onTeam = onFx(() -> workspace.keys().viewModel().rows().stream()
                .filter(r -> r.key().teamId() != null).findFirst().orElseThrow());
        onFx(() -> {
            workspace.keys().viewModel().showKey(onTeam.id(), onTeam.name());
            return null;
        });
        waitFor(() -> workspace.keys().viewModel().detail().detailsProperty().get() != null
                && workspace.keys().viewModel().detail().detailsProperty().get().key().id().equals(onTeam.id()));
        // The link sits below the key's fields in the Overview tab, out of a 700 px window's sight: fire it.
        fire(robot.lookup("#owner-team-link").queryAs(Hyperlink.class));
        waitFor(() -> workspace.shown().equals("view-teams"));
        waitFor(() -> {
            var loaded = workspace.teams().viewModel().detail().loadedProperty().get();
            return loaded != null && loaded.details().id().equals(onTeam.key().teamId());
        });
        waitFor(() -> workspace.teams().viewModel().list().selectedRow() != null);
        assertEquals(onTeam.key().teamId(), workspace.teams().viewModel().list().selectedRow().id(),
                "the team's row is found and selected");
        Screenshots.save(stage.getScene(), "team-detail-1024x700-light");

        // The team's key list links to its keys; opening one lands on its row in the key table.
        var firstKey = onFx(() -> workspace.teams().viewModel().detail().loadedProperty().get().details().keys().get(0));
        Hyperlink keyLink = onFx(() -> robot.lookup(".key-link").queryAllAs(Hyperlink.class).stream()
                .filter(l -> l.getText().equals(firstKey.name())).findFirst().orElse(null));
        assertNotNull(keyLink, "the team lists its key " + firstKey.name());
        fire(keyLink); // below the pane's fold at 700 px
        waitFor(() -> workspace.shown().equals("view-keys"));
        waitFor(() -> workspace.keys().viewModel().selectedRow() != null
                && workspace.keys().viewModel().selectedRow().id().equals(firstKey.id()));
        assertEquals(firstKey.id(), workspace.keys().viewModel().detail().requestedIdProperty().get());

        // "Show all keys" filters the key table by the team.
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        waitFor(() -> workspace.shown().equals("view-teams"));
        fire(robot.lookup("#team-keys-link").queryAs(Hyperlink.class));
        waitFor(() -> workspace.shown().equals("view-keys"));
        waitFor(() -> onTeam.key().teamId().equals(workspace.keys().viewModel().shownQueryProperty().get().teamId()));
        assertTrue(onFx(() -> workspace.keys().viewModel().rows().stream()
                .allMatch(r -> onTeam.key().teamId().equals(r.key().teamId()))), "only the team's keys are listed");
    }

    private static void fire(Hyperlink link) throws Exception {
        onFx(() -> {
            link.fire();
            return null;
        });
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(5, TimeUnit.SECONDS);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            CompletableFuture<Boolean> f = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    f.complete(condition.call());
                } catch (Exception e) {
                    f.completeExceptionally(e);
                }
            });
            return f.get(5, TimeUnit.SECONDS);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
