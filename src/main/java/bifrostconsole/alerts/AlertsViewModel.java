package bifrostconsole.alerts;

import bifrostconsole.api.Customer;
import bifrostconsole.config.UiSettings;
import bifrostconsole.api.Team;
import bifrostconsole.headroom.AttentionItem;
import bifrostconsole.headroom.HeadroomCalculator;
import bifrostconsole.headroom.HeadroomWords;
import bifrostconsole.headroom.Limit;
import bifrostconsole.headroom.Reason;
import bifrostconsole.headroom.ScanResult;
import bifrostconsole.messages.DisplayText;
import bifrostconsole.ui.Formats;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Alerts from scans: a key, team or customer that has newly crossed the near-limit threshold, used up its binding
 * limit, or (a key) expired. The first scan only sets the baseline. An alert is not repeated until the window of
 * its limit resets (an expiry never repeats); then a key still over the threshold alerts again. The last alerts are
 * kept for the alert list; each scan's new ones go to the notifier at once (the window shows them).
 */
public final class AlertsViewModel {
    static final int KEPT = 50;
    /** Up to this many new alerts are notified one by one; more become one notification that lists them. */
    static final int ONE_BY_ONE = 3;
    static final String DESKTOP_SETTING = "alerts.desktopNotifications";

    /** What an alert is about. */
    public enum Subject { KEY, TEAM, CUSTOMER }

    /**
     * One alert: {@code subjectId} opens the key (for a key alert), {@code title} names it, {@code text} says what
     * happened.
     */
    public record Alert(Subject subject, String subjectId, String title, Reason reason, String text, Instant at) {
    }

    private final Formats formats;
    private final ObservableList<Alert> recent = FXCollections.observableArrayList();
    /** "subject:id:reason" to the moment the alert may fire again (its window's reset). */
    private final Map<String, Instant> quietUntil = new HashMap<>();
    private boolean baselineSet;
    private Consumer<List<Alert>> notifier = alerts -> { };
    private final SystemNotifier desktop;
    private final BooleanProperty desktopNotifications = new SimpleBooleanProperty(this, "desktopNotifications");

    /** Alerts in the window only. */
    public AlertsViewModel(Formats formats) {
        this(formats, UiSettings.inMemory(), SystemNotifier.NONE);
    }

    /**
     * @param desktop the system notifications; on unless switched off (remembered in {@code settings})
     */
    public AlertsViewModel(Formats formats, UiSettings settings, SystemNotifier desktop) {
        this.formats = formats;
        this.desktop = desktop;
        desktopNotifications.set(!"false".equals(settings.get(DESKTOP_SETTING, "true")));
        desktopNotifications.addListener((o, a, on) -> settings.put(DESKTOP_SETTING, on.toString()));
    }

    /** Whether new alerts also go to the desktop's notifications (when it has them). */
    public BooleanProperty desktopNotificationsProperty() {
        return desktopNotifications;
    }

    /** Null when the desktop's notifications can be used, else the sentence saying why not. */
    public String desktopUnavailable() {
        return desktop.unavailableReason();
    }

    /**
     * Sends new alerts to the desktop's notifications, unless switched off or unavailable: a few one by one (a
     * click on one runs {@code open} with it), more as one whose click runs {@code showAll}. The callbacks run on
     * a worker thread. Returns at once.
     */
    public void notifyDesktop(List<Alert> alerts, Consumer<Alert> open, Runnable showAll) {
        if (alerts.isEmpty() || !desktopNotifications.get() || !desktop.available()) {
            return;
        }
        if (alerts.size() <= ONE_BY_ONE) {
            for (Alert a : alerts) {
                // the desktop shows names as raw text: a line break or a bidi control must not rearrange the notification
                desktop.send(DisplayText.line(a.title()), a.reason().title() + ": " + DisplayText.line(a.text()),
                        () -> open.accept(a));
            }
        } else {
            desktop.send(summaryTitle(alerts), summaryText(alerts), showAll);
        }
    }

    /** "5 new alerts". */
    public static String summaryTitle(List<Alert> alerts) {
        return alerts.size() + " new alerts";
    }

    /** The first few alerts in a line each, then how many more. */
    public static String summaryText(List<Alert> alerts) {
        StringBuilder text = new StringBuilder();
        for (Alert a : alerts.subList(0, Math.min(ONE_BY_ONE, alerts.size()))) {
            text.append(DisplayText.line(a.title())).append(": ").append(a.reason().title().toLowerCase(java.util.Locale.ROOT))
                    .append('\n');
        }
        if (alerts.size() > ONE_BY_ONE) {
            text.append("and ").append(alerts.size() - ONE_BY_ONE).append(" more: click to see them all");
        }
        return text.toString().strip();
    }

    /** Where each scan's new alerts go (the window's notifications). */
    public void setNotifier(Consumer<List<Alert>> notifier) {
        this.notifier = notifier;
    }

    /** Takes a scan's findings; call on the UI thread. Returns the new alerts. */
    public List<Alert> accept(ScanResult result) {
        Instant now = result.at();
        quietUntil.values().removeIf(until -> until != null && !now.isBefore(until));
        Set<String> current = new HashSet<>();
        List<Alert> fresh = new ArrayList<>();
        HeadroomWords words = new HeadroomWords(formats::money, formats::count);
        for (AttentionItem item : result.attention()) {
            for (Reason reason : item.reasons()) {
                if (reason != Reason.EXHAUSTED && reason != Reason.NEAR_LIMIT && reason != Reason.EXPIRED) {
                    continue;
                }
                String id = "key:" + item.keyId() + ":" + reason;
                current.add(id);
                Instant until = reason == Reason.EXPIRED ? Instant.MAX
                        : item.limit() == null ? null : item.limit().resetsAt();
                consider(id, until, fresh, () -> new Alert(Subject.KEY, item.keyId(), item.keyName(), reason,
                        text(reason, item.limit(), words, item.expiresAt(), now), now));
            }
        }
        for (Team team : result.owners().teams()) {
            owner(Subject.TEAM, team.id(), "Team " + team.name(), HeadroomCalculator.limitsOf(team, now),
                    result.rules().threshold(), now, words, current, fresh);
        }
        for (Customer customer : result.owners().customers()) {
            owner(Subject.CUSTOMER, customer.id(), "Customer " + customer.name(),
                    HeadroomCalculator.limitsOf(customer, now), result.rules().threshold(), now, words, current,
                    fresh);
        }
        // A state that ended without a known reset may alert again the next time it starts.
        quietUntil.entrySet().removeIf(e -> e.getValue() == null && !current.contains(e.getKey()));
        if (!baselineSet) {
            baselineSet = true;
            return List.of();
        }
        if (!fresh.isEmpty()) {
            recent.addAll(0, fresh);
            if (recent.size() > KEPT) {
                recent.remove(KEPT, recent.size());
            }
            notifier.accept(List.copyOf(fresh));
        }
        return fresh;
    }

    private void owner(Subject subject, String id, String title, List<Limit> limits, double threshold, Instant now,
                       HeadroomWords words, Set<String> current, List<Alert> fresh) {
        Limit tightest = limits.stream().max(java.util.Comparator.comparingDouble(Limit::usedFraction)).orElse(null);
        if (tightest == null) {
            return;
        }
        Reason reason = tightest.exhausted() ? Reason.EXHAUSTED
                : tightest.usedFraction() >= threshold ? Reason.NEAR_LIMIT : null;
        if (reason == null) {
            return;
        }
        String key = subject.name().toLowerCase() + ":" + id + ":" + reason;
        current.add(key);
        consider(key, tightest.resetsAt(), fresh, () -> new Alert(subject, id, title, reason,
                text(reason, tightest, words, null, now), now));
    }

    private void consider(String key, Instant until, List<Alert> fresh, java.util.function.Supplier<Alert> alert) {
        if (quietUntil.containsKey(key)) {
            return;
        }
        quietUntil.put(key, until);
        fresh.add(alert.get());
    }

    private String text(Reason reason, Limit limit, HeadroomWords words, Instant expiresAt, Instant now) {
        return switch (reason) {
            case EXPIRED -> "Expired " + formats.relative(expiresAt, now) + ": its requests are refused.";
            case EXHAUSTED -> "Used up: " + words.what(limit) + (limit.resetsAt() == null ? ""
                    : ", until " + formats.dateTime(limit.resetsAt())) + ".";
            default -> formats.percent(limit.usedFraction()) + " used, " + words.left(limit) + " \u00b7 "
                    + words.what(limit) + ".";
        };
    }

    /** The last {@value #KEPT} alerts, newest first. */
    public ObservableList<Alert> recent() {
        return recent;
    }

    public void clear() {
        recent.clear();
    }
}
