package bifrostconsole.keys;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import bifrostconsole.api.ConnectionSettings;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.Secret;
import bifrostconsole.config.UiSettings;
import bifrostconsole.demo.DemoDataGenerator;
import bifrostconsole.demo.DemoGateway;
import bifrostconsole.testing.TestServices;
import bifrostconsole.ui.Stylesheets;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.time.Instant;

/**
 * The key browser in a real window against an in-process demo gateway, to look at it (and at it under Xvfb):
 * {@code java -cp ... bifrostconsole.keys.KeyBrowserPreview$Main [dark] [open] [keys]}. Not part of the product.
 */
public final class KeyBrowserPreview extends Application {
    private DemoGateway gateway;

    /** Not an Application subclass, so JavaFX loads from the class path. */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(KeyBrowserPreview.class, args);
        }
    }

    @Override
    public void init() throws Exception {
        int keys = getParameters().getUnnamed().stream().filter(a -> a.matches("\\d+")).mapToInt(Integer::parseInt)
                .findFirst().orElse(1234);
        gateway = DemoGateway.start(DemoGateway.Options.of(DemoDataGenerator.generate(7, keys, Instant.now())));
    }

    @Override
    public void start(Stage stage) {
        boolean dark = getParameters().getUnnamed().contains("dark");
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        ManagementApiClient client = new ManagementApiClient(ConnectionSettings.of(gateway.baseUrl(), Secret.of("")));
        KeyBrowserViewModel vm = TestServices.keyBrowser(client, UiSettings.inMemory());
        Scene scene = new Scene(new KeyBrowserView(vm), 1440, 900);
        Stylesheets.apply(scene);
        stage.setTitle("Key browser preview");
        stage.setScene(scene);
        stage.show();
        if (getParameters().getUnnamed().contains("open")) {
            vm.firstPageShown().thenRun(() -> Platform.runLater(() -> {
                vm.selectedIndexProperty().set(3);
                vm.openSelected();
            }));
        }
    }

    @Override
    public void stop() {
        gateway.close();
    }
}
