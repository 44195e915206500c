package bifrostconsole.ui;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.image.Image;
import javafx.scene.layout.Region;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The one place that opens windows, dialogs and alerts, so every one of them gets the theme's stylesheets
 * (the console look, the Modena bridge for ControlsFX, the shell's own) and the application icons, and is
 * owned by the window it was opened from. The theme itself is the user-agent stylesheet, which every window
 * follows when it switches.
 */
public final class WindowService {
    private final Consumer<Scene> styler;
    /** Every stage's icons follow this list, so icons that arrive after a stage was made still reach it. */
    private final ObservableList<Image> icons = FXCollections.observableArrayList();
    private Window mainWindow;

    /**
     * @param styler adds the stylesheets to a scene ({@code ThemeManager::style} in the app)
     * @param icons  the application icon in every size, put on every stage
     */
    public WindowService(Consumer<Scene> styler, List<Image> icons) {
        this.styler = styler;
        this.icons.setAll(icons);
    }

    /**
     * With icons still being loaded ({@code icons}, off the FX thread: decoding them took the start-up some 40 ms
     * before its first window could be built): stages made before they arrive get them then, on {@code ui}. Icons
     * that cannot be loaded are a packaging bug: the failure is thrown on {@code ui}, to its uncaught-error handler.
     */
    public WindowService(Consumer<Scene> styler, CompletableFuture<List<Image>> icons, Executor ui) {
        this.styler = styler;
        icons.whenComplete((loaded, error) -> ui.execute(() -> {
            if (error != null) {
                throw new IllegalStateException("The application icons could not be loaded", error);
            }
            this.icons.setAll(loaded);
        }));
    }

    /** Styles the main window's stage; it becomes the owner of windows opened without another owner. */
    public void decorateMain(Stage stage, Scene scene) {
        styler.accept(scene);
        stage.setScene(scene);
        Bindings.bindContent(stage.getIcons(), icons);
        mainWindow = stage;
    }

    public Window mainWindow() {
        return mainWindow;
    }

    /** A modal dialog over {@code owner} (or the main window) that grows and shrinks with what it shows. */
    public Stage dialog(Window owner, String title, Region content) {
        Stage stage = stage(owner, title, new Scene(content));
        stage.initModality(Modality.WINDOW_MODAL);
        // Dialogs grow and shrink with what they show (test results, warnings, folded sections).
        content.needsLayoutProperty().addListener((obs, was, now) -> {
            if (!now && Math.abs(content.prefHeight(content.getWidth()) - content.getHeight()) > 1) {
                Platform.runLater(() -> {
                    stage.sizeToScene();
                    fitOnScreen(stage, content);
                });
            }
        });
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWING, e -> fitOnScreen(stage, content));
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, e -> fitOnScreen(stage, content));
        return stage;
    }

    /** A modal dialog over the main window. */
    public Stage dialog(String title, Region content) {
        return dialog(null, title, content);
    }

    /** A window of its own (a snapshot, a diff), owned by {@code owner} but not modal. */
    public Stage window(Window owner, String title, Parent content, double width, double height) {
        return stage(owner, title, new Scene(content, width, height));
    }

    /** A styled alert owned by {@code owner} (or the main window); the caller shows it. */
    public Alert alert(Window owner, Alert.AlertType type, String header, String text, ButtonType... buttons) {
        Alert alert = new Alert(type, text, buttons);
        alert.setHeaderText(header);
        Window parent = ownerOr(owner);
        if (parent != null) {
            alert.initOwner(parent);
        }
        styler.accept(alert.getDialogPane().getScene());
        if (alert.getDialogPane().getScene().getWindow() instanceof Stage s) {
            Bindings.bindContent(s.getIcons(), icons);
        }
        return alert;
    }

    /** Asks a yes/no question; true when the user chose {@code ButtonType.OK}. */
    public boolean confirm(Window owner, String header, String text) {
        Optional<ButtonType> answer = alert(owner, Alert.AlertType.CONFIRMATION, header, text, ButtonType.CANCEL,
                ButtonType.OK).showAndWait();
        return answer.orElse(ButtonType.CANCEL) == ButtonType.OK;
    }

    /** Tells the user something and returns at once. */
    public void inform(Window owner, Alert.AlertType type, String header, String text) {
        alert(owner, type, header, text, ButtonType.OK).show();
    }

    private Stage stage(Window owner, String title, Scene scene) {
        Stage stage = new Stage();
        stage.setTitle(title);
        Window parent = ownerOr(owner);
        if (parent != null) {
            stage.initOwner(parent);
        }
        styler.accept(scene);
        stage.setScene(scene);
        Bindings.bindContent(stage.getIcons(), icons);
        return stage;
    }

    /**
     * Keeps a dialog inside the screen it opens on: a form taller than a small screen (the key editor on a
     * 1024x700 laptop) would otherwise run off its bottom edge with its Save button; held to the screen's height,
     * its form scrolls instead. The content is held, not the window: a window's own size does not reach the scene
     * on every platform.
     */
    private static void fitOnScreen(Stage stage, Region content) {
        javafx.geometry.Rectangle2D screen = screenOf(stage);
        double decoration = stage.isShowing() && stage.getScene() != null && !Double.isNaN(stage.getHeight())
                ? Math.max(0, stage.getHeight() - stage.getScene().getHeight()) : 0;
        double room = screen.getHeight() - decoration;
        if (content.prefHeight(-1) > room || content.prefWidth(-1) > screen.getWidth()) {
            content.setPrefHeight(Math.min(content.prefHeight(-1), room));
            content.setPrefWidth(Math.min(content.prefWidth(-1), screen.getWidth()));
            if (stage.isShowing()) {
                stage.sizeToScene();
            }
        }
        if (!stage.isShowing()) {
            return;
        }
        if (stage.getY() + stage.getHeight() > screen.getMaxY() || stage.getY() < screen.getMinY()) {
            stage.setY(Math.max(screen.getMinY(), screen.getMaxY() - stage.getHeight()));
        }
        if (stage.getX() + stage.getWidth() > screen.getMaxX() || stage.getX() < screen.getMinX()) {
            stage.setX(Math.max(screen.getMinX(), screen.getMaxX() - stage.getWidth()));
        }
    }

    /** The visible part of the screen the dialog's owner is on (where the dialog opens). */
    private static javafx.geometry.Rectangle2D screenOf(Stage stage) {
        Window near = stage.getOwner() != null ? stage.getOwner() : stage;
        double w = Double.isNaN(near.getWidth()) ? 1 : Math.max(1, near.getWidth());
        double h = Double.isNaN(near.getHeight()) ? 1 : Math.max(1, near.getHeight());
        double x = Double.isNaN(near.getX()) ? 0 : near.getX();
        double y = Double.isNaN(near.getY()) ? 0 : near.getY();
        return javafx.stage.Screen.getScreensForRectangle(x, y, w, h).stream().findFirst()
                .orElse(javafx.stage.Screen.getPrimary()).getVisualBounds();
    }

    private Window ownerOr(Window owner) {
        return owner != null ? owner : mainWindow;
    }
}
