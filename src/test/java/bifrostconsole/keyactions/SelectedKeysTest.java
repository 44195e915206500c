package bifrostconsole.keyactions;

import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.testing.TestKeys;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The selection that outlives pages: what Ctrl/Shift keep, what a plain click or new search lets go. */
class SelectedKeysTest {
    private final List<VirtualKey> page1 = TestKeys.keys(0, 25);
    private final List<VirtualKey> page2 = TestKeys.keys(25, 25);
    private final SelectedKeys selection = new SelectedKeys();

    private static List<String> ids(List<VirtualKey> keys) {
        return keys.stream().map(VirtualKey::id).toList();
    }

    @Test
    void keysPickedWithCtrlOnSeveralPagesStaySelectedAndComeBackWithTheirPage() {
        selection.selectedOnPage(page1, List.of(page1.get(2), page1.get(5)), false);
        assertEquals(List.of(), selection.pageShown(page2, List.of(), false), "none of them is on page 2");
        selection.selectedOnPage(page2, List.of(page2.get(0)), false);
        assertEquals(3, selection.countProperty().get());
        assertEquals(2, selection.offPage(page2));

        assertEquals(ids(List.of(page1.get(2), page1.get(5))), selection.pageShown(page1, List.of(), false));
        assertEquals(ids(List.of(page1.get(2), page1.get(5), page2.get(0))), ids(selection.target().keys()));
    }

    @Test
    void aPlainClickStartsANewSelection() {
        selection.selectedOnPage(page1, List.of(page1.get(2), page1.get(5)), false);
        selection.pageShown(page2, List.of(), false);
        selection.selectedOnPage(page2, List.of(page2.get(7)), true);
        assertEquals(ids(List.of(page2.get(7))), ids(selection.target().keys()));
    }

    @Test
    void aSingleSelectedKeyFollowsTheTableAcrossPages() {
        selection.selectedOnPage(page1, List.of(page1.get(24)), true);
        // J past the last row: the browser selects the first row of the next page.
        assertEquals(ids(List.of(page2.get(0))), selection.pageShown(page2, List.of(page2.get(0)), true));
        assertEquals(ids(List.of(page2.get(0))), ids(selection.target().keys()));
        assertEquals(List.of(), selection.pageShown(page1, List.of(), false), "paging away lets a single key go");
        assertEquals(0, selection.countProperty().get());
    }

    @Test
    void freshRowsReplaceTheCopiesTheGuardComparesWith() {
        selection.selectedOnPage(page1, List.of(page1.get(1), page1.get(2)), false);
        VirtualKey renamed = TestKeys.key(page1.get(1).id()).name("renamed").build();
        List<VirtualKey> refreshed = new java.util.ArrayList<>(page1);
        refreshed.set(1, renamed);
        selection.pageShown(refreshed, List.of(), false);
        assertEquals("renamed", selection.target().keys().get(0).name());
    }

    @Test
    void allMatchingKeysUntilTheAdminTakesOneBack() {
        VirtualKeyQuery query = VirtualKeyQuery.firstPage(25).withSearch("a");
        selection.selectAllMatching(query, 1234);
        assertTrue(selection.isAllMatching());
        assertEquals(1234, selection.countProperty().get());
        assertEquals(ids(page2), selection.pageShown(page2, List.of(), false), "every row of every page");
        selection.selectedOnPage(page2, page2, false);
        assertTrue(selection.isAllMatching(), "Ctrl+A on a page keeps all matching");

        selection.selectedOnPage(page2, page2.subList(1, 25), false);
        assertFalse(selection.isAllMatching());
        assertEquals(24, selection.countProperty().get());
    }

    @Test
    void anotherSearchOrFilterEndsTheSelectionButPagingAndSortingDoNot() {
        VirtualKeyQuery before = VirtualKeyQuery.firstPage(25).withSearch("pay");
        selection.selectedOnPage(page1, page1.subList(0, 3), false);
        selection.queryChanged(before, before.withOffset(25).withSort(bifrostconsole.api.SortField.NAME,
                bifrostconsole.api.SortOrder.DESC));
        assertEquals(3, selection.countProperty().get());
        int revision = selection.revisionProperty().get();
        selection.queryChanged(before, before.withTeamId("team-1"));
        assertEquals(0, selection.countProperty().get());
        assertEquals(revision + 1, selection.revisionProperty().get(), "the table is told to show it");
    }

    @Test
    void deletedKeysLeaveTheSelection() {
        selection.selectedOnPage(page1, page1.subList(0, 3), false);
        selection.removed(List.of(page1.get(1).id()));
        assertEquals(ids(List.of(page1.get(0), page1.get(2))), ids(selection.target().keys()));
    }
}
