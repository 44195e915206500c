package bifrostconsole.startup;

import atlantafx.base.theme.PrimerLight;
import bifrostconsole.config.UiSettings;
import bifrostconsole.demo.DemoDataGenerator;
import bifrostconsole.keys.KeyBrowserView;
import bifrostconsole.keys.KeyBrowserViewModel;
import bifrostconsole.store.GovernanceStore;
import bifrostconsole.store.StoreGovernanceSource;
import bifrostconsole.testing.Fx;
import bifrostconsole.testing.TestServices;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmokeTestTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    /** Every exit the smoke test asked for: one verdict, never two. */
    private final List<Integer> exits = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    private final CompletableFuture<Void> firstPageShown = new CompletableFuture<>();
    private final SimpleStringProperty failure = new SimpleStringProperty();
    private Stage stage;

    @BeforeAll
    static void startToolkit() throws Exception {
        // Through TestFX, as the UI tests do: a toolkit started by Platform.startup would not give them their stage.
        FxToolkit.registerPrimaryStage();
        Platform.setImplicitExit(false);
        // The console's theme: the key browser's stylesheet looks its colours up in it.
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @AfterEach
    void closeWindow() throws Exception {
        Fx.run(() -> {
            if (stage != null) {
                stage.close();
            }
        });
    }

    private SmokeTest smokeTest(Duration timeout) {
        return new SmokeTest(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), code -> {
                    exits.add(code);
                    exitCode.complete(code);
                }, () -> 1234, timeout);
    }

    private void showWindowWatchedBy(SmokeTest test) throws Exception {
        Fx.run(() -> {
            stage = new Stage();
            stage.setScene(new Scene(new Label("keys"), 300, 200));
            stage.show();
            test.watch(stage.getScene().getRoot(), firstPageShown);
            test.failWhenSet(failure);
        });
    }

    @Test
    void passesWithTheTimeSinceStartOnceTheFirstPageIsShown() throws Exception {
        SmokeTest test = smokeTest(Duration.ofSeconds(30)).arm();
        showWindowWatchedBy(test);
        assertFalse(exitCode.isDone(), "must not pass before the first page is there");

        Fx.run(() -> firstPageShown.complete(null));

        assertEquals(SmokeTest.PASSED, exitCode.get(10, TimeUnit.SECONDS));
        assertEquals("first page shown in 1234 ms", text(out).lines().findFirst().orElse(""));
        assertEquals("", text(err));
        assertTrue(text(out).lines().skip(1).findFirst().orElse("").contains("painted"),
                "the second line lists the start-up marks, the last one the paint: " + text(out));
    }

    @Test
    void failsWithTheReasonWhenLoadingFails() throws Exception {
        SmokeTest test = smokeTest(Duration.ofSeconds(30)).arm();
        showWindowWatchedBy(test);

        Fx.run(() -> failure.set("The demo gateway did not start: port in use."));

        assertEquals(SmokeTest.FAILED, exitCode.get(10, TimeUnit.SECONDS));
        assertEquals("smoke test failed: The demo gateway did not start: port in use.", text(err).trim());
        assertEquals("", text(out));
    }

    @Test
    void failsWhenTheFirstPageCannotBeLoaded() throws Exception {
        SmokeTest test = smokeTest(Duration.ofSeconds(30)).arm();
        showWindowWatchedBy(test);

        firstPageShown.completeExceptionally(new IllegalStateException("The server answered 500."));

        assertEquals(SmokeTest.FAILED, exitCode.get(10, TimeUnit.SECONDS));
        assertTrue(text(err).contains("The server answered 500."), text(err));
    }

    @Test
    void failsWhenNothingIsShownInTimeAndALatePageChangesNothing() throws Exception {
        SmokeTest test = smokeTest(Duration.ofMillis(300)).arm();
        showWindowWatchedBy(test);

        assertEquals(SmokeTest.FAILED, exitCode.get(10, TimeUnit.SECONDS));
        assertTrue(text(err).contains("not shown within"), text(err));

        // The late page reaches the watcher, which would pass once the page's frame is painted. A paint awaited
        // after it (its wait starts later on the same FX thread) ends after that moment: by then a second verdict
        // would have been printed and a second exit asked for.
        Fx.run(() -> firstPageShown.complete(null));
        Fx.painted(stage.getScene());
        assertEquals("", text(out), "no pass after the failure");
        assertEquals(List.of(SmokeTest.FAILED), exits, "one verdict");
        assertEquals(1, text(err).lines().count(), text(err));
    }

    @Test
    void passesWhenARealKeyBrowserShowsItsFirstPage() throws Exception {
        SmokeTest test = smokeTest(Duration.ofSeconds(30)).arm();
        GovernanceStore store = DemoDataGenerator.generate(7, 60, Instant.parse("2026-01-01T00:00:00Z"));
        KeyBrowserViewModel keys = TestServices.keyBrowser(new StoreGovernanceSource(store, "demo", true),
                UiSettings.inMemory());

        Fx.run(() -> {
            KeyBrowserView view = new KeyBrowserView(keys);
            stage = new Stage();
            stage.setScene(new Scene(new BorderPane(view), 1200, 700));
            stage.show();
            test.watch(view, keys.firstPageShown());
            test.failWhenSet(keys.errorMessageProperty());
        });

        assertEquals(SmokeTest.PASSED, exitCode.get(20, TimeUnit.SECONDS), text(err));
        assertEquals("first page shown in 1234 ms", text(out).lines().findFirst().orElse(""));
        assertFalse(keys.rows().isEmpty(), "it passed before the table held a page of keys");
    }

    @Test
    void recognisesTheOptionAnywhereOnTheCommandLine() {
        assertTrue(SmokeTest.requested("--demo", "--smoke-test"));
        assertFalse(SmokeTest.requested("--demo"));
    }

    @Test
    void readsTheStartTimeAfterACommandNameWithSpacesAndParentheses() {
        String stat = "4242 (my (odd) app) S 1 4242 4242 0 -1 4194304 100 0 0 0 5 3 0 0 20 0 12 0 987654 0 0";
        assertEquals(987654L, StartupClock.startTicks(stat));
    }

    @Test
    void theProcessAgeCoversTheJvmsUptimeAndLittleMore() {
        long jvmUptime = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        long age = StartupClock.millisSinceProcessStart();
        // The process starts before its JVM; both clocks tick in 10 ms steps here, hence the slack.
        assertTrue(age >= jvmUptime - 30, "process age " + age + " ms, JVM uptime " + jvmUptime + " ms");
        assertTrue(age <= jvmUptime + 2000, "process age " + age + " ms, JVM uptime " + jvmUptime + " ms");
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }

}
