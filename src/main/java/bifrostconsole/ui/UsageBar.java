package bifrostconsole.ui;

import javafx.scene.layout.Region;

/**
 * A thin usage bar: a track and a fill whose width is the used fraction, coloured by level (amber from 80 %,
 * red when used up). Two plain regions laid out by hand, so a table of hundreds of bars stays cheap.
 */
public final class UsageBar extends Region {
    private static final String[] LEVEL_CLASSES = {"level-normal", "level-warning", "level-exhausted"};

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
        getStyleClass().removeAll(LEVEL_CLASSES);
        getStyleClass().add(LEVEL_CLASSES[line.level().ordinal()]);
        requestLayout();
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
