package bifrostconsole.keydetail;

import bifrostconsole.headroom.HeadroomWords;
import bifrostconsole.messages.DisplayText;
import bifrostconsole.ui.NameLabels;
import bifrostconsole.ui.Navigator;
import bifrostconsole.ui.UsageLineView;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The key's headroom first (what it can still use, and every level that was counted, the binding one marked),
 * then name, id, description, status with its reason, owners with their own budgets, dates, alignment, config hash.
 * An owner's name is a link to its team or customer view.
 */
final class OverviewPane extends VBox {
    private Navigator navigator = Navigator.NONE;

    OverviewPane() {
        getStyleClass().add("detail-pane");
        setId("overview-pane");
    }

    void setNavigator(Navigator navigator) {
        this.navigator = navigator;
    }

    void show(KeyDetails d) {
        getChildren().setAll(headroom(d), DetailParts.fields(d.overview()));
        if (d.owners().isEmpty()) {
            return;
        }
        getChildren().add(DetailParts.section("Owner limits",
                "The key's team and customer have budgets and limits of their own; a request must fit all of them."));
        for (KeyDetails.Owner owner : d.owners()) {
            boolean team = owner.kind().equals("Team");
            Hyperlink link = new Hyperlink();
            NameLabels.showText(link, owner.kind() + ": " + DisplayText.inline(owner.name()));
            link.setMnemonicParsing(false);
            link.getStyleClass().add("card-title");
            link.setId(team ? "owner-team-link" : "owner-customer-link");
            link.setTooltip(NameLabels.tooltipOf("Open the " + owner.kind().toLowerCase() + " "
                    + DisplayText.tooltip(owner.name())));
            link.setOnAction(e -> {
                if (team) {
                    navigator.showTeam(owner.id(), owner.name());
                } else {
                    navigator.showCustomer(owner.id(), owner.name());
                }
            });
            VBox card = DetailParts.card(link, DetailParts.usage(owner.budgets(), "No budgets of its own."));
            if (!owner.rateLimits().isEmpty()) {
                card.getChildren().add(DetailParts.usage(owner.rateLimits(), null));
            }
            getChildren().add(card);
        }
    }

    /** "Headroom: $12.40 left · team Platform, monthly" with its bar, then one line per level. */
    private static VBox headroom(KeyDetails d) {
        UsageLineView bar = new UsageLineView(UsageLineView.Style.COMPACT);
        bar.show(d.headroom());
        bar.setId("headroom-summary");
        GridPane levels = new GridPane();
        levels.getStyleClass().add("field-grid");
        levels.setId("headroom-levels");
        int row = 0;
        for (HeadroomWords.Line line : d.headroomLines()) {
            Label label = new Label(line.label());
            label.getStyleClass().add("field-label");
            label.setMinWidth(Label.USE_PREF_SIZE);
            Label text = new Label(line.binds() ? line.text() + "  \u2190 binds" : line.text());
            text.getStyleClass().add("field-value");
            text.setWrapText(true);
            text.setMaxWidth(Double.MAX_VALUE);
            if (line.binds()) {
                label.getStyleClass().add("binding");
                text.getStyleClass().add("binding");
            }
            levels.addRow(row++, label, text);
        }
        Label title = DetailParts.section("Headroom", null);
        Tooltip.install(title, new Tooltip("Bifrost checks every level on each request: the key's own budgets, its"
                + " provider configs', its team's and its customer's, and every rate limit. The one with the least"
                + " left binds; windows that have ended count as reset."));
        VBox box = new VBox(6, title, bar, levels);
        box.setId("headroom-card");
        box.getStyleClass().add("headroom-card");
        return box;
    }
}
