package bifrostconsole.export;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The pager's set of ids seen answers as a set of strings does, for UUIDs (held as two longs) and any other id. */
class KeyIdsTest {
    @Test
    void answersAsASetOfTheIdStrings() {
        SplittableRandom random = new SplittableRandom(14);
        KeyIds ids = new KeyIds(16); // grows past its first size, and once more after expect()
        Set<String> strings = new HashSet<>();
        String[] odd = {"00000000-0000-0000-0000-000000000000", "", "k-1", "ABCDEF01-2345-6789-abcd-ef0123456789",
                "abcdef01-2345-6789-abcd-ef0123456789", "abcdef01-2345-6789-abcd-ef012345678g",
                "abcdef01+2345-6789-abcd-ef0123456789", "abcdef0102345-6789-abcd-ef0123456789x"};
        java.util.List<String> pool = new java.util.ArrayList<>(java.util.List.of(odd));
        for (int i = 0; i < 30_000; i++) {
            if (i == 5_000) {
                ids.expect(60_000);
            }
            String id = random.nextInt(3) == 0 && !pool.isEmpty() ? pool.get(random.nextInt(pool.size()))
                    : new UUID(random.nextLong(), random.nextLong()).toString();
            if (random.nextInt(10) == 0) {
                pool.add(id);
            }
            assertEquals(strings.add(id), ids.add(id), id);
        }
        assertEquals(strings.size(), ids.size());
    }
}
