package bifrostconsole.startup;

import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Tells when what a scene shows now has reached the screen. JavaFX lays a scene out in a pulse and hands the
 * frame to its render thread at the end of that pulse; the next pulse starts only after that frame is drawn.
 * So the second post-layout callback from now marks the moment the current state is on screen. Used the same
 * way by the smoke test and by the empty-window baseline of the start-up benchmark, so both are measured alike.
 */
public final class FirstFrame {
    private FirstFrame() {
    }

    /** Runs {@code action} on the FX thread once the scene's current content is painted. Call on the FX thread. */
    public static void afterPaint(Scene scene, Runnable action) {
        afterPulses(scene, 2, action);
    }

    private static void afterPulses(Scene scene, int pulses, Runnable action) {
        Runnable listener = new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                if (pulses <= 1) {
                    // Leave the pulse first: the frame of this pulse is handed over only after its listeners ran.
                    Platform.runLater(action);
                } else {
                    afterPulses(scene, pulses - 1, action);
                }
            }
        };
        scene.addPostLayoutPulseListener(listener);
        // Nothing may be dirty, and JavaFX schedules no pulse for a scene that has not changed.
        Platform.requestNextPulse();
    }
}
