package bifrostconsole.testing;

import bifrostconsole.startup.FirstFrame;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * Waits for UI tests that run a real JavaFX toolkit (TestFX): read or change the scene on the FX thread, wait for a
 * condition that only the FX thread may read, for queued FX events, for a paint. Call from the test's thread.
 */
public final class Fx {
    private Fx() {
    }

    /** What might go wrong while the FX thread runs a change. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    /** Runs {@code read} on the FX thread and returns its value. */
    public static <T> T call(Callable<T> read) throws Exception {
        return Wait.get(WaitForAsyncUtils.asyncFx(read));
    }

    /** Runs {@code change} on the FX thread and returns once it ran. */
    public static void run(Action change) throws Exception {
        call(() -> {
            change.run();
            return null;
        });
    }

    /** Returns once {@code condition}, evaluated on the FX thread, holds and the events it caused are handled. */
    public static void waitUntil(Callable<Boolean> condition) throws Exception {
        waitUntil("the condition", condition);
    }

    /** As {@link #waitUntil(Callable)}; a timeout names {@code what} was awaited. */
    public static void waitUntil(String what, Callable<Boolean> condition) throws Exception {
        Wait.until(what, () -> call(condition));
        settle();
    }

    /** Returns once the events queued on the FX thread so far (and those they queue) are handled. */
    public static void settle() {
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Scrolls the scroll pane holding {@code node} so it is in sight: a robot clicks only what a person could see. */
    public static void reveal(Node node) throws Exception {
        run(() -> {
            for (Node n = node.getParent(); n != null; n = n.getParent()) {
                if (n instanceof ScrollPane sp) {
                    Bounds at = sp.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                    double extra = sp.getContent().getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
                    if (extra > 0) {
                        sp.setVvalue(Math.max(0, Math.min(1, (at.getMinY() - 60) / extra)));
                    }
                    return;
                }
            }
        });
        settle();
    }

    /** The text of the first visible label that {@code query} finds, or null. */
    public static String visibleText(FxRobot robot, String query) {
        return robot.lookup(query).queryAllAs(Label.class).stream().filter(Label::isVisible).findFirst()
                .map(Label::getText).orElse(null);
    }

    /**
     * The button labelled {@code text} of the open dialog (an {@code Alert} or {@code Dialog}): a lookup by text
     * alone can find a hidden button of the same name in the window behind it (the key list's waiting banner has
     * a Cancel), and a click on that one does nothing.
     */
    public static Button dialogButton(FxRobot robot, String text) {
        return robot.lookup((Node n) -> n instanceof Button b && text.equals(b.getText()) && inDialog(b)
                && treeVisible(b)).queryButton();
    }

    /** Whether a dialog's button labelled {@code text} is on screen. */
    public static boolean dialogButtonShown(FxRobot robot, String text) {
        return robot.lookup((Node n) -> n instanceof Button b && text.equals(b.getText()) && inDialog(b)
                && treeVisible(b)).tryQuery().isPresent();
    }

    private static boolean inDialog(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof DialogPane) {
                return true;
            }
        }
        return false;
    }

    private static boolean treeVisible(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Returns once what {@code scene} shows now is painted: layout, CSS and the frame after them. */
    public static void painted(Scene scene) throws Exception {
        CompletableFuture<Void> painted = new CompletableFuture<>();
        run(() -> FirstFrame.afterPaint(scene, () -> painted.complete(null)));
        Wait.get(painted);
    }
}
