package bifrostconsole.keyactions;

import bifrostconsole.api.Budget;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.changes.HistoryEntry;
import bifrostconsole.changes.KeyChange;
import bifrostconsole.changes.KeyOutcome;
import bifrostconsole.demo.DemoGateway;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The key actions' view-models against the demo gateway: what a menu offers, the preview in words with the exact
 * request, the typed delete confirmation, a bulk run with its result list, the lost-update refusal and "Preview
 * again", all matching keys across pages, cancel, a 403 naming the permission, rotate's new value, and the table
 * and details refreshed to the server's answer.
 */
class KeyActionsViewModelTest {
    private static final String KEYS = "/api/governance/virtual-keys/";
    @TempDir
    Path data;
    private ActionsFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new ActionsFixture(120, data);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private VirtualKey onPage(java.util.function.Predicate<VirtualKey> p) throws Exception {
        return f.page().stream().filter(p).findFirst().orElseThrow();
    }

    @Test
    void oneKeyOffersDisableWhenActiveAndNeverBothSwitches() throws Exception {
        VirtualKey active = onPage(VirtualKey::active);
        KeyTarget target = KeyTarget.of(active);
        assertTrue(f.actions.offered(KeyAction.DISABLE, target));
        assertFalse(f.actions.offered(KeyAction.ENABLE, target));
        assertTrue(f.actions.offered(KeyAction.ADD_OVERRIDE, target));
        assertEquals(active.budgets().stream().anyMatch(b -> b.overrideAmount() != null),
                f.actions.enabled(KeyAction.REMOVE_OVERRIDE, target));

        KeyTarget several = KeyTarget.of(f.page().subList(0, 3));
        assertTrue(f.actions.offered(KeyAction.ENABLE, several) && f.actions.offered(KeyAction.DISABLE, several));
        assertFalse(f.actions.offered(KeyAction.ADD_OVERRIDE, several), "overrides are for one key at a time");
        assertEquals("Copy 3 ids", f.actions.label(KeyAction.COPY_ID, several));
    }

    @Test
    void disablePreviewsTheExactRequestThenRefreshesTheTableAndDetails() throws Exception {
        VirtualKey key = onPage(VirtualKey::active);
        f.onUi(() -> f.browser.detail().open(key.id()));
        f.await(f.browser.detail().detailsProperty(), d -> d != null && d.key().id().equals(key.id()));

        ChangeDialogViewModel dialog = f.onUi(() -> f.actions.change(new KeyChange.SetActive(false),
                KeyTarget.of(key)));
        assertEquals(ChangeDialogViewModel.Step.PREVIEW, f.planned(dialog));
        ChangeDialogViewModel.PlanItem item = dialog.plans().get(0);
        assertEquals("status: Active \u2192 Inactive", item.fields());
        assertEquals("PUT " + KEYS + key.id() + "\n{\n  \"is_active\" : false\n}", item.request());
        assertEquals("Disable 1 key", dialog.confirmLabelProperty().get());
        assertTrue(dialog.canConfirmProperty().get(), "no typing needed to disable");
        assertEquals(List.of("Bifrost refuses every request made with this key until it is enabled again."),
                dialog.commonEffects(), "one key: its side effects are said once, above");

        f.gateway.clearRequestLog();
        f.confirmed(dialog);
        assertEquals("1 done", dialog.result().summary());
        assertFalse(f.stored(key.id()).active());
        // The table's page and the open details are read again and show the server's answer.
        f.await(f.browser.detail().detailsProperty(), d -> d != null && !d.key().active());
        f.await(f.browser.loadingProperty(), loading -> !loading);
        assertFalse(onPage(k -> k.id().equals(key.id())).active());
        assertEquals(1, f.actions.runsFinishedProperty().get());
    }

    @Test
    void deletingOneKeyAsksForItsNameAndSeveralForTheCount() throws Exception {
        VirtualKey key = f.page().get(0);
        ChangeDialogViewModel one = f.onUi(() -> f.actions.change(new KeyChange.Delete(), KeyTarget.of(key)));
        f.planned(one);
        assertTrue(one.destructive());
        assertTrue(one.confirmPromptProperty().get().contains("\u201c" + key.name() + "\u201d"),
                one.confirmPromptProperty().get());
        assertFalse(one.canConfirmProperty().get());
        f.onUi(() -> one.confirmationProperty().set(key.name().substring(1)));
        assertFalse(one.canConfirmProperty().get(), "part of the name is not enough");
        f.onUi(() -> one.confirmationProperty().set(" " + key.name() + " "));
        assertTrue(one.canConfirmProperty().get());

        List<VirtualKey> others = f.page().subList(1, 4);
        ChangeDialogViewModel three = f.onUi(() -> f.actions.change(new KeyChange.Delete(), KeyTarget.of(others)));
        f.planned(three);
        assertEquals("Type 3 to delete these 3 keys.", three.confirmPromptProperty().get());
        f.onUi(() -> three.confirmationProperty().set("4"));
        assertFalse(three.canConfirmProperty().get());
        f.onUi(() -> three.confirm());
        assertEquals(ChangeDialogViewModel.Step.PREVIEW, three.stepProperty().get(), "nothing is sent unconfirmed");
        f.onUi(() -> three.confirmationProperty().set("3"));
        f.confirmed(three);
        assertEquals(3, three.result().count(KeyOutcome.Status.DONE));
        for (VirtualKey k : others) {
            assertNull(f.stored(k.id()), "deleted");
        }
        try (var files = Files.list(data.resolve("deleted-keys"))) {
            assertEquals(3, files.count(), "each key's configuration saved first");
        }
    }

    @Test
    void aKeyChangedOnTheServerIsSkippedWithTheFieldsAndCanBePreviewedAgain() throws Exception {
        List<VirtualKey> keys = f.page().stream().filter(VirtualKey::active).limit(3).toList();
        ChangeDialogViewModel dialog = f.onUi(() -> f.actions.change(new KeyChange.SetActive(false),
                KeyTarget.of(keys)));
        f.planned(dialog);
        // Someone renames the second key after the admin read it.
        f.gateway.writes().updateVirtualKey(keys.get(1).id(), JsonNodeFactory.instance.objectNode()
                .put("name", "renamed-meanwhile"));
        f.confirmed(dialog);

        assertEquals(2, dialog.result().count(KeyOutcome.Status.DONE));
        ChangeDialogViewModel.ResultItem skipped = dialog.results().get(0);
        assertEquals("skipped", skipped.status(), "problems are listed first");
        assertTrue(skipped.reviewable());
        assertTrue(skipped.serverChanges().contains("name: " + keys.get(1).name() + " (seen) \u2192 renamed-meanwhile"),
                skipped.serverChanges());
        assertTrue(f.stored(keys.get(1).id()).active(), "nothing was sent to it");
        assertEquals(1, dialog.skippedCountProperty().get());

        ChangeDialogViewModel again = f.onUi(dialog::previewAgain);
        f.planned(again);
        assertEquals(1, again.readyCountProperty().get());
        assertEquals("renamed-meanwhile", again.plans().get(0).keyLabel(), "planned against the newer copy");
        f.confirmed(again);
        assertFalse(f.stored(keys.get(1).id()).active());
    }

    @Test
    void allMatchingKeysAcrossPagesAreReadAndChangedWithTheirResultsAsCsv() throws Exception {
        f.onUi(() -> f.browser.searchTextProperty().set("a"));
        f.await(f.browser.shownQueryProperty(), q -> "a".equals(q.search()));
        f.await(f.browser.loadingProperty(), loading -> !loading);
        long matching = f.actions.matchingCount();
        assertTrue(matching > 25, "more than one page: " + matching);
        f.onUi(f.actions::selectAllMatching);
        KeyTarget target = f.actions.selectionTarget();
        assertTrue(target.isAllMatching());
        assertEquals(matching, target.total());

        ChangeDialogViewModel dialog = f.onUi(() -> f.actions.change(new KeyChange.SetActive(true), target));
        f.planned(dialog);
        Set<String> expected = f.gateway.store().virtualKeys().stream().filter(k -> searchMatches(k, "a"))
                .map(VirtualKey::id).collect(Collectors.toSet());
        Set<String> planned = dialog.plans().stream().map(ChangeDialogViewModel.PlanItem::keyId)
                .collect(Collectors.toSet());
        assertEquals(expected, planned, "every matching key, not only the page on screen");
        long inactive = f.gateway.store().virtualKeys().stream().filter(k -> searchMatches(k, "a") && !k.active())
                .count();
        assertTrue(inactive > 0, "the demo data has inactive keys");
        assertEquals(inactive, dialog.readyCountProperty().get());
        f.confirmed(dialog);
        assertEquals(inactive, dialog.result().count(KeyOutcome.Status.DONE));
        assertEquals(matching - inactive, dialog.result().count(KeyOutcome.Status.UNCHANGED));

        Path csv = data.resolve("results.csv");
        f.onUi(() -> dialog.saveCsv(csv));
        f.await(dialog.messageProperty(), m -> m.startsWith("Saved"));
        List<String> lines = Files.readAllLines(csv);
        assertEquals("key_id,key_name,action,outcome,reason", lines.get(0));
        assertEquals(matching + 1, lines.size());
        f.onUi(dialog::copyResults);
        assertEquals(1, f.clipboard.copied.size());
        assertFalse(f.clipboard.copied.get(0).contains("sk-bf-"), "no key value in the copied results");
    }

    @Test
    void cancelStopsTheKeysNotYetSentAndEveryOutcomeIsKnown() throws Exception {
        List<VirtualKey> keys = f.page().stream().filter(VirtualKey::active).limit(20).toList();
        f.gateway.injectFault("PUT", KEYS, DemoGateway.Fault.delay(Duration.ofMillis(150)), 20);
        ChangeDialogViewModel dialog = f.onUi(() -> f.actions.change(new KeyChange.SetActive(false),
                KeyTarget.of(keys)));
        f.planned(dialog);
        f.onUi(dialog::confirm);
        f.await(dialog.progressProperty(), p -> p.doubleValue() > 0);
        f.onUi(() -> assertFalse(dialog.cancel(), "the dialog stays open while keys are sent"));
        assertTrue(dialog.cancellingProperty().get());
        f.await(dialog.stepProperty(), s -> s == ChangeDialogViewModel.Step.FINISHED);
        long cancelled = dialog.result().count(KeyOutcome.Status.CANCELLED);
        long done = dialog.result().count(KeyOutcome.Status.DONE);
        assertTrue(cancelled > 0, dialog.result().summary());
        assertEquals(20, cancelled + done, dialog.result().summary());
        assertEquals(done, keys.stream().filter(k -> !f.stored(k.id()).active()).count(), "what ran, ran");
    }

    @Test
    void aRefusedWriteNamesTheMissingPermissionAndIsNotRetried() throws Exception {
        VirtualKey key = onPage(VirtualKey::active);
        f.gateway.injectFault("PUT", KEYS + key.id(), DemoGateway.Fault.forbidden("VirtualKeys:Update"), 5);
        ChangeDialogViewModel dialog = f.onUi(() -> f.actions.change(new KeyChange.SetActive(false),
                KeyTarget.of(key)));
        f.planned(dialog);
        f.gateway.clearRequestLog();
        f.confirmed(dialog);
        ChangeDialogViewModel.ResultItem failed = dialog.results().get(0);
        assertEquals("failed", failed.status());
        assertTrue(failed.reason().contains("VirtualKeys:Update"), failed.reason());
        long puts = f.gateway.recentRequests().stream().filter(r -> r.method().equals("PUT")).count();
        assertEquals(1, puts, "one attempt, no retry");
        assertTrue(f.stored(key.id()).active());
    }

    @Test
    void rotateShowsTheNewValueOnceAndCopiesItAsASecret() throws Exception {
        VirtualKey key = f.page().get(0);
        ChangeDialogViewModel dialog = f.onUi(() -> f.actions.change(new KeyChange.Rotate(), KeyTarget.of(key)));
        f.planned(dialog);
        f.confirmed(dialog);
        ChangeDialogViewModel.ResultItem rotated = dialog.results().get(0);
        assertNotNull(rotated.newValue());
        assertEquals(f.stored(key.id()).plainValue(), rotated.newValue().reveal());
        assertTrue(rotated.valueNote().startsWith("Copy it now"), rotated.valueNote());
        assertFalse(rotated.toString().contains(rotated.newValue().reveal()), "the value never shows in toString");
        f.onUi(() -> dialog.copyNewValue(rotated));
        assertEquals(List.of(rotated.newValue().reveal()), f.clipboard.secrets);
        String history = Files.readString(data.resolve("history.jsonl"));
        assertFalse(history.contains(rotated.newValue().reveal()), "History never holds a value");
    }

    @Test
    void rotateWithACooldownSaysUntilWhenTheOldValueWorks() throws Exception {
        f.gateway.writes().setRotationCooldown(Duration.ofHours(6));
        VirtualKey key = f.page().get(1);
        ChangeDialogViewModel dialog = f.onUi(() -> f.actions.change(new KeyChange.Rotate(), KeyTarget.of(key)));
        f.planned(dialog);
        f.confirmed(dialog);
        String note = dialog.results().get(0).valueNote();
        assertTrue(note.contains("The old value keeps working until") && note.contains("in 6 hours"), note);
    }

    @Test
    void aBudgetOverrideIsChosenInAFormAndPreviewedInWords() throws Exception {
        VirtualKey key = onPage(k -> k.budgets().size() == 1 && k.budgets().get(0).overrideAmount() == null);
        Budget budget = key.budgets().get(0);
        OverrideFormViewModel form = f.onUi(() -> f.actions.overrideForm(KeyTarget.of(key), false));
        assertEquals(budget.resetDuration(), form.budgetProperty().get().window());
        f.onUi(() -> form.amountProperty().set("abc"));
        assertNull(f.onUi(form::change));
        assertTrue(form.errorProperty().get().contains("'abc' is not a number"), form.errorProperty().get());
        f.onUi(() -> {
            form.amountProperty().set("$250");
            form.cyclesProperty().set("2");
        });
        KeyChange change = f.onUi(form::change);
        assertEquals(new KeyChange.SetBudgetOverride(budget.resetDuration(), 250, 2), change);

        ChangeDialogViewModel dialog = f.onUi(() -> f.actions.change(change, KeyTarget.of(key)));
        f.planned(dialog);
        assertTrue(dialog.plans().get(0).request().startsWith("PUT " + KEYS + key.id() + "/budgets/"),
                dialog.plans().get(0).request());
        f.confirmed(dialog);
        assertEquals(250.0, f.stored(key.id()).budgets().get(0).overrideAmount());
        assertTrue(f.onUi(() -> f.actions.enabled(KeyAction.REMOVE_OVERRIDE,
                KeyTarget.of(dialog.result().outcomes().get(0).after()))));
    }

    @Test
    void assignChoosesATeamFromTheServer() throws Exception {
        List<VirtualKey> keys = f.page().stream().filter(k -> k.teamId() == null).limit(2).toList();
        AssignFormViewModel form = f.onUi(f.actions::assignForm);
        f.onUi(form::start);
        f.await(form.teams().loadingProperty(), loading -> !loading);
        assertNull(f.onUi(form::change), "nothing chosen yet");
        var team = f.onUi(() -> form.teams().options().get(0));
        f.onUi(() -> form.teams().choose(team));
        KeyChange change = f.onUi(form::change);
        ChangeDialogViewModel dialog = f.onUi(() -> f.actions.change(change, KeyTarget.of(keys)));
        f.planned(dialog);
        f.confirmed(dialog);
        for (VirtualKey k : keys) {
            assertEquals(team.id(), f.stored(k.id()).teamId());
        }
    }

    @Test
    void theSelectionKeepsTheServersAnswersSoASecondChangeIsNotRefused() throws Exception {
        List<VirtualKey> keys = f.page().stream().filter(VirtualKey::active).limit(3).toList();
        f.select(keys);
        ChangeDialogViewModel off = f.onUi(() -> f.actions.change(new KeyChange.SetActive(false),
                f.actions.selectionTarget()));
        f.planned(off);
        f.confirmed(off);
        ChangeDialogViewModel on = f.onUi(() -> f.actions.change(new KeyChange.SetActive(true),
                f.actions.selectionTarget()));
        f.planned(on);
        f.confirmed(on);
        assertEquals(3, on.result().count(KeyOutcome.Status.DONE), on.result().summary());
        List<HistoryEntry> history = f.actions.engine().history().read();
        assertEquals(6, history.size());
        assertTrue(history.stream().allMatch(e -> e.server().equals(f.actions.server())));
    }

    @Test
    void aNewSearchEndsTheSelection() throws Exception {
        f.select(f.page().subList(0, 3));
        assertEquals(3, f.actions.selection().countProperty().get());
        f.onUi(() -> f.browser.searchTextProperty().set("zz-no-such-key"));
        f.await(f.browser.queryProperty(), (VirtualKeyQuery q) -> "zz-no-such-key".equals(q.search()));
        assertEquals(0, f.onUi(() -> f.actions.selection().countProperty().get()));
    }

    /**
     * What Bifrost 2.x's {@code search} matches, case-insensitively: the key's name, its team's and customer's names
     * and its metadata values (API.md §4).
     */
    private static boolean searchMatches(VirtualKey key, String text) {
        java.util.List<String> texts = new java.util.ArrayList<>(key.metadata().values());
        texts.add(key.name());
        if (key.team() != null) {
            texts.add(key.team().name());
        }
        if (key.customer() != null) {
            texts.add(key.customer().name());
        }
        String needle = text.toLowerCase(java.util.Locale.ROOT);
        return texts.stream().anyMatch(t -> t != null && t.toLowerCase(java.util.Locale.ROOT).contains(needle));
    }
}
