package bifrostconsole.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Requests per key from the logs' ranking by virtual key ({@code {rankings: [{id, total_requests, ...}], ...}}):
 * the overview asks for every key's entry, 100,000 of them (about 24 MB), and needs only these two members of
 * each. They are read off the parser's tokens, the rest skipped without being bound; any shape this does not
 * expect (a number as text, an id that is not a string, a second {@code rankings}) is bound as before, so the
 * answer is the binding's in every case.
 */
final class RankingReading {

    /** The ranking's wire shape, as the binding reads it. */
    record DimensionRankings(List<DimensionRanking> rankings, String dimension) {
    }

    record DimensionRanking(String id, long totalRequests) {
    }

    private RankingReading() {
    }

    /**
     * Requests per key id (summed when a key is listed twice; entries without an id left out), or null when the
     * body has no {@code rankings} list (not Bifrost's answer).
     */
    static Map<String, Long> requests(ObjectMapper mapper, byte[] body) throws IOException {
        try (JsonParser p = mapper.getFactory().createParser(body)) {
            Map<String, Long> fast = fromTokens(p);
            if (fast != null) {
                return fast == NO_RANKINGS ? null : fast;
            }
        } catch (IOException | RuntimeException e) {
            // malformed or unexpected: the binding says what is wrong, or reads what this did not
        }
        return bound(mapper, body);
    }

    /** The binding's reading: every entry bound to its record. */
    static Map<String, Long> bound(ObjectMapper mapper, byte[] body) throws IOException {
        DimensionRankings r = mapper.readValue(body, DimensionRankings.class);
        if (r == null || r.rankings() == null) {
            return null;
        }
        Map<String, Long> requests = new HashMap<>(r.rankings().size() * 2);
        for (DimensionRanking entry : r.rankings()) {
            if (entry != null && entry.id() != null && !entry.id().isEmpty()) {
                requests.merge(entry.id(), entry.totalRequests(), Long::sum);
            }
        }
        return requests;
    }

    /** Marks "no rankings list" apart from an empty one. */
    private static final Map<String, Long> NO_RANKINGS = new HashMap<>();

    /** Null when the body takes a shape only the binding reads. */
    static Map<String, Long> fromTokens(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        KeyCounts requests = null;
        boolean listed = false;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (!"rankings".equals(name)) {
                p.skipChildren();
                continue;
            }
            if (listed || value != JsonToken.START_ARRAY) {
                return null; // twice, null or not a list: as the binding reads it
            }
            listed = true;
            requests = new KeyCounts(1 << 16);
            for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                if (e == JsonToken.VALUE_NULL) {
                    continue;
                }
                if (e != JsonToken.START_OBJECT || !entry(p, requests)) {
                    return null;
                }
            }
        }
        if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
            return null;
        }
        return listed ? requests : NO_RANKINGS;
    }

    /** One entry's id and requests, false for a shape left to the binding. */
    private static boolean entry(JsonParser p, KeyCounts requests) throws IOException {
        long[] uuid = new long[2];
        boolean isUuid = false;
        String other = null; // the id when it is not a canonical UUID (then read as text)
        long count = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if ("id".equals(name)) {
                isUuid = false;
                other = null;
                if (value == JsonToken.VALUE_STRING) {
                    isUuid = UuidTable.parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength(), uuid);
                    other = isUuid ? null : p.getText();
                } else if (value != JsonToken.VALUE_NULL) {
                    return false;
                }
            } else if ("total_requests".equals(name)) {
                if (value == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                    count = p.getLongValue();
                } else if (value == JsonToken.VALUE_NULL) {
                    count = 0;
                } else {
                    return false;
                }
            } else {
                p.skipChildren();
            }
        }
        if (isUuid) {
            requests.add(uuid[0], uuid[1], count);
        } else if (other != null && !other.isEmpty()) {
            requests.addOther(other, count);
        }
        return true;
    }
}
