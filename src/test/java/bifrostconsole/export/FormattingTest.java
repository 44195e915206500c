package bifrostconsole.export;

import bifrostconsole.api.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The fast writers must produce exactly what the slow standard ones do. */
class FormattingTest {

    @Test
    void instantsAreWrittenExactlyAsInstantToStringWritesThem() throws Exception {
        SplittableRandom random = new SplittableRandom(1);
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            long seconds = random.nextLong(-max, max);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant t = Instant.ofEpochSecond(seconds, nanos);
            assertEquals(t.toString(), IsoInstants.format(t));
        }
        Instant far = Instant.parse("+12345-01-01T00:00:00Z");
        assertEquals(far.toString(), IsoInstants.format(far));
        Instant sample = Instant.parse("2026-03-01T09:00:00.120Z");
        assertEquals(Json.mapper().writeValueAsString(sample), IsoInstants.EXPORT_MAPPER.writeValueAsString(sample));
    }

    @Test
    void moneyHasTwoDecimalsRoundedHalfUpLikePercentTwoF() {
        double[] samples = {0, 0.005, 0.015, 0.125, 1.005, 2.675, 12.5, 99.999, 1234567.891, -3.456, 1e-9};
        for (double d : samples) {
            assertEquals(String.format(Locale.ROOT, "%.2f", d), CsvKeyWriter.money(d), String.valueOf(d));
        }
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < 100_000; i++) {
            double d = Math.round(random.nextDouble(0, 100_000) * 1000) / 1000.0;
            assertEquals(String.format(Locale.ROOT, "%.2f", d), CsvKeyWriter.money(d), String.valueOf(d));
        }
    }
}
