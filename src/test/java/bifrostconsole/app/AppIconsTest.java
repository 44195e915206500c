package bifrostconsole.app;

import bifrostconsole.testing.Fx;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.testfx.api.FxToolkit;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class AppIconsTest {

    @BeforeAll
    static void startToolkit() throws Exception {
        // Through TestFX, as the UI tests do: a toolkit started by Platform.startup would not give them their stage.
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void everyShippedSizeDecodesAtItsNominalSize() {
        List<Image> icons = AppIcons.load();
        assertEquals(AppIcons.SIZES.size(), icons.size());
        for (int i = 0; i < icons.size(); i++) {
            Image icon = icons.get(i);
            int size = AppIcons.SIZES.get(i);
            assertFalse(icon.isError(), "icon " + size + " px failed to decode");
            assertEquals(size, icon.getWidth(), "width of the " + size + " px icon");
            assertEquals(size, icon.getHeight(), "height of the " + size + " px icon");
        }
    }

    @Test
    void theWindowGetsEverySizeSoTheWindowManagerCanPick() throws Exception {
        int iconCount = Fx.call(() -> {
            Stage stage = new Stage();
            AppIcons.applyTo(stage);
            return stage.getIcons().size();
        });
        assertEquals(AppIcons.SIZES.size(), iconCount);
    }
}
