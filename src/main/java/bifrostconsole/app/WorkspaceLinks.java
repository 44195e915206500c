package bifrostconsole.app;

import bifrostconsole.customers.CustomersView;
import bifrostconsole.keys.KeyBrowserView;
import bifrostconsole.teams.TeamsView;
import bifrostconsole.ui.Navigator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import java.util.function.Supplier;

/**
 * The links between a workspace's views, as its tabs carry them out: a key's team opens the Teams tab on that
 * team, a team's keys open the Keys tab filtered to them, and so on. Builds the team and customer views the first
 * time they are shown (so the first page of keys comes first), and gives every view this {@link Navigator}.
 */
final class WorkspaceLinks implements Navigator {
    private final TabPane tabs;
    private final KeyBrowserView keys;
    private final Supplier<TeamsView> teamsFactory;
    private final Supplier<CustomersView> customersFactory;
    private Tab keysTab;
    private Tab teamsTab;
    private Tab customersTab;
    private TeamsView teams;
    private CustomersView customers;

    WorkspaceLinks(TabPane tabs, KeyBrowserView keys, Supplier<TeamsView> teams, Supplier<CustomersView> customers) {
        this.tabs = tabs;
        this.keys = keys;
        this.teamsFactory = teams;
        this.customersFactory = customers;
        keys.setNavigator(this);
    }

    void tabs(Tab keysTab, Tab teamsTab, Tab customersTab) {
        this.keysTab = keysTab;
        this.teamsTab = teamsTab;
        this.customersTab = customersTab;
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

    /** What auto-refresh does to the team or customer view on screen: its page again, its selection kept. */
    void refreshShown() {
        if (teams != null && teamsTab.isSelected()) {
            teams.viewModel().list().refresh();
        }
        if (customers != null && customersTab.isSelected()) {
            customers.viewModel().list().refresh();
        }
    }

    /** The workspace was left: the team and customer views stop asking their server. */
    void close() {
        if (teams != null) {
            teams.viewModel().owners().close();
        }
        if (customers != null) {
            customers.viewModel().owners().close();
        }
    }

    @Override
    public void showKey(String keyId, String keyName) {
        tabs.getSelectionModel().select(keysTab);
        keys.viewModel().showKey(keyId, keyName);
    }

    @Override
    public void showKeysOfTeam(String teamId, String teamName) {
        tabs.getSelectionModel().select(keysTab);
        keys.viewModel().showKeysOfTeam(teamId, teamName);
    }

    @Override
    public void showKeysOfCustomer(String customerId, String customerName) {
        tabs.getSelectionModel().select(keysTab);
        keys.viewModel().showKeysOfCustomer(customerId, customerName);
    }

    @Override
    public void showTeam(String teamId, String teamName) {
        tabs.getSelectionModel().select(teamsTab);
        teams().viewModel().owners().show(teamId, teamName);
    }

    @Override
    public void showCustomer(String customerId, String customerName) {
        tabs.getSelectionModel().select(customersTab);
        customers().viewModel().owners().show(customerId, customerName);
    }
}
