package bifrostconsole.keyeditor;

import bifrostconsole.api.VirtualKey;
import bifrostconsole.keys.KeyBrowserView;
import bifrostconsole.keys.KeyBrowserViewModel;
import bifrostconsole.ui.ClipboardService;
import bifrostconsole.ui.WindowService;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.function.Supplier;

/**
 * Opens the key editor from the key browser: New key, Edit and Duplicate, one dialog at a time. A saved edit
 * refreshes the table and the details; a created key is selected in the table (and its value shown once in the
 * dialog). Closing a form with an edit in it asks first, so nothing typed is lost silently.
 */
public final class KeyEditorDialogs implements KeyBrowserView.Editing {
    private final KeyBrowserViewModel keys;
    private final KeyEditorViewModel.Context context;
    private final WindowService windows;
    private final ClipboardService clipboard;
    private final Supplier<Window> owner;
    private Stage open;

    public KeyEditorDialogs(KeyBrowserViewModel keys, KeyEditorViewModel.Context context, WindowService windows,
                            ClipboardService clipboard, Supplier<Window> owner) {
        this.keys = keys;
        this.context = context;
        this.windows = windows;
        this.clipboard = clipboard;
        this.owner = owner;
    }

    @Override
    public void create() {
        show(KeyEditorViewModel.create(context), "New key");
    }

    @Override
    public void edit(VirtualKey key) {
        show(KeyEditorViewModel.edit(key, context), "Edit key \u201c" + key.name() + "\u201d");
    }

    @Override
    public void duplicate(VirtualKey key) {
        show(KeyEditorViewModel.duplicate(key, context), "Duplicate \u201c" + key.name() + "\u201d");
    }

    private void show(KeyEditorViewModel editor, String title) {
        if (open != null && open.isShowing()) {
            open.toFront(); // one form at a time: a second would hide the first's unsaved edit
            return;
        }
        Stage[] stage = new Stage[1];
        Runnable close = () -> {
            if (!editor.dirtyProperty().get() || windows.confirm(stage[0], "Discard your changes?", "The key form has"
                    + " changes that were not saved. Close it and lose them?")) {
                stage[0].close();
            }
        };
        KeyEditorView view = new KeyEditorView(editor, clipboard, close);
        editor.addOnSaved(outcome -> {
            if (editor.mode() == KeyEditorViewModel.Mode.EDIT) {
                keys.refresh();
                keys.detail().open(outcome.keyId());
                stage[0].close();
            } else {
                // The dialog stays to show the new value once; the table shows the new row meanwhile.
                keys.showKey(outcome.keyId(), outcome.after() == null ? null : outcome.after().name());
            }
        });
        stage[0] = windows.dialog(owner.get(), title, view);
        stage[0].setOnCloseRequest(e -> {
            e.consume();
            close.run();
        });
        open = stage[0];
        stage[0].show();
        view.nameField().requestFocus();
    }
}
