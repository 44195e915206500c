package bifrostconsole.ui;

import javafx.css.Styleable;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Font;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The font the console ships for names in Chinese, Japanese, Korean and emoji, which many Linux desktops have no font
 * for (they come out as boxes). It is a subset (common ideographs, kana, the common Hangul syllables, monochrome
 * emoji; {@code fonts/README.md} says what and why, {@code fonts/build-fallback-font.sh} rebuilds it).
 * <p>
 * JavaFX has no font-family fallback list in CSS and does not fall back to a font loaded with
 * {@link Font#loadFont}, so a text that needs it gets the style class {@value #STYLE_CLASS}, which names the family;
 * the letters it lacks (Latin) still come from the system's fallback fonts. Loading it takes some 50 ms, so
 * {@link #preload} starts it in the background at start-up, off the path to the first page; the first text that
 * needs it waits for that load if it has not finished yet. A font, once loaded, is the whole process's: hence
 * static state here.
 */
public final class FallbackFont {
    public static final String FAMILY = "Bifrost Console Fallback";
    public static final String STYLE_CLASS = "fallback-font";
    static final String RESOURCE = "/bifrostconsole/ui/fonts/BifrostConsoleFallback.ttf";
    private static final Logger LOG = Logger.getLogger(FallbackFont.class.getName());

    private static CompletableFuture<Boolean> loading;

    private FallbackFont() {
    }

    /** Starts loading the font on {@code executor}; later calls do nothing. */
    public static synchronized void preload(Executor executor) {
        if (loading == null) {
            loading = CompletableFuture.supplyAsync(FallbackFont::load, executor);
        }
    }

    /** True once the font is registered; loads it now (or waits for the load under way) if need be. */
    public static boolean ensureLoaded() {
        CompletableFuture<Boolean> load;
        synchronized (FallbackFont.class) {
            if (loading == null) {
                loading = CompletableFuture.completedFuture(load());
            }
            load = loading;
        }
        return load.join();
    }

    private static boolean load() {
        try (InputStream in = FallbackFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                LOG.warning("The fallback font is missing from the application: " + RESOURCE);
                return false;
            }
            Font font = Font.loadFont(in, 13);
            if (font == null || !FAMILY.equals(font.getFamily())) {
                LOG.warning("The fallback font did not load: " + font);
                return false;
            }
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "The fallback font did not load", e);
            return false;
        }
    }

    /**
     * True when {@code text} holds characters the fallback font draws and system fonts often lack: CJK ideographs,
     * kana, Hangul, CJK punctuation and full-width forms, emoji.
     */
    public static boolean needs(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (cp >= 0x2E80 && (covered(cp))) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    private static boolean covered(int cp) {
        return (cp >= 0x3000 && cp <= 0x30FF) // CJK punctuation, hiragana, katakana
                || (cp >= 0x3130 && cp <= 0x318F) // Hangul compatibility jamo
                || (cp >= 0x31F0 && cp <= 0x31FF) // katakana extensions
                || (cp >= 0x3400 && cp <= 0x9FFF) // CJK ideographs (the font has the common ones)
                || (cp >= 0xAC00 && cp <= 0xD7A3) // Hangul syllables
                || (cp >= 0xF900 && cp <= 0xFAFF) // CJK compatibility ideographs
                || (cp >= 0xFF00 && cp <= 0xFFEF) // full-width and half-width forms
                || (cp >= 0x1F000 && cp <= 0x1FAFF) // emoji
                || (cp >= 0x2600 && cp <= 0x27BF); // symbols and dingbats that emoji use
    }

    /**
     * {@code text} as the fallback font should get it: every emoji asks for text presentation (U+FE0E, in place of
     * U+FE0F). On Linux JavaFX lays text out with Pango, which hands an emoji sequence it takes for a colour one
     * (a family joined with U+200D) to the system's colour emoji font, and JavaFX then draws that font's glyph
     * numbers from the fallback font: a wrong ideograph, or nothing. Text presentation keeps the sequence in the
     * fallback font, one monochrome glyph per emoji. The same text comes back unchanged.
     */
    public static String prepare(String text) {
        if (!needs(text)) {
            return text;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            boolean emoji = (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF);
            if (emoji && (next >= text.length() || text.charAt(next) != '\uFE0E')) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                out.appendCodePoint(cp).append('\uFE0E');
                if (next < text.length() && text.charAt(next) == '\uFE0F') {
                    next++;
                }
            } else if (out != null) {
                out.appendCodePoint(cp);
            }
            i = next;
        }
        return out == null ? text : out.toString();
    }

    /** Gives {@code node} the fallback family while {@code text} (what it shows) needs it, and takes it away after. */
    public static void apply(Styleable node, String text) {
        boolean needed = needs(text) && ensureLoaded();
        boolean has = node.getStyleClass().contains(STYLE_CLASS);
        if (needed && !has) {
            node.getStyleClass().add(STYLE_CLASS);
        } else if (!needed && has) {
            node.getStyleClass().remove(STYLE_CLASS);
        } else {
            return;
        }
        if (node instanceof javafx.scene.Node shown) {
            StyleNow.apply(shown); // a table cell's name takes its font in this frame
        }
    }

    /** Keeps the label's text {@link #prepare prepared} and {@link #apply} in step with it from now on. */
    public static <T extends Labeled> T follow(T label) {
        label.textProperty().addListener((o, before, text) -> {
            String prepared = prepare(text);
            if (!prepared.equals(text)) {
                label.setText(prepared); // comes back here once, unchanged
                return;
            }
            apply(label, text);
        });
        label.setText(prepare(label.getText()));
        apply(label, label.getText());
        return label;
    }

    /** Keeps the tooltip's text {@link #prepare prepared} and {@link #apply} in step with it from now on. */
    public static Tooltip follow(Tooltip tooltip) {
        tooltip.textProperty().addListener((o, before, text) -> {
            String prepared = prepare(text);
            if (!prepared.equals(text)) {
                tooltip.setText(prepared); // comes back here once, unchanged
                return;
            }
            apply(tooltip, text);
        });
        tooltip.setText(prepare(tooltip.getText()));
        apply(tooltip, tooltip.getText());
        return tooltip;
    }
}
