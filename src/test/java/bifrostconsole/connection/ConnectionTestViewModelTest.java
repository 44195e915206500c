package bifrostconsole.connection;

import bifrostconsole.api.ConnectionSettings;
import bifrostconsole.api.Secret;
import bifrostconsole.connection.ConnectionTestViewModel.Outcome;
import bifrostconsole.connection.ConnectionTestViewModel.StepState;
import bifrostconsole.testing.UiQueue;
import bifrostconsole.testing.Wait;
import com.sun.net.httpserver.HttpHandler;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each failure a user can meet while connecting, and the step and sentence the test shows for it. */
class ConnectionTestViewModelTest {

    private final ConnectionTestViewModel model = new ConnectionTestViewModel(Runnable::run);

    @Test
    void aHealthyServerPassesAllThreeSteps() throws Exception {
        try (StubServer server = StubServer.http(StubServer.bifrostLike())) {
            assertTrue(run(ConnectionSettings.of(server.url("http"), null)));
            assertEquals(List.of(StepState.PASSED, StepState.PASSED, StepState.PASSED), states());
            assertEquals("Bifrost v1.4.3", model.steps().get(1).detail());
            assertTrue(model.steps().get(2).detail().contains("authentication is off"), model.steps().get(2).detail());
            assertEquals(Outcome.PASSED, model.outcomeProperty().get());
            assertFalse(model.runningProperty().get());
        }
    }

    @Test
    void aRefusedPortFailsTheFirstStepAndSkipsTheOthers() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        assertFalse(run(ConnectionSettings.of("http://127.0.0.1:" + closedPort, null)));
        assertEquals(List.of(StepState.FAILED, StepState.SKIPPED, StepState.SKIPPED), states());
        String message = model.summaryProperty().get();
        assertTrue(message.contains("Nothing is listening on port " + closedPort), message);
        assertTrue(message.contains("Bifrost's default is 8080"), message);
    }

    @Test
    void anUnknownHostSaysTheNameCouldNotBeFound() throws Exception {
        assertFalse(run(ConnectionSettings.of("http://no-such-gateway.invalid:8080", null)));
        assertEquals(StepState.FAILED, model.steps().get(0).state());
        assertTrue(model.summaryProperty().get().contains("'no-such-gateway.invalid' could not be found"),
                model.summaryProperty().get());
    }

    @Test
    void plainHttpToAGoHttpsPortSaysToUseHttps() throws Exception {
        // What Go's TLS listener (Bifrost's, when TLS is on) answers to a plain-HTTP request.
        HttpHandler goTls = exchange -> StubServer.reply(exchange, 400, "text/plain",
                "Client sent an HTTP request to an HTTPS server.\n");
        try (StubServer server = StubServer.http(goTls)) {
            assertFalse(run(ConnectionSettings.of(server.url("http"), null)));
            assertEquals(List.of(StepState.FAILED, StepState.SKIPPED, StepState.SKIPPED), states());
            assertEquals(server.url("http") + " speaks HTTPS, not plain HTTP: change the address to start with"
                    + " https://.", model.summaryProperty().get());
        }
    }

    @Test
    void aLoginPageWhereJsonWasExpectedIsNamedAsSuch() throws Exception {
        HttpHandler loginPage = exchange -> StubServer.reply(exchange, 200, "text/html",
                "<!DOCTYPE html><html><body><form>Sign in</form></body></html>");
        try (StubServer server = StubServer.http(loginPage)) {
            assertFalse(run(ConnectionSettings.of(server.url("http"), null)));
            assertEquals(List.of(StepState.FAILED, StepState.FAILED, StepState.FAILED), states());
            assertTrue(model.summaryProperty().get().contains("web page instead of JSON, probably a proxy or login page"),
                    model.summaryProperty().get());
        }
    }

    @Test
    void anotherProductOnThatPortIsNotMistakenForBifrost() throws Exception {
        HttpHandler otherService = exchange -> {
            if (exchange.getRequestURI().getPath().equals("/health")) {
                StubServer.reply(exchange, 200, "application/json", "{\"healthy\":true}");
            } else {
                StubServer.reply(exchange, 404, "text/plain", "404 page not found");
            }
        };
        try (StubServer server = StubServer.http(otherService)) {
            assertFalse(run(ConnectionSettings.of(server.url("http"), null)));
            assertTrue(model.steps().get(0).detail().contains("not like a Bifrost gateway"), model.steps().get(0).detail());
            assertTrue(model.steps().get(1).detail().contains("has no Bifrost management API at /api/version"),
                    model.steps().get(1).detail());
        }
    }

    @Test
    void aForbiddenKeyNamesThePermissionTheServerNamed() throws Exception {
        HttpHandler rbac = exchange -> {
            if (exchange.getRequestURI().getPath().startsWith("/api/governance")) {
                StubServer.reply(exchange, 403, "application/json", "{\"is_bifrost_error\":false,\"status_code\":403,"
                        + "\"error\":{\"message\":\"permission denied: requires VirtualKeys:View\"}}");
            } else {
                StubServer.bifrostLike().handle(exchange);
            }
        };
        try (StubServer server = StubServer.http(rbac)) {
            assertFalse(run(ConnectionSettings.of(server.url("http"), Secret.of("bfst-limited"))));
            assertEquals(List.of(StepState.PASSED, StepState.PASSED, StepState.FAILED), states());
            String message = model.summaryProperty().get();
            assertTrue(message.contains("lacks the VirtualKeys:View permission"), message);
            assertTrue(message.contains("403"), message);
        }
    }

    @Test
    void aSlowServerTimesOutWithTheLimitNamed() throws Exception {
        CountDownLatch testDone = new CountDownLatch(1);
        HttpHandler silent = exchange -> {
            awaitQuietly(testDone); // answers only after the test: far beyond any timeout
            StubServer.bifrostLike().handle(exchange);
        };
        try (StubServer server = StubServer.http(silent)) {
            try {
                ConnectionSettings settings = ConnectionSettings.of(server.url("http"), null)
                        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1));
                assertFalse(run(settings));
                assertEquals(List.of(StepState.FAILED, StepState.SKIPPED, StepState.SKIPPED), states());
                assertTrue(model.summaryProperty().get().contains("did not answer within 1 s"),
                        model.summaryProperty().get());
            } finally {
                testDone.countDown();
            }
        }
    }

    @Test
    void aNewRunHidesTheLateAnswersOfAnOlderOne() throws Exception {
        // The older run's server answers /health with a login page (a failure the user would read) and holds
        // /api/version: that run has answers on their way to the screen when the newer run starts.
        CountDownLatch versionAsked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpHandler loginPageThenHeld = exchange -> {
            if (exchange.getRequestURI().getPath().equals("/api/version")) {
                versionAsked.countDown();
                awaitQuietly(release);
            }
            StubServer.reply(exchange, 200, "text/html", "<!DOCTYPE html><html><body>Sign in</body></html>");
        };
        UiQueue ui = new UiQueue();
        ConnectionTestViewModel twoRuns = new ConnectionTestViewModel(ui);
        List<String> shown = new java.util.concurrent.CopyOnWriteArrayList<>();
        twoRuns.steps().forEach(step -> step.detailProperty().addListener((o, old, now) -> shown.add(now)));
        try (StubServer older = StubServer.http(loginPageThenHeld);
             StubServer newer = StubServer.http(StubServer.bifrostLike())) {
            try {
                twoRuns.run(ConnectionSettings.of(older.url("http"), null));
                assertTrue(versionAsked.await(Wait.TIMEOUT.toSeconds(), TimeUnit.SECONDS), "the older run got on");
                assertTrue(ui.pending() >= 2, "the older run's answers wait for the UI thread: " + ui.pending());

                twoRuns.run(ConnectionSettings.of(newer.url("http"), null));
                ui.runUntil("the newer run's verdict", () -> twoRuns.outcomeProperty().get() != Outcome.RUNNING);
                ui.runPending();
            } finally {
                release.countDown();
            }
        }

        assertTrue(shown.stream().noneMatch(text -> text.contains("web page")),
                "the older run's answer was never shown: " + shown);
        assertEquals(List.of(StepState.PASSED, StepState.PASSED, StepState.PASSED),
                twoRuns.steps().stream().map(ConnectionTestViewModel.Step::state).toList());
        assertEquals(Outcome.PASSED, twoRuns.outcomeProperty().get());
        assertTrue(twoRuns.summaryProperty().get().startsWith("Connected to "), twoRuns.summaryProperty().get());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(Wait.TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean run(ConnectionSettings settings) throws Exception {
        return model.run(settings).get(20, TimeUnit.SECONDS);
    }

    private List<StepState> states() {
        return model.steps().stream().map(ConnectionTestViewModel.Step::state).toList();
    }
}
