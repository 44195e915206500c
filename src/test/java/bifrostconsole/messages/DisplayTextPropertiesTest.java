package bifrostconsole.messages;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What DisplayText promises for any name a server could send, checked on generated names. */
class DisplayTextPropertiesTest {

    /** Characters that hide, break lines or turn text around. */
    private static final String HIDDEN = "\r\n\t\u000B\u000C\u0085\u2028\u2029\u202A\u202B\u202C\u202D\u202E\u2066"
            + "\u2067\u2068\u2069\u200E\u200F\u061C\u200B\u200C\u200D\u2060\uFEFF\u00AD\u0000\u001B\u007F\u0090"
            + "\uE000\uFFFF\uFE0F";

    @Provide
    Arbitrary<String> anyName() {
        // Any UTF-16 string, lone surrogates included, and strings rich in the characters that matter.
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(60);
        Arbitrary<String> hostile = Arbitraries.strings()
                .withChars(HIDDEN.toCharArray())
                .withCharRange('a', 'z')
                .withChars(' ', '\u0301', '\u0645', '\u0627', '\u05D0', '\u751F', '\uD83D', '\uDC68', '\uDE00')
                .ofMaxLength(40);
        return Arbitraries.oneOf(any, hostile);
    }

    @Property
    void neverBreaksALine(@ForAll("anyName") String name) {
        String line = DisplayText.line(name);
        for (char c : "\r\n\u000B\u000C\u0085\u2028\u2029".toCharArray()) {
            assertEquals(-1, line.indexOf(c), () -> "line break U+" + Integer.toHexString(c) + " in " + line);
        }
    }

    @Property
    void neverHoldsAnOverrideOrAnEmbedding(@ForAll("anyName") String name) {
        String line = DisplayText.line(name);
        for (char c : "\u202A\u202B\u202C\u202D\u202E\u200E\u200F\u061C\u2066\u2067".toCharArray()) {
            assertEquals(-1, line.indexOf(c), () -> "bidi control U+" + Integer.toHexString(c) + " in " + line);
        }
    }

    @Property
    void isolatesOnlyWrapMarkersAndAreBalanced(@ForAll("anyName") String name) {
        String line = DisplayText.line(name);
        // A row holds no isolate (JavaFX drew them as boxes in bold labels); a sentence's are balanced.
        assertEquals(-1, line.indexOf('\u2068'), line);
        assertEquals(-1, line.indexOf('\u2069'), line);
        String inline = DisplayText.inline(name);
        long opens = inline.chars().filter(c -> c == 0x2066 || c == 0x2068).count();
        long closes = inline.chars().filter(c -> c == 0x2069).count();
        assertEquals(opens, closes, inline);
    }

    @Property
    void holdsNothingThatDrawsNothingOrCannotBeDrawn(@ForAll("anyName") String name) {
        String line = DisplayText.line(name);
        line.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            assertFalse(type == Character.CONTROL || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
                    || type == Character.SURROGATE, () -> String.format("U+%04X in %s", cp, line));
            if (type == Character.FORMAT) {
                // Only the joiners that join emoji or shaping scripts, and the isolates around markers.
                assertTrue(cp == 0x200D || cp == 0x200C
                        || (cp >= 0xE0020 && cp <= 0xE007F), () -> String.format("U+%04X in %s", cp, line));
            }
        });
    }

    @Property
    void showsEveryVisibleCharacterInOrder(@ForAll("visibleAndHidden") List<String> tokens) {
        String name = String.join("", tokens);
        String visible = tokens.stream().filter(t -> HIDDEN.indexOf(t.charAt(0)) < 0).collect(Collectors.joining());
        String shown = DisplayText.line(name).replaceAll("\u2068?(\u27E8[^\u27E9]*\u27E9|[\u23CE\u21E5\u2423])\u2069?", "");
        assertEquals(visible, shown, () -> "line(" + name + ") = " + DisplayText.line(name));
    }

    @Provide
    Arbitrary<List<String>> visibleAndHidden() {
        Arbitrary<String> visible = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9')
                .withChars('-', '_', '.', '\u00E9', '\u751F').ofLength(1);
        Arbitrary<String> hidden = Arbitraries.of(HIDDEN.chars().mapToObj(c -> String.valueOf((char) c)).toList());
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, visible), net.jqwik.api.Tuple.of(1, hidden)).list().ofMaxSize(30);
    }

    @Property
    void aShownNameIsShownTheSameAgain(@ForAll("anyName") String name) {
        String line = DisplayText.line(name);
        assertEquals(line, DisplayText.line(line));
    }

    @Property
    void notesExplainEveryChange(@ForAll("anyName") String name) {
        assertEquals(DisplayText.isPlain(name), DisplayText.notes(name).isEmpty(),
                () -> "line " + DisplayText.line(name) + " notes " + DisplayText.notes(name));
    }

    @Property
    void stacksNoMoreThanThreeMarks(@ForAll("marks") String name) {
        int run = 0;
        for (int cp : DisplayText.line(name).codePoints().toArray()) {
            int type = Character.getType(cp);
            run = type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK ? run + 1 : 0;
            assertTrue(run <= DisplayText.MAX_MARKS, DisplayText.line(name));
        }
    }

    @Provide
    Arbitrary<String> marks() {
        return Combinators.combine(Arbitraries.strings().withCharRange('a', 'c').ofLength(1),
                Arbitraries.strings().withCharRange('\u0300', '\u036F').ofMaxLength(12)).as((a, b) -> a + b)
                .list().ofMaxSize(4).map(l -> String.join("", l));
    }
}
