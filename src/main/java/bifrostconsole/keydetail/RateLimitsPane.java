package bifrostconsole.keydetail;

import javafx.scene.layout.VBox;

/** Token and request limits of the key with their windows and the time to the next reset. */
final class RateLimitsPane extends VBox {
    RateLimitsPane() {
        getStyleClass().add("detail-pane");
        setId("rate-limits-pane");
    }

    void show(KeyDetails d) {
        getChildren().setAll(DetailParts.note("Tokens counts the tokens of requests and answers (a TPM-style "
                        + "limit when the window is a minute); Requests counts calls (RPM-style)."),
                DetailParts.usage(d.rateLimits(), "No rate limit on this key."));
    }
}
