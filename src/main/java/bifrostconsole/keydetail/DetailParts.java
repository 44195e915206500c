package bifrostconsole.keydetail;

import bifrostconsole.ui.UsageLine;
import bifrostconsole.ui.UsageLineView;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;

/** The building blocks every detail pane uses, so they all look alike: field grids, cards, notes, usage lists. */
public final class DetailParts {
    private DetailParts() {
    }

    /** Label/value rows; values wrap instead of being cut off. */
    public static GridPane fields(List<KeyDetails.Field> fields) {
        FieldGrid grid = new FieldGrid(true);
        grid.show(fields);
        return grid;
    }

    public static VBox card(Node title, Node... content) {
        VBox card = new VBox(title);
        card.getChildren().addAll(content);
        card.getStyleClass().add("detail-card");
        return card;
    }

    public static HBox cardTitle(String text, Node... tags) {
        Label title = new Label(text);
        title.getStyleClass().add("card-title");
        title.setWrapText(true);
        HBox box = new HBox(8, title);
        box.getChildren().addAll(tags);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
    }

    public static Label tag(String text, String kind, String tooltip) {
        Label tag = new Label(text);
        tag.getStyleClass().add("tag");
        if (kind != null) {
            tag.getStyleClass().add(kind);
        }
        tag.setMinWidth(Region.USE_PREF_SIZE);
        if (tooltip != null) {
            tag.setTooltip(new Tooltip(tooltip));
        }
        return tag;
    }

    public static Label section(String text, String tooltip) {
        Label l = new Label(text);
        l.getStyleClass().add("detail-section-title");
        if (tooltip != null) {
            Tooltip tip = new Tooltip(tooltip);
            tip.setWrapText(true);
            tip.setMaxWidth(360);
            l.setTooltip(tip);
        }
        return l;
    }

    public static Label note(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("empty-note");
        l.setWrapText(true);
        return l;
    }

    /** Full usage lines, or {@code emptyText} when there are none. */
    public static VBox usage(List<UsageLine> lines, String emptyText) {
        VBox box = new VBox(8);
        if (lines.isEmpty()) {
            if (emptyText != null) {
                box.getChildren().add(note(emptyText));
            }
            return box;
        }
        for (UsageLine line : lines) {
            UsageLineView view = new UsageLineView(UsageLineView.Style.FULL);
            view.show(line);
            box.getChildren().add(view);
        }
        return box;
    }

    public static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
