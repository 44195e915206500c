package bifrostconsole.messages;

import bifrostconsole.testing.HostileNames;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each hostile name of issue 15, shown as what it is. */
class DisplayTextTest {

    @Test
    void aRightToLeftOverrideIsShownNotObeyed() {
        assertEquals("invoice-\u27E8RLO\u27E9fdp.exe", DisplayText.line(HostileNames.RIGHT_TO_LEFT_OVERRIDE));
        List<String> notes = DisplayText.notes(HostileNames.RIGHT_TO_LEFT_OVERRIDE);
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).contains("right-to-left override (U+202E)"), notes.get(0));
        assertTrue(notes.get(0).contains("reversed"), notes.get(0));
    }

    @Test
    void aRightToLeftNameIsIsolatedInASentence() {
        // Arabic "مفتاح", a space, LRO, "prod-key", PDF: the letters stay, both controls become isolated markers.
        assertEquals("\u0645\u0641\u062A\u0627\u062D \u27E8LRO\u27E9prod-key\u27E8PDF\u27E9",
                DisplayText.line(HostileNames.LEFT_TO_RIGHT_OVERRIDE));
        assertEquals("\u2068" + DisplayText.line(HostileNames.LEFT_TO_RIGHT_OVERRIDE) + "\u2069",
                DisplayText.inline(HostileNames.LEFT_TO_RIGHT_OVERRIDE), "a sentence gets the name isolated");
    }

    @Test
    void lineBreaksAndTabsStayOnOneLine() {
        assertEquals("billing\u23CEprod\u23CEsecond line", DisplayText.line(HostileNames.LINE_BREAKS),
                "CR LF is one break");
        assertEquals("ops\u21E5batch", DisplayText.line(HostileNames.TAB));
        assertEquals("a\u23CEb\u23CEc\u23CEd\u23CEe", DisplayText.line("a\rb\u0085c\u2028d\u2029e"));
        assertEquals(List.of("Holds a line break, shown as \u23CE (2 times)."), DisplayText.notes("a\r\nb\nc"));
    }

    @Test
    void invisibleCharactersGetTheirNames() {
        assertEquals("\u27E8BOM\u27E9ad\u27E8ZWSP\u27E9min\u27E8ZWJ\u27E9key", DisplayText.line(HostileNames.ZERO_WIDTH));
        assertEquals(3, DisplayText.notes(HostileNames.ZERO_WIDTH).size());
        assertEquals("a\u27E8SHY\u27E9b\u27E8WJ\u27E9c\u27E8U+2061\u27E9d", DisplayText.line("a\u00ADb\u2060c\u2061d"));
    }

    @Test
    void controlCharactersAndUndrawableCodePointsAreNamed() {
        assertEquals("\u27E8NUL\u27E9\u27E8ESC\u27E9\u27E8DEL\u27E9\u27E8U+0080\u27E9", DisplayText.line("\0\u001B\u007F\u0080"));
        assertEquals("a\u27E8U+E000\u27E9b\u27E8U+D800\u27E9c\u27E8U+0378\u27E9", DisplayText.line("a\uE000b\uD800c\u0378"));
    }

    @Test
    void spacesAtEitherEndAreShown() {
        assertEquals("\u2423prod key\u2423\u2423", DisplayText.line(" prod key  "));
        assertEquals("\u2423", DisplayText.line("\u00A0"));
        assertFalse(DisplayText.isPlain("prod "));
    }

    @Test
    void emojiSequencesCjkAndLongNamesAreLeftAlone() {
        assertEquals(HostileNames.EMOJI_ZWJ, DisplayText.line(HostileNames.EMOJI_ZWJ), "the family's joiners join");
        assertEquals(HostileNames.CJK, DisplayText.line(HostileNames.CJK));
        assertEquals(HostileNames.LONG, DisplayText.line(HostileNames.LONG), "a cell cuts it, the tooltip wraps it");
        String womanTechnologist = "\uD83D\uDC69\uD83C\uDFFD\u200D\uD83D\uDCBB";
        String heartOnFire = "\u2764\uFE0F\u200D\uD83D\uDD25";
        String england = "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC65\uDB40\uDC6E\uDB40\uDC67\uDB40\uDC7F";
        String keycap = "1\uFE0F\u20E3";
        for (String s : List.of(womanTechnologist, heartOnFire, england, keycap)) {
            assertTrue(DisplayText.isPlain(s), s);
            assertEquals(List.of(), DisplayText.notes(s));
        }
    }

    @Test
    void joinersThatShapeAScriptAreKeptElsewhereShown() {
        String persian = "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645"; // می‌خواهم with ZWNJ
        String hindi = "\u0915\u094D\u200D\u0937"; // क्‍ष: virama, ZWJ
        assertEquals(persian, DisplayText.line(persian));
        assertEquals(hindi, DisplayText.line(hindi));
        assertEquals("ad\u27E8ZWNJ\u27E9min", DisplayText.line("ad\u200Cmin"), "Latin has no use for it");
        assertEquals("a\u27E8U+FE0F\u27E9b", DisplayText.line("a\uFE0Fb"), "a selector on a letter hides");
        assertEquals("\u27E8U+E0067\u27E9", DisplayText.line("\uDB40\uDC67"), "a tag outside a flag");
    }

    @Test
    void stackedMarksAreCutAndCounted() {
        String zalgo = "a" + "\u0301\u0302\u0303\u0304\u0305\u0306";
        assertEquals("a\u0301\u0302\u0303\u27E8+3 marks\u27E9", DisplayText.line(zalgo));
        assertEquals("e\u0323\u0302", DisplayText.line("e\u0323\u0302"), "Vietnamese ệ decomposed");
        assertEquals("\u25CC\u0301x", DisplayText.line("\u0301x"), "a mark with no letter gets a dotted circle");
        assertEquals("a\u23CE\u25CC\u0301", DisplayText.line("a\n\u0301"), "not the marker's letter either");
    }

    @Test
    void plainNamesAreUntouched() {
        for (String s : List.of("prod-gateway", "Team Platform (EU) #2", "caf\u00E9 \u00FCber", "\u041A\u043B\u044E\u0447")) {
            assertEquals(s, DisplayText.line(s));
            assertEquals(s, DisplayText.inline(s));
            assertEquals(s, DisplayText.tooltip(s));
            assertTrue(DisplayText.isPlain(s));
        }
        assertEquals("", DisplayText.line(null));
        assertEquals("", DisplayText.line(""));
    }

    @Test
    void theTooltipHasTheWholeNameThenTheNotes() {
        assertEquals("invoice-\u27E8RLO\u27E9fdp.exe\n" + DisplayText.notes(HostileNames.RIGHT_TO_LEFT_OVERRIDE).get(0),
                DisplayText.tooltip(HostileNames.RIGHT_TO_LEFT_OVERRIDE));
        List<String> notes = DisplayText.notes("x\n\u202Ey");
        assertTrue(notes.get(0).contains("override"), "the spoofing risk comes first: " + notes);
    }
}
