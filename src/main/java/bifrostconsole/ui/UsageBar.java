package bifrostconsole.ui;

import javafx.css.PseudoClass;
import javafx.scene.layout.Region;

/**
 * A thin usage bar: a track and a fill whose width is the used fraction, coloured by level (amber from 80 %,
 * red when used up). Two plain regions laid out by hand, so a table of hundreds of bars stays cheap.
 */
public final class UsageBar extends Region {
    static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");
    static final PseudoClass EXHAUSTED = PseudoClass.getPseudoClass("exhausted");

    private final Region fill = new Region();
    private double fraction;

    public UsageBar() {
        getStyleClass().add("usage-bar");
        fill.getStyleClass().add("usage-fill");
        getChildren().add(fill);
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
        requestLayout();
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

    @Override
    protected void layoutChildren() {
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        double fillWidth = fraction > 0 ? Math.max(h, w * fraction) : 0;
        fill.resizeRelocate(snappedLeftInset(), snappedTopInset(), snapSizeX(fillWidth), h);
    }
}
