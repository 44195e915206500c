package bifrostconsole.messages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a name the server sent (a key's, a team's, a customer's) into text that shows what the name is, for a row,
 * a title or a sentence. A Bifrost name is any string: one holding a right-to-left override (U+202E) is drawn
 * reversed, so "invoice-\u202Efdp.exe" reads "invoice-exe.pdf"; a line break makes a row two lines high; a zero-width
 * space makes two different names look the same. Here every such character becomes a visible marker instead:
 * <ul>
 *   <li>line breaks (CR, LF, CR LF, NEL, U+2028, U+2029) become {@code ⏎}, a tab {@code ⇥}, other control
 *       characters their name ({@code ⟨NUL⟩}, {@code ⟨ESC⟩}, {@code ⟨U+0085⟩});</li>
 *   <li>bidirectional controls their abbreviation ({@code ⟨RLO⟩}, {@code ⟨LRO⟩}, {@code ⟨PDF⟩}, {@code ⟨RLM⟩}...),
 *       so none of them reorders anything;</li>
 *   <li>invisible characters theirs ({@code ⟨ZWSP⟩}, {@code ⟨ZWJ⟩}, {@code ⟨BOM⟩}, {@code ⟨SHY⟩}), and spaces at
 *       either end {@code ␣};</li>
 *   <li>code points no font can draw (unassigned, private use, a lone surrogate) {@code ⟨U+XXXX⟩};</li>
 *   <li>more than {@value #MAX_MARKS} combining marks on one letter are cut to that many and counted, so stacked
 *       marks cannot grow a row; a mark with nothing to sit on gets a dotted circle {@code ◌}.</li>
 * </ul>
 * What joins on purpose is kept: a zero-width joiner inside an emoji sequence (a family, "woman technologist"), a
 * joiner or non-joiner between letters of a script that shapes with them (Arabic, Persian, the Indic scripts),
 * variation selectors after an emoji or a Han character, the tag letters of a subdivision flag.
 * <p>
 * Text written right to left stays right to left (it is what the name is); its markers are not isolated (JavaFX
 * drew the isolates as boxes in bold labels), so there a marker's brackets may come out mirrored. A row or title is its own paragraph, which the
 * name's first letter directs; {@link #inline} isolates a name for the middle of a sentence, so an Arabic name does
 * not turn the sentence around it. {@link #notes} lists in words what the markers stand for, with code points, for a
 * tooltip or the details: a name that holds the characters "⟨RLO⟩" literally has no note.
 * <p>
 * No JavaFX here: the views call it, the tests check it without a toolkit.
 */
public final class DisplayText {
    /** Combining marks kept on one base character; Vietnamese needs 2, Thai and Tibetan stacks 3. */
    static final int MAX_MARKS = 3;

    public static final String LINE_BREAK = "\u23CE"; // ⏎
    public static final String TAB = "\u21E5"; // ⇥
    public static final String EDGE_SPACE = "\u2423"; // ␣
    static final String DOTTED_CIRCLE = "\u25CC"; // ◌
    static final char OPEN = '\u27E8'; // ⟨
    static final char CLOSE = '\u27E9'; // ⟩
    private static final char FSI = '\u2068';
    private static final char PDI = '\u2069';

    private static final String[] C0 = {"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF",
            "VT", "FF", "CR", "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB",
            "ESC", "FS", "GS", "RS", "US"};

    /** Characters with a marker of their own: the abbreviation and what a note calls them. */
    private static final Map<Integer, String[]> NAMED = new LinkedHashMap<>();

    static {
        named(0x202A, "LRE", "left-to-right embedding");
        named(0x202B, "RLE", "right-to-left embedding");
        named(0x202C, "PDF", "pop directional formatting");
        named(0x202D, "LRO", "left-to-right override");
        named(0x202E, "RLO", "right-to-left override");
        named(0x2066, "LRI", "left-to-right isolate");
        named(0x2067, "RLI", "right-to-left isolate");
        named(0x2068, "FSI", "first strong isolate");
        named(0x2069, "PDI", "pop directional isolate");
        named(0x200E, "LRM", "left-to-right mark");
        named(0x200F, "RLM", "right-to-left mark");
        named(0x061C, "ALM", "Arabic letter mark");
        named(0x200B, "ZWSP", "zero width space");
        named(0x200C, "ZWNJ", "zero width non-joiner");
        named(0x200D, "ZWJ", "zero width joiner");
        named(0x2060, "WJ", "word joiner");
        named(0xFEFF, "BOM", "zero width no-break space (byte order mark)");
        named(0x00AD, "SHY", "soft hyphen");
        named(0x034F, "CGJ", "combining grapheme joiner");
        named(0x180E, "MVS", "Mongolian vowel separator");
        named(0x115F, "HCF", "Hangul choseong filler");
        named(0x1160, "HJF", "Hangul jungseong filler");
        named(0x3164, "HF", "Hangul filler");
        named(0xFFA0, "HWHF", "halfwidth Hangul filler");
        named(0x2800, "BLANK", "blank Braille pattern");
        named(0xFFFC, "OBJ", "object replacement character");
    }

    private static final Set<Character.UnicodeScript> JOINING_SCRIPTS = Set.of(Character.UnicodeScript.ARABIC,
            Character.UnicodeScript.SYRIAC, Character.UnicodeScript.MANDAIC, Character.UnicodeScript.NKO,
            Character.UnicodeScript.MONGOLIAN, Character.UnicodeScript.PHAGS_PA, Character.UnicodeScript.DEVANAGARI,
            Character.UnicodeScript.BENGALI, Character.UnicodeScript.GURMUKHI, Character.UnicodeScript.GUJARATI,
            Character.UnicodeScript.ORIYA, Character.UnicodeScript.TAMIL, Character.UnicodeScript.TELUGU,
            Character.UnicodeScript.KANNADA, Character.UnicodeScript.MALAYALAM, Character.UnicodeScript.SINHALA,
            Character.UnicodeScript.MYANMAR, Character.UnicodeScript.KHMER, Character.UnicodeScript.TIBETAN);

    private DisplayText() {
    }

    private static void named(int codePoint, String abbreviation, String words) {
        NAMED.put(codePoint, new String[]{abbreviation, words});
    }

    /** The name on one line with every hidden character shown; never holds a line break. Null reads as empty. */
    public static String line(String name) {
        return render(name, null);
    }

    /**
     * As {@link #line}, isolated (FSI ... PDI) when it holds right-to-left letters, for the middle of a sentence:
     * "Disable “" + inline(name) + "”?" keeps the sentence in order whatever the name is written in.
     */
    public static String inline(String name) {
        String line = line(name);
        return hasRightToLeft(line) ? FSI + line + PDI : line;
    }

    /** True when {@link #line} shows {@code name} exactly as it is: nothing in it was hidden. */
    public static boolean isPlain(String name) {
        return name == null || line(name).equals(name);
    }

    /**
     * What the markers of {@link #line} stand for, one sentence per kind, most dangerous first: "Holds a
     * right-to-left override (U+202E), shown as ⟨RLO⟩: it would draw the text after it reversed." Empty for a
     * plain name.
     */
    public static List<String> notes(String name) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        render(name, counts);
        List<String> notes = new ArrayList<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            notes.add(e.getKey() + (e.getValue() > 1 ? " (" + e.getValue() + " times)" : "") + ".");
        }
        notes.sort((a, b) -> Integer.compare(rank(a), rank(b)));
        return notes;
    }

    /**
     * For a tooltip: the whole name shown safely (a row may cut it short), then the notes, if any. A tooltip wraps,
     * so a long name reads in full here.
     */
    public static String tooltip(String name) {
        List<String> notes = notes(name);
        return line(name) + (notes.isEmpty() ? "" : "\n" + String.join("\n", notes));
    }

    private static int rank(String note) {
        return note.contains("override") || note.contains("embedding") || note.contains("isolate") ? 0
                : note.contains("line break") ? 1 : 2;
    }

    // ---- the one pass ----------------------------------------------------------------------------------

    /** Builds the shown text; when {@code notes} is given, also counts each note's kind. */
    private static String render(String name, Map<String, Integer> notes) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        boolean rtl = hasRightToLeft(name);
        int[] cps = name.codePoints().toArray();
        int first = 0;
        int last = cps.length; // exclusive: the spaces outside [first, last) are shown as ␣
        while (first < last && isSpace(cps[first])) {
            first++;
        }
        while (last > first && isSpace(cps[last - 1])) {
            last--;
        }
        StringBuilder out = new StringBuilder(name.length() + 8);
        int marks = 0; // combining marks on the current base
        int dropped = 0;
        boolean baseVisible = false; // a real character that a following mark may sit on
        for (int i = 0; i < cps.length; i++) {
            int cp = cps[i];
            if (i < first || i >= last) {
                marker(out, EDGE_SPACE, rtl);
                note(notes, "Starts or ends with a space, shown as " + EDGE_SPACE);
                baseVisible = false;
                continue;
            }
            if (isVariationSelector(cp)) { // a mark too, but one that only picks a glyph, or hides
                if (keptAsIs(cps, i)) {
                    out.appendCodePoint(cp);
                } else {
                    marker(out, OPEN + hex(cp) + CLOSE, rtl);
                    note(notes, "Holds " + describeHidden(cp) + " (" + hex(cp) + "), shown as " + OPEN + hex(cp)
                            + CLOSE);
                    baseVisible = false;
                }
                continue;
            }
            if (isMark(cp)) {
                if (!baseVisible) {
                    out.append(DOTTED_CIRCLE);
                    note(notes, "Holds a combining mark with no letter to sit on, shown on " + DOTTED_CIRCLE);
                    baseVisible = true;
                    marks = 0;
                }
                if (marks < MAX_MARKS) {
                    out.appendCodePoint(cp);
                    marks++;
                } else {
                    dropped++;
                    if (i + 1 == cps.length || !isMark(cps[i + 1])) {
                        marker(out, OPEN + "+" + dropped + " marks" + CLOSE, rtl);
                        note(notes, "Stacks more than " + MAX_MARKS + " combining marks on one letter; the rest"
                                + " are counted, shown as " + OPEN + "+N marks" + CLOSE);
                        dropped = 0;
                    }
                }
                continue;
            }
            marks = 0;
            if (cp == '\r' || cp == '\n' || cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
                if (cp == '\r' && i + 1 < cps.length && cps[i + 1] == '\n') {
                    i++; // CR LF is one break
                }
                marker(out, LINE_BREAK, rtl);
                note(notes, "Holds a line break, shown as " + LINE_BREAK);
                baseVisible = false;
                continue;
            }
            if (cp == '\t') {
                marker(out, TAB, rtl);
                note(notes, "Holds a tab, shown as " + TAB);
                baseVisible = false;
                continue;
            }
            if (keptAsIs(cps, i)) {
                out.appendCodePoint(cp);
                baseVisible = !isInvisibleJoiner(cp);
                continue;
            }
            String[] known = NAMED.get(cp);
            if (known != null) {
                marker(out, OPEN + known[0] + CLOSE, rtl);
                note(notes, "Holds a " + known[1] + " (" + hex(cp) + "), shown as " + OPEN + known[0] + CLOSE
                        + consequence(cp));
                baseVisible = false;
                continue;
            }
            if (cp < 0x20 || cp == 0x7F) {
                String abbreviation = cp == 0x7F ? "DEL" : C0[cp];
                marker(out, OPEN + abbreviation + CLOSE, rtl);
                note(notes, "Holds the control character " + abbreviation + " (" + hex(cp) + "), shown as "
                        + OPEN + abbreviation + CLOSE);
                baseVisible = false;
                continue;
            }
            if (hidden(cp)) {
                marker(out, OPEN + hex(cp) + CLOSE, rtl);
                note(notes, "Holds " + describeHidden(cp) + " (" + hex(cp) + "), shown as " + OPEN + hex(cp) + CLOSE);
                baseVisible = false;
                continue;
            }
            out.appendCodePoint(cp);
            baseVisible = true;
        }
        return out.toString();
    }

    private static String consequence(int cp) {
        return switch (cp) {
            case 0x202E, 0x202B, 0x2067 -> ": it would draw the text after it right to left, reversed";
            case 0x202D, 0x202A, 0x2066 -> ": it would draw the text after it left to right";
            case 0x200B, 0x2060, 0xFEFF, 0x200C, 0x200D, 0x00AD, 0x034F, 0x180E ->
                    ": it is invisible, so the name would look like another";
            default -> "";
        };
    }

    private static void note(Map<String, Integer> notes, String note) {
        if (notes != null) {
            notes.merge(note, 1, Integer::sum);
        }
    }

    /**
     * Appends a marker. Not isolated, even in a right-to-left name: JavaFX drew the isolates around a marker as boxes
     * in a bold label (DejaVu Sans Bold), so a marker there may read with its brackets mirrored.
     */
    private static void marker(StringBuilder out, String marker, boolean rtl) {
        out.append(marker);
    }

    private static boolean isSpace(int cp) {
        return Character.getType(cp) == Character.SPACE_SEPARATOR || cp == ' ';
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isVariationSelector(int cp) {
        return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
    }

    private static boolean isInvisibleJoiner(int cp) {
        return cp == 0x200D || cp == 0x200C || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0020 && cp <= 0xE007F)
                || (cp >= 0xE0100 && cp <= 0xE01EF);
    }

    /** A character that draws nothing, or that no font draws, and has no name of its own here. */
    private static boolean hidden(int cp) {
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
                || type == Character.SURROGATE || type == Character.CONTROL
                || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
    }

    private static String describeHidden(int cp) {
        int type = Character.getType(cp);
        if ((cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF)) {
            return "a variation selector that changes nothing here";
        }
        return switch (type) {
            case Character.FORMAT -> "an invisible formatting character";
            case Character.PRIVATE_USE -> "a private-use character";
            case Character.SURROGATE -> "a broken character (half of a surrogate pair)";
            case Character.CONTROL -> "a control character";
            default -> "a code point with no character assigned";
        };
    }

    /** Joiners, selectors and tags that belong where they are: emoji sequences, shaping scripts, Han variants. */
    private static boolean keptAsIs(int[] cps, int i) {
        int cp = cps[i];
        if (cp == 0x200D || cp == 0x200C) {
            int before = baseBefore(cps, i);
            int after = i + 1 < cps.length ? cps[i + 1] : -1;
            if (before < 0 || after < 0) {
                return false;
            }
            if (cp == 0x200D && isEmoji(before) && isEmoji(after)) {
                return true;
            }
            return Character.isLetter(before) && Character.isLetter(after)
                    && JOINING_SCRIPTS.contains(Character.UnicodeScript.of(before))
                    && Character.UnicodeScript.of(before) == Character.UnicodeScript.of(after);
        }
        if (cp == 0xFE0E || cp == 0xFE0F) {
            return i > 0 && (isEmoji(cps[i - 1])
                    || (isKeycapBase(cps[i - 1]) && i + 1 < cps.length && cps[i + 1] == 0x20E3));
        }
        if ((cp >= 0xFE00 && cp <= 0xFE0D) || (cp >= 0xE0100 && cp <= 0xE01EF)) {
            return i > 0 && Character.UnicodeScript.of(cps[i - 1]) == Character.UnicodeScript.HAN;
        }
        if (cp >= 0xE0020 && cp <= 0xE007F) {
            return inFlagTagSequence(cps, i);
        }
        return false;
    }

    /** The character a joiner joins to on its left, skipping the selectors and skin tones that dress it. */
    private static int baseBefore(int[] cps, int i) {
        for (int j = i - 1; j >= 0; j--) {
            int cp = cps[j];
            if (cp == 0xFE0F || cp == 0xFE0E || (cp >= 0x1F3FB && cp <= 0x1F3FF) || cp == 0x20E3) {
                continue;
            }
            if (isMark(cp) && !isEmoji(cp)) {
                continue; // an Indic virama before ZWJ or ZWNJ
            }
            return cp;
        }
        return -1;
    }

    /** 🏴 followed by tag letters and CANCEL TAG: a subdivision flag (England, Scotland, Wales). */
    private static boolean inFlagTagSequence(int[] cps, int i) {
        int start = i;
        while (start > 0 && cps[start - 1] >= 0xE0020 && cps[start - 1] <= 0xE007E) {
            start--;
        }
        if (start == 0 || cps[start - 1] != 0x1F3F4) {
            return false;
        }
        int end = i;
        while (end < cps.length && cps[end] >= 0xE0020 && cps[end] <= 0xE007E) {
            end++;
        }
        return end < cps.length && cps[end] == 0xE007F;
    }

    private static boolean isKeycapBase(int cp) {
        return (cp >= '0' && cp <= '9') || cp == '#' || cp == '*';
    }

    /**
     * Pictographs and symbols that emoji sequences are built from (Java 17 has no Extended_Pictographic
     * property): the emoji planes, the symbol and dingbat blocks, skin tones, regional indicators.
     */
    static boolean isEmoji(int cp) {
        return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || (cp >= 0x2300 && cp <= 0x23FF)
                || (cp >= 0x2B00 && cp <= 0x2BFF) || (cp >= 0x2190 && cp <= 0x21FF) || (cp >= 0x25A0 && cp <= 0x25FF)
                || cp == 0x00A9 || cp == 0x00AE || cp == 0x203C || cp == 0x2049 || cp == 0x2122 || cp == 0x2139
                || cp == 0x3030 || cp == 0x303D || cp == 0x3297 || cp == 0x3299 || cp == 0x24C2;
    }

    private static boolean hasRightToLeft(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            byte d = Character.getDirectionality(cp);
            if (!NAMED.containsKey(cp) // RLM and ALM are right to left, but become markers
                    && d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    private static String hex(int cp) {
        return String.format("U+%04X", cp);
    }
}
