package bifrostconsole.keys;

import atlantafx.base.theme.PrimerLight;
import bifrostconsole.config.UiSettings;
import bifrostconsole.demo.DemoGateway;
import bifrostconsole.testing.DemoGatewayExtension;
import bifrostconsole.testing.Fx;
import bifrostconsole.testing.TestServices;
import bifrostconsole.testing.Wait;
import bifrostconsole.ui.Formats;
import bifrostconsole.ui.FxClipboardService;
import bifrostconsole.ui.Stylesheets;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15, items 3, 4 and 10, clicked headlessly against the demo gateway: a detail that fails to load keeps the
 * key's name, id and masked value and comes back with the table's Retry; details of a key the list no longer holds
 * say so; a slow answer says how long it has waited, with Cancel; a copy is confirmed.
 */
@ExtendWith(ApplicationExtension.class)
class KeyDetailStateUiTest {
    private static final String KEYS = "/api/governance/virtual-keys";

    @RegisterExtension
    static final DemoGatewayExtension gateway = DemoGatewayExtension.withKeys(21, 80);

    private KeyBrowserViewModel vm;
    private Scene scene;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        vm = new KeyBrowserViewModel(gateway.client(), Platform::runLater, new KeyTableSettings(UiSettings.inMemory(),
                Runnable::run), TestServices.fxScheduler(), Clock.systemUTC(), new Formats(Locale.US, ZoneOffset.UTC));
        vm.setClipboard(new FxClipboardService(javafx.util.Duration.millis(600)));
        scene = new Scene(new KeyBrowserView(vm), 1280, 800);
        Stylesheets.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    private static String text(FxRobot robot, String query) throws Exception {
        // Looked up on the FX thread: the details pane is being prebuilt there after the first page.
        return Fx.call(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    private static boolean visible(FxRobot robot, String query) throws Exception {
        return Fx.call(() -> {
            Node node = robot.lookup(query).tryQuery().orElse(null);
            if (node == null) {
                return false; // a pane made when first shown (the waiting banner) is not there before
            }
            for (Node n = node; n != null; n = n.getParent()) {
                if (!n.isVisible()) {
                    return false;
                }
            }
            return node.getScene() != null;
        });
    }

    private void openRow(FxRobot robot, int index) throws Exception {
        Wait.get(vm.firstPageShown());
        Fx.settle();
        Fx.run(() -> {
            vm.selectedIndexProperty().set(index);
            vm.openSelected();
        });
        Fx.waitUntil("the details are read", () -> vm.detail().freshProperty().get());
        Fx.settle();
    }

    @Test
    void aFailedDetailKeepsTheKeysIdentityAndRetriesWithTheTable(FxRobot robot) throws Exception {
        openRow(robot, 2);
        KeyRow next = Fx.call(() -> vm.rows().get(3));

        // The next key's details fail to load: the pane still names it, as the table does.
        gateway.injectFault(KEYS + "/" + next.id(), DemoGateway.Fault.status(500));
        Node table = Fx.call(() -> robot.lookup("#key-table").query());
        Fx.run(table::requestFocus); // a click would open the row under the pointer
        robot.type(KeyCode.J);
        Fx.waitUntil("the detail fails", () -> vm.detail().errorMessageProperty().get() != null);
        Fx.settle();
        assertEquals(next.name(), text(robot, "#detail-title"));
        assertEquals(next.id(), text(robot, "#detail-id"));
        String value = Fx.call(() -> robot.lookup("#detail-value").queryAs(bifrostconsole.ui.MaskedSecretField.class)
                .textLabel().getText());
        assertFalse(value.contains("not sent"), value);
        assertTrue(value.startsWith(next.plainValue().substring(0, 4)), value);
        assertTrue(visible(robot, "#detail-error"));
        assertTrue(visible(robot, "#detail-table-copy"));
        assertEquals(next.id(), Fx.call(() -> vm.selectedRow().id()), "the table highlights the same key");

        // The server fails the list and the details; the table's Retry brings both back.
        gateway.injectFault(KEYS, DemoGateway.Fault.status(500), 2);
        robot.type(KeyCode.F5);
        Fx.waitUntil("the table fails", () -> vm.errorMessageProperty().get() != null && !vm.loadingProperty().get()
                && !vm.detail().loadingProperty().get());
        Fx.settle();
        robot.clickOn("#retry-inline");
        Fx.waitUntil("the details come back with the table", () -> vm.errorMessageProperty().get() == null
                && vm.detail().errorMessageProperty().get() == null && vm.detail().freshProperty().get());
        Fx.settle();
        assertFalse(visible(robot, "#detail-error"));
        assertFalse(visible(robot, "#detail-table-copy"));
        assertEquals(next.name(), text(robot, "#detail-title"));
    }

    @Test
    void detailsOfAKeyTheListLeavesOutAreMarked(FxRobot robot) throws Exception {
        openRow(robot, 1);
        assertFalse(visible(robot, "#detail-not-in-list"));
        robot.clickOn("#key-search").write("no key is called this");
        Fx.waitUntil("the empty answer", () -> vm.viewStateProperty().get() == KeyBrowserViewModel.ViewState.EMPTY);
        Fx.settle();
        assertTrue(visible(robot, "#detail-not-in-list"));
        assertEquals("Not in the current list: the list is empty.", text(robot, "#detail-not-in-list"));
        robot.clickOn("#clear-filters");
        Fx.waitUntil("the full list", () -> vm.viewStateProperty().get() == KeyBrowserViewModel.ViewState.READY
                && !vm.loadingProperty().get());
        Fx.settle();
        assertFalse(visible(robot, "#detail-not-in-list"));
    }

    @Test
    void aSlowServerSaysHowLongItHasWaitedAndCancelKeepsTheRows(FxRobot robot) throws Exception {
        Wait.get(vm.firstPageShown());
        Fx.settle();
        String firstId = Fx.call(() -> vm.rows().get(0).id());
        assertFalse(visible(robot, "#waiting-banner"));
        gateway.injectFault(KEYS, DemoGateway.Fault.delay(java.time.Duration.ofSeconds(20)));
        robot.clickOn("#next-page");
        Fx.waitUntil("the banner after 2 s", () -> vm.waitingProperty().get() != null
                && vm.waitingProperty().get().endsWith(" 3 s"));
        Fx.settle();
        assertTrue(visible(robot, "#waiting-banner"));
        assertTrue(text(robot, "#waiting-text").startsWith("Waiting for the server\u2026 "), text(robot, "#waiting-text"));
        bifrostconsole.testing.Screenshots.save(scene, "issue15-waiting-banner");

        robot.clickOn("#waiting-cancel");
        Fx.settle();
        assertFalse(visible(robot, "#waiting-banner"));
        assertFalse(Fx.call(() -> vm.loadingProperty().get()));
        assertEquals(firstId, Fx.call(() -> vm.rows().get(0).id()), "the rows on screen stay");
        assertTrue(visible(robot, "#retry-inline"));
    }

    @Test
    void copyingAValueIsConfirmed(FxRobot robot) throws Exception {
        openRow(robot, 0);
        assertFalse(visible(robot, "#copy-toast"));
        Node copy = Fx.call(() -> robot.lookup("#detail-value").queryAs(bifrostconsole.ui.MaskedSecretField.class)
                .copyButton());
        robot.clickOn(copy);
        Fx.settle();
        assertTrue(visible(robot, "#copy-toast"));
        assertEquals("Copied \u2014 clears in 30 s", text(robot, "#copy-toast"));
        bifrostconsole.testing.Screenshots.save(scene, "issue15-copy-toast");
        Fx.waitUntil("the confirmation goes after a moment", () -> vm.copyConfirmationProperty().get() == null);
    }
}
