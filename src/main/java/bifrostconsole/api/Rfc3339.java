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
final class Rfc3339 {
    private Rfc3339() {
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
