package bifrostconsole.ui;

import java.util.List;
import javafx.css.CssMetaData;
import javafx.css.PseudoClass;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.Insets;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Paint;
import javafx.scene.paint.Stop;

/**
 * A thin usage bar: a track and a fill whose width is the used fraction, coloured by level (amber from 80 %,
 * red when used up). One region that paints both as its own background (two rounded fills, the second inset from
 * the right), so a table of hundreds of bars has one node a bar to style and lay out, not a track and a fill
 * region. The colours come from the style sheet as {@code -bifrost-track-color} and {@code -bifrost-fill-color}
 * (by level through {@code :warning} / {@code :exhausted}): the background itself is set here, so it must not come
 * from {@code -fx-background-color}, which would replace it at the next CSS pass.
 */
public final class UsageBar extends Region {
    static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");
    static final PseudoClass EXHAUSTED = PseudoClass.getPseudoClass("exhausted");
    /** The theme's radius for bar and fill (both were 3 when they were two regions). */
    private static final CornerRadii RADII = new CornerRadii(3);

    private static final StyleablePropertyFactory<UsageBar> FACTORY =
            new StyleablePropertyFactory<>(Region.getClassCssMetaData());
    private static final CssMetaData<UsageBar, Paint> TRACK_COLOR =
            FACTORY.createPaintCssMetaData("-bifrost-track-color", b -> b.trackColor, Color.TRANSPARENT);
    private static final CssMetaData<UsageBar, Paint> FILL_COLOR =
            FACTORY.createPaintCssMetaData("-bifrost-fill-color", b -> b.fillColor, Color.TRANSPARENT);

    private final StyleableObjectProperty<Paint> trackColor =
            new SimpleStyleablePaint(TRACK_COLOR, "trackColor");
    private final StyleableObjectProperty<Paint> fillColor =
            new SimpleStyleablePaint(FILL_COLOR, "fillColor");
    private double fraction;
    /** What the current background was made from, so a layout that changes nothing makes no new one. */
    private Paint paintedTrack;
    private Paint paintedFill;
    private double paintedWidth = -1;
    private double paintedFillWidth = -1;

    public UsageBar() {
        getStyleClass().add("usage-bar");
        setMinHeight(6);
        setPrefHeight(6);
        setMaxHeight(6);
        setMinWidth(40);
        setPrefWidth(160);
        setMaxWidth(Double.MAX_VALUE);
    }

    public void show(UsageLine line) {
        this.fraction = Math.max(0, Math.min(1, line.fraction()));
        showLevel(this, line.level());
        repaint(); // in this frame: a cell is refilled in the layout pass, maybe after this bar was laid out
    }

    /**
     * Marks a node with the level as a pseudo-class ({@code :warning}, {@code :exhausted}): unlike a style
     * class change, that does not make JavaFX look the node's styles up again, which matters in table cells.
     */
    public static void showLevel(javafx.scene.Node node, UsageLine.Level level) {
        boolean warning = level == UsageLine.Level.WARNING;
        boolean exhausted = level == UsageLine.Level.EXHAUSTED;
        if (node.getPseudoClassStates().contains(WARNING) == warning
                && node.getPseudoClassStates().contains(EXHAUSTED) == exhausted) {
            return;
        }
        node.pseudoClassStateChanged(WARNING, warning);
        node.pseudoClassStateChanged(EXHAUSTED, exhausted);
        StyleNow.apply(node); // a table cell's bar takes its colour in this frame
    }

    public double fraction() {
        return fraction;
    }

    /** The fill's width now (0: nothing used), for tests; at least the bar's height once anything is used. */
    public double fillWidth() {
        return paintedFillWidth < 0 ? 0 : paintedFillWidth;
    }

    public Paint fillColor() {
        return fillColor.get();
    }

    @Override
    protected void layoutChildren() {
        repaint();
    }

    /** Sets the background for the fraction, colours and width the bar has now (a no-op if none changed). */
    private void repaint() {
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        double fillWidth = fraction > 0 ? snapSizeX(Math.max(h, w * fraction)) : 0;
        Paint track = trackColor.get();
        Paint fill = fillColor.get();
        if (fillWidth == paintedFillWidth && getWidth() == paintedWidth && track == paintedTrack
                && fill == paintedFill) {
            return;
        }
        paintedFillWidth = fillWidth;
        paintedWidth = getWidth();
        paintedTrack = track;
        paintedFill = fill;
        // Where the fill region used to be laid out: from the left inset, fillWidth wide, the inner height. With
        // nothing used it is 0 wide and paints nothing, but it is there: every bar's background has the same fills,
        // so a reused cell's bar looks (to the style checks) like any other bar of its level.
        Insets at = new Insets(snappedTopInset(), Math.max(0, getWidth() - snappedLeftInset() - fillWidth),
                snappedBottomInset(), snappedLeftInset());
        setBackground(new Background(new BackgroundFill(track, RADII, Insets.EMPTY),
                new BackgroundFill(uncached(fill), RADII, at)));
    }

    /**
     * The fill's colour as a horizontal gradient of that one colour: it paints the same, but it keeps Prism from
     * drawing the two-fill background through its region image cache, whose stretched copy was seen to blur the
     * fill's top edge into the row above (one faint line); the two regions this replaces were drawn exactly.
     */
    private static Paint uncached(Paint paint) {
        return paint instanceof Color c
                ? new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE, new Stop(0, c), new Stop(1, c))
                : paint;
    }

    /** A colour from the style sheet, painted at once (a level's pseudo-class is styled in the cell's update). */
    private final class SimpleStyleablePaint extends javafx.css.SimpleStyleableObjectProperty<Paint> {
        SimpleStyleablePaint(CssMetaData<UsageBar, Paint> meta, String name) {
            super(meta, UsageBar.this, name, Color.TRANSPARENT);
        }

        @Override
        protected void invalidated() {
            repaint();
        }
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return FACTORY.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return FACTORY.getCssMetaData();
    }
}
