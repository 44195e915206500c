package bifrostconsole.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * One usage line drawn as text and a bar. {@link Style#COMPACT} is for table cells ("$85.00 / $100.00 ·
 * monthly" over the bar, or its shorter forms "$85.00 / $100.00 /mo" and "$85 / $100 /mo" when the column is
 * narrow: the widest that fits, so the window is never cut to "· mon…"); {@link Style#FULL} is for the detail panes,
 * adding percent, reset and last reset.
 * Built once and refilled with {@link #show}, so table cells reuse it.
 */
public final class UsageLineView extends VBox {
    public enum Style { COMPACT, FULL }

    private final Style style;
    private final Label title = new Label();
    private final Label used = new Label();
    private final Label percent = new Label();
    private final UsageBar bar = new UsageBar();
    private final Label reset = new Label();
    private final Label lastReset = new Label();
    private final Label forecast = new Label();
    /** COMPACT: the texts to choose from, widest first ({@link UsageLine#cellTexts}). */
    private java.util.List<String> cellTexts = java.util.List.of();
    /** Measures a candidate text in the label's font; never shown. */
    private final javafx.scene.text.Text measure = new javafx.scene.text.Text();
    /** Made on first hover: a table page has a few of these per row. */
    private final HoverTooltip tooltip = new HoverTooltip(this, t -> {
        t.setShowDelay(Duration.millis(300));
        t.setShowDuration(Duration.seconds(30));
    });

    public UsageLineView(Style style) {
        this.style = style;
        getStyleClass().addAll("usage-line", style == Style.COMPACT ? "compact" : "full");
        used.getStyleClass().add("usage-text");
        used.setMinWidth(Region.USE_PREF_SIZE);
        if (style == Style.COMPACT) {
            setSpacing(2);
            used.setMinWidth(0);
            getChildren().addAll(used, bar);
            widthProperty().addListener(o -> chooseCellText());
            used.fontProperty().addListener(o -> chooseCellText());
        } else {
            setSpacing(4);
            title.getStyleClass().add("usage-title");
            percent.getStyleClass().add("usage-percent");
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox head = new HBox(8, title, spacer, percent);
            head.setAlignment(Pos.BASELINE_LEFT);
            reset.getStyleClass().add("usage-meta");
            lastReset.getStyleClass().add("usage-meta");
            reset.setWrapText(true);
            forecast.getStyleClass().addAll("usage-meta", "usage-forecast");
            forecast.setWrapText(true);
            forecast.managedProperty().bind(forecast.visibleProperty());
            getChildren().addAll(head, bar, used, reset, lastReset, forecast);
        }
    }

    public void show(UsageLine line) {
        bar.show(line);
        tooltip.setText(line.tooltip());
        if (style == Style.COMPACT) {
            cellTexts = line.cellTexts();
            used.setText(line.compactText());
            chooseCellText();
        } else {
            title.setText(line.title() + " \u00b7 " + line.windowText());
            percent.setText(line.percentText());
            UsageBar.showLevel(percent, line.level());
            used.setText(line.usedText());
            reset.setText(capitalise(line.resetText()));
            lastReset.setText(capitalise(line.lastResetText()));
            forecast.setText(capitalise(line.forecastText()));
            forecast.setVisible(!line.forecastText().isEmpty());
            forecast.pseudoClassStateChanged(UsageBar.WARNING, line.runsOutBeforeReset());
        }
    }

    /**
     * COMPACT: shows the widest of the cell texts that fits the width the line has now. Called when the line, its
     * width or its font changes (not from layout: a text changed during a layout pass was seen to stay stale).
     */
    private void chooseCellText() {
        if (cellTexts.isEmpty() || getWidth() <= 0) {
            return;
        }
        double room = getWidth() - snappedLeftInset() - snappedRightInset() - used.snappedLeftInset()
                - used.snappedRightInset();
        measure.setFont(used.getFont());
        String pick = cellTexts.get(cellTexts.size() - 1);
        for (String text : cellTexts) {
            measure.setText(text);
            if (Math.ceil(measure.getLayoutBounds().getWidth()) <= room) {
                pick = text;
                break;
            }
        }
        if (!pick.equals(used.getText())) {
            used.setText(pick);
        }
    }

    public UsageBar bar() {
        return bar;
    }

    private static String capitalise(String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
