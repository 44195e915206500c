package bifrostconsole.tables;

import bifrostconsole.ui.NameLabels;
import bifrostconsole.messages.DisplayText;
import bifrostconsole.ui.HoverTooltip;
import bifrostconsole.ui.UsageLine;
import bifrostconsole.ui.UsageLineView;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Table cells for rows whose texts were computed off the FX thread: each builds its nodes once and only refills
 * texts, so paging through 100-row pages stays light (re-adding nodes makes JavaFX restyle them).
 */
public final class Cells {
    /** How many usage lines a cell shows before "+N more". */
    static final int MAX_LINES = 2;

    private Cells() {
    }

    /** Gives a cell its graphic once, for good; empty rows hide it instead of removing it. */
    static <R> void keepGraphic(TableCell<R, R> cell, Node graphic) {
        cell.setGraphic(graphic);
        cell.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    /** A bold name over a muted second line (an id or description), with a red badge while {@code flagged}. */
    public static final class NameCell<R> extends TableCell<R, R> {
        private final Function<R, String> name;
        private final Function<R, String> detail;
        private final Predicate<R> flagged;
        private final Label nameLabel = new Label();
        private final Label badge = new Label();
        private final Label detailLabel = new Label();
        private final HoverTooltip tip = HoverTooltip.wrapping(this, 400);

        /**
         * @param flagged    when the row gets the badge
         * @param badgeText  what the badge says, e.g. "Limit reached"
         */
        public NameCell(Function<R, String> name, Function<R, String> detail, Predicate<R> flagged, String badgeText) {
            this.name = name;
            this.detail = detail;
            this.flagged = flagged;
            getStyleClass().add("name-cell");
            nameLabel.getStyleClass().add("key-name");
            nameLabel.setTextOverrun(OverrunStyle.ELLIPSIS);
            badge.setText(badgeText);
            badge.getStyleClass().addAll("tag", "off");
            badge.setMinWidth(Label.USE_PREF_SIZE);
            badge.managedProperty().bind(badge.visibleProperty());
            detailLabel.getStyleClass().addAll("muted", "small");
            detailLabel.setTextOverrun(OverrunStyle.ELLIPSIS);
            HBox top = new HBox(6, nameLabel, badge);
            top.setAlignment(Pos.CENTER_LEFT);
            VBox box = new VBox(2, top, detailLabel);
            box.setAlignment(Pos.CENTER_LEFT);
            keepGraphic(this, box);
        }

        @Override
        protected void updateItem(R row, boolean empty) {
            super.updateItem(row, empty);
            getGraphic().setVisible(!empty && row != null);
            if (empty || row == null) {
                tip.setText(null);
                return;
            }
            // A name the server sent is shown as what it is, on one line (messages/DisplayText).
            NameLabels.show(nameLabel, name.apply(row));
            NameLabels.show(detailLabel, detail.apply(row));
            badge.setVisible(flagged.test(row));
            tip.setText(DisplayText.tooltip(name.apply(row)) + "\n" + DisplayText.line(detail.apply(row)));
        }
    }

    /** Up to two usage bars with their text, "+N more" beyond that, or a muted "none" text. */
    public static final class UsageCell<R> extends TableCell<R, R> {
        private final Function<R, List<UsageLine>> lines;
        private final UsageLineView[] views = new UsageLineView[MAX_LINES];
        private final Label more = new Label();
        private final HoverTooltip moreTip = new HoverTooltip(more, t -> { });
        private final Label none = new Label();
        private final VBox box = new VBox(3);

        public UsageCell(Function<R, List<UsageLine>> lines, String noneText) {
            this.lines = lines;
            for (int i = 0; i < MAX_LINES; i++) {
                views[i] = new UsageLineView(UsageLineView.Style.COMPACT);
                views[i].managedProperty().bind(views[i].visibleProperty());
            }
            more.getStyleClass().addAll("muted", "small");
            more.managedProperty().bind(more.visibleProperty());
            none.getStyleClass().add("muted");
            none.setText(noneText);
            none.managedProperty().bind(none.visibleProperty());
            box.setAlignment(Pos.CENTER_LEFT);
            box.setFillWidth(true);
            box.getChildren().addAll(views);
            box.getChildren().addAll(more, none);
            keepGraphic(this, box);
        }

        @Override
        protected void updateItem(R row, boolean empty) {
            super.updateItem(row, empty);
            box.setVisible(!empty && row != null);
            if (empty || row == null) {
                return;
            }
            List<UsageLine> items = lines.apply(row);
            // Two lines fit a row; with more, the first line and "+N more" keep the row height fixed.
            int shown = items.size() <= MAX_LINES ? items.size() : MAX_LINES - 1;
            for (int i = 0; i < MAX_LINES; i++) {
                views[i].setVisible(i < shown);
                if (i < shown) {
                    views[i].show(items.get(i));
                }
            }
            more.setVisible(items.size() > shown);
            if (items.size() > shown) {
                more.setText("+" + (items.size() - shown) + " more: open it to see all");
                StringBuilder rest = new StringBuilder();
                for (UsageLine line : items.subList(shown, items.size())) {
                    rest.append(rest.length() == 0 ? "" : "\n").append(line.compactText());
                }
                moreTip.setText(rest.toString());
            }
            none.setVisible(items.isEmpty());
        }
    }

    /** One line of text with a tooltip. */
    public static final class TextCell<R> extends TableCell<R, R> {
        private final Function<R, String> text;
        private final Function<R, String> tooltip;
        private final HoverTooltip tip = HoverTooltip.wrapping(this, 400);

        public TextCell(Function<R, String> text, Function<R, String> tooltip) {
            this.text = text;
            this.tooltip = tooltip;
        }

        @Override
        protected void updateItem(R row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setText(null);
                tip.setText(null);
                return;
            }
            NameLabels.show(this, text.apply(row)); // may hold a name: one line, hidden characters shown
            tip.setText(tooltip.apply(row));
        }
    }
}
