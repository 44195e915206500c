package bifrostconsole.ui;

import javafx.animation.PauseTransition;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.util.Duration;

/**
 * The system clipboard through JavaFX. A copied secret is removed again after {@code secretLifetime}
 * (30 s by default), but only if it is still what the clipboard holds: something the user copied since
 * stays. Must be used on the FX thread.
 */
public final class FxClipboardService implements ClipboardService {
    public static final Duration DEFAULT_SECRET_LIFETIME = Duration.seconds(30);

    private final Duration secretLifetime;
    private PauseTransition pendingClear;

    public FxClipboardService() {
        this(DEFAULT_SECRET_LIFETIME);
    }

    public FxClipboardService(Duration secretLifetime) {
        this.secretLifetime = secretLifetime;
    }

    @Override
    public void copy(String text) {
        put(text);
    }

    @Override
    public void copySecret(String secret) {
        put(secret);
        if (pendingClear != null) {
            pendingClear.stop();
        }
        pendingClear = new PauseTransition(secretLifetime);
        pendingClear.setOnFinished(e -> {
            Clipboard clipboard = Clipboard.getSystemClipboard();
            if (clipboard.hasString() && secret.equals(clipboard.getString())) {
                clipboard.clear();
            }
        });
        pendingClear.play();
    }

    private static void put(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
