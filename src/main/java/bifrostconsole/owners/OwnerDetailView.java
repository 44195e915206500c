package bifrostconsole.owners;

import bifrostconsole.ui.NameLabels;
import bifrostconsole.messages.DisplayText;
import bifrostconsole.keydetail.DetailParts;
import bifrostconsole.ui.Formats;
import bifrostconsole.ui.Icons;
import bifrostconsole.usage.UsageView;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
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
import org.kordamp.ikonli.feather.Feather;

import java.util.function.Consumer;

/**
 * The detail pane beside the team or customer table: a header with the name, id and the Edit and Delete buttons,
 * then its budgets and rate limits (bars, reset countdowns, forecast), its customer (for a team), its keys and its
 * teams (for a customer) as links, and its configuration.
 */
public final class OwnerDetailView extends VBox {

    /** What the pane's buttons and links do. */
    public interface Actions {
        void previous();

        void next();

        void close();

        void edit();

        void delete();

        /** A key's name: the key table with that key open. */
        void openKey(OwnerDetails.Link key);

        /** "Show all N keys": the key table filtered to this team's or customer's keys. */
        void showAllKeys(OwnerDetails details);

        /** A customer's team: the team view with that team open. */
        void openTeam(OwnerDetails.Link team);

        /** A team's customer: the customer view with that customer open. */
        void openCustomer(OwnerDetails.Link customer);
    }

    private final Label title = new Label();
    private final Label limitTag = DetailParts.tag("Limit reached", "off",
            "A budget or rate limit is used up: requests of its keys are refused until it resets.");
    private final Label id = new Label();
    private final VBox body = new VBox();
    private final Actions actions;

    public OwnerDetailView(OwnerDetailViewModel<?> vm, Formats formats, Actions actions) {
        this.actions = actions;
        String noun = vm.kind().noun();
        getStyleClass().add("detail-view");
        setId(noun + "-detail");
        setMinWidth(360);
        setPrefWidth(480);

        title.getStyleClass().add("detail-title");
        title.setId(noun + "-detail-title");
        title.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        title.setMinWidth(0);
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, Priority.ALWAYS);
        limitTag.managedProperty().bind(limitTag.visibleProperty());
        Button edit = Icons.button(Feather.EDIT_2, "Edit this " + noun + " (Ctrl+E or double-click)");
        edit.setId(noun + "-detail-edit");
        edit.setOnAction(e -> actions.edit());
        Button delete = Icons.button(Feather.TRASH_2, "Delete this " + noun + "\u2026");
        delete.setId(noun + "-detail-delete");
        delete.setOnAction(e -> actions.delete());
        Button up = Icons.button(Feather.CHEVRON_UP, "Previous " + noun + " (K or \u2191)");
        up.setOnAction(e -> actions.previous());
        Button down = Icons.button(Feather.CHEVRON_DOWN, "Next " + noun + " (J or \u2193)");
        down.setOnAction(e -> actions.next());
        Button close = Icons.button(Feather.X, "Close the details (Esc)");
        close.setId(noun + "-detail-close");
        close.setOnAction(e -> actions.close());
        HBox top = new HBox(6, title, limitTag, edit, delete, up, down, close);
        top.setAlignment(Pos.CENTER_LEFT);

        id.getStyleClass().add("id-text");
        id.setMinWidth(0);
        Button copyId = Icons.button(Feather.COPY, "Copy the " + noun + " id");
        copyId.setOnAction(e -> vm.copyId());
        Label idLabel = new Label("ID");
        idLabel.getStyleClass().add("muted");
        HBox idRow = new HBox(4, idLabel, id, copyId);
        idRow.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(top, idRow);
        header.getStyleClass().add("detail-header");

        ProgressBar strip = new ProgressBar(ProgressIndicator.INDETERMINATE_PROGRESS);
        strip.getStyleClass().add("loading-strip");
        strip.setMaxWidth(Double.MAX_VALUE);
        strip.visibleProperty().bind(vm.loadingProperty());
        strip.progressProperty().bind(Bindings.when(vm.loadingProperty()).then(-1.0).otherwise(0.0));
        StackPane stripHolder = new StackPane(strip);
        stripHolder.setMinHeight(3);
        stripHolder.setMaxHeight(3);

        Label errorText = new Label();
        errorText.setWrapText(true);
        errorText.setId(noun + "-detail-error");
        errorText.textProperty().bind(vm.errorMessageProperty());
        errorText.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(errorText, Priority.ALWAYS);
        Button retry = new Button("Retry", Icons.icon(Feather.REFRESH_CW));
        retry.setOnAction(e -> vm.retry());
        retry.setMinWidth(Region.USE_PREF_SIZE);
        HBox error = new HBox(8, Icons.icon(Feather.ALERT_TRIANGLE), errorText, retry);
        error.getStyleClass().add("inline-error");
        error.visibleProperty().bind(vm.errorMessageProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());

        body.getStyleClass().add("detail-pane");
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        Tab overview = new Tab("Overview", scroll);
        overview.setId("tab-" + noun + "-overview");
        overview.setTooltip(new Tooltip("Budgets, rate limits, keys and configuration"));
        ScrollPane usageScroll = new ScrollPane(new UsageView(vm.usage(), formats));
        usageScroll.setFitToWidth(true);
        usageScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        Tab usage = new Tab("Usage", usageScroll);
        usage.setId("tab-" + noun + "-usage");
        usage.setTooltip(new Tooltip("Cost, tokens and requests of the " + noun + "'s keys over time, from the logs"));
        TabPane tabs = new TabPane(overview, usage);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("detail-tabs");
        VBox.setVgrow(tabs, Priority.ALWAYS);
        // The logs are asked for only while the Usage tab is on screen.
        Runnable usageActive = () -> vm.usage().setActive(usage.isSelected() && vm.shownProperty().get());
        usage.selectedProperty().addListener((o, a, b) -> usageActive.run());
        vm.shownProperty().addListener((o, a, b) -> usageActive.run());
        getChildren().addAll(header, stripHolder, error, tabs);

        vm.loadedProperty().addListener((o, a, b) -> show(b == null ? null : b.details()));
        show(vm.loadedProperty().get() == null ? null : vm.loadedProperty().get().details());
    }

    private void show(OwnerDetails d) {
        if (d == null) {
            title.setText("");
            id.setText("");
            limitTag.setVisible(false);
            body.getChildren().clear();
            return;
        }
        NameLabels.show(title, d.name()); // as the table shows it; whole, with what it hides, in the tooltip
        title.setTooltip(NameLabels.tooltip(d.name()));
        id.setText(d.id());
        limitTag.setVisible(d.exhausted());
        String noun = d.kind().noun();
        body.getChildren().setAll(
                DetailParts.section("Budgets", "Spending limits in US dollars that every key of this " + noun
                        + " counts towards, each over its own window."),
                DetailParts.usage(d.budgets(), "No budget of its own: its keys are limited by their own budgets"
                        + (d.kind() == OwnerDetails.Kind.TEAM ? " and their customer's." : ".")),
                DetailParts.section("Rate limits", "Tokens and requests its keys may use together per window."),
                DetailParts.usage(d.rateLimits(), "No rate limit of its own."));
        if (d.parent() != null) {
            Hyperlink customer = link(d.parent().name(), "customer-link", () -> actions.openCustomer(d.parent()));
            body.getChildren().addAll(DetailParts.section("Customer", null),
                    DetailParts.card(customer, DetailParts.note(d.parent().detail())));
        }
        body.getChildren().add(DetailParts.section("Keys (" + d.keyCount() + ")", d.kind()
                == OwnerDetails.Kind.CUSTOMER ? "Keys assigned to the customer itself; keys of its teams are listed "
                + "with each team." : "Keys assigned to this team."));
        body.getChildren().add(links(d.keys(), "No key belongs to this " + noun + ".", "key", actions::openKey));
        if (d.keyCount() > 0) {
            Hyperlink all = link(d.keyCount() > d.keys().size()
                            ? "Show all " + d.keyCount() + " keys in the key table"
                            : "Show these keys in the key table", noun + "-keys-link",
                    () -> actions.showAllKeys(d));
            body.getChildren().add(all);
        }
        if (d.kind() == OwnerDetails.Kind.CUSTOMER) {
            body.getChildren().add(DetailParts.section("Teams (" + d.teamCount() + ")",
                    "Teams of this customer; their keys count towards the customer's budgets too."));
            body.getChildren().add(links(d.teams(), "This customer has no teams.", "team", actions::openTeam));
            if (d.teamCount() > d.teams().size()) {
                body.getChildren().add(DetailParts.note("The first " + d.teams().size() + " of " + d.teamCount()
                        + " teams; search the team view for the others."));
            }
        }
        body.getChildren().addAll(DetailParts.section("Configuration", null), DetailParts.fields(d.configuration()));
    }

    private static Node links(java.util.List<OwnerDetails.Link> items, String emptyText, String kind,
                              Consumer<OwnerDetails.Link> open) {
        VBox box = new VBox(2);
        box.getStyleClass().add("link-list");
        if (items.isEmpty()) {
            box.getChildren().add(DetailParts.note(emptyText));
            return box;
        }
        for (OwnerDetails.Link item : items) {
            Hyperlink name = link("", null, () -> open.accept(item));
            NameLabels.show(name, item.name());
            name.getStyleClass().add(kind + "-link");
            name.setTooltip(NameLabels.tooltipOf("Open " + DisplayText.tooltip(item.name())));
            Label detail = new Label();
            NameLabels.show(detail, item.detail());
            detail.getStyleClass().add("muted");
            detail.setMinWidth(0);
            HBox row = new HBox(8, name, detail);
            row.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().add(row);
        }
        return box;
    }

    private static Hyperlink link(String text, String id, Runnable action) {
        Hyperlink link = new Hyperlink(text);
        link.setMnemonicParsing(false);
        link.setMinWidth(Region.USE_PREF_SIZE);
        if (id != null) {
            link.setId(id);
        }
        link.setOnAction(e -> action.run());
        return link;
    }
}
