package bifrostconsole.app;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the main window opens, without JavaFX: a share of the screen the first time, then the size, position and
 * maximized state it had when last used on that screen. Screens are told apart by their bounds (a laptop alone
 * and the laptop docked to a wide monitor are different screens), and a remembered place is used only while its
 * title bar still lies on a screen, so a monitor that is gone never leaves the window where nobody can reach it.
 */
public final class WindowPlacement {
    /** The share of the screen's usable area a first window takes: the table and its details want width. */
    static final double WIDTH_SHARE = 0.92;
    static final double HEIGHT_SHARE = 0.90;
    /** Beyond this a first window on a big monitor only spreads the rows apart. */
    static final double MAX_WIDTH = 1760;
    static final double MAX_HEIGHT = 1100;
    /** The smallest window in which nothing in the top bar and the view tabs is cut (ConsoleWindowLayoutUiTest). */
    public static final double MIN_WIDTH = 1000;
    public static final double MIN_HEIGHT = 640;
    /** How much of the title bar must lie on a screen for the window to be restored there (to grab and move it). */
    static final double TITLE_BAR_HEIGHT = 32;
    static final double GRAB_WIDTH = 120;

    private WindowPlacement() {
    }

    /** A rectangle in screen coordinates. */
    public record Area(double x, double y, double width, double height) {
        double maxX() {
            return x + width;
        }

        double maxY() {
            return y + height;
        }

        /** The area both share; zero-sized when they do not meet. */
        Area intersection(Area o) {
            double x0 = Math.max(x, o.x);
            double y0 = Math.max(y, o.y);
            double x1 = Math.min(maxX(), o.maxX());
            double y1 = Math.min(maxY(), o.maxY());
            return new Area(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
        }

        double size() {
            return width * height;
        }
    }

    /** One screen: its whole bounds (what it is known by) and the part windows may use (without panels and docks). */
    public record Screen(Area bounds, Area visual) {
        /** The settings key of this screen, e.g. {@code window.screen.0,0,1440x900}. */
        public String key() {
            return String.format(Locale.ROOT, "window.screen.%d,%d,%dx%d", Math.round(bounds.x), Math.round(bounds.y),
                    Math.round(bounds.width), Math.round(bounds.height));
        }
    }

    /** The window's normal (not maximized) bounds and whether it is maximized. */
    public record Placement(Area bounds, boolean maximized) {
        /** {@code x,y,width,height,maximized}: one settings value per screen. */
        public String encode() {
            return String.format(Locale.ROOT, "%d,%d,%d,%d,%b", Math.round(bounds.x), Math.round(bounds.y),
                    Math.round(bounds.width), Math.round(bounds.height), maximized);
        }

        /** The placement {@link #encode} wrote; empty for anything else, so a hand-edited file falls back to the default. */
        public static Optional<Placement> decode(String text) {
            if (text == null) {
                return Optional.empty();
            }
            String[] parts = text.split(",");
            if (parts.length != 5) {
                return Optional.empty();
            }
            try {
                double x = Double.parseDouble(parts[0].trim());
                double y = Double.parseDouble(parts[1].trim());
                double w = Double.parseDouble(parts[2].trim());
                double h = Double.parseDouble(parts[3].trim());
                String max = parts[4].trim();
                if (!(w > 0 && h > 0) || !Double.isFinite(x) || !Double.isFinite(y)
                        || !(max.equals("true") || max.equals("false"))) {
                    return Optional.empty();
                }
                return Optional.of(new Placement(new Area(x, y, w, h), Boolean.parseBoolean(max)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    /**
     * The first window on {@code screen}: 92 % by 90 % of its usable area, at most {@link #MAX_WIDTH} by
     * {@link #MAX_HEIGHT}, at least the minimum size (or the whole usable area when the screen is smaller), centred.
     */
    public static Placement firstWindow(Screen screen) {
        Area v = screen.visual();
        double w = Math.min(v.width(), Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, Math.floor(v.width() * WIDTH_SHARE))));
        double h = Math.min(v.height(), Math.max(MIN_HEIGHT, Math.min(MAX_HEIGHT,
                Math.floor(v.height() * HEIGHT_SHARE))));
        return new Placement(new Area(Math.round(v.x() + (v.width() - w) / 2), Math.round(v.y() + (v.height() - h) / 2),
                w, h), false);
    }

    /**
     * Where the window opens: the placement remembered for the screen it was last on, if that screen is attached and
     * the place still reachable; else the one remembered for the primary screen, under the same condition; else the
     * first window on the primary screen. A remembered size larger than its screen now is fitted into it.
     *
     * @param remembered every remembered value by settings key ({@link Screen#key()} and {@code lastScreenKey})
     */
    public static Placement initial(List<Screen> screens, Screen primary, Map<String, String> remembered,
                                    String lastScreenKey) {
        String last = remembered.get(lastScreenKey);
        for (Screen s : screens) {
            if (s.key().equals(last)) {
                Optional<Placement> p = restorable(remembered.get(s.key()), screens);
                if (p.isPresent()) {
                    return p.get();
                }
            }
        }
        return restorable(remembered.get(primary.key()), screens).orElseGet(() -> firstWindow(primary));
    }

    /** The remembered placement, fitted to its screen, when its title bar still lies on one of {@code screens}. */
    static Optional<Placement> restorable(String encoded, List<Screen> screens) {
        Optional<Placement> decoded = Placement.decode(encoded);
        if (decoded.isEmpty()) {
            return Optional.empty();
        }
        Placement p = decoded.get();
        Area titleBar = new Area(p.bounds().x(), p.bounds().y(), p.bounds().width(), TITLE_BAR_HEIGHT);
        for (Screen s : screens) {
            Area onScreen = titleBar.intersection(s.visual());
            if (onScreen.width() >= Math.min(GRAB_WIDTH, titleBar.width()) && onScreen.height() >= TITLE_BAR_HEIGHT / 2) {
                return Optional.of(new Placement(fitInto(p.bounds(), s.visual()), p.maximized()));
            }
        }
        return Optional.empty();
    }

    /** Shrinks {@code window} to the screen's usable area when it is larger, and moves it in as far as needed. */
    static Area fitInto(Area window, Area visual) {
        double w = Math.min(window.width(), visual.width());
        double h = Math.min(window.height(), visual.height());
        double x = Math.max(visual.x(), Math.min(window.x(), visual.maxX() - w));
        double y = Math.max(visual.y(), Math.min(window.y(), visual.maxY() - h));
        return new Area(x, y, w, h);
    }

    /** The screen showing the largest part of {@code window} (the primary when it is on none). */
    public static Screen screenOf(Area window, List<Screen> screens, Screen primary) {
        Screen best = primary;
        double bestSize = 0;
        for (Screen s : screens) {
            double size = window.intersection(s.bounds()).size();
            if (size > bestSize) {
                best = s;
                bestSize = size;
            }
        }
        return best;
    }
}
