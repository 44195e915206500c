package bifrostconsole.ui;

/**
 * One usage bar's worth of text and numbers, computed off the FX thread and drawn by {@link UsageBar}:
 * what is counted, how much of the limit is used, its window in words and when it resets.
 */
public record UsageLine(
        String title,
        String usedText,
        String shortUsedText,
        String percentText,
        double fraction,
        Level level,
        String windowText,
        String shortWindowText,
        String abbreviatedText,
        String tinyText,
        String resetText,
        String lastResetText,
        String forecastText,
        boolean runsOutBeforeReset,
        String tooltip) {

    /** Amber from 80 % used, red once the limit is reached. */
    public enum Level {
        NORMAL, WARNING, EXHAUSTED;

        public static Level of(double fraction) {
            if (fraction >= 1.0) {
                return EXHAUSTED;
            }
            return fraction >= 0.8 ? WARNING : NORMAL;
        }
    }

    /** The short text over the bar in a table cell: "$12.50 / $100.00 · monthly", "654.1K / 3.7M tokens · hourly". */
    public String compactText() {
        return shortUsedText + " \u00b7 " + shortWindowText;
    }

    /**
     * The table cell's texts from the widest to the narrowest, for the cell to show the widest that fits:
     * "$1,904.38 / $3,500.00 · monthly", then "$1,904.38 / $3,500.00 /mo" ({@code abbreviatedText}), then
     * "$1.9K / $3.5K /mo" ({@code tinyText}).
     */
    public java.util.List<String> cellTexts() {
        return java.util.List.of(compactText(), abbreviatedText, tinyText);
    }
}
