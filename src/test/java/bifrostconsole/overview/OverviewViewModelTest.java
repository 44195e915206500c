package bifrostconsole.overview;

import bifrostconsole.config.UiSettings;
import bifrostconsole.demo.DemoGateway;
import bifrostconsole.headroom.Reason;
import bifrostconsole.headroom.ScanResult;
import bifrostconsole.testing.DemoGatewayExtension;
import bifrostconsole.testing.UiQueue;
import bifrostconsole.ui.Formats;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OverviewViewModelTest {
    static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");
    static ExecutorService background = Executors.newCachedThreadPool();

    @RegisterExtension
    static final DemoGatewayExtension gateway = DemoGatewayExtension.withKeys(5, 300).asOf(NOW);

    /** The same data with the logs' history ending at NOW, and a server without logs. */
    @RegisterExtension
    static final DemoGatewayExtension withLogs = DemoGatewayExtension.withKeys(5, 300).asOf(NOW)
            .configured(g -> g.logRoutes().setClock(Clock.fixed(NOW, ZoneOffset.UTC)));
    @RegisterExtension
    static final DemoGatewayExtension withoutLogs = DemoGatewayExtension.withKeys(5, 40).asOf(NOW)
            .configured(g -> g.logRoutes().setEnabled(false));

    @AfterAll
    static void stop() {
        background.shutdownNow();
    }

    private OverviewViewModel vm(UiQueue ui, UiSettings settings) {
        return vm(gateway, ui, settings);
    }

    private OverviewViewModel vm(DemoGatewayExtension server, UiQueue ui, UiSettings settings) {
        return new OverviewViewModel(server.client(), ui,
                background, Clock.fixed(NOW, ZoneOffset.UTC), new Formats(Locale.US, ZoneOffset.UTC), settings);
    }

    @Test
    void aScanFillsTilesChartsAndListsAndTellsItsListeners() throws Exception {
        UiQueue ui = new UiQueue();
        OverviewViewModel vm = vm(ui, UiSettings.inMemory());
        List<ScanResult> told = new ArrayList<>();
        vm.onResult(told::add);
        vm.scan();
        assertTrue(vm.scanningProperty().get());
        ui.runUntil("the scan's end", () -> !vm.scanningProperty().get());
        OverviewViewModel.Shown shown = vm.shownProperty().get();
        assertEquals(300, shown.result().keys());
        assertEquals(List.of(shown.result()), told);
        assertEquals("300", shown.tiles().get(0).value());
        assertEquals("Scanned 300 keys \u00b7 " + shown.result().attention().size() + " need attention",
                vm.progressTextProperty().get());
        long inLists = shown.attention().get(Reason.EXPIRED).size();
        assertEquals(shown.result().count(Reason.EXPIRED), inLists);
        assertTrue(shown.spendByTeam().size() <= OverviewViewModel.TOP + 1);
        assertEquals(11, shown.budgetUse().size());
        assertEquals(shown.result().keys() - shown.result().unbounded(),
                shown.budgetUse().stream().mapToDouble(OverviewViewModel.Bar::value).sum(), 1e-9);
        List<String> opened = new ArrayList<>();
        vm.setKeyOpener(opened::add);
        vm.openKey(shown.attention().get(Reason.EXPIRED).get(0).keyId());
        assertEquals(1, opened.size());
    }

    @Test
    void aCancelledScanShowsNothingLate() throws Exception {
        UiQueue ui = new UiQueue();
        OverviewViewModel vm = vm(ui, UiSettings.inMemory());
        gateway.injectFault("/api/governance/virtual-keys", DemoGateway.Fault.delay(java.time.Duration.ofSeconds(2)));
        vm.scan();
        vm.cancel();
        assertEquals("Scan cancelled.", vm.progressTextProperty().get());
        ui.runPending();
        assertNull(vm.shownProperty().get());
        assertNull(vm.errorProperty().get(), "a cancel is not an error");
    }

    @Test
    void theThresholdIsRememberedAndUsed() throws Exception {
        UiSettings settings = UiSettings.inMemory();
        UiQueue ui = new UiQueue();
        OverviewViewModel vm = vm(ui, settings);
        vm.thresholdProperty().set(95);
        assertEquals("95", settings.get("overview.threshold", ""));
        assertEquals(95, vm(ui, settings).thresholdProperty().get());
        vm.scan();
        ui.runUntil("the scan's end", () -> !vm.scanningProperty().get());
        assertEquals(0.95, vm.shownProperty().get().result().rules().threshold(), 1e-9);
        assertTrue(vm.shownProperty().get().result().with(Reason.NEAR_LIMIT).stream()
                .allMatch(i -> i.usedFraction() >= 0.95));
    }

    @Test
    void unusedKeysAreTheKeysWithoutRequestsInTheLogsOverTheChosenPeriod() throws Exception {
        UiSettings settings = UiSettings.inMemory();
        UiQueue ui = new UiQueue();
        OverviewViewModel vm = vm(withLogs, ui, settings);
        assertEquals(7, vm.unusedDaysProperty().get());
        vm.scan();
        ui.runUntil("the scan's end", () -> !vm.scanningProperty().get());
        java.util.Set<String> week = unused(vm);
        assertEquals(withoutTraffic(Duration.ofDays(7)), week);
        assertTrue(!week.isEmpty() && week.size() < 300, "the demo leaves some keys unused: " + week.size());
        assertNull(vm.shownProperty().get().unusedNotAvailable());
        assertEquals(Duration.ofDays(7), vm.shownProperty().get().result().rules().traffic().period());

        vm.unusedDaysProperty().set(30);
        assertEquals("30", settings.get("overview.unusedDays", ""));
        assertEquals(30, vm(withLogs, ui, settings).unusedDaysProperty().get(), "remembered");
        vm.scan();
        ui.runUntil("the second scan's end", () -> !vm.scanningProperty().get()
                && vm.shownProperty().get().result().rules().traffic().period().toDays() == 30);
        java.util.Set<String> month = unused(vm);
        assertEquals(withoutTraffic(Duration.ofDays(30)), month);
        assertTrue(week.containsAll(month), "a key quiet for 30 days was quiet for the last 7");
    }

    @Test
    void withoutLogsTheUnusedListIsNotAvailableAndTheScanStillWorks() throws Exception {
        UiQueue ui = new UiQueue();
        OverviewViewModel vm = vm(withoutLogs, ui, UiSettings.inMemory());
        vm.scan();
        ui.runUntil("the scan's end", () -> !vm.scanningProperty().get());
        OverviewViewModel.Shown shown = vm.shownProperty().get();
        assertNull(vm.errorProperty().get());
        assertEquals(40, shown.result().keys());
        assertTrue(shown.unusedNotAvailable().contains("HTTP 404"), shown.unusedNotAvailable());
        assertTrue(shown.attention().get(Reason.UNUSED).isEmpty());
    }

    private static java.util.Set<String> unused(OverviewViewModel vm) {
        return vm.shownProperty().get().attention().get(Reason.UNUSED).stream()
                .map(OverviewViewModel.AttentionRow::keyId).collect(java.util.stream.Collectors.toSet());
    }

    /** Asked of the server directly: every key the logs' ranking leaves out over the period up to NOW. */
    private static java.util.Set<String> withoutTraffic(Duration period) throws Exception {
        Map<String, Long> traffic = withLogs.client().keyTraffic(NOW.minus(period), NOW).get().value();
        java.util.Set<String> out = new java.util.HashSet<>();
        for (var key : withLogs.store().virtualKeys()) {
            if (!traffic.containsKey(key.id())) {
                out.add(key.id());
            }
        }
        return out;
    }

    @Test
    void topEightAndOthers() {
        Map<String, Double> spend = new java.util.HashMap<>();
        for (int i = 1; i <= 10; i++) {
            spend.put("t" + i, (double) i);
        }
        List<OverviewViewModel.Bar> bars = OverviewViewModel.top(spend);
        assertEquals(9, bars.size());
        assertEquals(new OverviewViewModel.Bar("t10", 10), bars.get(0));
        assertEquals(new OverviewViewModel.Bar("Others", 3), bars.get(8), "t1 + t2");
    }
}
