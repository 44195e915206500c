package bifrostconsole.changes;

import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.WriteRequest;

import java.util.List;

/**
 * What one change will do to one key, worked out against the key as the admin saw it, before anything is sent:
 * the fields in words (before → after), the exact request (the very {@link WriteRequest} the engine will send),
 * and what the server will do besides. A plan is {@link Status#READY} to send, {@link Status#NOTHING_TO_DO} (the
 * key is already so; nothing is sent) or {@link Status#REFUSED} (it cannot be done as asked; {@link #reason()}
 * says why and what to do instead).
 *
 * @param keyId       the key's id (for a recreate: the id of the deleted key)
 * @param keyName     the key's name
 * @param seen        the key as the admin saw it: the lost-update guard compares the server's copy with it;
 *                    null for a recreate
 * @param change      what was asked
 * @param fields      the change in words, field by field
 * @param request     the request to send; null unless READY
 * @param sideEffects what the server does beyond the fields, in sentences (deletes, resets, clears)
 * @param backup      true when the key's configuration is saved to the data folder before the request (delete)
 */
public record KeyPlan(String keyId, String keyName, VirtualKey seen, KeyChange change, Status status, String reason,
                      List<FieldDiff> fields, WriteRequest request, List<String> sideEffects, boolean backup) {

    public enum Status { READY, NOTHING_TO_DO, REFUSED }

    public KeyPlan {
        fields = List.copyOf(fields);
        sideEffects = List.copyOf(sideEffects);
    }

    public boolean ready() {
        return status == Status.READY;
    }

    public boolean destructive() {
        return change.destructive();
    }

    /** The key as people read it: its name, and the id when the name is missing. */
    public String keyLabel() {
        return keyName == null || keyName.isBlank() ? keyId : keyName;
    }

    /**
     * The whole plan as text, as the command line's dry run prints it: the key, the change, each field, what the
     * server does besides, and the exact request (secrets masked).
     */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append(keyLabel()).append(" (").append(keyId).append("): ").append(change.label()).append('\n');
        if (status != Status.READY) {
            b.append("  ").append(status == Status.NOTHING_TO_DO ? "nothing to do: " : "refused: ").append(reason)
                    .append('\n');
            return b.toString();
        }
        for (FieldDiff field : fields) {
            b.append("  ").append(field).append('\n');
        }
        for (String effect : sideEffects) {
            b.append("  also: ").append(effect).append('\n');
        }
        b.append("  request: ").append(request.preview().replace("\n", "\n  ")).append('\n');
        return b.toString();
    }

    @Override
    public String toString() {
        return "KeyPlan[" + change.action() + " " + keyId + " " + status + "]";
    }
}
