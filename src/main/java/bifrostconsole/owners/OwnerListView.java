package bifrostconsole.owners;

import bifrostconsole.tables.PagedTable;
import bifrostconsole.tables.PagedTableView;
import bifrostconsole.tables.TableColumnSpec;
import bifrostconsole.ui.FxClipboardService;
import bifrostconsole.ui.Icons;
import bifrostconsole.ui.WindowService;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.kordamp.ikonli.feather.Feather;

import java.util.List;

/**
 * The team or customer view: its table with the opened one's details beside it, New (Ctrl+N), Edit (Ctrl+E, or a
 * double-click on a row or in the details) and Delete, each in its own dialog. A form with an edit is never closed
 * silently: closing it asks first.
 */
public final class OwnerListView<R> extends StackPane {
    private static final KeyCombination NEW = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination EDIT = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN);

    private final OwnerListViewModel<?, R> vm;
    private final WindowService windows;
    private final PagedTableView<R> browser;
    private final String noun;
    private OwnerDetailView detailView;
    private Stage openDialog;

    public OwnerListView(OwnerListViewModel<?, R> vm, PagedTable<R> table, List<? extends TableColumnSpec> columns,
                         PagedTableView.Texts texts, WindowService windows) {
        this.vm = vm;
        this.windows = windows;
        this.noun = vm.kind().noun();
        setId(noun + "s-view");
        vm.detail().setClipboard(new FxClipboardService());
        browser = new PagedTableView<>(vm.list(), table, columns, texts);
        Button create = new Button("New " + noun, Icons.icon(Feather.PLUS));
        create.setId("new-" + noun);
        create.setTooltip(new Tooltip("Create a " + noun + " (Ctrl+N)"));
        create.setDisable(!vm.writable());
        create.setOnAction(e -> openCreate());
        browser.addToolbarItem(create);
        browser.setOnOpen(vm::open);
        browser.setOnActivate(row -> {
            vm.open(row);
            openEditWhenLoaded();
        });
        browser.setOnCloseDetail(vm::closeDetail);
        getChildren().add(browser);
        vm.detail().shownProperty().addListener((o, a, shown) -> browser.showDetail(shown ? detailView() : null));
        if (vm.detail().shownProperty().get()) {
            browser.showDetail(detailView());
        }
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (NEW.match(e)) {
                openCreate();
                e.consume();
            } else if (EDIT.match(e)) {
                openEdit();
                e.consume();
            }
        });
    }

    private OwnerDetailView detailView() {
        if (detailView == null) {
            detailView = new OwnerDetailView(vm.detail(), vm.formats(), new OwnerDetailView.Actions() {
                @Override
                public void previous() {
                    vm.list().selectPrevious();
                }

                @Override
                public void next() {
                    vm.list().selectNext();
                }

                @Override
                public void close() {
                    vm.closeDetail();
                }

                @Override
                public void edit() {
                    openEdit();
                }

                @Override
                public void delete() {
                    openDelete();
                }

                @Override
                public void openKey(OwnerDetails.Link key) {
                    vm.openKey(key);
                }

                @Override
                public void showAllKeys(OwnerDetails details) {
                    vm.showKeysOf(details);
                }

                @Override
                public void openTeam(OwnerDetails.Link team) {
                    vm.openTeam(team);
                }

                @Override
                public void openCustomer(OwnerDetails.Link customer) {
                    vm.openCustomer(customer);
                }
            });
            detailView.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !(e.getTarget() instanceof javafx.scene.control.Labeled l
                        && l instanceof javafx.scene.control.ButtonBase)) {
                    openEdit();
                }
            });
        }
        return detailView;
    }

    // ---- dialogs ------------------------------------------------------------------------------------------

    private void openCreate() {
        if (vm.writable()) {
            showEditor(vm.create(), "New " + noun);
        }
    }

    private void openEdit() {
        OwnerEditorViewModel editor = vm.writable() ? vm.editShown() : null;
        if (editor != null) {
            showEditor(editor, "Edit " + noun);
        }
    }

    /** A double-click opens the row's details; the form opens once they are read. */
    private void openEditWhenLoaded() {
        if (vm.detail().loadedProperty().get() != null && !vm.detail().loadingProperty().get()) {
            openEdit();
            return;
        }
        javafx.beans.value.ChangeListener<Boolean> whenLoaded = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (!now) {
                    vm.detail().loadingProperty().removeListener(this);
                    openEdit();
                }
            }
        };
        vm.detail().loadingProperty().addListener(whenLoaded);
    }

    private void showEditor(OwnerEditorViewModel editor, String title) {
        if (openDialog != null && openDialog.isShowing()) {
            openDialog.toFront();
            return;
        }
        Stage[] stage = new Stage[1];
        // An edit is never lost silently: closing a form that has one asks first.
        Runnable close = () -> {
            if (!editor.dirtyProperty().get() || windows.confirm(stage[0], "Discard your changes?", "The " + noun
                    + " form has changes that were not saved. Close it and lose them?")) {
                stage[0].close();
            }
        };
        OwnerEditorView view = new OwnerEditorView(editor, close);
        stage[0] = windows.dialog(getScene() == null ? null : getScene().getWindow(), title, view);
        stage[0].setOnCloseRequest(e -> {
            e.consume();
            close.run();
        });
        editor.addOnSaved(outcome -> stage[0].close());
        openDialog = stage[0];
        stage[0].show();
        view.nameField().requestFocus();
    }

    private void openDelete() {
        OwnerDeleteViewModel delete = vm.writable() ? vm.deleteShown() : null;
        if (delete == null) {
            return;
        }
        Stage[] stage = new Stage[1];
        OwnerDeleteView view = new OwnerDeleteView(delete, () -> stage[0].close());
        stage[0] = windows.dialog(getScene() == null ? null : getScene().getWindow(), "Delete " + noun, view);
        delete.addOnDeleted(outcome -> stage[0].close());
        stage[0].show();
        delete.load();
    }

    public OwnerListViewModel<?, R> viewModel() {
        return vm;
    }

    public PagedTableView<R> browser() {
        return browser;
    }
}
