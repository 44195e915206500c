package bifrostconsole.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A secret shown masked after its first characters, with a reveal toggle and a copy button. The plain
 * value lives only in this control's memory and on the label while revealed; copying goes through
 * {@link ClipboardService#copySecret} so it is cleared from the clipboard again.
 */
public final class MaskedSecretField extends HBox {
    /** The icons' size in console.css ({@code .masked-secret .console-icon}); see {@link Icons#icon(Feather, int)}. */
    public static final int ICON_SIZE = 14;
    private final Label text = new Label();
    private final Button reveal = Icons.button(Feather.EYE, "Reveal the key value", ICON_SIZE);

    {
        reveal.getStyleClass().add("reveal-secret");
    }
    private final Button copy = Icons.button(Feather.COPY, "Copy the key value (cleared from the clipboard after 30 s)",
            ICON_SIZE);
    private final BooleanProperty revealed = new SimpleBooleanProperty(this, "revealed");
    /** The reveal button's own icon. Each key table row has a field: the crossed eye is made on first reveal. */
    private final FontIcon eye = (FontIcon) reveal.getGraphic();
    private FontIcon eyeOff;
    private final int visiblePrefix;
    private String secret = "";
    private Runnable onCopy;

    public MaskedSecretField(int visiblePrefix) {
        this.visiblePrefix = visiblePrefix;
        getStyleClass().add("masked-secret");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(2);
        text.getStyleClass().add("secret-text");
        text.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        text.setMinWidth(0);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        reveal.getStyleClass().add("reveal-button");
        copy.getStyleClass().add("copy-button");
        reveal.setOnAction(e -> revealed.set(!revealed.get()));
        copy.setOnAction(e -> {
            if (onCopy != null) {
                onCopy.run();
            }
        });
        revealed.addListener((o, a, b) -> refresh());
        getChildren().addAll(text, reveal, copy);
    }

    /** Shows another secret, masked or revealed as {@code revealedNow} says. */
    public void show(String value, boolean revealedNow) {
        secret = value == null ? "" : value;
        if (revealed.get() == revealedNow) {
            refresh();
        } else {
            revealed.set(revealedNow);
        }
        boolean empty = secret.isEmpty();
        reveal.setDisable(empty);
        copy.setDisable(empty);
    }

    private void refresh() {
        if (secret.isEmpty()) {
            text.setText("(not sent by the server)");
        } else {
            text.setText(revealed.get() ? secret : SecretMask.mask(secret, visiblePrefix));
        }
        if (revealed.get() && eyeOff == null) {
            eyeOff = Icons.icon(Feather.EYE_OFF, ICON_SIZE);
        }
        reveal.setGraphic(revealed.get() ? eyeOff : eye);
        Icons.setTooltipText(reveal, revealed.get() ? "Mask the key value" : "Reveal the key value");
    }

    public void setOnCopy(Runnable onCopy) {
        this.onCopy = onCopy;
    }

    public BooleanProperty revealedProperty() {
        return revealed;
    }

    public Label textLabel() {
        return text;
    }

    public Button revealButton() {
        return reveal;
    }

    /** Hides the reveal button, e.g. for a snapshot file, where a value to reveal means nothing. */
    public void offerReveal(boolean offer) {
        reveal.setVisible(offer);
        reveal.setManaged(offer);
    }

    public Button copyButton() {
        return copy;
    }
}
