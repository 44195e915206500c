package bifrostconsole.keydetail;

import javafx.scene.layout.VBox;

/** The key's own budgets: spent of limit, the window in words, last reset and the time to the next reset. */
final class BudgetsPane extends VBox {
    BudgetsPane() {
        getStyleClass().add("detail-pane");
        setId("budgets-pane");
    }

    void show(KeyDetails d) {
        getChildren().setAll(DetailParts.usage(d.budgets(),
                "No budget on this key: its spending is limited only by its team, customer or provider budgets."));
    }
}
