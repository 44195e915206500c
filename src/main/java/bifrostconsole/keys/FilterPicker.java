package bifrostconsole.keys;

import bifrostconsole.ui.NameLabels;
import bifrostconsole.messages.DisplayText;
import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Popover;
import bifrostconsole.ui.Icons;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * A button that opens a searchable list of teams or customers from the server. The chosen one shows on
 * the button with a clear (×) button beside it. Keyboard: Enter or Down opens it; in the list Enter chooses,
 * Esc closes.
 */
public final class FilterPicker extends HBox {
    private final FilterPickerViewModel vm;
    private final Button button = new Button();
    private final Button clear;
    private final CustomTextField search = new CustomTextField();
    private final ListView<FilterOption> list = new ListView<>();
    private final Popover popover;
    private final String purpose;
    private final String noneText;

    /** The key table's team or customer filter. */
    public FilterPicker(FilterPickerViewModel vm, Feather icon) {
        this(vm, icon, "Show only keys of one " + vm.noun() + ". Team and customer filters combine with OR, as the"
                + " server does: keys of either are shown.", "Any " + vm.noun());
    }

    /** A picker in a form: {@code purpose} is its tooltip; with nothing chosen it reads "No team" or "No customer". */
    public FilterPicker(FilterPickerViewModel vm, Feather icon, String purpose) {
        this(vm, icon, purpose, "No " + vm.noun());
    }

    private FilterPicker(FilterPickerViewModel vm, Feather icon, String purpose, String noneText) {
        this.vm = vm;
        this.purpose = purpose;
        this.noneText = noneText;
        getStyleClass().add("filter-picker");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(0);
        String noun = vm.noun();
        button.getStyleClass().add("picker-button");
        button.setGraphic(Icons.icon(icon));
        button.setContentDisplay(ContentDisplay.LEFT);
        button.setMnemonicParsing(false);
        Icons.tooltip(button, purpose); // made on first hover, in the fallback font when it needs it
        button.setId(noun + "-picker");
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setMaxWidth(280);
        clear = Icons.button(Feather.X, noneText.startsWith("Any") ? "Clear the " + noun + " filter" : noneText);
        clear.setId(noun + "-picker-clear");
        clear.setOnAction(e -> vm.clear());

        search.setPromptText("Search " + noun + "s by name");
        search.setLeft(Icons.icon(Feather.SEARCH));
        search.textProperty().bindBidirectional(vm.searchTextProperty());
        search.setId(noun + "-picker-search");
        list.setItems(vm.options());
        list.setId(noun + "-picker-list");
        list.setCellFactory(v -> new OptionCell());
        list.setPlaceholder(new Label(""));
        Label message = new Label();
        message.textProperty().bind(vm.messageProperty());
        message.getStyleClass().add("hint");
        message.setWrapText(true);
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());
        VBox content = new VBox(search, list, message);
        content.getStyleClass().add("picker-popup");
        popover = new Popover(content);
        popover.setArrowLocation(Popover.ArrowLocation.TOP_LEFT);
        popover.setDetachable(false);

        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN) {
                list.requestFocus();
                if (list.getSelectionModel().isEmpty() && !list.getItems().isEmpty()) {
                    list.getSelectionModel().select(0);
                }
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER && !list.getItems().isEmpty()) {
                choose(list.getSelectionModel().isEmpty() ? list.getItems().get(0)
                        : list.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) {
                choose(list.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        list.setOnMouseClicked(e -> {
            if (list.getSelectionModel().getSelectedItem() != null) {
                choose(list.getSelectionModel().getSelectedItem());
            }
        });
        button.setOnAction(e -> open());

        vm.selectedProperty().addListener((o, a, b) -> update());
        update();
        getChildren().addAll(button, clear);
    }

    public void open() {
        vm.load();
        popover.show(button);
        search.requestFocus();
    }

    private void choose(FilterOption option) {
        vm.choose(option);
        popover.hide();
        button.requestFocus();
    }

    private void update() {
        FilterOption chosen = vm.selectedProperty().get();
        String noun = vm.noun();
        String capitalised = Character.toUpperCase(noun.charAt(0)) + noun.substring(1);
        NameLabels.showText(button, chosen == null ? noneText : capitalised + ": " + DisplayText.inline(chosen.name()));
        // A long name is cut at 280 px; the tooltip then still names the filter in full.
        Icons.setTooltipText(button, (chosen == null ? "" : capitalised + ": " + DisplayText.tooltip(chosen.name())
                + "\n\n") + purpose);
        button.getStyleClass().remove("chosen");
        if (chosen != null) {
            button.getStyleClass().add("chosen");
        }
        clear.setVisible(chosen != null);
        clear.setManaged(chosen != null);
    }

    public Button button() {
        return button;
    }

    private static final class OptionCell extends ListCell<FilterOption> {
        private final Label name = new Label();
        private final Label detail = new Label();
        private final VBox box = new VBox(1, name, detail);

        OptionCell() {
            getStyleClass().add("picker-option");
            detail.getStyleClass().add("detail");
        }

        @Override
        protected void updateItem(FilterOption item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            NameLabels.show(name, item.name()); // one line, hidden characters shown, as in the tables
            NameLabels.show(detail, item.detail());
            detail.setVisible(item.detail() != null && !item.detail().isEmpty());
            detail.setManaged(detail.isVisible());
            setText(null);
            setGraphic(box);
        }
    }
}
