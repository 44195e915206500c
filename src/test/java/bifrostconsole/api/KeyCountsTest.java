package bifrostconsole.api;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyCountsTest {

    @Test
    void countsAsAHashMapWouldWhateverTheIds() {
        Random random = new Random(3);
        KeyCounts counts = new KeyCounts(4); // grows several times
        Map<String, Long> expected = new HashMap<>();
        List<String> odd = List.of("k-1", "", "00000000-0000-0000-0000-000000000000", "ABCDEF12-3456-7890-abcd-ef1234567890",
                "abcdef12-3456-7890-abcd-ef123456789", "abcdef12-3456-7890-abcd-ef12345678901", "abcdef12_3456-7890-abcd-ef1234567890",
                "abcdef12-3456-7890-abcd-ef123456789g", "ffffffff-ffff-ffff-ffff-ffffffffffff", "caf\u00e9");
        for (int i = 0; i < 5_000; i++) {
            String id = i % 50 == 0 ? odd.get(i / 50 % odd.size()) : new UUID(random.nextLong(), random.nextLong()).toString();
            long n = random.nextInt(1_000);
            counts.add(id, n);
            expected.merge(id, n, Long::sum);
            if (i % 7 == 0) { // the same key listed twice adds up
                counts.add(id, 5);
                expected.merge(id, 5L, Long::sum);
            }
        }
        assertEquals(expected.size(), counts.size());
        assertEquals(expected, counts);
        assertEquals(counts, expected);
        assertEquals(expected.hashCode(), counts.hashCode());
        for (String id : expected.keySet()) {
            assertEquals(expected.get(id), counts.get(id), id);
            assertTrue(counts.containsKey(id));
        }
        String absent = new UUID(1, 2).toString();
        assertNull(counts.get(absent));
        assertEquals(0L, counts.getOrDefault(absent, 0L));
        assertFalse(counts.containsKey("K-1"));
        assertNull(counts.get(7));
        assertThrows(UnsupportedOperationException.class, () -> counts.put("x", 1L));
    }

    @Test
    void theParsersCharactersAreReadWithoutAString() {
        long[] out = new long[2];
        String id = "0123abcd-4567-89ef-0011-223344556677";
        char[] around = ("xx" + id + "yy").toCharArray();
        assertTrue(UuidTable.parse(around, 2, 36, out));
        UUID u = UUID.fromString(id);
        assertEquals(u.getMostSignificantBits(), out[0]);
        assertEquals(u.getLeastSignificantBits(), out[1]);
        KeyCounts counts = new KeyCounts(16);
        counts.add(out[0], out[1], 9);
        assertEquals(Map.of(id, 9L), counts);
    }
}
