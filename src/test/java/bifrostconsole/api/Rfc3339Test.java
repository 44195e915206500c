package bifrostconsole.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The fast timestamp reader agrees with java.time on everything Go writes, and refuses what is not a time. */
class Rfc3339Test {

    @ParameterizedTest
    @ValueSource(strings = {"2025-01-01T00:00:00Z", "2026-03-04T10:11:12.123456789+05:30", "2026-03-04T10:11:12.5-07:00",
            "2024-02-29T23:59:59.999999999Z", "1970-01-01T00:00:00+00:00", "2023-11-07T05:31:56z",
            "2026-11-27T06:00:00.000001Z", "2026-12-31T23:30:00-14:00", "0001-01-01T00:00:00Z"})
    void agreesWithJavaTime(String text) {
        assertEquals(OffsetDateTime.parse(text.replace('z', 'Z')).toInstant(), Rfc3339.parse(text));
    }

    @ParameterizedTest
    @CsvSource({"2026-03-04T10:11:12+05:30:00, 2026-03-04T04:41:12Z", "2026-03-04T10:11:12.1234567891Z, 2026-03-04T10:11:12.123456789Z"})
    void unusualButValidFormsGoTheSlowWay(String text, String expected) {
        assertEquals(Instant.parse(expected), Rfc3339.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "yesterday", "2026-01-01 00:00:00",
            "2026-01-01T25:00:00Z"})
    void refusesWhatIsNotATime(String text) {
        assertThrows(java.time.DateTimeException.class, () -> Rfc3339.parse(text));
    }

    @Test
    void throughTheMapperEmptyIsNullNumbersAreEpochSecondsAndANonTimeIsAbsent() throws Exception {
        assertNull(Json.mapper().readValue("\"\"", Instant.class));
        assertEquals(Instant.ofEpochSecond(1700000000), Json.mapper().readValue("1700000000", Instant.class));
        // One malformed time costs that field, not the key it is in (Json.ShapeTolerance).
        assertNull(Json.mapper().readValue("\"2026-02-30T00:00:00Z\"", Instant.class));
    }

    @Test
    void writesWhatInstantToStringWrites() throws Exception {
        java.util.Random random = new java.util.Random(7);
        java.util.List<Instant> instants = new java.util.ArrayList<>(java.util.List.of(Instant.EPOCH,
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("1969-12-31T23:59:59.5Z"), Instant.parse("2026-03-04T10:11:12.120Z"),
                Instant.parse("2026-03-04T10:11:12.000120Z"), Instant.parse("2026-03-04T10:11:12.000000120Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("-0001-12-31T00:00:00Z"), Instant.MIN,
                Instant.MAX));
        for (int i = 0; i < 2000; i++) {
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            instants.add(Instant.ofEpochSecond(random.nextLong() % 400_000_000_000L, nanos));
        }
        for (Instant t : instants) {
            assertEquals(t.toString(), Rfc3339.format(t));
            assertEquals("\"" + t + "\"", Json.mapper().writeValueAsString(t), "the shared mapper writes it so");
        }
    }
}
