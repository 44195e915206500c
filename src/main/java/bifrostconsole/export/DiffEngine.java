package bifrostconsole.export;

import bifrostconsole.api.Customer;
import bifrostconsole.api.Team;
import bifrostconsole.api.VirtualKey;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.util.List;

/**
 * Compares two governance states. The old side's keys are held by id, the new side's are streamed past
 * them, so a diff of 100,000 keys needs one side in memory, not two.
 */
public final class DiffEngine {
    private static final TextNode HIDDEN = TextNode.valueOf("(hidden)");
    private static final TextNode HIDDEN_CHANGED = TextNode.valueOf("(hidden, different)");

    private final boolean includeUsage;

    public DiffEngine(boolean includeUsage) {
        this.includeUsage = includeUsage;
    }

    public GovernanceDiff compare(GovernanceState old, GovernanceState current) throws IOException {
        SectionDiffer<VirtualKey> keys = new SectionDiffer<>(VirtualKey::id, VirtualKey::name,
                DiffRules.virtualKeys(includeUsage), DiffEngine::valueChange);
        Snapshot oldHeader = old.stream(keys::addOld);
        Snapshot newHeader = current.stream(keys::addNew);
        return new GovernanceDiff(GovernanceDiff.Side.of(old.label(), oldHeader),
                GovernanceDiff.Side.of(current.label(), newHeader), DiffRules.describeIgnored(includeUsage),
                keys.finish(), teams(oldHeader.teams(), newHeader.teams()),
                customers(oldHeader.customers(), newHeader.customers()));
    }

    private SectionDiff teams(List<Team> before, List<Team> after) {
        SectionDiffer<Team> d = new SectionDiffer<>(Team::id, Team::name, DiffRules.teams(includeUsage),
                SectionDiffer.noExtras());
        before.forEach(d::addOld);
        after.forEach(d::addNew);
        return d.finish();
    }

    private SectionDiff customers(List<Customer> before, List<Customer> after) {
        SectionDiffer<Customer> d = new SectionDiffer<>(Customer::id, Customer::name,
                DiffRules.customers(includeUsage), SectionDiffer.noExtras());
        before.forEach(d::addOld);
        after.forEach(d::addNew);
        return d.finish();
    }

    /** A rotated key value is a change worth seeing, but the values themselves are never shown. */
    private static List<FieldChange> valueChange(VirtualKey a, VirtualKey b) {
        String before = a.plainValue();
        String after = b.plainValue();
        if (!before.isEmpty() && !after.isEmpty() && !before.equals(after)) {
            return List.of(new FieldChange("value", HIDDEN, HIDDEN_CHANGED));
        }
        return List.of();
    }
}
