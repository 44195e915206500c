package bifrostconsole.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Reads Go's RFC 3339 timestamps ({@code 2026-03-04T10:11:12.123456789+05:30}, {@code ...Z}) without
 * {@link DateTimeFormatter}: a key carries a dozen timestamps, and a 10,000-key export spent more time in the
 * formatter than in the rest of the JSON. Anything unusual goes the formatter's way, so nothing is lost.
 */
public final class Rfc3339 {
    private Rfc3339() {
    }

    /**
     * A timestamp as the model reads it from Bifrost's text: null for an empty text and for Go's zero time.
     *
     * @throws java.time.DateTimeException when the text is not a time
     */
    public static Instant fromWire(char[] text, int offset, int length) {
        Instant t = parse(text, offset, length);
        return GO_ZERO.equals(t) ? null : t;
    }

    /** The instant, or null for an empty string. */
    static Instant parse(char[] text, int offset, int length) {
        Instant fast = parseFast(text, offset, length);
        if (fast != null) {
            return fast;
        }
        String s = new String(text, offset, length).strip();
        if (s.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            return Instant.parse(s); // ISO_INSTANT's own rules; throws with a clear message when it is not a time
        }
    }

    static Instant parse(String text) {
        return parse(text.toCharArray(), 0, text.length());
    }

    private static Instant parseFast(char[] s, int o, int n) {
        if (n < 20 || s[o + 4] != '-' || s[o + 7] != '-' || (s[o + 10] != 'T' && s[o + 10] != 't')
                || s[o + 13] != ':' || s[o + 16] != ':') {
            return null;
        }
        int year = digits(s, o, 4);
        int month = digits(s, o + 5, 2);
        int day = digits(s, o + 8, 2);
        int hour = digits(s, o + 11, 2);
        int minute = digits(s, o + 14, 2);
        int second = digits(s, o + 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || month < 1 || month > 12 || day < 1 || hour > 23
                || minute > 59 || second > 59) {
            return null;
        }
        int i = o + 19;
        int end = o + n;
        int nanos = 0;
        if (i < end && s[i] == '.') {
            int start = ++i;
            while (i < end && s[i] >= '0' && s[i] <= '9') {
                if (i - start < 9) {
                    nanos = nanos * 10 + (s[i] - '0');
                }
                i++;
            }
            int count = i - start;
            if (count == 0) {
                return null;
            }
            for (int k = count; k < 9; k++) {
                nanos *= 10;
            }
        }
        int offsetSeconds;
        if (i == end - 1 && (s[i] == 'Z' || s[i] == 'z')) {
            offsetSeconds = 0;
        } else if (i == end - 6 && (s[i] == '+' || s[i] == '-') && s[i + 3] == ':') {
            int oh = digits(s, i + 1, 2);
            int om = digits(s, i + 4, 2);
            if ((oh | om) < 0 || oh > 18 || om > 59) {
                return null;
            }
            offsetSeconds = (s[i] == '-' ? -1 : 1) * (oh * 3600 + om * 60);
        } else {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.of(year, month, day); // rejects 31 April and 29 February of common years
        } catch (DateTimeException e) {
            return null;
        }
        long epochSecond = date.toEpochDay() * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    /** The non-negative number in {@code count} ASCII digits, or -1. */
    private static int digits(char[] s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Strings through the fast path; numbers (epoch seconds) and the rest as jackson-datatype-jsr310 reads them. */
    private static final Instant GO_ZERO = Instant.parse("0001-01-01T00:00:00Z");

    /**
     * The instant as {@link Instant#toString()} writes it ({@code 2026-03-04T10:11:12.123Z}: UTC, the fraction in
     * groups of three digits, none when zero), without its formatter: every key and every History entry carries
     * several timestamps, and {@code Instant.toString} was a twentieth of a bulk run's CPU on both sides of the
     * wire. Years outside 0000-9999 go the formatter's way.
     */
    static String format(Instant t) {
        long epochSecond = t.getEpochSecond();
        long epochDay = Math.floorDiv(epochSecond, 86_400L);
        int secondOfDay = (int) Math.floorMod(epochSecond, 86_400L);
        LocalDate date = epochDay >= MIN_FAST_DAY && epochDay <= MAX_FAST_DAY ? LocalDate.ofEpochDay(epochDay) : null;
        if (date == null) {
            return t.toString();
        }
        char[] out = new char[30];
        put(out, 0, date.getYear(), 4);
        out[4] = '-';
        put(out, 5, date.getMonthValue(), 2);
        out[7] = '-';
        put(out, 8, date.getDayOfMonth(), 2);
        out[10] = 'T';
        put(out, 11, secondOfDay / 3600, 2);
        out[13] = ':';
        put(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        put(out, 17, secondOfDay % 60, 2);
        int end = 19;
        int nanos = t.getNano();
        if (nanos != 0) {
            out[end++] = '.';
            int digits = nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
            put(out, end, nanos / (digits == 3 ? 1_000_000 : digits == 6 ? 1_000 : 1), digits);
            end += digits;
        }
        out[end++] = 'Z';
        return new String(out, 0, end);
    }

    private static final long MIN_FAST_DAY = LocalDate.of(0, 1, 1).toEpochDay();
    private static final long MAX_FAST_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

    /** {@code value} as exactly {@code count} decimal digits, zero-padded. */
    private static void put(char[] out, int at, int value, int count) {
        for (int i = at + count - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** Writes instants as {@link #format} does; numeric timestamps are not this console's wire format. */
    static final class Serializer extends com.fasterxml.jackson.databind.ser.std.StdScalarSerializer<Instant> {
        Serializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, com.fasterxml.jackson.core.JsonGenerator gen,
                              com.fasterxml.jackson.databind.SerializerProvider provider) throws IOException {
            gen.writeString(format(value));
        }
    }

    static final class Deserializer extends StdScalarDeserializer<Instant> {
        Deserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                try {
                    Instant t = parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                    // Go writes an unset time.Time as its zero value, 0001-01-01T00:00:00Z: it means "never".
                    return GO_ZERO.equals(t) ? null : t;
                } catch (DateTimeException e) {
                    return (Instant) ctxt.handleWeirdStringValue(Instant.class, p.getText(),
                            "not an RFC 3339 timestamp: %s", e.getMessage());
                }
            }
            return InstantDeserializer.INSTANT.deserialize(p, ctxt);
        }
    }
}
