package bifrostconsole.ui;

/** Puts text on the system clipboard, so view-models can copy without touching JavaFX. */
public interface ClipboardService {

    /** Copies text that is not secret, such as a key id. */
    void copy(String text);

    /** Copies a secret (a key value); it is cleared again after a short while if it is still on the clipboard. */
    void copySecret(String secret);
}
