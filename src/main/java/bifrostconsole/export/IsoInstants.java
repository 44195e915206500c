package bifrostconsole.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Writes an instant exactly as {@link Instant#toString()} does ({@code 2026-03-01T09:00:00.125Z}, fractions in
 * groups of three digits) without {@code DateTimeFormatter}: a key carries about a dozen timestamps and the
 * formatter was the largest single cost of writing 100,000 keys.
 */
final class IsoInstants {
    /** Json.mapper()'s configuration, with this faster but identical writer for instants: for exports. */
    static final ObjectMapper EXPORT_MAPPER = bifrostconsole.api.Json.mapper().copy()
            .registerModule(new SimpleModule("fast-instants").addSerializer(Instant.class, new Serializer()));

    private IsoInstants() {
    }

    static String format(Instant t) {
        long seconds = t.getEpochSecond();
        int nanos = t.getNano();
        LocalDateTime d = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        int year = d.getYear();
        if (year < 0 || year > 9999) {
            return t.toString();
        }
        char[] out = new char[30];
        int i = 0;
        i = digits(out, i, year, 4);
        out[i++] = '-';
        i = digits(out, i, d.getMonthValue(), 2);
        out[i++] = '-';
        i = digits(out, i, d.getDayOfMonth(), 2);
        out[i++] = 'T';
        i = digits(out, i, d.getHour(), 2);
        out[i++] = ':';
        i = digits(out, i, d.getMinute(), 2);
        out[i++] = ':';
        i = digits(out, i, d.getSecond(), 2);
        if (nanos != 0) {
            out[i++] = '.';
            if (nanos % 1_000_000 == 0) {
                i = digits(out, i, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                i = digits(out, i, nanos / 1_000, 6);
            } else {
                i = digits(out, i, nanos, 9);
            }
        }
        out[i++] = 'Z';
        return new String(out, 0, i);
    }

    private static int digits(char[] out, int at, int value, int width) {
        for (int k = width - 1; k >= 0; k--) {
            out[at + k] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }

    static final class Serializer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeString(format(value));
        }

        @Override
        public Class<Instant> handledType() {
            return Instant.class;
        }
    }
}
