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

    /** A flat icon button; {@code tooltip} also serves as its accessible name. */
    public static Button button(Feather feather, String tooltip) {
        Button b = new Button(null, icon(feather));
        b.getStyleClass().addAll("button-icon", "flat");
        Tooltip t = new Tooltip(tooltip);
        t.setShowDelay(javafx.util.Duration.millis(400));
        b.setTooltip(t);
        b.setAccessibleText(tooltip);
        return b;
    }
}
