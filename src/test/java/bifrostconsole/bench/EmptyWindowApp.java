package bifrostconsole.bench;

import bifrostconsole.startup.FirstFrame;
import bifrostconsole.startup.StartupClock;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;

/**
 * The start-up benchmark's baseline: the least a JavaFX application can do (an empty Stage of the console's
 * size), timed exactly like the console's {@code --smoke-test} (process start to the first painted frame).
 * The main class is not an {@code Application}, so it runs with JavaFX on the class path, as the console does.
 */
public final class EmptyWindowApp {
    private EmptyWindowApp() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The empty window itself. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            stage.setTitle("Empty window");
            stage.setScene(new Scene(new Pane(), 1280, 800));
            stage.show();
            FirstFrame.afterPaint(stage.getScene(), () -> {
                System.out.println("first frame shown in " + StartupClock.millisSinceProcessStart() + " ms");
                System.out.flush();
                System.exit(0);
            });
        }
    }
}
