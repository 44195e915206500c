package bifrostconsole.connection;

import bifrostconsole.connection.ConnectionTestViewModel.Outcome;
import bifrostconsole.connection.ConnectionTestViewModel.StepState;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The result of "Test connection": one line per step with an icon, its name and its sentence. */
public final class ConnectionTestView extends VBox {

    public ConnectionTestView(ConnectionTestViewModel model) {
        getStyleClass().add("test-results");
        for (int i = 0; i < model.steps().size(); i++) {
            VBox row = stepRow(model.steps().get(i));
            row.setId("test-step-" + i);
            getChildren().add(row);
        }
        Label summary = new Label();
        summary.setId("test-summary");
        summary.setWrapText(true);
        summary.getStyleClass().add("test-summary");
        summary.textProperty().bind(model.summaryProperty());
        model.outcomeProperty().addListener((obs, was, now) -> {
            summary.getStyleClass().removeAll("passed", "failed");
            if (now == Outcome.PASSED) {
                summary.getStyleClass().add("passed");
            } else if (now == Outcome.FAILED) {
                summary.getStyleClass().add("failed");
            }
        });
        // A failure is already told by its step, in red; the summary line confirms success only.
        summary.visibleProperty().bind(model.outcomeProperty().isEqualTo(Outcome.PASSED));
        summary.managedProperty().bind(summary.visibleProperty());
        getChildren().add(summary);
        // Nothing to show before the first run: keep the dialog compact.
        visibleProperty().bind(model.outcomeProperty().isNotEqualTo(Outcome.NOT_RUN));
        managedProperty().bind(visibleProperty());
    }

    private static VBox stepRow(ConnectionTestViewModel.Step step) {
        FontIcon icon = new FontIcon(Feather.CIRCLE);
        Label title = new Label(step.title(), icon);
        title.getStyleClass().add("step-title");
        Label detail = new Label();
        detail.getStyleClass().add("step-detail");
        detail.setId("step-detail");
        detail.setWrapText(true);
        detail.textProperty().bind(step.detailProperty());
        detail.visibleProperty().bind(detail.textProperty().isNotEmpty());
        detail.managedProperty().bind(detail.visibleProperty());
        // A VBox hands the label its width before asking its height, so long sentences wrap instead of being cut.
        VBox row = new VBox(2, title, detail);
        row.getStyleClass().add("test-step");
        Runnable apply = () -> {
            StepState s = step.state();
            row.getStyleClass().removeAll("waiting", "running", "passed", "failed", "skipped");
            row.getStyleClass().add(s.name().toLowerCase());
            icon.setIconCode(switch (s) {
                case PASSED -> Feather.CHECK_CIRCLE;
                case FAILED -> Feather.X_CIRCLE;
                case SKIPPED -> Feather.MINUS_CIRCLE;
                case RUNNING -> Feather.LOADER;
                case WAITING -> Feather.CIRCLE;
            });
        };
        step.stateProperty().addListener((obs, was, now) -> apply.run());
        apply.run();
        return row;
    }
}
