package bifrostconsole.api;

import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Bifrost's rules for virtual-key metadata (API.md §4, §5.9): keys are 1 to 256 of {@code [A-Za-z0-9._-]}
 * ({@code isAsyncRequest} and the {@code bifrost_alb_} prefix are reserved), values hold at most 512 characters
 * counted as Unicode code points. The list filter is {@code metadata_<key>=<value>}, an exact match on one entry;
 * several are AND-ed, and a filter key breaking the rules is refused with a 400.
 */
public final class KeyMetadata {
    /** The query parameter prefix of a metadata filter: {@code metadata_cost_center=cc-42}. */
    public static final String FILTER_PREFIX = "metadata_";
    public static final int MAX_KEY_CHARS = 256;
    public static final int MAX_VALUE_CHARS = 512;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_KEY_CHARS + "}");

    private KeyMetadata() {
    }

    /** One filter condition, {@code key = value}: the key's metadata entry {@code key} holds exactly {@code value}. */
    public record Condition(String key, String value) {
        @Override
        public String toString() {
            return key + " = " + value;
        }
    }

    /** A typed condition: either the condition or the one sentence saying what is wrong with it. */
    public record Parsed(Condition condition, String problem) {
        public boolean ok() {
            return condition != null;
        }
    }

    /** Whether Bifrost accepts {@code key} as a metadata key (and as a filter key). */
    public static boolean validKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    public static boolean reserved(String key) {
        return key.equals("isAsyncRequest") || key.startsWith("bifrost_alb_");
    }

    /** Null when {@code key} is a valid key no one reserved, else the sentence to show beside the field. */
    public static String keyProblem(String key) {
        if (key == null || key.isEmpty()) {
            return "A metadata key is needed before the \u201c=\u201d.";
        }
        if (!validKey(key)) {
            return key.length() > MAX_KEY_CHARS ? "A metadata key has at most " + MAX_KEY_CHARS + " characters."
                    : "\u201c" + key + "\u201d: a metadata key may hold only letters, digits, dots, dashes and"
                    + " underscores.";
        }
        if (reserved(key)) {
            return "\u201c" + key + "\u201d is reserved by Bifrost.";
        }
        return null;
    }

    /** Bifrost counts a value's length in Unicode characters, not Java's UTF-16 units. */
    public static boolean valueTooLong(String value) {
        return value != null && value.codePointCount(0, value.length()) > MAX_VALUE_CHARS;
    }

    /**
     * Reads {@code key = value} (spaces around the key, the "=" and the value are ignored). The key must follow
     * Bifrost's key rules; an empty value is refused because Bifrost ignores an empty filter, and a reserved key or
     * an over-long value because no key can hold them, so the filter could only ever match nothing.
     */
    public static Parsed parseCondition(String text) {
        String t = text == null ? "" : text.strip();
        int eq = t.indexOf('=');
        if (eq < 0) {
            return new Parsed(null, t.isEmpty() ? "Type a condition as key = value."
                    : "Add \u201c= value\u201d: a metadata filter is key = value.");
        }
        String key = t.substring(0, eq).strip();
        String value = t.substring(eq + 1).strip();
        String problem = keyProblem(key);
        if (problem != null) {
            return new Parsed(null, reserved(key) ? problem + " No key can carry it." : problem);
        }
        if (value.isEmpty()) {
            return new Parsed(null, "Give \u201c" + key + "\u201d a value after the \u201c=\u201d.");
        }
        if (valueTooLong(value)) {
            return new Parsed(null, "A metadata value has at most " + MAX_VALUE_CHARS + " characters.");
        }
        return new Parsed(new Condition(key, value), null);
    }

    /** Whether {@code metadata} satisfies every condition (an exact match on each entry, AND-ed). */
    public static boolean matches(Map<String, String> metadata, Map<String, String> conditions) {
        for (Map.Entry<String, String> c : conditions.entrySet()) {
            if (metadata == null || !c.getValue().equals(metadata.get(c.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** {@code k=v, k2=v2} in the map's order: compact, for a table cell. */
    public static String compact(Map<String, String> metadata) {
        return metadata.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
