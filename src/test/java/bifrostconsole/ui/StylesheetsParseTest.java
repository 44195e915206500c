package bifrostconsole.ui;

import javafx.css.CssParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Every stylesheet parses without an error: one unbalanced brace silently drops every rule after it. */
class StylesheetsParseTest {
    @Test
    void everyStylesheetParsesCleanly() throws IOException {
        for (String name : List.of("/bifrostconsole/ui/console.css", "/bifrostconsole/ui/modena-bridge.css",
                "/bifrostconsole/app/shell.css", "/bifrostconsole/keyactions/key-actions.css")) {
            URL url = StylesheetsParseTest.class.getResource(name);
            assertNotNull(url, name);
            CssParser.errorsProperty().clear();
            new CssParser().parse(url);
            assertEquals(List.of(), List.copyOf(CssParser.errorsProperty()).stream().map(Object::toString).toList(),
                    name);
        }
    }
}
