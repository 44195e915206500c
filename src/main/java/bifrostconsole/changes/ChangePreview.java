package bifrostconsole.changes;

import bifrostconsole.api.WriteRequest;

import java.util.List;

/**
 * What a preview shows before a form's change is sent: a title, each field before → after, what the server does
 * besides, the exact request (secrets masked, {@link WriteRequest#preview()}) and the words of the button that
 * sends it. The same for the key editor and the team and customer forms.
 *
 * @param destructive shown in red: it deletes something or resets usage
 */
public record ChangePreview(String title, List<FieldDiff> fields, List<String> sideEffects, WriteRequest request,
                            String confirm, boolean destructive) {
    public ChangePreview {
        fields = List.copyOf(fields);
        sideEffects = List.copyOf(sideEffects);
    }

    public static ChangePreview of(KeyPlan plan, String title) {
        return new ChangePreview(title, plan.fields(), plan.sideEffects(), plan.request(), plan.change().label(),
                plan.destructive());
    }

    public static ChangePreview of(OwnerChanges.OwnerPlan plan, String title, String confirm, boolean destructive) {
        return new ChangePreview(title, plan.fields(), plan.sideEffects(), plan.request(), confirm, destructive);
    }
}
