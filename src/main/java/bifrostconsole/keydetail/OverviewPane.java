package bifrostconsole.keydetail;

import javafx.scene.layout.VBox;

/** Name, id, description, status with its reason, owners with their own budgets, dates, alignment, config hash. */
final class OverviewPane extends VBox {
    OverviewPane() {
        getStyleClass().add("detail-pane");
        setId("overview-pane");
    }

    void show(KeyDetails d) {
        getChildren().setAll(DetailParts.fields(d.overview()));
        if (d.owners().isEmpty()) {
            return;
        }
        getChildren().add(DetailParts.section("Owner limits",
                "The key's team and customer have budgets and limits of their own; a request must fit all of them."));
        for (KeyDetails.Owner owner : d.owners()) {
            VBox card = DetailParts.card(DetailParts.cardTitle(owner.kind() + ": " + owner.name()),
                    DetailParts.usage(owner.budgets(), "No budgets of its own."));
            if (!owner.rateLimits().isEmpty()) {
                card.getChildren().add(DetailParts.usage(owner.rateLimits(), null));
            }
            getChildren().add(card);
        }
    }
}
