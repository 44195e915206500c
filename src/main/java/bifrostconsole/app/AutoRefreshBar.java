package bifrostconsole.app;

import atlantafx.base.theme.Styles;
import bifrostconsole.ui.Icons;
import bifrostconsole.ui.ListOnOpenComboBoxSkin;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

/**
 * Auto-refresh controls at the right of the workspace's view tabs: the interval, "Updated 12 s ago", pause, and
 * whatever is put beside them (the alerts bell). Also keeps the view-model's {@code blocked} flag up to date: true
 * while any dialog (an editor, a preview) is open over the window.
 */
final class AutoRefreshBar extends HBox {
    private final ListChangeListener<Window> windows;

    AutoRefreshBar(AutoRefreshViewModel vm, Node... extras) {
        setId("refresh-bar");
        getStyleClass().add("refresh-bar");
        setSpacing(8);
        setAlignment(Pos.CENTER_RIGHT);
        setPickOnBounds(false);
        setMaxHeight(USE_PREF_SIZE);
        setMaxWidth(USE_PREF_SIZE);

        Label updated = new Label();
        updated.setId("refresh-updated");
        updated.getStyleClass().add("muted");
        updated.textProperty().bind(vm.updatedTextProperty());
        Label state = new Label();
        state.setId("refresh-state");
        state.getStyleClass().add(Styles.WARNING);
        state.textProperty().bind(vm.stateTextProperty());
        ComboBox<AutoRefreshViewModel.Interval> interval = new ComboBox<>();
        interval.setId("refresh-interval");
        interval.getItems().setAll(AutoRefreshViewModel.Interval.values());
        interval.valueProperty().bindBidirectional(vm.intervalProperty());
        Icons.tooltip(interval, "Refresh the views automatically; remembered");
        interval.setPrefWidth(150);
        ListOnOpenComboBoxSkin.install(interval); // its list is built on first open, not before the first frame
        ToggleButton pause = new ToggleButton(null, Icons.icon(Feather.PAUSE));
        pause.setId("refresh-pause");
        pause.getStyleClass().add(Styles.BUTTON_ICON);
        pause.selectedProperty().bindBidirectional(vm.pausedProperty());
        Icons.tooltip(pause, "Pause auto-refresh");
        pause.setAccessibleText("Pause auto-refresh");
        pause.disableProperty().bind(vm.intervalProperty().isEqualTo(AutoRefreshViewModel.Interval.OFF));
        getChildren().addAll(state, updated, interval, pause);
        getChildren().addAll(extras);

        // Held by the bar, listened to weakly: a closed workspace's bar does not stay alive through the list.
        windows = c -> vm.blockedProperty().set(dialogOpen());
        Window.getWindows().addListener(new javafx.collections.WeakListChangeListener<>(windows));
        sceneProperty().addListener((o, a, scene) -> vm.blockedProperty().set(dialogOpen()));
    }

    /** A stage owned by another window, or a modal one, is a dialog: editors and previews are opened that way. */
    private static boolean dialogOpen() {
        for (Window w : Window.getWindows()) {
            if (w instanceof Stage s && s.isShowing() && (s.getOwner() != null || s.getModality() != Modality.NONE)) {
                return true;
            }
        }
        return false;
    }
}
