package bifrostconsole.bench;

import bifrostconsole.startup.FirstFrame;
import bifrostconsole.startup.StartupClock;
import java.util.stream.Collectors;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;

/**
 * The start-up benchmark's baseline: the least a JavaFX application can do (an empty Stage of the console's
 * size), timed exactly like the console's {@code --smoke-test} (process start to the first painted frame).
 * The main class is not an {@code Application}, so it runs with JavaFX on the class path, as the console does.
 * It makes the console's first marks under the same names (main, toolkit up, start, window shown) and prints
 * them and the CPU by thread in the smoke test's format, so the two starts compare phase by phase.
 */
public final class EmptyWindowApp {
    private EmptyWindowApp() {
    }

    public static void main(String[] args) {
        StartupClock.mark("main");
        Application.launch(Window.class, args);
    }

    /** The empty window itself. */
    public static final class Window extends Application {
        @Override
        public void init() {
            StartupClock.mark("toolkit up");
        }

        @Override
        public void start(Stage stage) {
            StartupClock.mark("start");
            stage.setTitle("Empty window");
            stage.setScene(new Scene(new Pane(), 1280, 800));
            stage.show();
            StartupClock.mark("window shown");
            FirstFrame.afterPaint(stage.getScene(), () -> {
                long shown = StartupClock.millisSinceProcessStart();
                StartupClock.mark("painted");
                System.out.println("first frame shown in " + shown + " ms");
                System.out.println("start-up marks (ms since process start): " + StartupClock.marks().stream()
                        .map(StartupClock.Mark::toString).collect(Collectors.joining(", ")));
                System.out.println("start-up CPU ms by thread: " + StartupClock.cpuByThread());
                System.out.flush();
                System.exit(0);
            });
        }
    }
}
