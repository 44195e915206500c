package bifrostconsole.tables;

import bifrostconsole.api.ApiException;
import bifrostconsole.api.ListQuery;
import bifrostconsole.api.Page;
import bifrostconsole.api.Team;
import bifrostconsole.config.UiSettings;
import bifrostconsole.testing.ManualScheduler;
import bifrostconsole.ui.Formats;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The team and customer tables' list state: search, paging, late answers, failures, links landing on a row. */
class PagedListViewModelTest {
    private final List<ListQuery> queries = new ArrayList<>();
    private final List<CompletableFuture<Page<Team>>> answers = new ArrayList<>();
    private final UiSettings store = UiSettings.inMemory();
    private ManualScheduler scheduler;
    private PagedListViewModel<Team, String> vm;

    private enum Column implements TableColumnSpec {
        NAME, BUDGET;

        @Override
        public String id() {
            return name().toLowerCase();
        }

        @Override
        public String title() {
            return name();
        }

        @Override
        public double defaultWidth() {
            return 100;
        }

        @Override
        public String tooltip() {
            return "";
        }
    }

    @BeforeEach
    void setUp() {
        scheduler = new ManualScheduler();
        vm = new PagedListViewModel<>("teams", q -> {
            queries.add(q);
            CompletableFuture<Page<Team>> f = new CompletableFuture<>();
            answers.add(f);
            return f;
        }, (t, now) -> t.id(), id -> id, List.of(Column.values()), new TableSettings(store, Runnable::run, "teams"),
                Runnable::run, scheduler, Clock.systemUTC(), new Formats(Locale.US, ZoneOffset.UTC));
    }

    private static Page<Team> page(int from, int count, long total) {
        List<Team> teams = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            teams.add(Team.named("t" + i, "Team " + i));
        }
        return new Page<>(teams, count, total, 25, from);
    }

    @Test
    void searchWaitsForTypingToPauseAndGoesBackToTheFirstPage() {
        vm.start();
        answers.get(0).complete(page(0, 25, 60));
        vm.nextPage();
        answers.get(1).complete(page(25, 25, 60));
        assertEquals("26\u201350 of 60", vm.rangeTextProperty().get());
        vm.searchTextProperty().set("pay");
        vm.searchTextProperty().set("paym");
        assertEquals(2, queries.size(), "nothing is sent while typing");
        scheduler.advance(PagedListViewModel.SEARCH_DELAY);
        assertEquals(3, queries.size(), "one request for the pause");
        assertEquals(new ListQuery(25, 0, "paym", null), queries.get(2));
        assertTrue(vm.searchActiveProperty().get());
    }

    @Test
    void aLateAnswerIsDroppedAndAFailureKeepsTheLastPage() {
        vm.start();
        answers.get(0).complete(page(0, 25, 60));
        vm.nextPage();
        vm.lastPage();
        answers.get(2).complete(page(50, 10, 60));
        answers.get(1).complete(page(25, 25, 60)); // the older request answers last
        assertEquals("t50", vm.rows().get(0), "the late answer is dropped");
        vm.refresh();
        answers.get(3).completeExceptionally(new ApiException(ApiException.Kind.SERVER_ERROR, 500, "gw",
                "The server failed: Failed to retrieve teams", "Failed to retrieve teams", null));
        assertEquals(PagedListViewModel.ViewState.READY, vm.viewStateProperty().get());
        assertEquals(10, vm.rows().size(), "the last good page stays");
        assertTrue(vm.errorMessageProperty().get() != null);
    }

    @Test
    void aLinkSearchesAtOnceAndSelectsItsRowAndAPagePastTheEndStepsBack() {
        vm.start();
        answers.get(0).complete(page(0, 25, 60));
        vm.show("Team 7", "t7");
        assertEquals(new ListQuery(25, 0, "Team 7", null), queries.get(1), "no typing delay for a link");
        answers.get(1).complete(new Page<>(List.of(Team.named("t70", "Team 70"), Team.named("t7", "Team 7")), 2, 2,
                25, 0));
        assertEquals("t7", vm.selectedRow());
        scheduler.advance(PagedListViewModel.SEARCH_DELAY);
        assertEquals(2, queries.size(), "the search box's own delay sends nothing more");

        vm.clearSearch();
        answers.get(2).complete(page(0, 25, 60));
        vm.lastPage();
        answers.get(3).complete(new Page<>(List.of(), 0, 40, 25, 50)); // rows were deleted meanwhile
        assertEquals(25, queries.get(4).offset(), "back to the last page there is");
    }

    @Test
    void columnsAndPageSizeAreRemembered() {
        vm.columnVisibleProperty(Column.BUDGET).set(false);
        vm.columnWidthProperty(Column.NAME).set(321);
        vm.pageSizeProperty().set(50);
        assertEquals("false", store.get("teams.column.budget.visible", ""));
        assertEquals("321", store.get("teams.column.name.width", ""));
        assertEquals("50", store.get("teams.pageSize", ""));
        assertEquals(new ListQuery(50, 0, null, null), queries.get(queries.size() - 1));
        assertNull(vm.selectedRow());
    }
}
