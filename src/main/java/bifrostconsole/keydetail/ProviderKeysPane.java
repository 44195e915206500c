package bifrostconsole.keydetail;

import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/** The provider API keys this key's configs name, with cloud settings; env-backed values show their variable. */
final class ProviderKeysPane extends VBox {
    ProviderKeysPane() {
        getStyleClass().add("detail-pane");
        setId("provider-keys-pane");
    }

    void show(KeyDetails d) {
        getChildren().clear();
        if (d.providerKeys().isEmpty()) {
            getChildren().add(DetailParts.note(d.providers().stream().anyMatch(p -> p.keysText().equals("All keys"))
                    ? "No specific provider keys are named: the providers marked \u201cAll keys\u201d may use every "
                    + "key configured on the gateway."
                    : "No provider keys are named by this key's provider configs."));
            return;
        }
        for (KeyDetails.ProviderKeyCard k : d.providerKeys()) {
            List<KeyDetails.Field> fields = new ArrayList<>();
            fields.add(KeyDetails.Field.of("Provider", k.provider()));
            fields.add(new KeyDetails.Field("Key ID", k.keyId(), "The id used in a provider config's key list."));
            fields.add(KeyDetails.Field.of("Models", k.models()));
            fields.add(new KeyDetails.Field("Weight", k.weightText(), "Share of traffic among the provider's keys."));
            fields.addAll(k.settings());
            VBox card = DetailParts.card(DetailParts.cardTitle(k.name(),
                            DetailParts.tag(k.enabled() ? "Enabled" : "Disabled", k.enabled() ? "on" : "off", null),
                            DetailParts.tag(k.batchApi() ? "Batch API" : "No batch API", null,
                                    "Whether the gateway uses this key for batch API requests.")),
                    DetailParts.fields(fields));
            getChildren().add(card);
        }
    }
}
