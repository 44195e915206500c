package bifrostconsole.changes;

import java.time.Instant;
import java.util.List;

/**
 * One change made from the console, as History keeps it: when, on which server, to which key, what was asked,
 * the fields before → after, and how it ended. Never a key value or a management key.
 *
 * @param outcome  {@code done}, {@code failed} or {@code skipped} ({@link KeyOutcome.Status#word()})
 * @param reason   why it failed or was skipped, in one sentence; null when done
 * @param backup   for a delete, the file holding the key's configuration (what Recreate uses); else null
 */
public record HistoryEntry(Instant time, String server, String keyId, String keyName, String action,
                           List<FieldDiff> fields, String outcome, String reason, String backup) {
    public HistoryEntry {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /** The fields as one line: {@code status: Active → Inactive; team: none → Payments}. */
    public String fieldsText() {
        return String.join("; ", fields.stream().map(FieldDiff::toString).toList());
    }
}
