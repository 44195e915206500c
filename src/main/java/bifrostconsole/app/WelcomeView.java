package bifrostconsole.app;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The first screen when nothing is configured: connect to a server, or open the demo in one click. */
final class WelcomeView extends VBox {

    WelcomeView(Runnable onConnect, Runnable onDemo) {
        getStyleClass().add("welcome");
        Label headline = new Label("Welcome to Bifrost Console");
        headline.getStyleClass().add("headline");
        Label lead = new Label("Browse and audit the virtual keys, budgets and limits of your Bifrost AI gateways.");
        lead.getStyleClass().add("lead");
        lead.setWrapText(true);

        Button connect = card("connect-server", Feather.SERVER, "Connect to a Bifrost server",
                "Enter its address and management API key. The key is kept in your system's credential store.",
                onConnect);
        Button demo = card("open-demo", Feather.PLAY_CIRCLE, "Open the demo workspace",
                "A built-in gateway with about 2,000 sample keys runs on this computer. No key or server needed.",
                onDemo);
        HBox choices = new HBox(24, connect, demo);
        choices.setAlignment(Pos.CENTER);
        choices.setFillHeight(true);
        choices.setMaxHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(headline, lead, choices);
    }

    private static Button card(String id, Feather icon, String title, String text, Runnable action) {
        Label titleLabel = new Label(title);
        titleLabel.getStyleClass().add("choice-title");
        titleLabel.setWrapText(true);
        Label textLabel = new Label(text);
        textLabel.getStyleClass().add("choice-text");
        textLabel.setWrapText(true);
        VBox content = new VBox(10, new FontIcon(icon), titleLabel, textLabel);
        content.setAlignment(Pos.TOP_LEFT);
        Button button = new Button(null, content);
        button.setId(id);
        button.getStyleClass().add("choice-card");
        // A button sizes wrapped text in its graphic generously; fix the card's height instead.
        button.setPrefSize(320, 200);
        button.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        button.setOnAction(e -> action.run());
        return button;
    }
}
