package bifrostconsole.changes;

import java.time.Instant;
import java.util.Locale;

/**
 * Which History entries to show; every null part matches everything. {@code text} matches the key's id or name,
 * ignoring case; {@code from} is inclusive, {@code to} exclusive.
 */
public record HistoryFilter(String server, String text, String action, String outcome, Instant from, Instant to) {
    public static final HistoryFilter ALL = new HistoryFilter(null, null, null, null, null, null);

    public HistoryFilter withServer(String value) {
        return new HistoryFilter(value, text, action, outcome, from, to);
    }

    public HistoryFilter withText(String value) {
        return new HistoryFilter(server, value, action, outcome, from, to);
    }

    public HistoryFilter withAction(String value) {
        return new HistoryFilter(server, text, value, outcome, from, to);
    }

    public HistoryFilter withOutcome(String value) {
        return new HistoryFilter(server, text, action, value, from, to);
    }

    public HistoryFilter between(Instant start, Instant end) {
        return new HistoryFilter(server, text, action, outcome, start, end);
    }

    public boolean matches(HistoryEntry e) {
        if (server != null && !server.equals(e.server())) {
            return false;
        }
        if (action != null && !action.equals(e.action())) {
            return false;
        }
        if (outcome != null && !outcome.equals(e.outcome())) {
            return false;
        }
        if (from != null && (e.time() == null || e.time().isBefore(from))) {
            return false;
        }
        if (to != null && (e.time() == null || !e.time().isBefore(to))) {
            return false;
        }
        if (text != null && !text.isBlank()) {
            String needle = text.strip().toLowerCase(Locale.ROOT);
            return (e.keyId() != null && e.keyId().toLowerCase(Locale.ROOT).contains(needle))
                    || (e.keyName() != null && e.keyName().toLowerCase(Locale.ROOT).contains(needle));
        }
        return true;
    }
}
