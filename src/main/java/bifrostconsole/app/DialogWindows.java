package bifrostconsole.app;

import javafx.application.Platform;
import javafx.scene.layout.Region;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Modal windows owned by the main window, styled like it (theme, bridge, console stylesheet). */
final class DialogWindows {
    private final ThemeManager themes;
    private Window owner;

    DialogWindows(ThemeManager themes) {
        this.themes = themes;
    }

    void setOwner(Window owner) {
        this.owner = owner;
    }

    Window owner() {
        return owner;
    }

    Stage create(String title, Region content) {
        Stage stage = new Stage();
        stage.setTitle(title);
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        Scene scene = new Scene(content);
        themes.style(scene);
        stage.setScene(scene);
        // Dialogs grow and shrink with what they show (test results, warnings, folded sections).
        content.needsLayoutProperty().addListener((obs, was, now) -> {
            if (!now && Math.abs(content.prefHeight(content.getWidth()) - content.getHeight()) > 1) {
                Platform.runLater(stage::sizeToScene);
            }
        });
        return stage;
    }
}
