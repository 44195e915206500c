package bifrostconsole.export;

import bifrostconsole.api.Budget;
import bifrostconsole.api.Json;
import bifrostconsole.api.ProviderConfig;
import bifrostconsole.api.RateLimit;
import bifrostconsole.api.Team;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.testing.TestKeys;
import bifrostconsole.testing.TestSnapshots;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiffEngineTest {
    static final Instant T0 = TestSnapshots.OLD_TAKEN_AT;
    static final Instant T1 = TestSnapshots.NEW_TAKEN_AT;

    static GovernanceDiff diff(List<VirtualKey> before, List<VirtualKey> after, boolean includeUsage)
            throws IOException {
        return new DiffEngine(includeUsage).compare(
                GovernanceState.of(TestSnapshots.of(T0, before, List.of()), "old.json"),
                GovernanceState.of(TestSnapshots.of(T1, after, List.of()), "new.json"));
    }

    /** The key as a later edit leaves it: switched on or off, its providers and budgets replaced, a new hash. */
    static VirtualKey laterVersion(VirtualKey k, boolean active, List<ProviderConfig> providers,
                                   List<Budget> budgets, Instant updated) {
        return TestKeys.copyOf(k).active(active).providers(providers).budgets(budgets).configHash("changed-hash")
                .updatedAt(updated).build();
    }

    static List<String> lines(ItemChange c) {
        return c.changes().stream().map(DiffText::change).toList();
    }

    @Test
    void reportsExactlyTheKnownChangesAndNothingElse() throws IOException {
        VirtualKey same = TestKeys.governed("vk-same", "unchanged").build();
        VirtualKey edited = TestKeys.governed("vk-edit", "billing").build();
        VirtualKey removed = TestKeys.key("vk-gone").name("retired").build();
        VirtualKey added = TestKeys.key("vk-new").name("fresh").build();

        // Raise the monthly budget, allow one more OpenAI model, switch the key off; touch only noise besides.
        List<Budget> budgets = new ArrayList<>(edited.budgets());
        Budget m = budgets.get(0);
        budgets.set(0, new Budget(m.id(), 150, m.resetDuration(), T1, 99.0, m.calendarAligned(), m.teamId(),
                m.virtualKeyId(), m.providerConfigId(), m.customerId(), m.modelConfigId(), m.overrideAmount(),
                m.overrideMode(), m.overrideCyclesRemaining(), "new-hash", m.createdAt(), T1));
        ProviderConfig openai = edited.providerConfigs().get(0);
        ProviderConfig widened = new ProviderConfig(openai.id(), openai.virtualKeyId(), openai.provider(),
                openai.weight(), List.of("gpt-4o", "gpt-4o-mini", "o3"), openai.blacklistedModels(),
                openai.allowAllKeys(), openai.rateLimitId(), openai.rateLimit(), openai.budgets(), openai.keys(),
                openai.modelBudgets());
        VirtualKey after = laterVersion(edited, false, List.of(widened, edited.providerConfigs().get(1)), budgets, T1);

        GovernanceDiff d = diff(List.of(same, edited, removed), List.of(added, same, after), false);

        SectionDiff keys = d.virtualKeys();
        assertEquals(List.of(new ItemRef("vk-new", "fresh")), keys.added());
        assertEquals(List.of(new ItemRef("vk-gone", "retired")), keys.removed());
        assertEquals(1, keys.changed().size());
        assertEquals(1, keys.unchanged());
        assertEquals(List.of(
                "is_active: true -> false",
                "provider_configs[openai].allowed_models: [gpt-4o, gpt-4o-mini] -> [gpt-4o, gpt-4o-mini, o3]",
                "budgets[1M].max_limit: 100.00 -> 150.00"), lines(keys.changed().get(0)));
        assertTrue(d.teams().isEmpty());
        assertTrue(d.hasDifferences());
    }

    @Test
    void reorderingBudgetsProvidersAndModelsIsNoChange() throws IOException {
        VirtualKey key = TestKeys.governed("vk-1", "a").build();
        List<Budget> reversedBudgets = List.of(key.budgets().get(1), key.budgets().get(0));
        ProviderConfig openai = key.providerConfigs().get(0);
        ProviderConfig reorderedModels = new ProviderConfig(openai.id(), openai.virtualKeyId(), openai.provider(),
                openai.weight(), List.of("gpt-4o-mini", "gpt-4o"), openai.blacklistedModels(), openai.allowAllKeys(),
                openai.rateLimitId(), openai.rateLimit(), openai.budgets(), openai.keys(), openai.modelBudgets());
        VirtualKey shuffled = laterVersion(key, true, List.of(key.providerConfigs().get(1), reorderedModels),
                reversedBudgets, key.updatedAt());

        GovernanceDiff d = diff(List.of(key), List.of(shuffled), false);

        assertFalse(d.hasDifferences(), DiffText.render(d));
        assertEquals(1, d.virtualKeys().unchanged());
    }

    @Test
    void usageCountersAreIgnoredUnlessAskedFor() throws IOException {
        VirtualKey key = TestKeys.governed("vk-1", "a").build();
        RateLimit rl = key.rateLimit();
        RateLimit used = new RateLimit(rl.id(), rl.tokenMaxLimit(), rl.tokenResetDuration(), 90_000, T1,
                rl.requestMaxLimit(), rl.requestResetDuration(), rl.requestCurrentUsage(), rl.requestLastReset(),
                rl.metric(), rl.configHash(), rl.createdAt(), T1);
        VirtualKey spent = TestKeys.copyOf(key).rateLimit(used).updatedAt(T1).build();

        assertFalse(diff(List.of(key), List.of(spent), false).hasDifferences());

        GovernanceDiff withUsage = diff(List.of(key), List.of(spent), true);
        assertEquals(List.of("rate_limit.token_current_usage: 2500 -> 90000",
                        "rate_limit.token_last_reset: \"2026-01-05T10:00:00Z\" -> \"2026-03-08T09:00:00Z\""),
                lines(withUsage.virtualKeys().changed().get(0)));
    }

    @Test
    void addedProviderAndRotatedValueAreShownWithoutRevealingTheValue() throws IOException {
        VirtualKey key = TestKeys.key("vk-1").name("a").build();
        VirtualKey rotated = TestKeys.copyOf(key).value("sk-bf-rotated-value")
                .provider(TestKeys.providerWithBudget("vk-1", 9L, "mistral", List.of("*"), 5)).build();

        GovernanceDiff d = diff(List.of(key), List.of(rotated), false);

        List<String> changes = lines(d.virtualKeys().changed().get(0));
        assertEquals(2, changes.size(), changes.toString());
        assertTrue(changes.get(0).startsWith("provider_configs[mistral]: (none) -> {"), changes.get(0));
        assertTrue(changes.get(0).contains("\"allowed_models\":[\"*\"]"), changes.get(0));
        assertEquals("value: \"(hidden)\" -> \"(hidden, different)\"", changes.get(1));
        String text = DiffText.render(d);
        assertFalse(text.contains("sk-bf-"), text);
    }

    @Test
    void teamChangesAreListedInTheirOwnSection() throws IOException {
        Team before = Team.named("team-1", "Platform");
        Team renamed = Team.named("team-1", "Platform Engineering");
        GovernanceDiff d = new DiffEngine(false).compare(
                GovernanceState.of(TestSnapshots.of(T0, List.of(), List.of(before, Team.named("team-2", "Data"))), "a"),
                GovernanceState.of(TestSnapshots.of(T1, List.of(), List.of(renamed)), "b"));
        assertEquals(List.of(new ItemRef("team-2", "Data")), d.teams().removed());
        assertEquals(List.of("name: \"Platform\" -> \"Platform Engineering\""), lines(d.teams().changed().get(0)));
    }

    @Test
    void jsonOutputCarriesPathsAndTypedValuesForScripts() throws IOException {
        VirtualKey key = TestKeys.governed("vk-1", "a").build();
        VirtualKey off = laterVersion(key, false, key.providerConfigs(), key.budgets(), key.updatedAt());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DiffText.writeJson(diff(List.of(key), List.of(off), false), out);

        JsonNode root = Json.mapper().readTree(out.toByteArray());
        assertEquals("old.json", root.at("/old/label").asText());
        assertEquals("2026-03-08T09:00:00Z", root.at("/new/taken_at").asText());
        JsonNode change = root.at("/virtual_keys/changed/0/changes/0");
        assertEquals("is_active", change.get("path").asText());
        assertTrue(change.get("old_value").isBoolean() && change.get("old_value").asBoolean());
        assertFalse(change.get("new_value").asBoolean());
        assertEquals(0, root.at("/virtual_keys/added").size());
    }

    @Test
    void textSaysWhatWasComparedAndWhatNot() throws IOException {
        VirtualKey key = TestKeys.key("vk-1").name("a").build();
        String text = DiffText.render(diff(List.of(key), List.of(key), false));
        assertTrue(text.contains("Old: old.json: http://gw:8080 (v1.4.3), taken 2026-03-01T09:00:00Z"), text);
        assertTrue(text.contains("usage counters"), text);
        assertTrue(text.contains("Virtual keys: no differences (1 compared)"), text);
        assertTrue(text.contains("No differences."), text);
    }

}
