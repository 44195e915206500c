package bifrostconsole.ui;

import atlantafx.base.theme.PrimerLight;
import bifrostconsole.testing.Fx;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Icons are made at the size the stylesheets give them where they go, so the first CSS pass leaves their inline
 * style alone (a changed inline style makes JavaFX style the icon again). When a stylesheet's size changes, the
 * constant in {@link Icons} or {@link MaskedSecretField} must follow, or every such icon is styled twice.
 */
@ExtendWith(ApplicationExtension.class)
class IconsTest {
    private Scene scene;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        scene = new Scene(new VBox(), 400, 300);
        Stylesheets.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theCssPassChangesNoIconsStyle() throws Exception {
        Fx.run(() -> {
            MaskedSecretField masked = new MaskedSecretField(SecretMask.VISIBLE_PREFIX);
            FontIcon stateIcon = Icons.icon(Feather.SEARCH, Icons.STATE_SIZE);
            stateIcon.getStyleClass().add("state-icon");
            VBox statePane = new VBox(stateIcon);
            statePane.getStyleClass().add("state-pane");
            Button themed = new Button("Add connection", Icons.themeIcon(Feather.PLUS));
            Button iconButton = Icons.button(Feather.REFRESH_CW, "Refresh");
            FontIcon plain = Icons.icon(Feather.X);
            ((VBox) scene.getRoot()).getChildren().setAll(new HBox(plain, themed, iconButton), masked, statePane);

            List<FontIcon> icons = new ArrayList<>();
            collect(scene.getRoot(), icons);
            assertEquals(6, icons.size(), "plain, 2 buttons', the masked field's 2 buttons', the state's");
            List<String> before = icons.stream().map(FontIcon::getStyle).toList();
            List<Integer> sizes = icons.stream().map(FontIcon::getIconSize).toList();
            scene.getRoot().applyCss();
            assertEquals(before, icons.stream().map(FontIcon::getStyle).toList(), "no icon's inline style rewritten");
            assertEquals(sizes, icons.stream().map(FontIcon::getIconSize).toList(), "each was made at its CSS size");
            assertEquals(Icons.THEME_SIZE, plain.getIconSize());
            assertEquals(Icons.STATE_SIZE, stateIcon.getIconSize());
            assertEquals(MaskedSecretField.ICON_SIZE,
                    ((FontIcon) masked.lookup(".button .ikonli-font-icon")).getIconSize());
        });
    }

    @Test
    void aChangeOfGlyphLeavesTheStyleAlone() throws Exception {
        Fx.run(() -> { // as a table cell's icon does when the cell shows another row
            FontIcon icon = Icons.icon(Feather.USERS);
            ((VBox) scene.getRoot()).getChildren().setAll(icon);
            scene.getRoot().applyCss();
            String styled = icon.getStyle();
            icon.setIconCode(Feather.BRIEFCASE);
            assertEquals(styled, icon.getStyle());
            assertEquals(String.valueOf((char) Feather.BRIEFCASE.getCode()), icon.getText());
        });
    }

    @Test
    void anIconMadeAtIkonlisOwnSizeIsRestyledByCss() throws Exception {
        Fx.run(() -> { // what the sizes above save: Ikonli's FontIcon rewrites its style when CSS sizes it
            FontIcon bare = new FontIcon(Feather.X);
            ((VBox) scene.getRoot()).getChildren().setAll(bare);
            String before = bare.getStyle();
            scene.getRoot().applyCss();
            assertEquals(Icons.THEME_SIZE, bare.getIconSize());
            assertNotEquals(before, bare.getStyle());
        });
    }

    private static void collect(Node node, List<FontIcon> into) {
        if (node instanceof FontIcon icon) {
            into.add(icon);
        } else if (node instanceof javafx.scene.control.Labeled labeled && labeled.getGraphic() != null) {
            collect(labeled.getGraphic(), into); // a button's graphic joins its children with the skin, after CSS
        } else if (node instanceof javafx.scene.Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, into));
        }
    }
}
