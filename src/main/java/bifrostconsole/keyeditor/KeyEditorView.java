package bifrostconsole.keyeditor;

import bifrostconsole.ui.NameLabels;
import bifrostconsole.messages.DisplayText;
import atlantafx.base.controls.ToggleSwitch;
import bifrostconsole.changes.KeyChange;
import bifrostconsole.keys.FilterPicker;
import bifrostconsole.limits.BudgetsEditorView;
import bifrostconsole.limits.FormParts;
import bifrostconsole.limits.RateLimitEditorView;
import bifrostconsole.ui.ClipboardService;
import bifrostconsole.ui.EditorShell;
import bifrostconsole.ui.Icons;
import bifrostconsole.ui.MaskedSecretField;
import bifrostconsole.ui.SecretMask;
import bifrostconsole.ui.Stylesheets;
import bifrostconsole.ui.Switches;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;

import java.time.Duration;
import java.util.List;

/**
 * The key editor in its dialog: basics, expiry, owner, budgets and rate limit, provider configs, MCP clients and
 * metadata, each field with its message; the Save button that says what it does; the preview of what it sends;
 * and, after a create, the new key's value, shown once. {@code close} closes the dialog (asking first if there is
 * an edit to lose).
 */
public final class KeyEditorView extends StackPane {
    private final KeyEditorViewModel vm;
    private final ClipboardService clipboard;
    private final Runnable close;
    private final TextField name = new TextField();
    private final EditorShell shell;
    private final VBox providerCards = new VBox(8);
    private final VBox mcpCards = new VBox(8);
    private final VBox metadataRows = new VBox(4);

    public KeyEditorView(KeyEditorViewModel vm, ClipboardService clipboard, Runnable close) {
        this.vm = vm;
        this.clipboard = clipboard;
        this.close = close;
        getStyleClass().add("editor-view");
        setId("key-editor");
        Stylesheets.apply(this);
        setPrefSize(720, 760);

        VBox form = new VBox(6);
        form.getStyleClass().add("editor-form");
        form.getChildren().addAll(basics(), expiry(), owner(), limits(), providers(), mcp(), metadata());
        shell = new EditorShell(form, vm.saveTextProperty(), vm.canSaveProperty(), vm.savingProperty(),
                vm.saveErrorProperty(), vm.previewProperty(), new EditorShell.Actions() {
            @Override
            public void preview() {
                if (vm.preview()) {
                    if (vm.budgetsChangedProperty().get() && vm.features().resetBudgetUsage()) {
                        shell.previewPane().offerUsageReset(vm.resetUsageProperty(), "key");
                    } else {
                        shell.previewPane().hideUsageReset();
                    }
                }
            }

            @Override
            public void back() {
                vm.backToForm();
            }

            @Override
            public void confirm() {
                vm.save();
            }

            @Override
            public void cancel() {
                close.run();
            }
        });
        getChildren().add(shell);
        vm.createdProperty().addListener((o, a, b) -> {
            if (b != null) {
                getChildren().setAll(created(b));
                // The short page gets a short dialog (the form's height was held to the screen's).
                setPrefHeight(Region.USE_COMPUTED_SIZE);
            }
        });
        vm.start();
    }

    public TextField nameField() {
        return name;
    }

    public KeyEditorViewModel viewModel() {
        return vm;
    }

    // ---- sections -------------------------------------------------------------------------------------------

    private Node basics() {
        name.setId("key-editor-name");
        name.setPromptText("e.g. checkout-service-prod: unique on the gateway");
        name.textProperty().bindBidirectional(vm.nameProperty());
        TextField description = new TextField();
        description.setId("key-editor-description");
        description.setPromptText("What the key is for (optional)");
        description.textProperty().bindBidirectional(vm.descriptionProperty());
        ToggleSwitch active = Switches.create("Active: requests with this key are accepted");
        active.setId("key-editor-active");
        active.selectedProperty().bindBidirectional(vm.activeProperty());
        return new VBox(4, section("Name"), name, FormParts.error(vm.nameErrorProperty()), section("Description"),
                description, active);
    }

    private Node expiry() {
        TextField when = new TextField();
        when.setId("key-editor-expiry");
        when.setPromptText("Never");
        when.setPrefColumnCount(14);
        when.textProperty().bindBidirectional(vm.expiryProperty());
        Button never = small("Never", vm::neverExpire);
        never.setId("key-editor-never");
        HBox row = new HBox(6, when, new Label("UTC"), never, small("1 day", () -> vm.expireIn(Duration.ofDays(1))),
                small("7 days", () -> vm.expireIn(Duration.ofDays(7))),
                small("30 days", () -> vm.expireIn(Duration.ofDays(30))));
        row.setAlignment(Pos.CENTER_LEFT);
        ChoiceBox<KeyEditorViewModel.DeleteAfter> deleteAfter = new ChoiceBox<>(FXCollections.observableArrayList(
                KeyEditorViewModel.DeleteAfter.values()));
        deleteAfter.setId("key-editor-delete-after");
        deleteAfter.setConverter(new StringConverter<>() {
            @Override
            public String toString(KeyEditorViewModel.DeleteAfter d) {
                return d == null ? "" : switch (d) {
                    case INHERIT -> "As the gateway is set up";
                    case YES -> "Yes, delete it";
                    case NO -> "No, keep it";
                };
            }

            @Override
            public KeyEditorViewModel.DeleteAfter fromString(String s) {
                return null;
            }
        });
        deleteAfter.valueProperty().bindBidirectional(vm.deleteAfterProperty());
        deleteAfter.disableProperty().bind(vm.expiryProperty().isEmpty());
        HBox delete = new HBox(8, new Label("Delete the key after it expires"), deleteAfter);
        delete.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, section("Expiry"), row, FormParts.error(vm.expiryErrorProperty()), delete);
    }

    private Node owner() {
        ToggleGroup kinds = new ToggleGroup();
        HBox choices = new HBox(0);
        choices.getStyleClass().add("segmented");
        for (KeyChange.OwnerKind k : KeyChange.OwnerKind.values()) {
            ToggleButton b = new ToggleButton(switch (k) {
                case NONE -> "None";
                case TEAM -> "Team";
                case CUSTOMER -> "Customer";
            });
            b.setId("key-editor-owner-" + k.name().toLowerCase());
            b.setUserData(k);
            b.setToggleGroup(kinds);
            b.setSelected(vm.ownerKindProperty().get() == k);
            choices.getChildren().add(b);
        }
        kinds.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);
            } else {
                vm.ownerKindProperty().set((KeyChange.OwnerKind) b.getUserData());
            }
        });
        FilterPicker team = new FilterPicker(vm.teamPicker(), Feather.USERS,
                "The team the key belongs to: the team's budgets and limits apply on top of the key's own.");
        FilterPicker customer = new FilterPicker(vm.customerPicker(), Feather.BRIEFCASE,
                "The customer the key belongs to: its budgets and limits apply on top of the key's own.");
        team.visibleProperty().bind(vm.ownerKindProperty().isEqualTo(KeyChange.OwnerKind.TEAM));
        team.managedProperty().bind(team.visibleProperty());
        customer.visibleProperty().bind(vm.ownerKindProperty().isEqualTo(KeyChange.OwnerKind.CUSTOMER));
        customer.managedProperty().bind(customer.visibleProperty());
        HBox row = new HBox(10, choices, team, customer);
        row.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, section("Team or customer"), hint("A key belongs to a team, to a customer, or to neither;"
                + " never both."), row, FormParts.error(vm.ownerErrorProperty()));
    }

    private Node limits() {
        ToggleSwitch aligned = Switches.create("Align windows to the calendar (UTC)");
        aligned.setId("key-editor-calendar");
        aligned.selectedProperty().bindBidirectional(vm.calendarAlignedProperty());
        Tooltip.install(aligned, new Tooltip("Day, week, month and year windows reset at midnight UTC, on Mondays,"
                + " on the 1st and on 1 January. Turning it on for an existing key resets its usage to $0."));
        return new VBox(4, section("Budgets"), hint("Dollars the key may spend per window."),
                new BudgetsEditorView(vm.budgets(), "key"), aligned, section("Rate limit"),
                hint("Tokens and requests the key may use per window."), new RateLimitEditorView(vm.rateLimit(), "key"));
    }

    private Node providers() {
        ToggleSwitch all = Switches.create("Allow all providers, including ones added later");
        all.setId("key-editor-all-providers");
        all.selectedProperty().bindBidirectional(vm.allowAllProvidersProperty());
        ComboBox<String> choice = new ComboBox<>(vm.providerChoices());
        choice.setId("key-editor-provider-choice");
        choice.setPromptText("Provider");
        Button add = new Button("Add provider", Icons.icon(Feather.PLUS));
        add.setId("key-editor-add-provider");
        add.disableProperty().bind(choice.valueProperty().isNull());
        add.setOnAction(e -> {
            vm.addProvider(choice.getValue());
            choice.setValue(null);
        });
        HBox adder = new HBox(6, choice, add);
        adder.setAlignment(Pos.CENTER_LEFT);
        vm.providers().addListener((ListChangeListener<ProviderRowViewModel>) c -> showProviders());
        showProviders();
        return new VBox(4, section("Providers"), hint("Which providers, models and provider keys the key may use."
                + " Weights share the traffic between providers."), all, providerCards, adder,
                FormParts.error(vm.providersErrorProperty()), FormParts.warning(vm.providersNoteProperty()));
    }

    private void showProviders() {
        providerCards.getChildren().clear();
        int i = 0;
        for (ProviderRowViewModel p : vm.providers()) {
            providerCards.getChildren().add(providerCard(p, "key-editor-provider-" + i++));
        }
    }

    private Node providerCard(ProviderRowViewModel p, String id) {
        Label title = new Label(p.provider());
        title.getStyleClass().add("card-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button remove = Icons.button(Feather.TRASH_2, "Remove " + p.provider() + " (its budgets and rate limit go with"
                + " it)");
        remove.setId(id + "-remove");
        remove.setOnAction(e -> p.remove());
        HBox head = new HBox(6, title, spacer, remove);
        head.setAlignment(Pos.CENTER_LEFT);

        TextField weight = new TextField();
        weight.setId(id + "-weight");
        weight.setPromptText("none");
        weight.setPrefColumnCount(5);
        weight.textProperty().bindBidirectional(p.weightProperty());
        HBox weightRow = new HBox(6, label("Weight"), weight, hint("0 to 1; empty: not in weighted routing"));
        weightRow.setAlignment(Pos.CENTER_LEFT);
        TextField allowed = new TextField();
        allowed.setId(id + "-allowed");
        allowed.setPromptText("* for every model, or names and regex:PATTERN, by commas");
        allowed.textProperty().bindBidirectional(p.allowedModelsProperty());
        TextField blocked = new TextField();
        blocked.setId(id + "-blocked");
        blocked.setPromptText("none");
        blocked.textProperty().bindBidirectional(p.blockedModelsProperty());
        HBox.setHgrow(allowed, Priority.ALWAYS);
        HBox.setHgrow(blocked, Priority.ALWAYS);
        HBox allowedRow = new HBox(6, label("Models"), allowed);
        allowedRow.setAlignment(Pos.CENTER_LEFT);
        HBox blockedRow = new HBox(6, label("Blocked"), blocked);
        blockedRow.setAlignment(Pos.CENTER_LEFT);

        ToggleGroup access = new ToggleGroup();
        RadioButton allKeys = new RadioButton("All keys of " + p.provider());
        allKeys.setId(id + "-all-keys");
        RadioButton chosenKeys = new RadioButton("Only these keys:");
        chosenKeys.setId(id + "-chosen-keys");
        allKeys.setToggleGroup(access);
        chosenKeys.setToggleGroup(access);
        (p.allKeysProperty().get() ? allKeys : chosenKeys).setSelected(true);
        access.selectedToggleProperty().addListener((o, a, b) -> p.allKeysProperty().set(b == allKeys));
        FlowPane keys = new FlowPane(10, 4);
        keys.disableProperty().bind(p.allKeysProperty());
        Runnable showKeys = () -> {
            keys.getChildren().clear();
            for (ProviderRowViewModel.KeyChoice k : p.keys()) {
                CheckBox box = new CheckBox(k.name());
                box.setId(id + "-key-" + k.keyId());
                box.setMnemonicParsing(false);
                box.selectedProperty().bindBidirectional(k.chosenProperty());
                if (!k.models().isEmpty()) {
                    box.setTooltip(new Tooltip(k.name() + " serves " + k.models()));
                }
                keys.getChildren().add(box);
            }
        };
        p.keys().addListener((ListChangeListener<ProviderRowViewModel.KeyChoice>) c -> showKeys.run());
        showKeys.run();
        HBox accessRow = new HBox(10, label("Key access"), allKeys, chosenKeys);
        accessRow.setAlignment(Pos.CENTER_LEFT);

        TitledPane ownLimits = new TitledPane("Budgets and rate limit of this provider",
                new VBox(6, new BudgetsEditorView(p.budgets(), id), new RateLimitEditorView(p.rateLimit(), id)));
        ownLimits.setExpanded(!p.budgets().rows().isEmpty());
        ownLimits.setAnimated(false);

        VBox card = new VBox(4, head, FormParts.error(p.providerErrorProperty()), weightRow,
                FormParts.error(p.weightErrorProperty()), allowedRow, FormParts.error(p.allowedErrorProperty()),
                blockedRow, FormParts.error(p.blockedErrorProperty()), accessRow, keys,
                FormParts.warning(p.keysNoteProperty()), ownLimits);
        card.getStyleClass().add("form-card");
        card.setId(id);
        return card;
    }

    private Node mcp() {
        ComboBox<String> choice = new ComboBox<>(vm.mcpChoices());
        choice.setId("key-editor-mcp-choice");
        choice.setPromptText("MCP client");
        Button add = new Button("Add MCP client", Icons.icon(Feather.PLUS));
        add.setId("key-editor-add-mcp");
        add.disableProperty().bind(choice.valueProperty().isNull());
        add.setOnAction(e -> {
            vm.addMcp(choice.getValue());
            choice.setValue(null);
        });
        HBox adder = new HBox(6, choice, add);
        adder.setAlignment(Pos.CENTER_LEFT);
        vm.mcp().addListener((ListChangeListener<McpRowViewModel>) c -> showMcp());
        showMcp();
        return new VBox(4, section("MCP clients"), hint("Model Context Protocol servers the key may call, and which of"
                + " their tools. An entry here overrides a client's \u201callowed on all keys\u201d default."), mcpCards,
                adder, FormParts.warning(vm.mcpNoteProperty()));
    }

    private void showMcp() {
        mcpCards.getChildren().clear();
        int i = 0;
        for (McpRowViewModel m : vm.mcp()) {
            String id = "key-editor-mcp-" + i++;
            Label title = new Label(m.client());
            title.getStyleClass().add("card-title");
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            Button remove = Icons.button(Feather.TRASH_2, "Remove " + m.client());
            remove.setOnAction(e -> m.remove());
            HBox head = new HBox(6, title, spacer, remove);
            head.setAlignment(Pos.CENTER_LEFT);
            ToggleGroup mode = new ToggleGroup();
            HBox modes = new HBox(10);
            for (McpRowViewModel.Tools t : McpRowViewModel.Tools.values()) {
                RadioButton r = new RadioButton(switch (t) {
                    case ALL -> "All tools";
                    case NONE -> "No tools";
                    case CHOSEN -> "Only these:";
                });
                r.setId(id + "-" + t.name().toLowerCase());
                r.setUserData(t);
                r.setToggleGroup(mode);
                r.setSelected(m.modeProperty().get() == t);
                modes.getChildren().add(r);
            }
            mode.selectedToggleProperty().addListener((o, a, b) -> m.modeProperty().set((McpRowViewModel.Tools)
                    b.getUserData()));
            FlowPane tools = new FlowPane(10, 4);
            tools.disableProperty().bind(m.modeProperty().isNotEqualTo(McpRowViewModel.Tools.CHOSEN));
            Runnable showTools = () -> {
                tools.getChildren().clear();
                for (McpRowViewModel.ToolChoice t : m.tools()) {
                    CheckBox box = new CheckBox(t.name());
                    box.setMnemonicParsing(false);
                    box.selectedProperty().bindBidirectional(t.chosenProperty());
                    if (!t.description().isEmpty()) {
                        box.setTooltip(new Tooltip(t.description()));
                    }
                    tools.getChildren().add(box);
                }
            };
            m.tools().addListener((ListChangeListener<McpRowViewModel.ToolChoice>) c -> showTools.run());
            showTools.run();
            VBox card = new VBox(4, head, FormParts.error(m.errorProperty()), modes, tools);
            card.getStyleClass().add("form-card");
            card.setId(id);
            mcpCards.getChildren().add(card);
        }
    }

    private Node metadata() {
        Button add = new Button("Add entry", Icons.icon(Feather.PLUS));
        add.setId("key-editor-add-metadata");
        add.getStyleClass().add("small");
        add.setOnAction(e -> vm.addMetadata());
        vm.metadata().addListener((ListChangeListener<KeyEditorViewModel.MetadataRow>) c -> showMetadata());
        showMetadata();
        boolean unreadable = vm.metadataNoteProperty().get() != null && vm.mode() == KeyEditorViewModel.Mode.EDIT
                && vm.metadataNoteProperty().get().startsWith("This console cannot read");
        add.setDisable(unreadable);
        return new VBox(4, section("Metadata"), hint("Key/value labels (cost centre, environment): they filter keys"
                + " and logs."), metadataRows, add, FormParts.warning(vm.metadataNoteProperty()));
    }

    private void showMetadata() {
        metadataRows.getChildren().clear();
        int i = 0;
        for (KeyEditorViewModel.MetadataRow r : vm.metadata()) {
            TextField key = new TextField();
            key.setId("key-editor-metadata-" + i + "-key");
            key.setPromptText("key");
            key.textProperty().bindBidirectional(r.keyProperty());
            TextField value = new TextField();
            value.setId("key-editor-metadata-" + i++ + "-value");
            value.setPromptText("value");
            value.textProperty().bindBidirectional(r.valueProperty());
            HBox.setHgrow(value, Priority.ALWAYS);
            Button remove = Icons.button(Feather.TRASH_2, "Remove this entry");
            remove.setOnAction(e -> r.remove());
            HBox row = new HBox(6, key, new Label("="), value, remove);
            row.setAlignment(Pos.CENTER_LEFT);
            metadataRows.getChildren().addAll(row, FormParts.error(r.errorProperty()));
        }
    }

    // ---- after a create: the value, once ------------------------------------------------------------------

    private Node created(KeyEditorViewModel.Created created) {
        Label title = new Label();
        NameLabels.showText(title, "Key \u201c" + DisplayText.inline(created.name()) + "\u201d created");
        title.getStyleClass().add("preview-title");
        Label once = new Label("This is the only time the console shows the new key's value without opening the key:"
                + " copy it now to hand it to the application that will use it.");
        once.setWrapText(true);
        MaskedSecretField value = new MaskedSecretField(SecretMask.VISIBLE_PREFIX);
        value.setId("created-value");
        value.show(created.value().reveal(), false);
        value.setOnCopy(() -> clipboard.copySecret(created.value().reveal()));
        Label copied = new Label();
        copied.getStyleClass().add("hint");
        value.copyButton().addEventHandler(javafx.event.ActionEvent.ACTION, e -> copied.setText(
                "Copied: it is cleared from the clipboard in 30 s if it is still there."));
        VBox box = new VBox(6, value, copied);
        box.getStyleClass().add("new-value");
        Button done = new Button("Done");
        done.setId("created-done");
        done.getStyleClass().add("accent");
        done.setDefaultButton(true);
        done.setCancelButton(true); // Esc closes too: the value stays in the key's details
        done.setOnAction(e -> close.run());
        HBox buttons = new HBox(done);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox page = new VBox(14, title, once, box, buttons);
        page.getStyleClass().add("editor-form");
        page.setId("key-created");
        return page;
    }

    // ---- small parts ---------------------------------------------------------------------------------------

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("form-section");
        return l;
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        return l;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(80);
        return l;
    }

    private static Button small(String text, Runnable action) {
        Button b = new Button(text);
        b.getStyleClass().add("small");
        b.setOnAction(e -> action.run());
        return b;
    }

    /** The cards of the provider configs, for tests. */
    List<Node> providerCards() {
        return providerCards.getChildren();
    }
}
