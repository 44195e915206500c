package bifrostconsole.changes;

import bifrostconsole.api.ApiException;
import bifrostconsole.api.Secret;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.messages.UserMessages;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * How one key's change ended.
 *
 * @param status                 what happened
 * @param reason                 one sentence when it did not end {@link Status#DONE}: the server's refusal, what
 *                               changed on the server, why nothing was sent; null when done
 * @param after                  the key as the server answered (refresh the table and details with it); for
 *                               {@link Status#CHANGED_ON_SERVER}, the server's newer copy to review; null after a
 *                               delete or when the server was not reached
 * @param serverChanges          for {@link Status#CHANGED_ON_SERVER}, the fields that differ (seen → server)
 * @param newValue               for a rotate, the new value (show it once, masked until revealed); else null
 * @param previousValueExpiresAt for a rotate, when the old value stops working, if the server keeps it a while
 * @param backup                 for a delete, the file with the key's saved configuration
 * @param failureKind            when the server refused or could not be reached, what kind of failure it was (a
 *                               command's exit code comes from it); else null
 */
public record KeyOutcome(KeyPlan plan, Status status, String reason, VirtualKey after, List<FieldDiff> serverChanges,
                         Secret newValue, Instant previousValueExpiresAt, Path backup, ApiException.Kind failureKind) {

    public enum Status {
        /** Sent and applied. */
        DONE("done"),
        /** Nothing to send: the key was already so. */
        UNCHANGED("unchanged"),
        /** Refused (by the server, or as planned) or the request failed; see the reason. */
        FAILED("failed"),
        /** Skipped: the key changed on the server since it was read, so nothing was sent. */
        CHANGED_ON_SERVER("skipped"),
        /** Not sent because the run was cancelled first. */
        CANCELLED("cancelled");

        private final String word;

        Status(String word) {
            this.word = word;
        }

        /** The word History and the result list use. */
        public String word() {
            return word;
        }
    }

    public KeyOutcome {
        serverChanges = serverChanges == null ? List.of() : List.copyOf(serverChanges);
    }

    static KeyOutcome of(KeyPlan plan, Status status, String reason) {
        return new KeyOutcome(plan, status, reason, null, List.of(), null, null, null, null);
    }

    /** A failed request: the one sentence for the user, and the kind of failure when it came from the API. */
    static KeyOutcome failed(KeyPlan plan, String reason, Throwable failure) {
        ApiException.Kind kind = UserMessages.unwrap(failure) instanceof ApiException api
                ? api.kind() : null;
        return new KeyOutcome(plan, Status.FAILED, reason, null, List.of(), null, null, null, kind);
    }

    /** Done or nothing to do: nothing is left for the admin to look at. */
    public boolean ok() {
        return status == Status.DONE || status == Status.UNCHANGED;
    }

    /** The key's id: the new key's after a recreate, else the planned one. */
    public String keyId() {
        return after != null && after.id() != null ? after.id() : plan.keyId();
    }

    @Override
    public String toString() {
        return "KeyOutcome[" + plan.change().action() + " " + plan.keyId() + " " + status + "]";
    }
}
