package bifrostconsole.changes;

import java.util.ArrayList;
import java.util.List;

/**
 * The end of a run: every key's outcome in the order the plans were given, and whether History could be written.
 *
 * @param historyProblem one sentence when an entry could not be appended to History (the changes themselves
 *                       happened as the outcomes say), else null
 */
public record RunResult(List<KeyOutcome> outcomes, String historyProblem) {
    public RunResult {
        outcomes = List.copyOf(outcomes);
    }

    public long count(KeyOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    /** True when every key ended done or unchanged. */
    public boolean allOk() {
        return outcomes.stream().allMatch(KeyOutcome::ok);
    }

    /** The keys that did not end done or unchanged. */
    public List<KeyOutcome> problems() {
        return outcomes.stream().filter(o -> !o.ok()).toList();
    }

    /** "3 done, 1 failed, 1 skipped because it changed on the server", leaving out zero counts. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        add(parts, count(KeyOutcome.Status.DONE), "done");
        add(parts, count(KeyOutcome.Status.UNCHANGED), "already so");
        add(parts, count(KeyOutcome.Status.FAILED), "failed");
        add(parts, count(KeyOutcome.Status.CHANGED_ON_SERVER), "skipped because it changed on the server");
        add(parts, count(KeyOutcome.Status.CANCELLED), "not sent (cancelled)");
        return parts.isEmpty() ? "no keys" : String.join(", ", parts);
    }

    private static void add(List<String> parts, long n, String what) {
        if (n > 0) {
            parts.add(n + " " + what);
        }
    }

    /** The result list as CSV: key_id, key_name, action, outcome, reason (never a key value). */
    public String csv() {
        List<List<String>> rows = new ArrayList<>();
        for (KeyOutcome o : outcomes) {
            rows.add(List.of(o.keyId(), o.plan().keyName() == null ? "" : o.plan().keyName(), o.plan().change().action(),
                    o.status().word(), o.reason() == null ? "" : o.reason()));
        }
        return Csv.write(List.of("key_id", "key_name", "action", "outcome", "reason"), rows);
    }

    /** The result list as tab-separated lines, for the clipboard. */
    public String text() {
        StringBuilder b = new StringBuilder();
        for (KeyOutcome o : outcomes) {
            b.append(o.keyId()).append('\t').append(o.plan().keyLabel()).append('\t').append(o.status().word());
            if (o.reason() != null) {
                b.append('\t').append(o.reason());
            }
            b.append('\n');
        }
        return b.toString();
    }
}
