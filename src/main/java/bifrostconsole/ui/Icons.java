package bifrostconsole.ui;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Feather icons and icon-only buttons with a tooltip (an icon alone never explains itself). */
public final class Icons {
    /** Where an icon button keeps its {@link HoverTooltip}, in its properties. */
    static final Object TOOLTIP = new Object();

    private Icons() {
    }

    /** The size the theme gives every icon ({@code .ikonli-font-icon { -fx-icon-size: 18px }} in AtlantaFX). */
    public static final int THEME_SIZE = 18;
    /** The size of an empty or error state's icon ({@code .state-pane .state-icon} in console.css). */
    public static final int STATE_SIZE = 40;

    /** An icon at the theme's size; see {@link #icon(Feather, int)}. */
    public static FontIcon icon(Feather feather) {
        return icon(feather, THEME_SIZE);
    }

    /**
     * An icon made at {@code cssSize}, the size the stylesheets will give it where it goes: Ikonli's FontIcon starts
     * at size 8, and when CSS then sets its size it rewrites its own inline style, which makes JavaFX style it a
     * second time (the first page has about 45 such icons, most in rows). Made at the right size, the CSS pass
     * changes nothing. A wrong size costs only that second pass: CSS still wins (the size's origin is the user
     * agent's), so the icon looks the same either way. {@code IconsTest} checks the sizes given here.
     * <p>
     * The size is set before the glyph: FontIcon moves its font family to the end of its inline style whenever its
     * glyph is set, so with the family already last a later change of glyph (a table cell's icon) leaves the style
     * as it is. A changed style on a node already styled resets its looks at once and restyles it only in the next
     * pulse: a cell updated in the layout pass would be painted for a frame in Ikonli's black.
     */
    public static FontIcon icon(Feather feather, int cssSize) {
        FontIcon icon = sized(feather, cssSize);
        icon.getStyleClass().add("console-icon");
        return icon;
    }

    /** An icon at the theme's size without the console's {@code console-icon} class (styled by the theme alone). */
    public static FontIcon themeIcon(Feather feather) {
        return sized(feather, THEME_SIZE);
    }

    private static FontIcon sized(Feather feather, int size) {
        FontIcon icon = new FontIcon();
        icon.setIconSize(size);
        icon.setIconCode(feather);
        return icon;
    }

    /**
     * A flat icon button; {@code tooltip} also serves as its accessible name. The tooltip is made when the pointer
     * first comes onto the button ({@link HoverTooltip}): each is a popup window with a scene of its own, and the
     * first page's rows alone have three icon buttons each (README, Performance). A tooltip shows only on hover
     * anyway; keyboard and screen-reader users get the accessible name, which is set at once.
     */
    public static Button button(Feather feather, String tooltip) {
        return button(feather, tooltip, THEME_SIZE);
    }

    /** As {@link #button(Feather, String)}, with the icon made at the size CSS gives it there ({@link #icon(Feather, int)}). */
    public static Button button(Feather feather, String tooltip, int iconCssSize) {
        Button b = new Button(null, icon(feather, iconCssSize));
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

    /**
     * The text of a control's tooltip, or a {@link CellIconButton}'s, whether made yet or not ({@link #button}'s are
     * made on first hover).
     */
    public static String tooltipText(Node node) {
        if (node.getProperties().get(TOOLTIP) instanceof HoverTooltip tip) {
            return tip.text();
        }
        return node instanceof Control control && control.getTooltip() != null ? control.getTooltip().getText() : null;
    }

    /** Changes the tooltip given by {@link #button} or {@link #tooltip}, made yet or not. */
    public static void setTooltipText(Control control, String text) {
        ((HoverTooltip) control.getProperties().get(TOOLTIP)).setText(text);
    }
}
