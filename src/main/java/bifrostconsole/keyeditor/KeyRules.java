package bifrostconsole.keyeditor;

import bifrostconsole.api.KeyMetadata;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Bifrost's own rules for what a key's fields may hold, as the editor checks them while you type; each check
 * returns null, or the one sentence shown beside the field.
 */
public final class KeyRules {
    static final int METADATA_ENTRIES = 50;
    static final int METADATA_VALUE_CHARS = KeyMetadata.MAX_VALUE_CHARS;
    /**
     * What Java's regular expressions accept and RE2 (Bifrost's, Go's {@code regexp}) refuses: lookaround,
     * backreferences, atomic groups and possessive quantifiers. A pattern using them would be refused with a 400.
     */
    private static final Pattern NOT_RE2 = Pattern.compile("\\(\\?[=!]|\\(\\?<[=!]|\\(\\?>|\\\\[1-9]|\\\\k<"
            + "|[*+?}]\\+");

    private KeyRules() {
    }

    /** Splits a typed model list ("gpt-4o, claude-3-5-sonnet") into its entries. */
    public static List<String> models(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> list = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                list.add(part.strip());
            }
        }
        return List.copyOf(list);
    }

    /**
     * A model list as Bifrost checks it (API.md §5.10): {@code *} alone means every model; {@code regex:} entries
     * hold an RE2 pattern that is not empty, not {@code *}, and compiles; it matches whole names, ignoring case.
     */
    public static String modelsProblem(List<String> models, String what) {
        if (models.contains("*") && models.size() > 1) {
            return "\u201c*\u201d already means every model: remove the other " + what + " entries, or the \u201c*\u201d.";
        }
        Set<String> seen = new HashSet<>();
        for (String m : models) {
            if (!seen.add(m)) {
                return "\u201c" + m + "\u201d is listed twice.";
            }
            if (m.startsWith("regex:")) {
                String pattern = m.substring("regex:".length());
                if (pattern.isBlank()) {
                    return "\u201c" + m + "\u201d has no pattern after regex:.";
                }
                if (pattern.strip().equals("*")) {
                    return "regex:* is not a pattern: use * alone for every model, or e.g. regex:gpt-4.*.";
                }
                if (NOT_RE2.matcher(pattern).find()) {
                    return "\u201c" + m + "\u201d uses lookaround, a backreference or a possessive quantifier, which"
                            + " Bifrost's RE2 patterns do not have.";
                }
                try {
                    Pattern.compile(pattern);
                } catch (PatternSyntaxException e) {
                    return "\u201c" + m + "\u201d is not a pattern Bifrost can compile: " + e.getDescription() + ".";
                }
            }
        }
        return null;
    }

    /** One metadata entry (API.md §5.9): key 1–256 of [A-Za-z0-9._-], not reserved; value up to 512 characters. */
    public static String metadataProblem(String key, String value) {
        if (key == null || key.isEmpty()) {
            return "A metadata entry needs a key.";
        }
        String keyProblem = KeyMetadata.keyProblem(key);
        if (keyProblem != null) {
            return keyProblem;
        }
        // Bifrost counts Unicode characters, not Java's UTF-16 units.
        if (KeyMetadata.valueTooLong(value)) {
            return "A metadata value has at most " + METADATA_VALUE_CHARS + " characters.";
        }
        return null;
    }
}
