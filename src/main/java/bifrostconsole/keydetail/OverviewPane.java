package bifrostconsole.keydetail;

import bifrostconsole.headroom.HeadroomWords;
import bifrostconsole.messages.DisplayText;
import bifrostconsole.ui.NameLabels;
import bifrostconsole.ui.Navigator;
import bifrostconsole.ui.UsageLineView;
import javafx.scene.control.Hyperlink;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * The key's headroom first (what it can still use, and every level that was counted, the binding one marked),
 * then name, id, description, status with its reason, owners with their own budgets, dates, alignment, config hash.
 * An owner's name is a link to its team or customer view.
 */
final class OverviewPane extends VBox {
    private Navigator navigator = Navigator.NONE;
    /** The headroom card and the field grid stay from one key to the next; only their texts change. */
    private final UsageLineView headroomBar = new UsageLineView(UsageLineView.Style.COMPACT);
    private final FieldGrid headroomLevels = new FieldGrid(false);
    private final VBox headroomCard;
    private final FieldGrid fields = new FieldGrid(true);

    OverviewPane() {
        getStyleClass().add("detail-pane");
        setId("overview-pane");
        headroomBar.setId("headroom-summary");
        headroomLevels.setId("headroom-levels");
        Label title = DetailParts.section("Headroom", null);
        Tooltip.install(title, new Tooltip("Bifrost checks every level on each request: the key's own budgets, its"
                + " provider configs', its team's and its customer's, and every rate limit. The one with the least"
                + " left binds; windows that have ended count as reset."));
        headroomCard = new VBox(6, title, headroomBar, headroomLevels);
        headroomCard.setId("headroom-card");
        headroomCard.getStyleClass().add("headroom-card");
        getChildren().setAll(headroomCard, fields);
    }

    /**
     * "Owner limits", the same from key to key: made once, as its tooltip is a popup window with a scene of its own
     * to make (on every open, it was part of each open's stall).
     */
    private Label ownerSection;

    void setNavigator(Navigator navigator) {
        this.navigator = navigator;
    }

    void show(KeyDetails d) {
        showHeadroom(d);
        fields.show(d.overview());
        if (getChildren().size() > 2) {
            getChildren().remove(2, getChildren().size()); // the owners' cards of the key shown before
        }
        if (d.owners().isEmpty()) {
            return;
        }
        if (ownerSection == null) {
            ownerSection = DetailParts.section("Owner limits", "The key's team and customer have budgets and limits"
                    + " of their own; a request must fit all of them.");
        }
        getChildren().add(ownerSection);
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
    private void showHeadroom(KeyDetails d) {
        headroomBar.show(d.headroom());
        List<HeadroomWords.Line> lines = d.headroomLines();
        for (int i = 0; i < lines.size(); i++) {
            HeadroomWords.Line line = lines.get(i);
            headroomLevels.row(i).show(line.label(), line.binds() ? line.text() + "  \u2190 binds" : line.text(),
                    null, null, line.binds());
        }
        headroomLevels.hideFrom(lines.size());
    }
}
