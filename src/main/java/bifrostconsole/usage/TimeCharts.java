package bifrostconsole.usage;

import javafx.scene.chart.AreaChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * Time-series charts over a number axis of epoch seconds (a category axis would merge two buckets that share a
 * label, such as 06:00 today and yesterday). Not animated, so a refresh redraws without a flicker; styled by the
 * AtlantaFX theme, so light and dark work unchanged.
 */
public final class TimeCharts {
    private TimeCharts() {
    }

    public static AreaChart<Number, Number> area(String title, DoubleFunction<String> values) {
        AreaChart<Number, Number> chart = new AreaChart<>(timeAxis(), valueAxis(values));
        chart.setCreateSymbols(false);
        style(chart, title);
        return chart;
    }

    public static LineChart<Number, Number> line(String title, DoubleFunction<String> values) {
        LineChart<Number, Number> chart = new LineChart<>(timeAxis(), valueAxis(values));
        chart.setCreateSymbols(false);
        style(chart, title);
        return chart;
    }

    private static void style(XYChart<Number, Number> chart, String title) {
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setMinHeight(160);
        chart.setPrefHeight(200);
        chart.getStyleClass().add("time-chart");
    }

    private static NumberAxis timeAxis() {
        NumberAxis x = new NumberAxis();
        x.setAutoRanging(false);
        x.setMinorTickVisible(false);
        x.setForceZeroInRange(false);
        return x;
    }

    private static NumberAxis valueAxis(DoubleFunction<String> values) {
        NumberAxis y = new NumberAxis();
        y.setForceZeroInRange(true);
        y.setMinorTickVisible(false);
        y.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return values.apply(n.doubleValue());
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        return y;
    }

    /** The time axis spans the points, with about six labels in the zone's local time. */
    public static void showRange(XYChart<Number, Number> chart, List<UsageViewModel.Point> points, ZoneId zone,
                                 Locale locale) {
        NumberAxis x = (NumberAxis) chart.getXAxis();
        if (points.isEmpty()) {
            return;
        }
        long first = points.get(0).at().getEpochSecond();
        long last = points.get(points.size() - 1).at().getEpochSecond();
        long span = Math.max(60, last - first);
        x.setLowerBound(first);
        x.setUpperBound(first + span);
        x.setTickUnit(Math.max(60, span / 6.0));
        DateTimeFormatter f = DateTimeFormatter.ofPattern(span <= 2 * 86_400 ? "HH:mm" : "d MMM", locale)
                .withZone(zone);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return f.format(Instant.ofEpochSecond(n.longValue()));
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
    }

    /**
     * Shows {@code points} as the chart's one series: when the series on screen has the same times (a refresh of
     * the same period, as each overview scan asks) only the values change, which keeps the series' line node and
     * its styling instead of replacing them while the rest of a scan's result is drawn.
     */
    public static void show(XYChart<Number, Number> chart, String name, List<UsageViewModel.Point> points) {
        if (chart.getData().size() == 1 && name.equals(chart.getData().get(0).getName())) {
            List<XYChart.Data<Number, Number>> shown = chart.getData().get(0).getData();
            boolean same = shown.size() == points.size();
            for (int i = 0; same && i < points.size(); i++) {
                same = shown.get(i).getXValue().longValue() == points.get(i).at().getEpochSecond();
            }
            if (same) {
                for (int i = 0; i < points.size(); i++) {
                    shown.get(i).setYValue(points.get(i).value());
                }
                return;
            }
        }
        chart.getData().setAll(List.of(series(name, points)));
    }

    /** One series from points, named for the legend and tooltips. */
    public static XYChart.Series<Number, Number> series(String name, List<UsageViewModel.Point> points) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        for (UsageViewModel.Point p : points) {
            series.getData().add(new XYChart.Data<>(p.at().getEpochSecond(), p.value()));
        }
        return series;
    }
}
