package bifrostconsole.overview;

import bifrostconsole.messages.DisplayText;
import bifrostconsole.ui.NameLabels;
import atlantafx.base.theme.Styles;
import bifrostconsole.headroom.Reason;
import bifrostconsole.ui.Formats;
import bifrostconsole.ui.Icons;
import bifrostconsole.usage.TimeCharts;
import bifrostconsole.usage.UsageViewModel;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The Overview (Ctrl+4): a scan bar (progress, cancel, the near-limit threshold), tiles with the totals, charts of
 * spend by team and by customer, of budget use across keys and of the gateway's spend over time, and the
 * needs-attention lists, whose rows open the key (double-click or Enter).
 */
public final class OverviewView extends VBox {
    private final OverviewViewModel vm;
    private final Formats formats;
    private final FlowPane tiles = new FlowPane(12, 12);
    private final BarChart<Number, String> teams = spendChart("Spend by team", "overview-teams-chart");
    private final BarChart<Number, String> customers = spendChart("Spend by customer", "overview-customers-chart");
    private final BarChart<String, Number> budgetUse;
    private final Label budgetUseNote = new Label();
    private final LineChart<Number, Number> overTime;
    private final Label overTimeNote = new Label();
    private final TabPane attention = new TabPane();
    private final Map<Reason, ListView<OverviewViewModel.AttentionRow>> lists = new EnumMap<>(Reason.class);
    private final Map<Reason, Tab> attentionTabs = new EnumMap<>(Reason.class);
    private final Map<Reason, List<OverviewViewModel.AttentionRow>> shownRows = new EnumMap<>(Reason.class);
    /** The latest scan's rows per list; a list takes them when its tab is on screen (one list per update). */
    private final Map<Reason, List<OverviewViewModel.AttentionRow>> pendingRows = new EnumMap<>(Reason.class);
    /** Says why there is no Unused tab when the server's logs cannot tell. */
    private final Label unusedNote = new Label();

    public OverviewView(OverviewViewModel vm, Formats formats) {
        this.vm = vm;
        this.formats = formats;
        getStyleClass().add("overview-view");
        setId("overview");

        CategoryAxis useX = new CategoryAxis();
        // the unit goes on the axis: bare "0-9" labels stay level at 1024 pixels, "0-9%" ones turned on end
        useX.setLabel("% of the binding limit used");
        NumberAxis useY = new NumberAxis();
        useY.setMinorTickVisible(false);
        useY.setTickLabelFormatter(integers());
        budgetUse = new BarChart<>(useX, useY);
        budgetUse.setTitle("Share of the binding limit used, across keys");
        budgetUse.setId("overview-budget-use-chart");
        styleChart(budgetUse);
        overTime = TimeCharts.line("Gateway spend per day, last 30 days (from the logs)", this::axisMoney);
        overTime.setId("overview-spend-chart");

        tiles.setId("overview-tiles");
        budgetUseNote.getStyleClass().add("muted");
        overTimeNote.setId("overview-spend-not-available");
        overTimeNote.setWrapText(true);
        overTimeNote.setGraphic(Icons.icon(Feather.INFO));

        GridPane charts = new GridPane();
        charts.setHgap(12);
        charts.setVgap(12);
        charts.add(teams, 0, 0);
        charts.add(customers, 1, 0);
        charts.add(new VBox(4, budgetUse, budgetUseNote), 0, 1);
        charts.add(new StackPane(overTime, overTimeNote), 1, 1);
        javafx.scene.layout.ColumnConstraints half = new javafx.scene.layout.ColumnConstraints();
        half.setPercentWidth(50);
        charts.getColumnConstraints().addAll(half, half);

        attention.setId("overview-attention");
        attention.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showPendingRows());
        attention.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        attention.setMinHeight(220);
        attention.setPrefHeight(270);
        for (Reason reason : Reason.values()) {
            ListView<OverviewViewModel.AttentionRow> list = new ListView<>();
            list.setId("attention-" + reason.word());
            list.setCellFactory(v -> new AttentionCell());
            list.setPlaceholder(new Label("No keys here."));
            list.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2) {
                    open(list);
                }
            });
            list.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ENTER) {
                    open(list);
                }
            });
            lists.put(reason, list);
            Tab tab = new Tab(tabTitle(reason), reason == Reason.UNUSED ? unusedPane(list) : list);
            tab.setTooltip(new Tooltip(reason.title()));
            tab.setId("attention-tab-" + reason.word());
            attentionTabs.put(reason, tab);
            attention.getTabs().add(tab);
        }
        Label attentionTitle = new Label("Needs attention");
        attentionTitle.getStyleClass().add(Styles.TITLE_4);
        Label attentionHint = new Label("Double-click a key, or press Enter, to open it.");
        attentionHint.getStyleClass().add("muted");
        unusedNote.setId("overview-unused-not-available");
        unusedNote.getStyleClass().add("muted");
        unusedNote.setWrapText(true);
        unusedNote.setGraphic(Icons.icon(Feather.INFO));
        unusedNote.setVisible(false);
        unusedNote.managedProperty().bind(unusedNote.visibleProperty());

        VBox content = new VBox(14, tiles, attentionTitle, attentionHint, attention, unusedNote, charts);
        content.getStyleClass().add("overview-content");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setId("overview-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(scanBar(), scroll);

        vm.shownProperty().addListener((o, a, b) -> show(b));
        vm.spendOverTime().chartsProperty().addListener((o, a, b) -> showSpendOverTime());
        vm.spendOverTime().notAvailableProperty().addListener((o, a, b) -> showSpendOverTime());
        show(vm.shownProperty().get());
        showSpendOverTime();
    }

    private HBox scanBar() {
        Button rescan = new Button("Scan again", Icons.icon(Feather.REFRESH_CW));
        rescan.setId("overview-scan");
        rescan.setOnAction(e -> vm.scan());
        rescan.disableProperty().bind(vm.scanningProperty());
        Button cancel = new Button("Cancel", Icons.icon(Feather.X));
        cancel.setId("overview-cancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.visibleProperty().bind(vm.scanningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        ProgressBar bar = new ProgressBar();
        bar.setId("overview-progress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.scanningProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        bar.setPrefWidth(220);
        Label text = new Label();
        text.setId("overview-progress-text");
        text.textProperty().bind(vm.progressTextProperty());
        Label error = new Label();
        error.setId("overview-error");
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Spinner<Integer> threshold = new Spinner<>(50, 100, vm.thresholdProperty().get(), 5);
        threshold.setId("overview-threshold");
        threshold.setPrefWidth(90);
        threshold.valueProperty().addListener((o, a, b) -> {
            vm.thresholdProperty().set(b);
            vm.scan();
        });
        Label thresholdLabel = new Label("Near the limit from (%)");
        thresholdLabel.setLabelFor(threshold);
        Tooltip.install(threshold, new Tooltip("A key counts as near its limit at or above this share of the"
                + " limit that binds it. Changing it scans again."));
        HBox bar2 = new HBox(10, rescan, cancel, bar, text, error, spacer, thresholdLabel, threshold);
        bar2.setAlignment(Pos.CENTER_LEFT);
        bar2.getStyleClass().add("overview-scan-bar");
        return bar2;
    }

    /** Short enough for all seven tabs to fit a 1024-pixel window; the tooltip has the full title. */
    private static String tabTitle(Reason reason) {
        return switch (reason) {
            case NEAR_LIMIT -> "Near limit";
            case EXPIRING -> "Expiring";
            case INACTIVE_SPENDING -> "Inactive, spending";
            default -> reason.title();
        };
    }

    /** The unused list with the period it looks back over; changing the period scans again. */
    private VBox unusedPane(ListView<OverviewViewModel.AttentionRow> list) {
        ChoiceBox<Integer> days = new ChoiceBox<>();
        days.setId("overview-unused-days");
        days.getItems().setAll(OverviewViewModel.UNUSED_DAYS);
        days.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer d) {
                return d == null ? "" : d + " days";
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        days.setValue(vm.unusedDaysProperty().get());
        days.valueProperty().addListener((o, a, b) -> {
            if (b != null && b != vm.unusedDaysProperty().get()) {
                vm.unusedDaysProperty().set(b);
                vm.scan();
            }
        });
        Label label = new Label("Keys without a request in the logs over the last");
        label.setLabelFor(days);
        HBox period = new HBox(8, label, days);
        period.setAlignment(Pos.CENTER_LEFT);
        period.getStyleClass().add("overview-unused-period");
        VBox.setVgrow(list, Priority.ALWAYS);
        return new VBox(6, period, list);
    }

    private void open(ListView<OverviewViewModel.AttentionRow> list) {
        OverviewViewModel.AttentionRow row = list.getSelectionModel().getSelectedItem();
        if (row != null) {
            vm.openKey(row.keyId());
        }
    }

    private void show(OverviewViewModel.Shown s) {
        if (s == null) {
            return;
        }
        showTiles(s.tiles());
        showSpend(teams, s.spendByTeam());
        showSpend(customers, s.spendByCustomer());
        // Bars keep their nodes from scan to scan: only their values change.
        List<XYChart.Data<String, Number>> use = new java.util.ArrayList<>();
        for (OverviewViewModel.Bar b : s.budgetUse()) {
            use.add(new XYChart.Data<>(b.label(), b.value()));
        }
        update(budgetUse, use);
        budgetUseNote.setText(s.budgetUseNote());
        for (Reason reason : Reason.values()) {
            List<OverviewViewModel.AttentionRow> rows = s.attention().get(reason);
            pendingRows.put(reason, rows);
            attentionTabs.get(reason).setText(tabTitle(reason) + " (" + formats.count(rows.size()) + ")");
        }
        showPendingRows();
        // Without logs that can tell, the Unused tab goes and one sentence says why.
        Tab unused = attentionTabs.get(Reason.UNUSED);
        String note = s.unusedNotAvailable();
        unusedNote.setText(note);
        unusedNote.setVisible(note != null);
        if (note != null) {
            attention.getTabs().remove(unused);
        } else if (!attention.getTabs().contains(unused)) {
            attention.getTabs().add(unused);
        }

    }

    /**
     * Gives the list on screen the latest scan's rows; the others get theirs when their tab is selected, so a
     * scan's result costs the FX thread one list (tens of thousands of rows each) instead of seven. A list whose
     * rows did not change is left alone, keeping the user's place (the view-model hands out the same list then).
     */
    private void showPendingRows() {
        Tab selected = attention.getSelectionModel().getSelectedItem();
        for (Map.Entry<Reason, Tab> e : attentionTabs.entrySet()) {
            List<OverviewViewModel.AttentionRow> rows = pendingRows.get(e.getKey());
            if (e.getValue() == selected && rows != null && shownRows.get(e.getKey()) != rows) {
                // a new item list costs the list less than replacing every item of the old one
                lists.get(e.getKey()).setItems(FXCollections.observableList(rows));
                shownRows.put(e.getKey(), rows);
            }
        }
    }

    /**
     * The tiles of a scan. A rescan usually brings the same tiles with new figures: then only the texts change, so
     * no new nodes need styling.
     */
    private void showTiles(List<OverviewViewModel.Tile> shown) {
        List<String> ids = shown.stream().map(t -> "tile-" + t.id()).toList();
        List<String> present = tiles.getChildren().stream().map(Node::getId).toList();
        if (!ids.equals(present)) {
            List<Node> made = new java.util.ArrayList<>();
            for (OverviewViewModel.Tile t : shown) {
                Label label = new Label();
                label.getStyleClass().add("tile-label");
                Label value = new Label();
                value.getStyleClass().add("tile-value");
                Label detail = new Label();
                detail.getStyleClass().addAll("tile-detail", "muted");
                detail.setWrapText(true);
                VBox tile = new VBox(2, label, value, detail);
                tile.getStyleClass().add("overview-tile");
                tile.setId("tile-" + t.id());
                tile.setPrefWidth(220);
                made.add(tile);
            }
            tiles.getChildren().setAll(made);
        }
        for (int i = 0; i < shown.size(); i++) {
            List<Node> labels = ((VBox) tiles.getChildren().get(i)).getChildren();
            ((Label) labels.get(0)).setText(shown.get(i).label());
            ((Label) labels.get(1)).setText(shown.get(i).value());
            ((Label) labels.get(2)).setText(shown.get(i).detail());
        }
    }

    private void showSpend(BarChart<Number, String> chart, List<OverviewViewModel.Bar> bars) {
        List<XYChart.Data<Number, String>> data = new java.util.ArrayList<>();
        // Largest at the top: a category axis draws its first category at the bottom.
        for (int i = bars.size() - 1; i >= 0; i--) {
            data.add(new XYChart.Data<>(bars.get(i).value(), DisplayText.line(bars.get(i).label()))); // team names
        }
        update(chart, data);
    }

    /**
     * Shows {@code data} as the chart's one series: when the bars are the same as on screen (same categories in
     * the same order) their values are set in place, which keeps the bars' nodes; otherwise the series is replaced.
     */
    private static <X, Y> void update(XYChart<X, Y> chart, List<XYChart.Data<X, Y>> data) {
        if (chart.getData().size() == 1 && sameCategories(chart.getData().get(0).getData(), data)) {
            List<XYChart.Data<X, Y>> shown = chart.getData().get(0).getData();
            for (int i = 0; i < data.size(); i++) {
                shown.get(i).setXValue(data.get(i).getXValue());
                shown.get(i).setYValue(data.get(i).getYValue());
            }
            return;
        }
        XYChart.Series<X, Y> series = new XYChart.Series<>();
        series.getData().setAll(data);
        chart.getData().setAll(List.of(series));
    }

    /** The same bars: equal categories (a bar chart's string values) at every position. */
    private static <X, Y> boolean sameCategories(List<XYChart.Data<X, Y>> a, List<XYChart.Data<X, Y>> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Object ca = a.get(i).getXValue() instanceof String ? a.get(i).getXValue() : a.get(i).getYValue();
            Object cb = b.get(i).getXValue() instanceof String ? b.get(i).getXValue() : b.get(i).getYValue();
            if (!java.util.Objects.equals(ca, cb)) {
                return false;
            }
        }
        return true;
    }

    private void showSpendOverTime() {
        UsageViewModel usage = vm.spendOverTime();
        String sentence = usage.notAvailableProperty().get();
        overTimeNote.setText(sentence);
        overTimeNote.setVisible(sentence != null);
        overTime.setVisible(sentence == null);
        UsageViewModel.Charts c = usage.chartsProperty().get();
        if (c != null) {
            TimeCharts.show(overTime, "Cost per day", c.cost());
            TimeCharts.showRange(overTime, c.cost(), formats.zone(), formats.locale());
        }
    }

    private BarChart<Number, String> spendChart(String title, String id) {
        NumberAxis x = new NumberAxis();
        x.setMinorTickVisible(false);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return formats == null ? n.toString() : axisMoney(n.doubleValue());
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        BarChart<Number, String> chart = new BarChart<>(x, new CategoryAxis());
        chart.setTitle(title + " in the budget windows open now");
        chart.setCategoryGap(6);
        chart.setBarGap(0);
        chart.setId(id);
        styleChart(chart);
        return chart;
    }

    /**
     * The axes' labels made so far, by value: a chart's layout measures its tick labels for several ranges, and each
     * scan's result lays out three money axes again; the compact format and the regex were most of the FX
     * thread's work on a scan's result. Read and written on the FX thread only; a few hundred values at most.
     */
    private final Map<Double, String> axisLabels = new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Double, String> eldest) {
            return size() > 512;
        }
    };

    /** "$25", "$1,200", "$780K": an axis needs no cents. */
    private String axisMoney(double v) {
        return axisLabels.computeIfAbsent(v, value -> Math.abs(value) >= 10_000
                ? "$" + formats.compactCount((long) (double) value)
                : formats.money(Math.rint(value)).replaceAll("[.,]00$", ""));
    }

    private static void styleChart(XYChart<?, ?> chart) {
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setMinHeight(220);
        chart.setPrefHeight(260);
    }

    private static StringConverter<Number> integers() {
        return new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n.doubleValue() == Math.rint(n.doubleValue()) ? Long.toString(n.longValue()) : "";
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        };
    }

    /** "checkout-prod" over "98% used · $1.20 left · key, daily · team Platform". */
    private static final class AttentionCell extends ListCell<OverviewViewModel.AttentionRow> {
        private final Label name = new Label();
        private final Label detail = new Label();
        private final VBox box = new VBox(1, name, detail);

        AttentionCell() {
            name.getStyleClass().add("key-name");
            detail.getStyleClass().addAll("muted", "small");
            setGraphic(box);
            setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(OverviewViewModel.AttentionRow row, boolean empty) {
            super.updateItem(row, empty);
            box.setVisible(!empty && row != null);
            if (!empty && row != null) {
                NameLabels.show(name, row.name()); // one line, hidden characters shown, as in the key table
                NameLabels.show(detail, row.detail());
            }
        }
    }
}
