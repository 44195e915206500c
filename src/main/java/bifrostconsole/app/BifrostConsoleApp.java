package bifrostconsole.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application: builds the composition root and shows the main window. */
public final class BifrostConsoleApp extends Application {

    public static void launchGui(String[] args) {
        Application.launch(BifrostConsoleApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Bifrost Console");
        stage.setScene(new Scene(new Label("Bifrost Console"), 1200, 800));
        stage.show();
    }
}
