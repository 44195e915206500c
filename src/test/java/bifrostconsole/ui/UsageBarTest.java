package bifrostconsole.ui;

import atlantafx.base.theme.PrimerLight;
import bifrostconsole.testing.Fx;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bar paints its track and fill as its own background (one node a bar in the key table, not a track and a
 * fill region): the fill must be as wide as the used share, in the level's colour, over the track's colour, the
 * same theme colours the two regions had.
 */
@ExtendWith(ApplicationExtension.class)
class UsageBarTest {
    private UsageBar bar;
    /** Regions painted straight from the theme's colours, to compare with what the bar paints. */
    private Region track;
    private Region success;
    private Region warning;
    private Region danger;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        bar = new UsageBar();
        bar.setMinWidth(200);
        bar.setMaxWidth(200);
        track = swatch("-color-neutral-muted");
        success = swatch("-color-success-emphasis");
        warning = swatch("-color-warning-emphasis");
        danger = swatch("-color-danger-emphasis");
        VBox box = new VBox(bar, track, success, warning, danger);
        box.setFillWidth(false);
        Scene scene = new Scene(box, 300, 120);
        Stylesheets.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    private static Region swatch(String color) {
        Region r = new Region();
        r.setStyle("-fx-background-color: " + color + ";");
        r.setPrefSize(10, 4);
        return r;
    }

    @Test
    void theFillIsTheUsedShareInTheLevelsColourOverTheTrack() throws Exception {
        show(0.25, UsageLine.Level.NORMAL);
        assertEquals(50, fillWidth(), 0.01, "a quarter of 200 px");
        assertEquals(color(success), fillColor(), "green below 80 %");
        assertEquals(color(track), Fx.call(() -> bar.getBackground().getFills().get(0).getFill()), "track");
        assertEquals(0, Fx.call(() -> bar.getChildrenUnmodifiable().size()), "one node: no fill region inside");

        show(0.9, UsageLine.Level.WARNING);
        assertEquals(180, fillWidth(), 0.01);
        assertEquals(color(warning), fillColor(), "amber from 80 %");

        show(1.0, UsageLine.Level.EXHAUSTED);
        assertEquals(200, fillWidth(), 0.01);
        assertEquals(color(danger), fillColor(), "red when used up");

        show(0.25, UsageLine.Level.NORMAL);
        assertEquals(color(success), fillColor(), "back to green when the bar is reused for another row");
    }

    @Test
    void nothingUsedIsTheTrackAloneAndALittleUsedIsAtLeastADot() throws Exception {
        show(0, UsageLine.Level.NORMAL);
        assertEquals(0, fillWidth(), 0.0, "no fill drawn");

        show(0.001, UsageLine.Level.NORMAL);
        assertEquals(6, fillWidth(), 0.01, "as wide as the bar is high, so a small use still shows");
    }

    private void show(double fraction, UsageLine.Level level) throws Exception {
        UsageLine line = new UsageLine("Budget", "", "", "", fraction, level, "", "", "", "", "", "", "", false, "");
        Fx.run(() -> bar.show(line));
        Fx.settle();
    }

    /** The painted fill's width: the bar's width less the second fill's side insets. */
    private double fillWidth() throws Exception {
        return Fx.call(() -> {
            List<BackgroundFill> fills = bar.getBackground().getFills();
            assertEquals(2, fills.size(), "track and fill, always both");
            var insets = fills.get(1).getInsets();
            assertEquals(bar.fillWidth(), bar.getWidth() - insets.getLeft() - insets.getRight(), 0.01);
            return bar.getWidth() - insets.getLeft() - insets.getRight();
        });
    }

    /** The fill's colour (painted as a one-colour gradient, see UsageBar#uncached). */
    private Paint fillColor() throws Exception {
        return Fx.call(() -> {
            Paint paint = bar.getBackground().getFills().get(1).getFill();
            assertTrue(paint instanceof LinearGradient, "a one-colour gradient: " + paint);
            LinearGradient g = (LinearGradient) paint;
            assertEquals(g.getStops().get(0).getColor(), g.getStops().get(g.getStops().size() - 1).getColor());
            return g.getStops().get(0).getColor();
        });
    }

    private static Color color(Region swatch) throws Exception {
        return Fx.call(() -> (Color) swatch.getBackground().getFills().get(0).getFill());
    }
}
