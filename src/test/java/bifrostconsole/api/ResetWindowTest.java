package bifrostconsole.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResetWindowTest {

    @ParameterizedTest
    @CsvSource({
            "1M, monthly", "1d, daily", "1w, weekly", "1Y, yearly", "Y, yearly", "1h, hourly",
            "6h, every 6 hours", "30s, every 30 seconds", "1h30m, every 1 hour 30 minutes",
            "1.5d, every 1.5 days", "2w, every 2 weeks", "3M, every 3 months", "1m, every minute",
            "5m, every 5 minutes", "monthly, monthly", "daily, daily", "90m, every 1 hour 30 minutes"
    })
    void readsBifrostDurationsInWords(String text, String words) {
        assertEquals(words, ResetWindow.inWords(text));
    }

    @ParameterizedTest
    @CsvSource({"1M, monthly", "1h, hourly", "1m, every min", "6h, every 6 h", "1h30m, every 1 h 30 min",
            "30s, every 30 s", "1.5d, every 1.5 days", "2w, every 2 weeks"})
    void shortWordsForTableCells(String text, String words) {
        assertEquals(words, ResetWindow.inShortWords(text));
    }

    @Test
    void monthIsThirtyDaysAndMinuteIsNotMonth() {
        assertEquals(Duration.ofDays(30), ResetWindow.parse("1M").orElseThrow().length());
        assertEquals(Duration.ofMinutes(1), ResetWindow.parse("1m").orElseThrow().length());
        assertEquals(Duration.ofDays(365), ResetWindow.parse("Y").orElseThrow().length());
        assertEquals(Duration.ofHours(36), ResetWindow.parse("1.5d").orElseThrow().length());
        assertEquals(Duration.ofMinutes(90), ResetWindow.parse("1h30m").orElseThrow().length());
        assertNull(ResetWindow.parse("1h").orElseThrow().calendarUnit());
        assertEquals(ResetWindow.CalendarUnit.WEEK, ResetWindow.parse("1w").orElseThrow().calendarUnit());
    }

    @Test
    void rejectsWhatBifrostRejects() {
        for (String bad : new String[]{"", "abc", "1q", "0d", "h", "1h 30m", "-1h", "0s", "0Q"}) {
            assertTrue(ResetWindow.parse(bad).isEmpty(), bad);
        }
        assertEquals("1q", ResetWindow.inWords("1q"), "an unknown window is shown as written");
    }

    @Test
    void quartersAreCalendarWindowsFromV210() {
        ResetWindow quarter = ResetWindow.parse("1Q").orElseThrow();
        assertEquals(ResetWindow.CalendarUnit.QUARTER, quarter.calendarUnit());
        assertEquals(Duration.ofDays(90), quarter.length(), "rolling: three 30-day months");
        assertEquals("quarterly", quarter.inWords());
        assertEquals("every 2 quarters", ResetWindow.inWords("2Q"));
    }

    @Test
    void theNarrowestCellsGetTheWindowAsAUnitAfterASlash() {
        assertEquals("/day", ResetWindow.abbreviated("1d"));
        assertEquals("/day", ResetWindow.abbreviated("daily"));
        assertEquals("/wk", ResetWindow.abbreviated("1w"));
        assertEquals("/mo", ResetWindow.abbreviated("1M"));
        assertEquals("/qtr", ResetWindow.abbreviated("1Q"));
        assertEquals("/yr", ResetWindow.abbreviated("1Y"));
        assertEquals("/2 wk", ResetWindow.abbreviated("2w"));
        assertEquals("/1.5 day", ResetWindow.abbreviated("1.5d"));
        assertEquals("/h", ResetWindow.abbreviated("1h"));
        assertEquals("/min", ResetWindow.abbreviated("1m"));
        assertEquals("/6 h", ResetWindow.abbreviated("6h"));
        assertEquals("/1 h 30 min", ResetWindow.abbreviated("1h30m"));
        assertEquals("no reset", ResetWindow.abbreviated(""));
        assertEquals("weird", ResetWindow.abbreviated("weird"), "unparsable text as sent");
    }
}
