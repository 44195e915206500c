package bifrostconsole.ui;

import javafx.css.PseudoClass;
import javafx.scene.AccessibleAction;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.AccessibleRole;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A flat icon button for table rows, made as a pane holding its icon instead of a {@link javafx.scene.control.Button}:
 * a page of keys has three icon buttons a row, and a Button is a control with a skin, a behaviour with its key map
 * and a score of label properties to style, which made the Key column cost some 2.5 times a text cell to make and
 * style before the first frame (README, Performance). It carries the same style classes ({@code button button-icon
 * flat}), so the theme's button rules draw it as they draw a Button: its hover, pressed ({@code :armed}, set here as
 * ButtonBase sets it) and disabled looks. Like the row buttons it stands for, it is not in the Tab order (the
 * details and the row's menu offer its actions to the keyboard); screen readers see a button with a name, which
 * they can press ({@link AccessibleAction#FIRE}). Its tooltip is made on first hover ({@link Icons#button}).
 */
public final class CellIconButton extends StackPane {
    private static final PseudoClass ARMED = PseudoClass.getPseudoClass("armed");
    private final HoverTooltip tip;
    private Runnable onAction;
    private boolean armed;
    /** Measures a line of text, as a Button's skin does for its (empty) text. FX thread only, as layout is. */
    private static final Text LINE = new Text("");
    private Font measuredFont;
    private double measuredHeight;

    /** {@code tooltip} is also its accessible name; the icon is made at {@code iconCssSize} ({@link Icons#icon}). */
    public CellIconButton(Feather feather, String tooltip, int iconCssSize) {
        super(Icons.icon(feather, iconCssSize));
        getStyleClass().addAll("button", "button-icon", "flat");
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE); // as a Button: a row or cell does not stretch it
        setFocusTraversable(false);
        setAccessibleRole(AccessibleRole.BUTTON);
        tip = new HoverTooltip(this, t -> t.setShowDelay(javafx.util.Duration.millis(400)));
        setTooltipText(tooltip);
        getProperties().put(Icons.TOOLTIP, tip);
        // As ButtonBehavior: pressed arms it, leaving the button disarms it, releasing it armed fires it. The
        // events stop here, as a Button's do, so a click on the button does not also select the row.
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                arm(true);
            }
            e.consume();
        });
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> arm(false));
        addEventHandler(MouseEvent.MOUSE_ENTERED, e -> arm(e.isPrimaryButtonDown() && isPressed()));
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            boolean fire = armed && e.getButton() == MouseButton.PRIMARY && contains(e.getX(), e.getY());
            arm(false);
            e.consume();
            if (fire) {
                fire();
            }
        });
        addEventHandler(MouseEvent.MOUSE_CLICKED, MouseEvent::consume);
    }

    /** Runs on a click, or when a screen reader presses it. */
    public void setOnAction(Runnable onAction) {
        this.onAction = onAction;
    }

    /** Presses it, as a click does; nothing while disabled. */
    public void fire() {
        if (!isDisabled() && onAction != null) {
            onAction.run();
        }
    }

    /** The icon it shows; a new glyph is set on it, not a new icon put in (a new node would be styled again). */
    public FontIcon icon() {
        return (FontIcon) getChildren().get(0);
    }

    /** Its tooltip and accessible name. */
    public void setTooltipText(String text) {
        tip.setText(text);
        setAccessibleText(text);
    }

    public String tooltipText() {
        return tip.text();
    }

    private void arm(boolean on) {
        if (armed != on) {
            armed = on;
            pseudoClassStateChanged(ARMED, on);
        }
    }

    /**
     * As a Button's: at least a line of text tall (its font's, the one it would inherit), so the icon sits in a row
     * where a Button's did. The width is the icon's alone, as a Button's without text.
     */
    @Override
    protected double computePrefHeight(double width) {
        double icon = icon().prefHeight(-1);
        return snappedTopInset() + Math.max(icon, lineHeight()) + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    private double lineHeight() {
        Font font = Font.getDefault();
        for (Parent p = getParent(); p != null; p = p.getParent()) {
            if (p instanceof Labeled labeled) {
                font = labeled.getFont();
                break;
            }
        }
        if (font != measuredFont) {
            LINE.setFont(font);
            measuredFont = font;
            measuredHeight = LINE.getLayoutBounds().getHeight();
        }
        return measuredHeight;
    }

    @Override
    public void executeAccessibleAction(AccessibleAction action, Object... parameters) {
        if (action == AccessibleAction.FIRE) {
            fire();
        } else {
            super.executeAccessibleAction(action, parameters);
        }
    }
}
