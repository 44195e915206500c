package bifrostconsole.keydetail;

import bifrostconsole.messages.DisplayText;
import bifrostconsole.ui.SecretMask;
import bifrostconsole.ui.Formats;
import bifrostconsole.ui.Icons;
import bifrostconsole.ui.MaskedSecretField;
import bifrostconsole.ui.NameLabels;
import bifrostconsole.ui.StatusBadges;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import bifrostconsole.usage.UsageView;
import org.kordamp.ikonli.feather.Feather;

/**
 * The drill-down beside the key table: a header with the key's name, status, id and value, then tabs for
 * the overview, provider configs, provider keys, budgets, rate limits and MCP clients. Previous/next step
 * through the table's keys (K/J or Up/Down); Esc or the close button closes it.
 */
public final class KeyDetailView extends VBox {
    private final KeyDetailViewModel vm;
    private final Label title = new Label();
    private final Label status = StatusBadges.create();
    private final Label id = new Label();
    private final MaskedSecretField value = new MaskedSecretField(SecretMask.VISIBLE_PREFIX);
    private final TabPane tabs = new TabPane();
    /** The tabs whose pane still shows an earlier key, and how to bring each up to date. */
    private final java.util.Map<Tab, Runnable> stale = new java.util.HashMap<>();
    private final OverviewPane overview = new OverviewPane();
    private final ProviderConfigsPane providers = new ProviderConfigsPane();
    private final ProviderKeysPane providerKeys = new ProviderKeysPane();
    private final BudgetsPane budgets = new BudgetsPane();
    private final RateLimitsPane rateLimits = new RateLimitsPane();
    private final McpClientsPane mcp = new McpClientsPane();
    private final Tab providersTab = tab("providers", "Providers", providers,
            "Provider configs: which providers, models and provider keys this key may use");
    private final Tab providerKeysTab = tab("provider-keys", "Keys", providerKeys,
            "The provider API keys this key's provider configs name");
    private final Tab budgetsTab = tab("budgets", "Budgets", budgets, "The key's own spending budgets");
    private final Tab rateLimitsTab = tab("rate-limits", "Limits", rateLimits,
            "The key's token and request rate limits (TPM/RPM-style)");
    private final Tab mcpTab = tab("mcp", "MCP", mcp, "MCP clients: Model Context Protocol servers and their tools");
    private final Tab usageTab;
    private final Button edit = Icons.button(Feather.EDIT_2, "Edit this key (Ctrl+E or a double-click here)");
    private final Button duplicate = Icons.button(Feather.COPY, "Duplicate: a new key with this configuration");
    private Runnable onEdit = () -> { };
    private Runnable onDuplicate = () -> { };
    private final HBox top;

    /** Shows or hides the key value's reveal button: a snapshot window has no value worth revealing. */
    public void offerReveal(boolean offer) {
        value.offerReveal(offer);
    }

    /** Shows or hides the key value's row: a snapshot saved without key values has none to show or copy. */
    public void offerValue(boolean offer) {
        javafx.scene.Node row = value.getParent();
        row.setVisible(offer);
        row.setManaged(offer);
    }

    public KeyDetailView(KeyDetailViewModel vm, Formats formats, Runnable previous, Runnable next, Runnable close) {
        this.vm = vm;
        // The charts are made when the tab is first picked: a tab pane keeps every tab's content in the scene, so
        // they were styled and laid out on the first open of any key (most of what that first open cost).
        this.usageTab = tab("usage", "Usage", new VBox(),
                "Cost, tokens and requests over time, from the gateway's request logs");
        usageTab.selectedProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (now) {
                    usageTab.selectedProperty().removeListener(this);
                    ((ScrollPane) usageTab.getContent()).setContent(new UsageView(vm.usage(), formats));
                }
            }
        });
        getStyleClass().add("detail-view");
        setId("key-detail");
        setMinWidth(380);
        setPrefWidth(520);

        title.getStyleClass().add("detail-title");
        title.setId("detail-title");
        status.setId("detail-status");
        id.getStyleClass().add("id-text");
        id.setId("detail-id");
        id.setMinWidth(0);
        Button copyName = Icons.button(Feather.CLIPBOARD, "Copy the exact name, as the server has it (hidden"
                + " characters included)");
        copyName.setId("copy-name");
        copyName.setOnAction(e -> vm.copyName());
        copyName.disableProperty().bind(vm.detailsProperty().isNull());
        Button copyId = Icons.button(Feather.COPY, "Copy the key id");
        copyId.setId("copy-id");
        copyId.setOnAction(e -> vm.copyId());
        Button up = Icons.button(Feather.CHEVRON_UP, "Previous key (K or \u2191)");
        up.setId("detail-previous");
        up.setOnAction(e -> previous.run());
        Button down = Icons.button(Feather.CHEVRON_DOWN, "Next key (J or \u2193)");
        down.setId("detail-next");
        down.setOnAction(e -> next.run());
        Button closeButton = Icons.button(Feather.X, "Close the details (Esc)");
        closeButton.setId("detail-close");
        closeButton.setOnAction(e -> close.run());

        // Key names have no spaces, so wrapping would split them mid-word: cut with an ellipsis instead;
        // the tooltip and the Overview tab show the full name.
        title.setWrapText(false);
        title.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
        title.setMinWidth(0);
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, Priority.ALWAYS);
        edit.setId("detail-edit");
        edit.setOnAction(e -> onEdit.run());
        duplicate.setId("detail-duplicate");
        duplicate.setOnAction(e -> onDuplicate.run());
        for (Button b : new Button[]{edit, duplicate}) {
            b.setVisible(false);
            b.managedProperty().bind(b.visibleProperty());
            // Edited from a fresh read only: the table's copy may be a page old.
            b.disableProperty().bind(vm.detailsProperty().isNull().or(vm.freshProperty().not()));
        }
        top = new HBox(8, title, copyName, status, edit, duplicate, up, down, closeButton);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox idRow = new HBox(4, new Label("ID"), id, copyId);
        idRow.setAlignment(Pos.CENTER_LEFT);
        idRow.getChildren().get(0).getStyleClass().add("muted");
        value.setId("detail-value");
        value.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(value, Priority.ALWAYS);
        Label valueLabel = new Label("Key");
        valueLabel.getStyleClass().add("muted");
        valueLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox valueRow = new HBox(4, valueLabel, value);
        valueRow.setAlignment(Pos.CENTER_LEFT);
        value.revealButton().setOnAction(e -> vm.toggleReveal());
        value.setOnCopy(vm::copyValue);
        vm.valueRevealedProperty().addListener((o, a, b) -> showValue());

        VBox header = new VBox(top, idRow, valueRow, notInListMark(), tableCopyNote());
        header.getStyleClass().add("detail-header");

        ProgressBar strip = new ProgressBar(ProgressIndicator.INDETERMINATE_PROGRESS);
        strip.getStyleClass().add("loading-strip");
        strip.setMaxWidth(Double.MAX_VALUE);
        strip.visibleProperty().bind(vm.loadingProperty());
        strip.progressProperty().bind(javafx.beans.binding.Bindings.when(vm.loadingProperty()).then(-1.0)
                .otherwise(0.0));
        StackPane stripHolder = new StackPane(strip);
        stripHolder.setMinHeight(3);
        stripHolder.setMaxHeight(3);

        Label errorText = new Label();
        errorText.setId("detail-error");
        errorText.setWrapText(true);
        errorText.textProperty().bind(vm.errorMessageProperty());
        errorText.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(errorText, Priority.ALWAYS);
        Button retry = new Button("Retry", Icons.icon(Feather.REFRESH_CW));
        retry.setOnAction(e -> vm.retry());
        retry.setMinWidth(Region.USE_PREF_SIZE);
        HBox error = new HBox(Icons.icon(Feather.ALERT_TRIANGLE), errorText, retry);
        error.getStyleClass().add("inline-error");
        error.visibleProperty().bind(vm.errorMessageProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());

        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("detail-tabs");
        tabs.getTabs().addAll(tab("overview", "Overview", overview, "Name, status, owner, dates"), providersTab, providerKeysTab, budgetsTab,
                rateLimitsTab, mcpTab, usageTab);
        // The logs are asked for only while the Usage tab is on screen.
        Runnable usageActive = () -> vm.usage().setActive(usageTab.isSelected() && vm.shownProperty().get());
        usageTab.selectedProperty().addListener((o, a, b) -> usageActive.run());
        vm.shownProperty().addListener((o, a, b) -> usageActive.run());
        VBox.setVgrow(tabs, Priority.ALWAYS);

        getChildren().addAll(header, stripHolder, error, tabs);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showSelectedTab());
        vm.detailsProperty().addListener((o, a, d) -> show(d));
        // A key asked for by id (a link) loads with no key to show: the panes prepare's step left hidden, with the
        // sample's texts, go as show(null) takes them out. A key opened from the table is shown before it loads.
        vm.loadingProperty().addListener((o, a, now) -> {
            if (now && vm.detailsProperty().get() == null && !overview.isVisible()) {
                emptyTabs();
            }
        });
        show(vm.detailsProperty().get());
    }

    /** "Not in the current list: …" while the table's list does not hold the key on show. */
    private Label notInListMark() {
        Label mark = new Label();
        mark.setId("detail-not-in-list");
        mark.getStyleClass().add("field-warning");
        mark.setWrapText(true);
        mark.setGraphic(Icons.icon(Feather.EYE_OFF));
        mark.textProperty().bind(vm.notInListProperty());
        mark.visibleProperty().bind(vm.notInListProperty().isNotNull());
        mark.managedProperty().bind(mark.visibleProperty());
        return mark;
    }

    /** Says so when the pane shows the table's copy of the key because it could not be read fresh. */
    private Label tableCopyNote() {
        Label note = new Label();
        note.setId("detail-table-copy");
        note.getStyleClass().addAll("hint", "small");
        note.setWrapText(true);
        Runnable update = () -> {
            boolean copy = vm.detailsProperty().get() != null && !vm.freshProperty().get();
            // Only after a failure: while it loads (a J/K step) the loading strip says enough, and a line coming
            // and going with every step would make the pane jump.
            note.setText(copy && !vm.loadingProperty().get() && vm.errorMessageProperty().get() != null
                    ? "Showing the table's copy of this key: it could not be read fresh." : null);
            note.setVisible(note.getText() != null);
            note.setManaged(note.isVisible());
        };
        vm.detailsProperty().addListener((o, a, b) -> update.run());
        vm.freshProperty().addListener((o, a, b) -> update.run());
        vm.loadingProperty().addListener((o, a, b) -> update.run());
        vm.errorMessageProperty().addListener((o, a, b) -> update.run());
        update.run();
        return note;
    }

    private static Tab tab(String id, String text, Node content, String tooltip) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        Tab tab = new Tab(text, scroll);
        tab.setId("tab-" + id);
        tab.setTooltip(new Tooltip(tooltip));
        return tab;
    }

    private void show(KeyDetails d) {
        if (d == null) {
            showNoKey();
            emptyTabs();
            return;
        }
        Node[] panes = panes();
        for (int i = 0; i < panes.length; i++) {
            ((ScrollPane) tabs.getTabs().get(i).getContent()).setContent(panes[i]);
            panes[i].setVisible(true);
        }
        // As the table shows it (markers for hidden characters); the tooltip has the whole of it with notes.
        NameLabels.show(title, d.key().name());
        // The same two tooltips from key to key, their texts changed: each new one is a popup window to make.
        if (title.getTooltip() == null) {
            title.setTooltip(NameLabels.tooltipOf(""));
        }
        title.getTooltip().setText(DisplayText.tooltip(d.key().name()));
        status.setVisible(true);
        StatusBadges.show(status, d.status());
        if (status.getTooltip() == null) {
            status.setTooltip(new Tooltip());
        }
        status.getTooltip().setText(d.statusReason());
        id.setText(d.key().id());
        showValue();
        overview.show(d);
        // Only the tab on screen builds its cards now; the others when they are picked (opening a key is then one
        // pane's nodes and styling, not six).
        stale.clear();
        stale.put(providersTab, () -> providers.show(d));
        stale.put(providerKeysTab, () -> providerKeys.show(d));
        stale.put(budgetsTab, () -> budgets.show(d));
        stale.put(rateLimitsTab, () -> rateLimits.show(d));
        stale.put(mcpTab, () -> mcp.show(d));
        showSelectedTab();
        providersTab.setText("Providers (" + d.providers().size() + ")");
        providerKeysTab.setText("Keys (" + d.providerKeys().size() + ")");
        budgetsTab.setText("Budgets (" + d.budgets().size() + ")");
        rateLimitsTab.setText("Limits (" + d.rateLimits().size() + ")");
        mcpTab.setText("MCP (" + d.mcpClients().size() + ")");
    }

    /**
     * Makes this pane's parts for a key ahead of the first open, while it is not on screen: shows {@code sample}
     * (any key, e.g. the table's first row) so its overview's rows, cards and tooltips are made, returning a step
     * that goes back to what the view-model holds. The pane is styled and laid out between the two. The header
     * forgets {@code sample}; the tabs keep the panes made for it, hidden, so that the first open only refills and
     * shows them (they stay where they are styled).
     */
    public Runnable prepare(KeyDetails sample) {
        show(sample);
        return () -> {
            KeyDetails now = vm.detailsProperty().get();
            if (now != null) {
                show(now);
                return;
            }
            // The header as show(null) leaves it, but each tab keeps its pane, hidden: swapped for an empty box and
            // put back on the first open, the overview had a new parent and was restyled whole, which was most of
            // that open's cost. The hidden panes hold the sample's texts (a key of the table, without its value)
            // until a key is shown; opened with no key to show (a link, while the key loads), they go as before.
            showNoKey();
            title.getTooltip().setText("");
            status.getTooltip().setText("");
            for (Node pane : panes()) {
                pane.setVisible(false);
            }
        };
    }

    private void emptyTabs() {
        for (Tab t : tabs.getTabs()) {
            if (t != usageTab) {
                ((ScrollPane) t.getContent()).setContent(new VBox());
            }
        }
    }

    /** The panes of the tabs, in the tabs' order; the Usage tab makes its own on first pick. */
    private Node[] panes() {
        return new Node[]{overview, providers, providerKeys, budgets, rateLimits, mcp};
    }

    /** The header while no key is on show: "Loading…" or nothing, the id asked for, no value; no tab to bring up. */
    private void showNoKey() {
        title.setText(vm.loadingProperty().get() ? "Loading\u2026" : "");
        status.setVisible(false);
        id.setText(vm.requestedIdProperty().get() == null ? "" : vm.requestedIdProperty().get());
        value.show("", false);
        stale.clear();
    }

    private void showSelectedTab() {
        Runnable build = stale.remove(tabs.getSelectionModel().getSelectedItem());
        if (build != null) {
            build.run();
        }
    }

    private void showValue() {
        KeyDetails d = vm.detailsProperty().get();
        value.show(d == null ? "" : d.key().plainValue(), vm.valueRevealedProperty().get());
    }

    /**
     * What Edit (also a double-click in the pane) and Duplicate do; the buttons show once these are set, so a
     * read-only snapshot has none.
     */
    public void setEditing(Runnable onEdit, Runnable onDuplicate) {
        this.onEdit = onEdit;
        this.onDuplicate = onDuplicate;
        edit.setVisible(true);
        duplicate.setVisible(true);
        setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && e.getButton() == javafx.scene.input.MouseButton.PRIMARY
                    && !(e.getTarget() instanceof Node n && insideButton(n))) {
                onEdit.run();
            }
        });
    }

    private static boolean insideButton(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.ButtonBase || n instanceof javafx.scene.control.Hyperlink) {
                return true;
            }
        }
        return false;
    }

    /** Where the links to the key's team and customer lead. */
    public void setNavigator(bifrostconsole.ui.Navigator navigator) {
        overview.setNavigator(navigator);
    }

    /** Another feature's item in the header (the key actions' menu), before the previous/next buttons. */
    public void addHeaderItem(Node item) {
        Node previous = top.getChildren().stream().filter(n -> "detail-previous".equals(n.getId())).findFirst()
                .orElseThrow();
        top.getChildren().add(top.getChildren().indexOf(previous), item);
    }

    public TabPane tabs() {
        return tabs;
    }
}
