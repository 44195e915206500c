package bifrostconsole.tables;

import bifrostconsole.ui.Icons;
import javafx.animation.PauseTransition;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * The bar under a server-paged table: rows per page, the range on screen, a notice that fades, when the page
 * was loaded, and first / previous / page number / next / last. The same for every table.
 */
public final class PagerBar extends HBox {
    private final ComboBox<Integer> size = new ComboBox<>();
    private final TextField pageField = new TextField();

    public PagerBar(Pageable vm) {
        getStyleClass().add("pager");
        Label rowsLabel = new Label("Rows per page");
        rowsLabel.setMinWidth(Region.USE_PREF_SIZE);
        size.setId("page-size");
        size.getItems().setAll(TableSettings.PAGE_SIZES);
        size.setValue(vm.pageSizeProperty().get());
        size.valueProperty().addListener((o, a, b) -> {
            if (b != null && b != vm.pageSizeProperty().get()) {
                vm.pageSizeProperty().set(b);
            }
        });
        vm.pageSizeProperty().addListener((o, a, b) -> size.setValue(b.intValue()));
        rowsLabel.setLabelFor(size);

        Label range = new Label();
        range.setId("range-label");
        range.getStyleClass().add("range-label");
        range.textProperty().bind(vm.rangeTextProperty());
        range.setMinWidth(Region.USE_PREF_SIZE);

        Label notice = new Label();
        notice.getStyleClass().add("notice");
        notice.setId("notice");
        PauseTransition fade = new PauseTransition(Duration.seconds(5));
        fade.setOnFinished(e -> notice.setText(""));
        vm.noticeProperty().addListener((o, a, b) -> {
            notice.setText(b);
            fade.playFromStart();
        });

        Label updated = new Label();
        updated.getStyleClass().add("hint");
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM)
                .withLocale(vm.formats().locale()).withZone(vm.formats().zone());
        updated.setId("last-refreshed");
        vm.lastRefreshedProperty().addListener((o, a, b) -> updated.setText(vm.asOfText(b, time)));
        // A page shown before this bar existed (the key list's prefetched first page): say when it was read, too.
        if (vm.lastRefreshedProperty().get() != null) {
            updated.setText(vm.asOfText(vm.lastRefreshedProperty().get(), time));
        }
        updated.setMinWidth(Region.USE_PREF_SIZE);

        Button first = Icons.button(Feather.CHEVRONS_LEFT, "First page");
        Button previous = Icons.button(Feather.CHEVRON_LEFT, "Previous page (Page Up)");
        Button next = Icons.button(Feather.CHEVRON_RIGHT, "Next page (Page Down)");
        Button last = Icons.button(Feather.CHEVRONS_RIGHT, "Last page");
        first.setId("first-page");
        previous.setId("previous-page");
        next.setId("next-page");
        last.setId("last-page");
        first.setOnAction(e -> vm.firstPage());
        previous.setOnAction(e -> vm.previousPage());
        next.setOnAction(e -> vm.nextPage());
        last.setOnAction(e -> vm.lastPage());

        pageField.setId("page-field");
        pageField.getStyleClass().add("page-field");
        pageField.setPrefColumnCount(4);
        Icons.tooltip(pageField, "Type a page number and press Enter");
        pageField.setOnAction(e -> {
            try {
                vm.goToPage(Integer.parseInt(pageField.getText().trim().replaceAll("[^0-9]", "")));
            } catch (NumberFormatException ex) {
                pageField.setText(Integer.toString(vm.pageProperty().get().pageNumber()));
            }
        });
        Label ofPages = new Label();
        ofPages.setMinWidth(Region.USE_PREF_SIZE);
        Label pageLabel = new Label("Page");
        pageLabel.setMinWidth(Region.USE_PREF_SIZE);
        pageLabel.setLabelFor(pageField);
        Runnable showPage = () -> {
            PageWindow p = vm.pageProperty().get();
            pageField.setText(Integer.toString(p.pageNumber()));
            ofPages.setText("of " + vm.formats().count(p.pageCount()));
            first.setDisable(!p.hasPrevious());
            previous.setDisable(!p.hasPrevious());
            next.setDisable(!p.hasNext());
            last.setDisable(!p.hasNext());
        };
        vm.pageProperty().addListener((o, a, p) -> showPage.run());
        showPage.run();

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Separator left = new Separator(Orientation.VERTICAL);
        Separator right = new Separator(Orientation.VERTICAL);
        getChildren().setAll(rowsLabel, size, left, range, spacer, notice, updated, right, first, previous,
                pageLabel, pageField, ofPages, next, last);
        size.setMinWidth(Region.USE_PREF_SIZE);
        setMinWidth(0); // take the width it is given, and drop words to fit it (below)
        size.setAccessibleText("Rows per page");
        Icons.tooltip(size, "Rows per page");
        // Beside an open detail pane the bar is narrow: the words go first, then the first and last buttons,
        // so the page number and the next and previous buttons always fit.
        widthProperty().addListener((o, a, w) -> {
            boolean compact = w.doubleValue() > 0 && w.doubleValue() < COMPACT_BELOW;
            boolean tiny = w.doubleValue() > 0 && w.doubleValue() < TINY_BELOW;
            for (Node n : new Node[] {rowsLabel, left, right, updated, pageLabel}) {
                n.setVisible(!compact);
                n.setManaged(!compact);
            }
            for (Node n : new Node[] {first, last}) {
                n.setVisible(!tiny);
                n.setManaged(!tiny);
            }
        });
    }

    private static final double COMPACT_BELOW = 800;
    private static final double TINY_BELOW = 520;

    /** Greys out the page size and page number while {@code disabled} holds (the key list read from memory). */
    public void disablePaging(ObservableBooleanValue disabled) {
        size.disableProperty().bind(disabled);
        pageField.disableProperty().bind(disabled);
    }
}
