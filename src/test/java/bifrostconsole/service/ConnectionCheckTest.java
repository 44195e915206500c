package bifrostconsole.service;

import bifrostconsole.api.ApiException;
import bifrostconsole.api.ConnectionSettings;
import bifrostconsole.demo.DemoGateway;
import bifrostconsole.service.ConnectionCheck.Report;
import bifrostconsole.service.ConnectionCheck.Status;
import bifrostconsole.service.ConnectionCheck.Step;
import bifrostconsole.service.ConnectionCheck.StepResult;
import bifrostconsole.testing.DemoGatewayExtension;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The check's rules without any UI: the order of the steps, what a failure skips, and cancelling. */
class ConnectionCheckTest {
    @RegisterExtension
    static final DemoGatewayExtension gateway = DemoGatewayExtension.withKeys(4, 3);

    private final ConnectionCheck check = new ConnectionCheck();
    private final List<StepResult> told = new CopyOnWriteArrayList<>();

    @Test
    void eachStepIsToldWhenItStartsAndWhenItEndsInOrder() throws Exception {
        Report report = run(gateway.baseUrl());

        assertTrue(report.passed());
        assertEquals(List.of("HEALTH RUNNING", "HEALTH PASSED", "VERSION RUNNING", "VERSION PASSED",
                "KEY_LIST RUNNING", "KEY_LIST PASSED"), told.stream().map(r -> r.step() + " " + r.status()).toList());
        assertEquals(report.steps(), told.stream().filter(r -> r.status() != Status.RUNNING).toList(),
                "the report holds the last word of each step");
        assertEquals("Bifrost v2.2.5", report.steps().get(1).detail());
        assertEquals("No key needed (authentication is off on this server): 3 virtual keys visible.",
                report.steps().get(2).detail());
    }

    @Test
    void anUnreachableServerSkipsTheLaterSteps() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Report report = run("http://127.0.0.1:" + closedPort);

        assertEquals(List.of(Status.FAILED, Status.SKIPPED, Status.SKIPPED),
                report.steps().stream().map(StepResult::status).toList());
        assertEquals(ApiException.Kind.CONNECTION_REFUSED, report.firstFailure().orElseThrow().failureKind());
        assertEquals("Not tried: the server could not be reached.", report.steps().get(2).detail());
    }

    @Test
    void aServerThatAnswersWronglyStillHasItsOtherStepsTried() throws Exception {
        gateway.injectFault("/health", DemoGateway.Fault.json(200, "{\"status\":\"degraded\"}"
                .getBytes(StandardCharsets.UTF_8)));
        Report report = run(gateway.baseUrl());

        assertFalse(report.passed());
        assertEquals(List.of(Status.FAILED, Status.PASSED, Status.PASSED),
                report.steps().stream().map(StepResult::status).toList());
        StepResult health = report.firstFailure().orElseThrow();
        assertEquals(ApiException.Kind.UNAVAILABLE, health.failureKind());
        assertTrue(health.detail().contains("reports its health as 'degraded'"), health.detail());
    }

    @Test
    void cancellingAbortsTheRunAndSilencesIt() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpServer stuck = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stuck.createContext("/", exchange -> {
            arrived.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        stuck.start();
        try {
            CompletableFuture<Report> report = check.run(ConnectionSettings.of(
                    "http://127.0.0.1:" + stuck.getAddress().getPort(), null), told::add);
            assertTrue(arrived.await(10, TimeUnit.SECONDS), "the /health request reached the server");

            assertTrue(report.cancel(true));

            // The run decides within cancel(): the failed /health call is not told and no later step starts.
            assertEquals(List.of("HEALTH RUNNING"), told.stream().map(r -> r.step() + " " + r.status()).toList());
            assertTrue(report.isCancelled());
        } finally {
            release.countDown();
            stuck.stop(0);
        }
    }

    private Report run(String url) throws Exception {
        return check.run(ConnectionSettings.of(url, null), told::add).get(20, TimeUnit.SECONDS);
    }
}
