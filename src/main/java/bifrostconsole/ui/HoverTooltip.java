package bifrostconsole.ui;

import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

import java.util.function.Consumer;

/**
 * A tooltip made the first time the pointer comes onto its node, for nodes made many at a time (table cells):
 * every {@link Tooltip} is a popup window with a scene of its own, and a page of keys made a few hundred of them
 * before its first frame (README, Performance). Until the pointer comes, the text is only kept.
 */
public final class HoverTooltip {
    private final Node owner;
    private final Consumer<Tooltip> setUp;
    private Tooltip tooltip;
    private String text;

    /** {@code setUp} configures the tooltip once it is made (wrapping, width, delays). */
    public HoverTooltip(Node owner, Consumer<Tooltip> setUp) {
        this.owner = owner;
        this.setUp = setUp;
        owner.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> make());
    }

    /** A wrapping tooltip at most {@code maxWidth} wide. */
    public static HoverTooltip wrapping(Node owner, double maxWidth) {
        return new HoverTooltip(owner, t -> {
            t.setWrapText(true);
            t.setMaxWidth(maxWidth);
        });
    }

    /** The text to show; null or empty shows no tooltip. Call on the FX thread. */
    public void setText(String text) {
        this.text = text == null || text.isEmpty() ? null : text;
        if (tooltip != null) {
            if (this.text != null) {
                tooltip.setText(this.text);
            }
            install(this.text != null);
        }
    }

    public String text() {
        return text;
    }

    /** The tooltip once the pointer has been on the node, else null. */
    public Tooltip tooltip() {
        return tooltip;
    }

    private void make() {
        if (tooltip == null && text != null) {
            tooltip = new Tooltip(text);
            setUp.accept(tooltip);
            FallbackFont.follow(tooltip); // names in CJK or emoji draw in the font the console ships
            install(true);
        }
    }

    private void install(boolean on) {
        if (owner instanceof Control control) {
            control.setTooltip(on ? tooltip : null);
        } else if (on) {
            Tooltip.install(owner, tooltip);
        } else {
            Tooltip.uninstall(owner, tooltip);
        }
    }
}
