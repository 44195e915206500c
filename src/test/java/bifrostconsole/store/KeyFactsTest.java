package bifrostconsole.store;

import bifrostconsole.api.Team;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.testing.TestKeys;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyFactsTest {
    private static final List<VirtualKey> KEYS = List.of(
            TestKeys.key("a").name("Zeta-Prod").team(Team.named("t1", "Payments")).build(),
            TestKeys.key("b").name("ÄRGER-Ω-service").metadata(Map.of("owner", "Data")).build(), // Ω: not Latin-1
            TestKeys.key("c").name(null).active(false).accessProfileManaged(true).build(),
            TestKeys.key("d").name("ab").team(Team.named("t2", "cd")).build());

    private static KeyFacts facts(List<VirtualKey> keys) {
        KeyFacts.Builder b = new KeyFacts.Builder(1);
        keys.forEach(b::add);
        return b.build();
    }

    @Test
    void aSearchMatchesTheLowerCasedNameOwnersAndMetadataEachOnItsOwn() {
        KeyFacts f = facts(KEYS);
        assertTrue(f.matches(0, "zeta-p"));
        assertTrue(f.matches(0, "payments"));
        assertTrue(f.matches(1, "ärger-ω"), "a name wider than Latin-1");
        assertTrue(f.matches(1, "data"));
        assertFalse(f.matches(0, "ärger"));
        assertFalse(f.matches(1, "zeta"));
        assertTrue(f.matches(2, ""));
        assertFalse(f.matches(2, "a"), "no name");
        assertFalse(f.matches(3, "bc"), "a match never spans the name and the team's name");
        assertFalse(f.matches(0, "prodω"), "a wide needle in a Latin-1 name");
        assertEquals("t1", f.teamId(0));
        assertFalse(f.active(2));
        assertTrue(f.accessProfileManaged(2));
        assertTrue(f.active(0));
    }

    @Test
    void replacingKeysChangesOnlyThemAndCopyingKeepsEveryFact() {
        KeyFacts f = facts(KEYS);
        KeyFacts renamed = f.with(Map.of(0, TestKeys.copyOf(KEYS.get(0)).name("a much longer name").active(false)
                .build()));
        assertTrue(renamed.matches(0, "much longer"));
        assertFalse(renamed.matches(0, "zeta"));
        assertFalse(renamed.active(0));
        assertTrue(f.matches(0, "zeta"), "the base is left as it was");
        assertTrue(f.active(0));
        for (KeyFacts g : List.of(renamed, copy(renamed))) {
            assertTrue(g.matches(1, "ärger-ω"));
            assertTrue(g.matches(3, "ab"));
            assertTrue(g.matches(3, "cd"));
            assertEquals("t2", g.teamId(3));
            assertTrue(g.accessProfileManaged(2));
        }
    }

    private static KeyFacts copy(KeyFacts f) {
        KeyFacts.Builder b = new KeyFacts.Builder(0);
        for (int i = 0; i < f.size(); i++) {
            b.add(f, i);
        }
        return b.build();
    }
}
