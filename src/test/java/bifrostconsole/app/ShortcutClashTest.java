package bifrostconsole.app;

import bifrostconsole.history.HistoryView;
import bifrostconsole.keyactions.KeyAction;
import bifrostconsole.keyactions.KeyActionsView;
import bifrostconsole.keys.KeyBrowserView;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every shortcut of the key window, wherever it is handled (the key browser, the key actions, History, the
 * workspace tabs): one key press reaches every handler on the way, so two actions on the same keys would both run
 * (Ctrl+E once opened the editor and an Enable preview at the same time).
 */
class ShortcutClashTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage(); // the views' classes need a running toolkit to load
    }

    @Test
    void noTwoActionsOfTheKeyWindowShareAShortcut() {
        Map<String, KeyCombination> all = new LinkedHashMap<>();
        KeyBrowserView.SHORTCUTS.forEach((what, keys) -> all.put("key browser: " + what, keys));
        KeyActionsView.SHORTCUTS.forEach((action, keys) -> {
            if (action != KeyAction.COPY_ID) { // the browser's own Copy id, shown in the menu
                all.put("key actions: " + action.id(), keys);
            }
        });
        all.put("History", HistoryView.SHORTCUT);
        for (int number = 1; number <= 9; number++) {
            all.put("workspace tab " + number, WorkspaceTabs.shortcut(number));
        }

        List<String> clashes = new ArrayList<>();
        List<Map.Entry<String, KeyCombination>> entries = new ArrayList<>(all.entrySet());
        for (int i = 0; i < entries.size(); i++) {
            for (int j = i + 1; j < entries.size(); j++) {
                if (entries.get(i).getValue().equals(entries.get(j).getValue())) {
                    clashes.add(entries.get(i).getValue().getDisplayText() + ": " + entries.get(i).getKey() + " and "
                            + entries.get(j).getKey());
                }
            }
        }
        assertTrue(clashes.isEmpty(), "shortcuts used twice: " + clashes);
        assertEquals(KeyBrowserView.COPY, KeyActionsView.SHORTCUTS.get(KeyAction.COPY_ID),
                "Copy id in the menu is the browser's copy shortcut");
        assertEquals(KeyAction.values().length, KeyActionsView.SHORTCUTS.size(), "every key action has a shortcut");
    }
}
