package bifrostconsole.exportui;

import bifrostconsole.ui.NameLabels;
import bifrostconsole.export.DiffRow;
import bifrostconsole.ui.WindowService;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The differences between two governance states: each added, removed or changed key (then team, customer)
 * with a coloured mark, and for a change every field with its old value struck through and its new value
 * highlighted.
 */
public final class DiffView extends BorderPane {
    private static final String MONO = "-fx-font-family: monospace;";

    public DiffView(DiffViewModel vm) {
        Label sides = new Label();
        sides.setId("diff-sides");
        sides.textProperty().bind(vm.sidesProperty());
        Label summary = new Label();
        summary.setId("diff-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        summary.getStyleClass().add("text-bold");
        Label error = new Label();
        error.setId("diff-error");
        error.setWrapText(true);
        error.getStyleClass().add("danger");
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        CheckBox usage = new CheckBox("Compare usage counters too");
        usage.setId("diff-include-usage");
        usage.selectedProperty().bindBidirectional(vm.includeUsageProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.runningProperty());
        HBox options = new HBox(10, usage, busy);
        options.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, sides, summary, error, options);
        top.setPadding(new Insets(12, 14, 10, 14));
        setTop(top);

        ListView<DiffRow> list = new ListView<>(vm.rows());
        list.setId("diff-rows");
        list.setCellFactory(v -> new RowCell());
        Label empty = new Label("No differences.");
        empty.getStyleClass().add("text-muted");
        list.setPlaceholder(empty);
        setCenter(list);
    }

    public static Stage show(WindowService windows, Window owner, DiffViewModel vm, String title) {
        Stage stage = windows.window(owner, title, new DiffView(vm), 980, 680);
        stage.show();
        return stage;
    }

    private static final class RowCell extends ListCell<DiffRow> {
        @Override
        protected void updateItem(DiffRow row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            setGraphic(empty || row == null ? null : render(row));
        }

        private static Node render(DiffRow row) {
            Label mark = new Label(switch (row.kind()) {
                case ADDED -> "+ added";
                case REMOVED -> "\u2212 removed";
                case CHANGED -> "~ changed";
            });
            mark.setMinWidth(Region.USE_PREF_SIZE);
            mark.setPadding(new Insets(1, 6, 1, 6));
            mark.setStyle("-fx-background-radius: 4; -fx-font-weight: bold; " + switch (row.kind()) {
                case ADDED -> "-fx-background-color: -color-success-subtle; -fx-text-fill: -color-success-fg;";
                case REMOVED -> "-fx-background-color: -color-danger-subtle; -fx-text-fill: -color-danger-fg;";
                case CHANGED -> "-fx-background-color: -color-warning-subtle; -fx-text-fill: -color-warning-fg;";
            });
            Label name = new Label();
            NameLabels.show(name, row.name().isEmpty() ? row.id() : row.name());
            name.setStyle("-fx-font-weight: bold;");
            Label id = new Label(row.section() + " " + row.id());
            id.getStyleClass().add("text-muted");
            HBox head = new HBox(8, mark, name, id);
            head.setAlignment(Pos.CENTER_LEFT);
            VBox box = new VBox(3, head);
            for (DiffRow.ChangeLine c : row.changes()) {
                Text path = new Text(c.path() + ":  ");
                path.setStyle(MONO + "-fx-font-weight: bold; -fx-fill: -color-fg-default;");
                Text before = new Text(c.oldText());
                before.setStrikethrough(!"(none)".equals(c.oldText()));
                before.setStyle(MONO + "-fx-fill: -color-danger-fg;");
                Text arrow = new Text("  \u2192  ");
                arrow.setStyle(MONO + "-fx-fill: -color-fg-muted;");
                Text after = new Text(c.newText());
                after.setStyle(MONO + "-fx-fill: -color-success-fg; -fx-font-weight: bold;");
                TextFlow line = new TextFlow(path, before, arrow, after);
                line.setPadding(new Insets(0, 0, 0, 24));
                line.setPrefWidth(900);
                box.getChildren().add(line);
            }
            return box;
        }
    }
}
