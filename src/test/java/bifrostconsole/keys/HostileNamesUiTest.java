package bifrostconsole.keys;

import atlantafx.base.theme.PrimerLight;
import bifrostconsole.config.UiSettings;
import bifrostconsole.messages.DisplayText;
import bifrostconsole.testing.DemoGatewayExtension;
import bifrostconsole.testing.Fx;
import bifrostconsole.testing.HostileNames;
import bifrostconsole.testing.Screenshots;
import bifrostconsole.testing.TestServices;
import bifrostconsole.testing.Wait;
import bifrostconsole.ui.FallbackFont;
import bifrostconsole.ui.Formats;
import bifrostconsole.ui.FxClipboardService;
import bifrostconsole.ui.Stylesheets;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15 items 1 and 7 in the key browser: the demo gateway serves only the hostile names of {@link HostileNames},
 * and every one must be drawn as what it is, on one line inside its row, with CJK and emoji in real glyphs.
 */
@ExtendWith(ApplicationExtension.class)
class HostileNamesUiTest {
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    @RegisterExtension
    static final DemoGatewayExtension gateway =
            DemoGatewayExtension.serving(() -> HostileNames.store(15, HostileNames.ALL.size(), NOW));

    private KeyBrowserViewModel vm;
    private KeyBrowserView view;
    private Scene scene;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        vm = new KeyBrowserViewModel(gateway.client(), Platform::runLater,
                new KeyTableSettings(UiSettings.inMemory(), Runnable::run), TestServices.fxScheduler(),
                Clock.systemUTC(), new Formats(Locale.US, ZoneOffset.UTC));
        vm.setClipboard(new FxClipboardService(javafx.util.Duration.seconds(30)));
        view = new KeyBrowserView(vm);
        scene = new Scene(view, 1280, 800);
        Stylesheets.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    /** The name cell of each hostile name on the page. */
    private Map<String, TableCell<?, ?>> nameCells(FxRobot robot) throws Exception {
        Wait.get(vm.firstPageShown());
        Fx.settle();
        return Fx.call(() -> {
            Map<String, TableCell<?, ?>> cells = new LinkedHashMap<>();
            for (Node n : robot.lookup("#key-table .name-cell").queryAll()) {
                TableCell<?, ?> cell = (TableCell<?, ?>) n;
                if (cell.getItem() instanceof KeyRow row && cell.isVisible()) {
                    cells.put(row.name(), cell);
                }
            }
            return cells;
        });
    }

    private static Label keyName(TableCell<?, ?> cell) {
        return (Label) cell.lookup(".key-name");
    }

    @Test
    void everyNameIsDrawnAsWhatItIsOnOneLineInsideItsRow(FxRobot robot) throws Exception {
        Map<String, TableCell<?, ?>> cells = nameCells(robot);
        assertEquals(HostileNames.ALL.size(), cells.size(), cells.keySet().toString());
        Screenshots.shot(scene, "hostile-names-table");
        double oneLine = Fx.call(() -> keyName(cells.get(HostileNames.TAB)).getFont().getSize() * 2);
        for (String name : HostileNames.ALL) {
            TableCell<?, ?> cell = cells.get(name);
            Label label = keyName(cell);
            String drawn = Fx.call(label::getText);
            assertEquals(FallbackFont.prepare(DisplayText.line(name)), drawn, "drawn as what it is: " + name);
            assertFalse(drawn.contains("\n") || drawn.contains("\r") || drawn.contains("\u202E")
                    || drawn.contains("\u202D"), drawn);
            // The row is 58 px high whatever its content: the name and its second line must stay inside it.
            Bounds box = Fx.call(() -> cell.getGraphic().getBoundsInParent());
            double cellHeight = Fx.call(cell::getHeight);
            assertTrue(box.getMaxY() <= cellHeight + 0.5, name + ": content ends at " + box.getMaxY()
                    + " in a cell " + cellHeight + " high");
            assertTrue(Fx.call(label::getHeight) < oneLine, name + " is one line high");
        }
        assertEquals("invoice-\u27E8RLO\u27E9fdp.exe", Fx.call(() -> keyName(cells.get(
                HostileNames.RIGHT_TO_LEFT_OVERRIDE)).getText()), "reads as the name it is, not invoice-exe.pdf");
    }

    @Test
    void theTooltipAndTheDetailsKeepTheExactName(FxRobot robot) throws Exception {
        Map<String, TableCell<?, ?>> cells = nameCells(robot);
        String name = HostileNames.RIGHT_TO_LEFT_OVERRIDE;
        TableCell<?, ?> cell = cells.get(name);
        robot.moveTo(cell);
        Fx.waitUntil("the name's tooltip", () -> cell.getTooltip() != null);
        String tip = Fx.call(() -> cell.getTooltip().getText());
        assertTrue(tip.startsWith(DisplayText.tooltip(name) + "\nID "), tip);
        assertTrue(tip.contains("right-to-left override (U+202E)"), tip);
        assertFalse(tip.contains("\u202E"), "the tooltip is made safe too");

        robot.clickOn(cell);
        Fx.waitUntil("the details", () -> vm.detail().detailsProperty().get() != null
                && name.equals(vm.detail().detailsProperty().get().key().name()));
        Label title = robot.lookup("#detail-title").queryAs(Label.class);
        assertEquals(DisplayText.line(name), Fx.call(title::getText));
        assertEquals(DisplayText.tooltip(name), Fx.call(() -> title.getTooltip().getText()));
        assertEquals(DisplayText.line(name), Fx.call(() -> robot.lookup("#field-name").queryAs(Label.class)
                .getText()), "the Overview's Name field");
        Screenshots.shot(scene, "hostile-names-details");
        robot.clickOn("#copy-name");
        Fx.settle();
        assertEquals(name, Fx.call(() -> Clipboard.getSystemClipboard().getString()),
                "the copy button copies the exact name, override and all");
    }

    @Test
    void cjkAndEmojiNamesAreDrawnInTheShippedFontWithRealGlyphs(FxRobot robot) throws Exception {
        Map<String, TableCell<?, ?>> cells = nameCells(robot);
        for (String name : new String[]{HostileNames.CJK, HostileNames.EMOJI_ZWJ}) {
            Label label = keyName(cells.get(name));
            assertEquals(FallbackFont.FAMILY, Fx.call(() -> label.getFont().getFamily()), name);
            assertTrue(Fx.call(() -> label.getStyleClass().contains(FallbackFont.STYLE_CLASS)));
            // Drawn with glyphs: the name's pixels differ from the same number of characters no font has.
            String letters = name.replaceAll("[ \u200D\uFE0F]|team ", "");
            int count = letters.codePointCount(0, letters.length());
            WritableImage real = Fx.call(() -> render(label, letters));
            WritableImage boxes = Fx.call(() -> render(label, "\uE000".repeat(count)));
            double differing = differingShare(real, boxes);
            assertTrue(differing > 0.25, name + ": only " + differing + " of the inked pixels differ from boxes");
            assertTrue(ink(real) > 0.5 * ink(boxes), name + " is drawn, not left blank");
            // One glyph per character: laid out whole, the name is as wide as its characters one by one. (Pango
            // once handed the family sequence to the colour emoji font, and JavaFX drew one wrong glyph for it.)
            String drawn = Fx.call(label::getText);
            double whole = Fx.call(() -> width(label, drawn));
            double pieces = Fx.call(() -> drawn.codePoints().mapToObj(Character::toString)
                    .mapToDouble(c -> width(label, FallbackFont.prepare(c))).sum());
            assertEquals(pieces, whole, pieces * 0.1, name + ": drawn " + whole + " wide, its characters " + pieces);
        }
        assertEquals(FallbackFont.FAMILY.equals(Fx.call(() -> keyName(cells.get(HostileNames.TAB)).getFont()
                .getFamily())), false, "a Latin name keeps the theme's font");
    }

    /** A label like {@code like} (same style classes, same stylesheets) showing {@code text}, as an image. */
    private WritableImage render(Label like, String text) {
        Label copy = new Label(text);
        copy.getStyleClass().setAll(like.getStyleClass());
        copy.setStyle("-fx-font-size: 26px;");
        javafx.scene.layout.StackPane holder = new javafx.scene.layout.StackPane(copy);
        holder.getStyleClass().addAll("key-table", "name-cell");
        Scene s = new Scene(holder);
        s.getStylesheets().setAll(scene.getStylesheets());
        holder.applyCss();
        holder.layout();
        assertNotNull(copy.getFont());
        return holder.snapshot(new SnapshotParameters(), null);
    }

    private static double width(Label label, String text) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(label.getFont());
        return t.getLayoutBounds().getWidth();
    }

    private static int ink(WritableImage image) {
        PixelReader p = image.getPixelReader();
        int inked = 0;
        for (int y = 0; y < (int) image.getHeight(); y++) {
            for (int x = 0; x < (int) image.getWidth(); x++) {
                if (p.getColor(x, y).getBrightness() < 0.5) {
                    inked++;
                }
            }
        }
        return inked;
    }

    /** Of the pixels inked in either image (darker than mid grey), the share that only one of them inks. */
    private static double differingShare(WritableImage a, WritableImage b) {
        int w = (int) Math.min(a.getWidth(), b.getWidth());
        int h = (int) Math.min(a.getHeight(), b.getHeight());
        PixelReader pa = a.getPixelReader();
        PixelReader pb = b.getPixelReader();
        int inked = 0;
        int differ = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean ia = pa.getColor(x, y).getBrightness() < 0.5;
                boolean ib = pb.getColor(x, y).getBrightness() < 0.5;
                if (ia || ib) {
                    inked++;
                    if (ia != ib) {
                        differ++;
                    }
                }
            }
        }
        return inked == 0 ? 0 : (double) differ / inked;
    }
}
