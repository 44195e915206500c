package bifrostconsole.ui;

import bifrostconsole.messages.DisplayText;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;

/**
 * Puts a name the server sent (a key's, a team's, a customer's) on screen as {@link DisplayText} shows it: one line,
 * every hidden character visible, in the fallback font when it needs CJK or emoji glyphs. Every view that draws such a
 * name goes through here or through DisplayText, so none draws a name raw.
 */
public final class NameLabels {
    private NameLabels() {
    }

    /** Shows {@code name} on {@code label}, on one line (emoji {@link FallbackFont#prepare prepared} for the font). */
    public static void show(Labeled label, String name) {
        String line = FallbackFont.prepare(DisplayText.line(name));
        label.setText(line);
        FallbackFont.apply(label, line);
    }

    /** Shows {@code text} (already made safe, e.g. with DisplayText.inline) in the fallback font when it needs it. */
    public static void showText(Labeled label, String text) {
        String prepared = FallbackFont.prepare(text);
        label.setText(prepared);
        FallbackFont.apply(label, prepared);
    }

    /** The whole name with what it hides, wrapping, for a name that a row or a title may cut short. */
    public static Tooltip tooltip(String name) {
        return tooltipOf(DisplayText.tooltip(name));
    }

    /** A wrapping tooltip for {@code text} (made safe by the caller), in the fallback font when it needs it. */
    public static Tooltip tooltipOf(String text) {
        Tooltip tip = new Tooltip(text);
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        FallbackFont.follow(tip);
        return tip;
    }
}
