package bifrostconsole.keydetail;

import javafx.scene.layout.VBox;

import java.util.List;

/** One card per provider the key may use: weight and traffic share, models, keys, budgets, limits, per-model limits. */
final class ProviderConfigsPane extends VBox {
    ProviderConfigsPane() {
        getStyleClass().add("detail-pane");
        setId("providers-pane");
    }

    void show(KeyDetails d) {
        getChildren().clear();
        if (d.providersNote() != null) {
            getChildren().add(DetailParts.note(d.providersNote()));
        }
        for (KeyDetails.ProviderCard p : d.providers()) {
            VBox card = DetailParts.card(DetailParts.cardTitle(p.provider(),
                            DetailParts.tag("weight " + p.weightText(), null,
                                    "Routing weight: the share of this key's traffic sent to this provider.")),
                    DetailParts.fields(List.of(
                            new KeyDetails.Field("Traffic share", p.shareText(),
                                    "This provider's weight divided by the sum of all weights set on the key."),
                            KeyDetails.Field.of("Allowed models", p.allowedModels()),
                            KeyDetails.Field.of("Blocked models", p.blockedModels()),
                            new KeyDetails.Field("Provider keys", p.keysText(),
                                    "Which of the provider's API keys requests with this virtual key may use."))));
            card.setId("provider-" + p.provider());
            if (!p.budgets().isEmpty()) {
                card.getChildren().addAll(DetailParts.section("Provider budgets", null),
                        DetailParts.usage(p.budgets(), null));
            }
            if (!p.rateLimits().isEmpty()) {
                card.getChildren().addAll(DetailParts.section("Provider rate limits", null),
                        DetailParts.usage(p.rateLimits(), null));
            }
            for (KeyDetails.ModelLimits m : p.modelLimits()) {
                card.getChildren().addAll(DetailParts.section("Model " + m.model(), "Budgets and limits for this model only."),
                        DetailParts.usage(m.lines(), "No limits for this model."));
            }
            getChildren().add(card);
        }
    }
}
