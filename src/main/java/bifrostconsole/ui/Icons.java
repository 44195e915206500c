package bifrostconsole.ui;

import javafx.scene.control.Button;
import javafx.scene.control.Control;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Feather icons and icon-only buttons with a tooltip (an icon alone never explains itself). */
public final class Icons {
    /** Where an icon button keeps its {@link HoverTooltip}, in its properties. */
    private static final Object TOOLTIP = new Object();

    private Icons() {
    }

    public static FontIcon icon(Feather feather) {
        FontIcon icon = new FontIcon(feather);
        icon.getStyleClass().add("console-icon");
        return icon;
    }

    /**
     * A flat icon button; {@code tooltip} also serves as its accessible name. The tooltip is made when the pointer
     * first comes onto the button ({@link HoverTooltip}): each is a popup window with a scene of its own, and the
     * first page's rows alone have three icon buttons each (README, Performance). A tooltip shows only on hover
     * anyway; keyboard and screen-reader users get the accessible name, which is set at once.
     */
    public static Button button(Feather feather, String tooltip) {
        Button b = new Button(null, icon(feather));
        b.getStyleClass().addAll("button-icon", "flat");
        HoverTooltip tip = new HoverTooltip(b, t -> t.setShowDelay(javafx.util.Duration.millis(400)));
        tip.setText(tooltip);
        b.getProperties().put(TOOLTIP, tip);
        b.setAccessibleText(tooltip);
        return b;
    }

    /**
     * Gives any control a tooltip made on first hover, as {@link #button} does: a window's bars and toolbar have a
     * score of controls with one, and each made at once is a popup window with a scene of its own, made before the
     * first frame (README, Performance). Read it with {@link #tooltipText}, change it with {@link #setTooltipText}.
     * The accessible name is the caller's to set: a control with a visible name keeps that one.
     */
    public static void tooltip(Control control, String text) {
        HoverTooltip tip = new HoverTooltip(control, t -> { }); // as a plain Tooltip: no wrapping, default delays
        tip.setText(text);
        control.getProperties().put(TOOLTIP, tip);
    }

    /** The text of a control's tooltip, whether made yet or not ({@link #button}'s are made on first hover). */
    public static String tooltipText(Control control) {
        if (control.getProperties().get(TOOLTIP) instanceof HoverTooltip tip) {
            return tip.text();
        }
        return control.getTooltip() == null ? null : control.getTooltip().getText();
    }

    /** Changes the tooltip given by {@link #button} or {@link #tooltip}, made yet or not. */
    public static void setTooltipText(Control control, String text) {
        ((HoverTooltip) control.getProperties().get(TOOLTIP)).setText(text);
    }
}
