package bifrostconsole.ui;

import atlantafx.base.theme.PrimerLight;
import bifrostconsole.testing.Fx;
import javafx.application.Application;
import javafx.css.PseudoClass;
import javafx.scene.AccessibleAction;
import javafx.scene.AccessibleRole;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.feather.Feather;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rows' icon buttons are panes, not Buttons: they must take a Button's place and size in a row (the table's
 * pixels stay), answer a click as a Button does (on release, on the button, not while disabled) without the
 * press reaching the row below, and be a named button a screen reader can press.
 */
@ExtendWith(ApplicationExtension.class)
class CellIconButtonTest {
    private final AtomicInteger fired = new AtomicInteger();
    private final AtomicInteger pressesOnRow = new AtomicInteger();
    private CellIconButton light;
    private Button button;
    private Label beside;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()); // the theme's button rules
        light = new CellIconButton(Feather.COPY, "Copy it", MaskedSecretField.ICON_SIZE);
        light.setOnAction(fired::incrementAndGet);
        button = Icons.button(Feather.COPY, "Copy it", MaskedSecretField.ICON_SIZE);
        beside = new Label("elsewhere");
        // As in a key table row: a Labeled cell around a masked-secret box, whose rule gives both buttons their padding.
        HBox row = new HBox(2, light, button, beside);
        row.getStyleClass().add("masked-secret");
        row.setFillHeight(true);
        row.setPrefHeight(46);
        Label cell = new Label(null, row);
        cell.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> pressesOnRow.incrementAndGet());
        Scene scene = new Scene(new StackPane(cell), 360, 120);
        Stylesheets.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void takesAButtonsSizeAndPlaceInARow() throws Exception {
        Fx.settle();
        assertEquals(Fx.call(() -> button.getWidth()), Fx.call(() -> light.getWidth()), "width");
        assertEquals(Fx.call(() -> button.getHeight()), Fx.call(() -> light.getHeight()),
                "height: a line of text, as a Button, not the row's");
        assertEquals(Fx.call(() -> button.getLayoutY()), Fx.call(() -> light.getLayoutY()), "centred as a Button");
        assertEquals(Fx.call(() -> button.getGraphic().localToScene(0, 0).getY()),
                Fx.call(() -> light.icon().localToScene(0, 0).getY()), "the icon sits where a Button's does");
    }

    @Test
    void aClickFiresOnceAndThePressStaysOffTheRow(FxRobot robot) throws Exception {
        robot.clickOn(light);
        Fx.settle();
        assertEquals(1, fired.get());
        assertEquals(0, pressesOnRow.get(), "a click on the button does not select the row under it");
        assertFalse(Fx.call(light::isFocused), "not in the Tab order, and a click does not take the focus");

        robot.moveTo(light).press(MouseButton.PRIMARY);
        assertTrue(Fx.call(() -> light.getPseudoClassStates().contains(PseudoClass.getPseudoClass("armed"))),
                "pressed, it looks pressed, as a Button");
        robot.moveTo(beside).release(MouseButton.PRIMARY);
        Fx.settle();
        assertEquals(1, fired.get(), "released elsewhere, it does nothing");
        assertFalse(Fx.call(() -> light.getPseudoClassStates().contains(PseudoClass.getPseudoClass("armed"))));

        Fx.run(() -> light.setDisable(true));
        robot.clickOn(light);
        Fx.settle();
        assertEquals(1, fired.get(), "disabled, a click does nothing");
    }

    @Test
    void aScreenReaderSeesANamedButtonItCanPress(FxRobot robot) throws Exception {
        assertEquals(AccessibleRole.BUTTON, Fx.call(light::getAccessibleRole));
        assertEquals("Copy it", Fx.call(light::getAccessibleText));
        assertEquals("Copy it", Fx.call(() -> Icons.tooltipText(light)));
        Fx.run(() -> light.executeAccessibleAction(AccessibleAction.FIRE));
        assertEquals(1, fired.get());
        Fx.run(() -> light.setTooltipText("Copy that"));
        assertEquals("Copy that", Fx.call(light::getAccessibleText), "the name follows the tooltip");
        robot.moveTo(light);
        Fx.waitUntil("the tooltip is made on hover", () -> light.getProperties().get("javafx.scene.control.Tooltip")
                instanceof javafx.scene.control.Tooltip t && "Copy that".equals(t.getText()));
    }
}
