package bifrostconsole.ui;

import bifrostconsole.api.KeyStatus;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;

/** A key's status as a coloured badge; the colour comes from a pseudo-class, cheap to switch in table cells. */
public final class StatusBadges {
    private static final PseudoClass[] STATES = new PseudoClass[KeyStatus.values().length];

    static {
        for (KeyStatus s : KeyStatus.values()) {
            STATES[s.ordinal()] = PseudoClass.getPseudoClass(s.name().toLowerCase());
        }
    }

    private StatusBadges() {
    }

    public static Label create() {
        Label badge = new Label();
        badge.getStyleClass().add("status-badge");
        badge.setMinWidth(Label.USE_PREF_SIZE);
        return badge;
    }

    public static void show(Label badge, KeyStatus status) {
        badge.setText(status.label());
        if (badge.getPseudoClassStates().contains(STATES[status.ordinal()])) {
            return;
        }
        for (KeyStatus s : KeyStatus.values()) {
            badge.pseudoClassStateChanged(STATES[s.ordinal()], s == status);
        }
        StyleNow.apply(badge); // a table cell's badge takes its colour in this frame
    }
}
