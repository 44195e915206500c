package bifrostconsole.ui;

import bifrostconsole.testing.Fx;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A cell's tooltip is made when the pointer first comes onto it, with the text last given, and follows it after. */
@ExtendWith(ApplicationExtension.class)
class HoverTooltipTest {
    private Label control;
    private VBox plain;
    private HoverTooltip onControl;
    private HoverTooltip onPlain;

    @Start
    void start(Stage stage) {
        control = new Label("a control");
        plain = new VBox(new Label("not a control"));
        onControl = HoverTooltip.wrapping(control, 300);
        onPlain = new HoverTooltip(plain, t -> { });
        stage.setScene(new Scene(new StackPane(new VBox(40, control, plain)), 300, 200));
        stage.show();
    }

    @Test
    void noTooltipUntilThePointerComesThenTheLatestText(FxRobot robot) throws Exception {
        Fx.run(() -> {
            onControl.setText("first");
            onControl.setText("second");
        });
        assertNull(Fx.call(control::getTooltip), "no popup is made before the pointer comes");
        assertNull(Fx.call(onControl::tooltip));

        robot.moveTo(control);
        Fx.waitUntil("the tooltip is made", () -> control.getTooltip() != null);
        assertEquals("second", Fx.call(() -> control.getTooltip().getText()));
        assertEquals(300, Fx.call(() -> control.getTooltip().getMaxWidth()));
        assertSame(onControl.tooltip(), Fx.call(control::getTooltip));

        Fx.run(() -> onControl.setText("third"));
        assertEquals("third", Fx.call(() -> control.getTooltip().getText()));
        Fx.run(() -> onControl.setText(null));
        assertNull(Fx.call(control::getTooltip), "an empty row shows no tooltip");
        Fx.run(() -> onControl.setText("back"));
        assertEquals("back", Fx.call(() -> control.getTooltip().getText()));
    }

    @Test
    void aNodeWithoutTextGetsNoTooltipAndAPlainNodeGetsAnInstalledOne(FxRobot robot) throws Exception {
        robot.moveTo(control);
        Fx.settle();
        assertNull(Fx.call(onControl::tooltip), "nothing to say, so nothing is made");

        Fx.run(() -> onPlain.setText("on a layout pane"));
        robot.moveTo(plain);
        Fx.waitUntil("the tooltip is made", () -> onPlain.tooltip() != null);
        assertSame(onPlain.tooltip(), Fx.call(() -> plain.getProperties().get("javafx.scene.control.Tooltip")));
    }
}
