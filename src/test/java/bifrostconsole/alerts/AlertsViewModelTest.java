package bifrostconsole.alerts;

import bifrostconsole.api.Budget;
import bifrostconsole.api.Team;
import bifrostconsole.headroom.Attention;
import bifrostconsole.headroom.AttentionItem;
import bifrostconsole.headroom.Binding;
import bifrostconsole.headroom.Level;
import bifrostconsole.headroom.Limit;
import bifrostconsole.headroom.OwnerLists;
import bifrostconsole.headroom.Reason;
import bifrostconsole.headroom.ScanResult;
import bifrostconsole.headroom.Unit;
import bifrostconsole.ui.Formats;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertsViewModelTest {
    static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private final AlertsViewModel vm = new AlertsViewModel(new Formats(Locale.US, ZoneOffset.UTC));
    private final List<List<AlertsViewModel.Alert>> notified = new ArrayList<>();

    {
        vm.setNotifier(notified::add);
    }

    /** A key at {@code used} of a $10 daily budget whose window ends at {@code resets}. */
    static AttentionItem key(String id, double used, Instant resets) {
        Limit l = new Limit(Level.KEY, id, Unit.DOLLARS, "1d", 10, 10, 0, null, used, used, false, resets, false);
        Set<Reason> reasons = used >= 10 ? Set.of(Reason.EXHAUSTED) : Set.of(Reason.NEAR_LIMIT);
        return new AttentionItem(id, "name-" + id, reasons, Binding.KEY, l, null, null, null);
    }

    static ScanResult scan(Instant at, List<Team> teams, AttentionItem... items) {
        return new ScanResult(at, items.length, items.length, 0, 0, 0, 0, 0, teams.size(), 0, Map.of(), Map.of(),
                Map.of(), new long[11], List.of(items), Attention.DEFAULTS, new OwnerLists(teams, List.of()));
    }

    @Test
    void theFirstScanIsTheBaselineThenOnlyNewCrossingsAlert() {
        Instant reset = T0.plus(Duration.ofHours(14));
        assertEquals(List.of(), vm.accept(scan(T0, List.of(), key("a", 9, reset))), "baseline: nothing pops up");
        List<AlertsViewModel.Alert> second = vm.accept(scan(T0.plusSeconds(60), List.of(), key("a", 9, reset),
                key("b", 8.5, reset)));
        assertEquals(List.of("b"), second.stream().map(AlertsViewModel.Alert::subjectId).toList());
        assertEquals("85% used, $1.50 left \u00b7 key, daily.", second.get(0).text());
        assertEquals(1, notified.size());
        assertEquals(second, vm.recent());
    }

    @Test
    void noRepeatUntilTheWindowResetsThenAgain() {
        Instant reset = T0.plus(Duration.ofHours(14));
        vm.accept(scan(T0, List.of()));
        assertEquals(1, vm.accept(scan(T0.plusSeconds(10), List.of(), key("a", 9, reset))).size());
        assertEquals(0, vm.accept(scan(T0.plusSeconds(20), List.of(), key("a", 9.5, reset))).size(), "same window");
        assertEquals(0, vm.accept(scan(T0.plusSeconds(30), List.of())).size());
        assertEquals(0, vm.accept(scan(T0.plusSeconds(40), List.of(), key("a", 9, reset))).size(),
                "dipping below and crossing again in the same window is still the same alert");
        Instant nextReset = reset.plus(Duration.ofDays(1));
        List<AlertsViewModel.Alert> again = vm.accept(scan(reset.plusSeconds(5), List.of(), key("a", 9, nextReset)));
        assertEquals(1, again.size(), "a new window, a new alert");
        assertEquals(1, vm.accept(scan(reset.plusSeconds(9), List.of(), key("a", 10, nextReset))).size(),
                "used up is an alert of its own");
    }

    @Test
    void teamsAlertOnTheirOwnBudgets() {
        Team team = new Team("t-1", "Platform", null, null, null, null,
                List.of(Budget.of("tb", 100, "1M", 95, T0.minus(Duration.ofDays(3)))), null, null, 1, false, null,
                null, null);
        vm.accept(scan(T0, List.of()));
        List<AlertsViewModel.Alert> alerts = vm.accept(scan(T0.plusSeconds(5), List.of(team)));
        assertEquals(1, alerts.size());
        assertEquals(AlertsViewModel.Subject.TEAM, alerts.get(0).subject());
        assertEquals("Team Platform", alerts.get(0).title());
        assertTrue(alerts.get(0).text().startsWith("95% used, $5.00 left"), alerts.get(0).text());
    }

    @Test
    void keepsTheLastFifty() {
        vm.accept(scan(T0, List.of()));
        for (int i = 0; i < 60; i++) {
            vm.accept(scan(T0.plusSeconds(i + 1), List.of(), key("k" + i, 9, T0.plus(Duration.ofDays(1)))));
        }
        assertEquals(AlertsViewModel.KEPT, vm.recent().size());
        assertEquals("k59", vm.recent().get(0).subjectId(), "newest first");
    }

    /** Records what would reach the desktop. */
    static final class Recording implements SystemNotifier {
        final String unavailable;
        final List<String[]> sent = new ArrayList<>();
        final List<Runnable> clicks = new ArrayList<>();

        Recording(String unavailable) {
            this.unavailable = unavailable;
        }

        @Override
        public String unavailableReason() {
            return unavailable;
        }

        @Override
        public void send(String title, String text, Runnable onClick) {
            sent.add(new String[]{title, text});
            clicks.add(onClick);
        }
    }

    private List<AlertsViewModel.Alert> alertsFor(AlertsViewModel model, int count) {
        model.accept(scan(T0, List.of()));
        AttentionItem[] items = new AttentionItem[count];
        for (int i = 0; i < count; i++) {
            items[i] = key("k" + i, 9, T0.plus(Duration.ofDays(1)));
        }
        return model.accept(scan(T0.plusSeconds(5), List.of(), items));
    }

    @Test
    void desktopNotificationsGoOutOneByOneOrAsOneSummaryAndAClickOpensTheAlert() {
        Recording desktop = new Recording(null);
        bifrostconsole.config.UiSettings settings = bifrostconsole.config.UiSettings.inMemory();
        AlertsViewModel model = new AlertsViewModel(new Formats(Locale.US, ZoneOffset.UTC), settings, desktop);
        assertTrue(model.desktopNotificationsProperty().get(), "on unless switched off");
        List<AlertsViewModel.Alert> two = alertsFor(model, 2);
        List<AlertsViewModel.Alert> opened = new ArrayList<>();
        model.notifyDesktop(two, opened::add, () -> { });
        assertEquals(2, desktop.sent.size());
        assertEquals("name-k0", desktop.sent.get(0)[0]);
        assertEquals("Near the limit: 90% used, $1.00 left \u00b7 key, daily.", desktop.sent.get(0)[1]);
        desktop.clicks.get(1).run();
        assertEquals(List.of(two.get(1)), opened);

        desktop.sent.clear();
        desktop.clicks.clear();
        List<Boolean> listShown = new ArrayList<>();
        AlertsViewModel many = new AlertsViewModel(new Formats(Locale.US, ZoneOffset.UTC), settings, desktop);
        model.notifyDesktop(alertsFor(many, 5), opened::add, () -> listShown.add(true));
        assertEquals(1, desktop.sent.size());
        assertEquals("5 new alerts", desktop.sent.get(0)[0]);
        assertTrue(desktop.sent.get(0)[1].endsWith("and 2 more: click to see them all"), desktop.sent.get(0)[1]);
        desktop.clicks.get(0).run();
        assertEquals(List.of(true), listShown);
    }

    @Test
    void nothingGoesToTheDesktopWhenSwitchedOffOrUnavailable() {
        Recording desktop = new Recording(null);
        bifrostconsole.config.UiSettings settings = bifrostconsole.config.UiSettings.inMemory();
        AlertsViewModel model = new AlertsViewModel(new Formats(Locale.US, ZoneOffset.UTC), settings, desktop);
        model.desktopNotificationsProperty().set(false);
        assertEquals("false", settings.get(AlertsViewModel.DESKTOP_SETTING, ""));
        model.notifyDesktop(alertsFor(model, 1), a -> { }, () -> { });
        assertEquals(0, desktop.sent.size(), "switched off");
        assertTrue(!new AlertsViewModel(new Formats(Locale.US, ZoneOffset.UTC), settings, desktop)
                .desktopNotificationsProperty().get(), "remembered");

        Recording none = new Recording("notify-send is not installed.");
        AlertsViewModel without = new AlertsViewModel(new Formats(Locale.US, ZoneOffset.UTC),
                bifrostconsole.config.UiSettings.inMemory(), none);
        without.notifyDesktop(alertsFor(without, 1), a -> { }, () -> { });
        assertEquals(0, none.sent.size(), "unavailable");
        assertEquals("notify-send is not installed.", without.desktopUnavailable());
    }
    @Test
    void aNameThatLiesReachesTheDesktopWithItsHiddenCharactersShown() {
        Recording desktop = new Recording(null);
        AlertsViewModel model = new AlertsViewModel(new Formats(Locale.US, ZoneOffset.UTC),
                bifrostconsole.config.UiSettings.inMemory(), desktop);
        model.accept(scan(T0, List.of()));
        Limit l = new Limit(Level.KEY, "x", Unit.DOLLARS, "1d", 10, 10, 0, null, 9, 9, false,
                T0.plus(Duration.ofDays(1)), false);
        AttentionItem lying = new AttentionItem("x", "prod\nstaging\u202Egnp.exe", Set.of(Reason.NEAR_LIMIT),
                Binding.KEY, l, null, null, null);
        List<AlertsViewModel.Alert> one = model.accept(scan(T0.plusSeconds(5), List.of(), lying));
        model.notifyDesktop(one, a -> { }, () -> { });
        String title = desktop.sent.get(0)[0];
        assertTrue(!title.contains("\n") && !title.contains("\u202E"), title);
        assertEquals(bifrostconsole.messages.DisplayText.line("prod\nstaging\u202Egnp.exe"), title);

        desktop.sent.clear();
        AlertsViewModel many = new AlertsViewModel(new Formats(Locale.US, ZoneOffset.UTC),
                bifrostconsole.config.UiSettings.inMemory(), desktop);
        many.accept(scan(T0, List.of()));
        List<AlertsViewModel.Alert> five = many.accept(scan(T0.plusSeconds(5), List.of(), lying,
                key("k1", 9, T0.plus(Duration.ofDays(1))), key("k2", 9, T0.plus(Duration.ofDays(1))),
                key("k3", 9, T0.plus(Duration.ofDays(1))), key("k4", 9, T0.plus(Duration.ofDays(1)))));
        many.notifyDesktop(five, a -> { }, () -> { });
        String summary = desktop.sent.get(0)[1];
        assertTrue(summary.startsWith(title + ": near"), "the first alert, its name on one line: " + summary);
        assertEquals(4, summary.split("\n").length, summary);
    }
}
