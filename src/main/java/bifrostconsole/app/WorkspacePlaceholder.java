package bifrostconsole.app;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Shown in the centre until the key browser is wired in: which server is open and how many keys it has. */
final class WorkspacePlaceholder extends VBox {
    WorkspacePlaceholder(Workspace ws) {
        getStyleClass().add("centre-message");
        Label title = new Label(ws.displayName());
        title.getStyleClass().add("title");
        Label detail = new Label(String.format("Bifrost %s at %s: %,d virtual keys.", ws.serverVersion(),
                ws.client().displayName(), ws.keyCount()));
        detail.getStyleClass().add("detail");
        getChildren().addAll(title, detail);
    }
}
