package bifrostconsole.keydetail;

import bifrostconsole.ui.Navigator;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * Name, id, description, status with its reason, owners with their own budgets, dates, alignment, config hash.
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
        getChildren().setAll(DetailParts.fields(d.overview()));
        if (d.owners().isEmpty()) {
            return;
        }
        getChildren().add(DetailParts.section("Owner limits",
                "The key's team and customer have budgets and limits of their own; a request must fit all of them."));
        for (KeyDetails.Owner owner : d.owners()) {
            boolean team = owner.kind().equals("Team");
            Hyperlink link = new Hyperlink(owner.kind() + ": " + owner.name());
            link.setMnemonicParsing(false);
            link.getStyleClass().add("card-title");
            link.setId(team ? "owner-team-link" : "owner-customer-link");
            link.setTooltip(new Tooltip("Open the " + owner.kind().toLowerCase() + " " + owner.name()));
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
}
