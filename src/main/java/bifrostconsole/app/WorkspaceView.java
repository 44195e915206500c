package bifrostconsole.app;

import bifrostconsole.customers.CustomersView;
import bifrostconsole.keys.KeyBrowserView;
import bifrostconsole.teams.TeamsView;
import bifrostconsole.ui.Icons;
import bifrostconsole.ui.Navigator;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An open workspace: a narrow sidebar (Keys, Teams, Customers; Ctrl+1, Ctrl+2, Ctrl+3) and the view it selects.
 * The team and customer views are built the first time they are shown, so the first page of keys comes first.
 * It is also the {@link Navigator} through which the views link to each other.
 */
final class WorkspaceView extends BorderPane implements Navigator {

    /** The sections of the sidebar, in order; each has its Ctrl+number. */
    enum Section {
        KEYS("Keys", Feather.KEY, KeyCode.DIGIT1, "Virtual keys"),
        TEAMS("Teams", Feather.USERS, KeyCode.DIGIT2, "Teams and their shared budgets"),
        CUSTOMERS("Customers", Feather.BRIEFCASE, KeyCode.DIGIT3, "Customers, their teams and shared budgets");

        final String title;
        final Feather icon;
        final KeyCombination shortcut;
        final String tooltip;

        Section(String title, Feather icon, KeyCode digit, String tooltip) {
            this.title = title;
            this.icon = icon;
            this.shortcut = new KeyCodeCombination(digit, KeyCombination.SHORTCUT_DOWN);
            this.tooltip = tooltip;
        }
    }

    private final KeyBrowserView keys;
    private final Supplier<TeamsView> teamsFactory;
    private final Supplier<CustomersView> customersFactory;
    private final StackPane content = new StackPane();
    private final ToggleGroup group = new ToggleGroup();
    private final Map<Section, ToggleButton> buttons = new EnumMap<>(Section.class);
    private TeamsView teams;
    private CustomersView customers;

    /** The factories get this view as the navigator of the view they build. */
    WorkspaceView(KeyBrowserView keys, Supplier<TeamsView> teams, Supplier<CustomersView> customers) {
        this.keys = keys;
        this.teamsFactory = teams;
        this.customersFactory = customers;
        getStyleClass().add("workspace-view");
        keys.setNavigator(this);
        VBox nav = new VBox(4);
        nav.getStyleClass().add("workspace-nav");
        nav.setAlignment(Pos.TOP_CENTER);
        for (Section s : Section.values()) {
            ToggleButton b = new ToggleButton(s.title, Icons.icon(s.icon));
            b.setId("nav-" + s.name().toLowerCase());
            b.setContentDisplay(ContentDisplay.TOP);
            b.setToggleGroup(group);
            b.setUserData(s);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setTooltip(new Tooltip(s.tooltip + " (" + s.shortcut.getDisplayText() + ")"));
            b.setFocusTraversable(false);
            buttons.put(s, b);
            nav.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one section is always shown
            } else {
                showSection((Section) now.getUserData());
            }
        });
        setLeft(nav);
        setCenter(content);
        // On the scene, not on this view: Ctrl+2 must work wherever the focus is (the top bar, nowhere at all).
        javafx.event.EventHandler<KeyEvent> shortcuts = e -> {
            for (Section s : Section.values()) {
                if (s.shortcut.match(e)) {
                    show(s);
                    e.consume();
                }
            }
        };
        sceneProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.removeEventFilter(KeyEvent.KEY_PRESSED, shortcuts);
            }
            if (now != null) {
                now.addEventFilter(KeyEvent.KEY_PRESSED, shortcuts);
            }
        });
        show(Section.KEYS);
    }

    /** Shows one section (what a sidebar click and Ctrl+number do). */
    void show(Section section) {
        buttons.get(section).setSelected(true);
        showSection(section);
    }

    Section shown() {
        Toggle t = group.getSelectedToggle();
        return t == null ? Section.KEYS : (Section) t.getUserData();
    }

    private void showSection(Section section) {
        Node view = switch (section) {
            case KEYS -> keys;
            case TEAMS -> teams();
            case CUSTOMERS -> customers();
        };
        if (content.getChildren().size() != 1 || content.getChildren().get(0) != view) {
            content.getChildren().setAll(view);
        }
    }

    TeamsView teams() {
        if (teams == null) {
            teams = teamsFactory.get();
            teams.viewModel().owners().setNavigator(this);
        }
        return teams;
    }

    CustomersView customers() {
        if (customers == null) {
            customers = customersFactory.get();
            customers.viewModel().owners().setNavigator(this);
        }
        return customers;
    }

    KeyBrowserView keys() {
        return keys;
    }

    /** The workspace was left: the team and customer views stop asking their server (the key view is closed apart). */
    void close() {
        if (teams != null) {
            teams.viewModel().owners().close();
        }
        if (customers != null) {
            customers.viewModel().owners().close();
        }
    }

    // ---- links between the views ----------------------------------------------------------------------

    @Override
    public void showKey(String keyId, String keyName) {
        show(Section.KEYS);
        keys.viewModel().showKey(keyId, keyName);
    }

    @Override
    public void showKeysOfTeam(String teamId, String teamName) {
        show(Section.KEYS);
        keys.viewModel().showKeysOfTeam(teamId, teamName);
    }

    @Override
    public void showKeysOfCustomer(String customerId, String customerName) {
        show(Section.KEYS);
        keys.viewModel().showKeysOfCustomer(customerId, customerName);
    }

    @Override
    public void showTeam(String teamId, String teamName) {
        show(Section.TEAMS);
        teams().viewModel().owners().show(teamId, teamName);
    }

    @Override
    public void showCustomer(String customerId, String customerName) {
        show(Section.CUSTOMERS);
        customers().viewModel().owners().show(customerId, customerName);
    }
}
