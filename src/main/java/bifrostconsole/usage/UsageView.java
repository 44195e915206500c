package bifrostconsole.usage;

import atlantafx.base.theme.Styles;
import bifrostconsole.ui.Formats;
import bifrostconsole.ui.Icons;
import javafx.geometry.Pos;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import java.util.List;

/**
 * The Usage pane: 24 h / 7 d / 30 d, the totals, then cost (with what was spent in each budget window and the
 * budget's limit), tokens and requests over time. A server without logs gets one sentence instead of charts.
 */
public final class UsageView extends VBox {
    private final UsageViewModel vm;
    private final Formats formats;
    private final Label totals = new Label();
    private final Label notAvailable = new Label();
    private final Label error = new Label();
    private final LineChart<Number, Number> cost;
    private final AreaChart<Number, Number> tokens;
    private final AreaChart<Number, Number> requests;
    private final VBox charts;

    public UsageView(UsageViewModel vm, Formats formats) {
        this.vm = vm;
        this.formats = formats;
        getStyleClass().addAll("detail-pane", "usage-pane");
        setId("usage-pane");
        setSpacing(8);

        ToggleGroup periods = new ToggleGroup();
        HBox periodButtons = new HBox();
        periodButtons.setId("usage-periods");
        UsageViewModel.Period[] values = UsageViewModel.Period.values();
        for (int i = 0; i < values.length; i++) {
            UsageViewModel.Period p = values[i];
            ToggleButton b = new ToggleButton(p.label());
            b.setId("usage-period-" + p.name().toLowerCase(java.util.Locale.ROOT));
            b.setToggleGroup(periods);
            b.getStyleClass().add(i == 0 ? Styles.LEFT_PILL : i == values.length - 1 ? Styles.RIGHT_PILL
                    : Styles.CENTER_PILL);
            b.setSelected(vm.periodProperty().get() == p);
            b.setOnAction(e -> {
                b.setSelected(true); // a pill group always has one chosen
                vm.periodProperty().set(p);
            });
            periodButtons.getChildren().add(b);
        }
        ProgressIndicator busy = new ProgressIndicator();
        busy.setMaxSize(16, 16);
        busy.visibleProperty().bind(vm.loadingProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, periodButtons, spacer, busy);
        head.setAlignment(Pos.CENTER_LEFT);

        totals.setId("usage-totals");
        totals.getStyleClass().add("muted");
        totals.setWrapText(true);
        notAvailable.setId("usage-not-available");
        notAvailable.setWrapText(true);
        notAvailable.setGraphic(Icons.icon(Feather.INFO));
        notAvailable.textProperty().bind(vm.notAvailableProperty());
        notAvailable.visibleProperty().bind(vm.notAvailableProperty().isNotNull());
        notAvailable.managedProperty().bind(notAvailable.visibleProperty());
        error.setId("usage-error");
        error.setWrapText(true);
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());

        cost = TimeCharts.line("Cost", v -> Math.abs(v) >= 10_000 ? "$" + formats.compactCount((long) v)
                : formats.money(v));
        cost.setId("usage-cost-chart");
        cost.setLegendVisible(true);
        tokens = TimeCharts.area("Tokens", v -> formats.compactCount((long) v));
        tokens.setId("usage-tokens-chart");
        requests = TimeCharts.area("Requests", v -> formats.compactCount((long) v));
        requests.setId("usage-requests-chart");
        charts = new VBox(4, totals, cost, tokens, requests);
        charts.setId("usage-charts");
        getChildren().addAll(head, notAvailable, error, charts);
        vm.chartsProperty().addListener((o, a, b) -> show(b));
        vm.notAvailableProperty().addListener((o, a, b) -> show(vm.chartsProperty().get()));
        show(vm.chartsProperty().get());
    }

    private void show(UsageViewModel.Charts c) {
        boolean visible = c != null && vm.notAvailableProperty().get() == null;
        charts.setVisible(visible);
        charts.setManaged(visible);
        if (c == null) {
            return;
        }
        totals.setText(c.totals());
        List<XYChart.Series<Number, Number>> costSeries = new java.util.ArrayList<>();
        costSeries.add(TimeCharts.series("Cost per bucket", c.cost()));
        if (c.windowSpend() != null) {
            costSeries.add(TimeCharts.series("Spent in the budget window", c.windowSpend()));
            List<UsageViewModel.Point> limit = c.cost().stream()
                    .map(p -> new UsageViewModel.Point(p.at(), p.label(), c.budgetLimit())).toList();
            costSeries.add(TimeCharts.series(c.budgetText(), limit));
        }
        cost.getData().setAll(costSeries);
        tokens.getData().setAll(List.of(TimeCharts.series("Tokens", c.tokens())));
        requests.getData().setAll(List.of(TimeCharts.series("Requests", c.requests())));
        TimeCharts.showRange(cost, c.cost(), formats.zone(), formats.locale());
        TimeCharts.showRange(tokens, c.tokens(), formats.zone(), formats.locale());
        TimeCharts.showRange(requests, c.requests(), formats.zone(), formats.locale());
    }
}
