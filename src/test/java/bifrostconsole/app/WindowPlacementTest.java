package bifrostconsole.app;

import bifrostconsole.app.WindowPlacement.Area;
import bifrostconsole.app.WindowPlacement.Placement;
import bifrostconsole.app.WindowPlacement.Screen;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where the main window opens: a share of the screen first, then where it was left on that screen. */
class WindowPlacementTest {
    private static final String LAST = "window.lastScreen";
    /** A 1440×900 laptop with a 24 px panel on top. */
    private static final Screen LAPTOP = screen(0, 0, 1440, 900, 24);
    /** A 1920×1080 monitor to the laptop's right. */
    private static final Screen MONITOR = screen(1440, 0, 1920, 1080, 0);

    private static Screen screen(double x, double y, double w, double h, double panel) {
        return new Screen(new Area(x, y, w, h), new Area(x, y + panel, w, h - panel));
    }

    private static Area bounds(Placement p) {
        return p.bounds();
    }

    @Test
    void aFirstWindowTakes92By90PercentOfTheUsableAreaCentred() {
        Placement p = WindowPlacement.firstWindow(LAPTOP);
        assertEquals(new Area(58, 68, 1324, 788), bounds(p)); // 876 px usable: 788 tall, (876 - 788) / 2 + 24 down
        assertEquals(false, p.maximized());
        assertEquals(new Area(1440 + 80, 54, 1760, 972), bounds(WindowPlacement.firstWindow(MONITOR)),
                "1766 px would be 92 %: capped at 1760");
    }

    @Test
    void aBigScreenGetsAtMost1760By1100() {
        assertEquals(new Area(400, 170, 1760, 1100), bounds(WindowPlacement.firstWindow(screen(0, 0, 2560, 1440, 0))));
    }

    @Test
    void aSmallScreenGetsTheMinimumSizeOrAllOfIt() {
        assertEquals(new Area(12, 30, 1000, 640), bounds(WindowPlacement.firstWindow(screen(0, 0, 1024, 700, 0))),
                "92 % of 1024 and 90 % of 700 are under the minimum 1000×640");
        assertEquals(new Area(0, 0, 800, 600), bounds(WindowPlacement.firstWindow(screen(0, 0, 800, 600, 0))),
                "a screen smaller than the minimum: all of it, not more");
    }

    @Test
    void aRememberedPlaceOnTheLastScreenIsRestoredWithItsMaximizedState() {
        Map<String, String> remembered = Map.of(LAST, MONITOR.key(),
                MONITOR.key(), "1500,40,1200,800,true",
                LAPTOP.key(), "10,30,1100,700,false");
        Placement p = WindowPlacement.initial(List.of(LAPTOP, MONITOR), LAPTOP, remembered, LAST);
        assertEquals(new Placement(new Area(1500, 40, 1200, 800), true), p);
    }

    @Test
    void withTheMonitorGoneTheLaptopsOwnPlaceIsUsed() {
        Map<String, String> remembered = Map.of(LAST, MONITOR.key(),
                MONITOR.key(), "1500,40,1200,800,true",
                LAPTOP.key(), "10,30,1100,700,false");
        Placement p = WindowPlacement.initial(List.of(LAPTOP), LAPTOP, remembered, LAST);
        assertEquals(new Placement(new Area(10, 30, 1100, 700), false), p);
    }

    @Test
    void aPlaceNoLongerOnAnyScreenIsNotRestored() {
        // Remembered for the laptop's bounds, but on where the monitor was: the title bar would be out of reach.
        Map<String, String> remembered = Map.of(LAST, LAPTOP.key(), LAPTOP.key(), "1600,40,1200,800,false");
        assertEquals(WindowPlacement.firstWindow(LAPTOP),
                WindowPlacement.initial(List.of(LAPTOP), LAPTOP, remembered, LAST));
        // Title bar above the top of the screen.
        assertEquals(Optional.empty(), WindowPlacement.restorable("100,-200,1200,800,false", List.of(LAPTOP)));
        // Only a sliver of the title bar on the screen: not enough to grab it.
        assertEquals(Optional.empty(), WindowPlacement.restorable("1380,40,1200,800,false", List.of(LAPTOP)));
    }

    @Test
    void aRememberedSizeLargerThanTheScreenIsFittedIntoIt() {
        assertEquals(Optional.of(new Placement(new Area(0, 24, 1440, 876), false)),
                WindowPlacement.restorable("200,30,1900,1000,false", List.of(LAPTOP)));
        assertEquals(Optional.of(new Placement(new Area(340, 100, 1100, 700), false)),
                WindowPlacement.restorable("400,100,1100,700,false", List.of(LAPTOP)), "moved in as far as needed");
    }

    @Test
    void aValueThatIsNotAPlacementFallsBackToTheDefault() {
        for (String bad : new String[] {"", "1,2,3", "a,b,c,d,true", "0,0,0,700,false", "0,0,1100,700,yes",
                "NaN,0,1100,700,false", "0,0,-5,700,false"}) {
            assertEquals(WindowPlacement.firstWindow(LAPTOP),
                    WindowPlacement.initial(List.of(LAPTOP), LAPTOP, Map.of(LAPTOP.key(), bad), LAST), bad);
        }
    }

    @Test
    void aPlacementReadsBackAsWritten() {
        Placement p = new Placement(new Area(-1200, 35, 1100.4, 700.6), true);
        assertEquals("-1200,35,1100,701,true", p.encode());
        assertEquals(Optional.of(new Placement(new Area(-1200, 35, 1100, 701), true)), Placement.decode(p.encode()));
    }

    @Test
    void screensAreKnownByTheirBoundsAndAWindowByTheScreenShowingMostOfIt() {
        assertEquals("window.screen.0,0,1440x900", LAPTOP.key());
        assertEquals("window.screen.1440,0,1920x1080", MONITOR.key());
        List<Screen> both = List.of(LAPTOP, MONITOR);
        assertEquals(MONITOR, WindowPlacement.screenOf(new Area(1000, 0, 1200, 800), both, LAPTOP));
        assertEquals(LAPTOP, WindowPlacement.screenOf(new Area(300, 0, 1200, 800), both, LAPTOP));
        assertEquals(LAPTOP, WindowPlacement.screenOf(new Area(9000, 0, 100, 100), both, LAPTOP), "on none: primary");
    }
}
