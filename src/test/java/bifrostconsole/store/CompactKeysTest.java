package bifrostconsole.store;

import bifrostconsole.api.Budget;
import bifrostconsole.api.Json;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.demo.DemoDataGenerator;
import bifrostconsole.testing.TestKeys;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store's compact keys decode to records equal to those encoded, which write the same JSON. */
class CompactKeysTest {

    @Test
    void everyDemoKeyDecodesToAnEqualRecordWithTheSameJson() throws Exception {
        List<VirtualKey> keys = DemoDataGenerator.generate(42, 3_000, Instant.parse("2026-11-27T06:00:00Z"))
                .virtualKeys();
        CompactKeys codec = new CompactKeys();
        long bytes = 0;
        for (VirtualKey key : keys) {
            byte[] encoded = codec.encode(key);
            bytes += encoded.length;
            VirtualKey decoded = codec.decode(encoded);
            assertEquals(key, decoded);
            assertArrayEquals(Json.mapper().writeValueAsBytes(key), Json.mapper().writeValueAsBytes(decoded));
            assertEquals(key.id(), codec.id(encoded));
            assertEquals(key.name(), codec.name(encoded));
        }
        assertTrue(bytes / keys.size() < 700, "compact: " + bytes / keys.size() + " bytes a key");
    }

    @Test
    void absentPartsStayAbsentAndSharedPartsAreTheSameObject() throws Exception {
        CompactKeys codec = new CompactKeys();
        VirtualKey bare = Json.mapper().readValue("{\"id\":\"vk-1\"}", VirtualKey.class);
        assertEquals(bare, codec.decode(codec.encode(bare)));
        VirtualKey key = TestKeys.governed("vk-2", "n\u00e9 \uD83D\uDD11").metadata(java.util.Map.of("env", "prod"))
                .rateLimit(TestKeys.rateLimit(5, 100L, 1, null)).expiresAt(Instant.parse("2027-01-01T00:00:00.123456789Z"))
                .build();
        VirtualKey decoded = codec.decode(codec.encode(key));
        assertEquals(key, decoded);
        assertSame(key.metadata(), decoded.metadata());
    }

    /**
     * Only null, false and a primitive zero are absent from the mask: a boxed zero or false, an empty list and a
     * key without an id come back as they were, and the id and name are read past the mask.
     */
    @Test
    void theMaskTellsAbsentFromZeroFalseAndEmpty() throws Exception {
        CompactKeys codec = new CompactKeys();
        VirtualKey nameOnly = Json.mapper().readValue("{\"name\":\"no id\"}", VirtualKey.class);
        byte[] nameOnlyBytes = codec.encode(nameOnly);
        assertEquals(nameOnly, codec.decode(nameOnlyBytes));
        assertNull(codec.id(nameOnlyBytes));
        assertEquals("no id", codec.name(nameOnlyBytes));
        byte[] idOnly = codec.encode(Json.mapper().readValue("{\"id\":\"vk-1\"}", VirtualKey.class));
        assertEquals("vk-1", codec.id(idOnly));
        assertNull(codec.name(idOnly));

        VirtualKey zeros = TestKeys.key("vk-0").name("vk-0").active(false).allowAllProviders(false)
                .calendarAligned(true).rateLimit(TestKeys.rateLimit(0, 0L, 0, null)).budgets(List.of())
                .providers(List.of()).build();
        VirtualKey decoded = codec.decode(codec.encode(zeros));
        assertEquals(zeros, decoded);
        assertEquals(Boolean.FALSE, decoded.isActive());
        assertEquals(Boolean.FALSE, decoded.allowAllProviders());
        assertTrue(decoded.calendarAligned());
        assertEquals(0L, decoded.rateLimit().tokenMaxLimit());
        assertNull(decoded.rateLimit().requestMaxLimit());
        assertEquals(List.of(), decoded.budgets());
        assertEquals(List.of(), decoded.providerConfigs());
        assertEquals(Json.mapper().writeValueAsString(zeros), Json.mapper().writeValueAsString(decoded));
    }

    @Test
    void oddAmountsTimesAndIdsComeBackExactly() {
        CompactKeys codec = new CompactKeys();
        double[] amounts = {-0.0, 0.1, 0.29, 1e300, -12.345, Double.NaN, Double.POSITIVE_INFINITY, 4.9e-324};
        Instant[] times = {Instant.parse("2026-01-01T00:00:00.000000001Z"), Instant.MIN, Instant.MAX,
                Instant.parse("1969-12-31T23:59:59.999Z"), Instant.EPOCH};
        List<Budget> budgets = new java.util.ArrayList<>();
        for (int i = 0; i < amounts.length; i++) {
            budgets.add(Budget.of("b-" + i, amounts[i], "1d", -amounts[i], times[i % times.length]));
        }
        String upperUuid = "sk-bf-0BE42AD5-C723-4AF9-94B9-FCF5202B2DFB";
        VirtualKey key = TestKeys.key("0be42ad5-c723-4af9-94b9-fcf5202b2dfb").name(upperUuid).value(upperUuid)
                .description("x-0be42ad5-c723-4af9-94b9-fcf5202b2dfb").createdAt(Instant.MAX).updatedAt(Instant.MIN)
                .budgets(budgets).build();
        VirtualKey decoded = codec.decode(codec.encode(key));
        assertEquals(key, decoded);
        for (int i = 0; i < amounts.length; i++) {
            assertEquals(Double.doubleToRawLongBits(amounts[i]),
                    Double.doubleToRawLongBits(decoded.budgets().get(i).maxLimit()), "amount " + amounts[i]);
        }
    }
}
