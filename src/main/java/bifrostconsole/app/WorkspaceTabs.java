package bifrostconsole.app;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The views of an open workspace side by side, Ctrl+1 to Ctrl+9 by their number (Keys is 1, Overview 4). A view
 * is built the first time it is shown, and told when it comes and goes so it asks its server only while seen.
 */
final class WorkspaceTabs extends TabPane {

    WorkspaceTabs() {
        setId("workspace-tabs");
        getStyleClass().add("workspace-tabs");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
    }

    /** Adds a view under Ctrl+{@code number}; {@code shown} hears true when it is selected, false when left. */
    Tab add(String id, String title, int number, Supplier<Node> view, Consumer<Boolean> shown) {
        Tab tab = new Tab(title);
        tab.setId("view-" + id);
        tab.setTooltip(new Tooltip(title + " (Ctrl+" + number + ")"));
        tab.setUserData(number);
        Runnable build = () -> {
            if (tab.getContent() == null) {
                tab.setContent(view.get());
            }
        };
        tab.selectedProperty().addListener((o, a, selected) -> {
            if (selected) {
                build.run();
            }
            shown.accept(selected);
        });
        getTabs().add(tab);
        if (tab.isSelected()) {
            build.run();
        }
        sceneProperty().addListener((o, a, scene) -> shortcut(scene, number, tab));
        shortcut(getScene(), number, tab);
        return tab;
    }

    private void shortcut(Scene scene, int number, Tab tab) {
        if (scene != null) {
            scene.getAccelerators().put(shortcut(number), () -> {
                getSelectionModel().select(tab);
                focusView(tab);
            });
        }
    }

    /**
     * A view called up by its shortcut takes the keyboard in its table (the key table: J/K and Enter work at
     * once), or else the row of tabs: left where it was, the focus would be in the view just hidden, and the
     * scene would move it to whatever comes first. A click on a tab keeps the focus on the tabs, as usual.
     */
    private void focusView(Tab tab) {
        Node content = tab.getContent();
        if (content == null) {
            requestFocus();
            return;
        }
        content.applyCss(); // a view built just now has no skins, so no table, before a CSS pass
        Node table = content.lookup(".table-view");
        if (table != null && table.isFocusTraversable()) {
            table.requestFocus();
        } else {
            requestFocus();
        }
    }

    /** Ctrl+{@code number}: the shortcut of the view under that number. */
    static KeyCombination shortcut(int number) {
        return new KeyCodeCombination(KeyCode.getKeyCode(Integer.toString(number)), KeyCombination.SHORTCUT_DOWN);
    }
}
