package bifrostconsole.store;

import bifrostconsole.api.Json;
import bifrostconsole.api.ProviderConfig;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.demo.DemoDataGenerator;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The write side looks through the keys for their largest config id only when it first needs it (not when it is
 * made, on the way to the demo's first page), yet numbers new configs as if it had looked when it was made: like
 * Bifrost's auto-increment ids, an id once used is never given again, even when the key holding the largest one
 * was deleted before the first config was made.
 */
class GovernanceWritesInitialIdsTest {

    @Test
    void aConfigIdIsNotGivenAgainAfterTheKeyHoldingTheLargestWasDeletedFirst() throws Exception {
        GovernanceStore store = DemoDataGenerator.generate(11, 60, Instant.parse("2026-12-01T10:00:00Z"));
        VirtualKey holder = store.virtualKeys().stream()
                .max(Comparator.comparingLong(GovernanceWritesInitialIdsTest::largestConfigId)).orElseThrow();
        long largest = largestConfigId(holder);
        GovernanceWrites writes = new GovernanceWrites(store, Clock.systemUTC(), Duration.ZERO);

        writes.deleteVirtualKey(holder.id());
        VirtualKey created = writes.createVirtualKey(Json.mapper().readTree("""
                {"name": "after-the-delete", "provider_configs": [
                  {"provider": "openai", "allowed_models": ["*"], "blacklisted_models": [], "key_ids": []}]}"""));

        assertEquals(largest + 1, created.providerConfigs().get(0).id());
    }

    @Test
    void prepareLooksThroughTheKeysAsTheyWereWhenMade() throws Exception {
        GovernanceStore store = DemoDataGenerator.generate(11, 60, Instant.parse("2026-12-01T10:00:00Z"));
        long largest = store.virtualKeys().stream()
                .mapToLong(GovernanceWritesInitialIdsTest::largestConfigId).max().orElseThrow();
        GovernanceWrites writes = new GovernanceWrites(store, Clock.systemUTC(), Duration.ZERO);
        // every key gone before the pass runs: the pass still sees them
        store.virtualKeys().forEach(k -> writes.deleteVirtualKey(k.id()));
        writes.prepare();

        VirtualKey created = writes.createVirtualKey(Json.mapper().readTree("""
                {"name": "into-an-empty-store", "provider_configs": [
                  {"provider": "anthropic", "allowed_models": ["*"], "blacklisted_models": [], "key_ids": []}]}"""));

        assertEquals(largest + 1, created.providerConfigs().get(0).id());
    }

    private static long largestConfigId(VirtualKey key) {
        return key.providerConfigs().stream().mapToLong(ProviderConfig::id).max().orElse(0);
    }
}
