package bifrostconsole.ui;

import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Feather icons and icon-only buttons with a tooltip (an icon alone never explains itself). */
public final class Icons {
    private Icons() {
    }

    public static FontIcon icon(Feather feather) {
        FontIcon icon = new FontIcon(feather);
        icon.getStyleClass().add("console-icon");
        return icon;
    }

    /**
     * Tooltips of the icon buttons made once per table row (a key's copy and reveal buttons, its ⋯): one per text,
     * shared by every row. Each {@link Tooltip} is a popup window with a scene of its own, and a first page of keys
     * made three a row before its first frame (README, Performance). A tooltip may be installed on many nodes: it
     * is shown for the one under the pointer and takes that window's stylesheets when shown. FX thread only.
     */
    private static final java.util.Map<String, Tooltip> SHARED = new java.util.HashMap<>();

    /** A flat icon button; {@code tooltip} also serves as its accessible name. */
    public static Button button(Feather feather, String tooltip) {
        return button(feather, tooltip, tooltip(tooltip));
    }

    /**
     * {@link #button}, for buttons made many at a time (table cells): its tooltip is {@link #sharedTooltip}'s,
     * so it must not be changed in place; set another shared one instead.
     */
    public static Button rowButton(Feather feather, String tooltip) {
        return button(feather, tooltip, sharedTooltip(tooltip));
    }

    /** The one tooltip with {@code text} that row buttons share. Call on the FX thread; never change it. */
    public static Tooltip sharedTooltip(String text) {
        return SHARED.computeIfAbsent(text, Icons::tooltip);
    }

    private static Tooltip tooltip(String text) {
        Tooltip t = new Tooltip(text);
        t.setShowDelay(javafx.util.Duration.millis(400));
        return t;
    }

    private static Button button(Feather feather, String accessibleText, Tooltip tooltip) {
        Button b = new Button(null, icon(feather));
        b.getStyleClass().addAll("button-icon", "flat");
        b.setTooltip(tooltip);
        b.setAccessibleText(accessibleText);
        return b;
    }
}
