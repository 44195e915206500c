package bifrostconsole.keys;

import bifrostconsole.api.ApiException;
import bifrostconsole.api.Page;
import bifrostconsole.api.SortField;
import bifrostconsole.api.SortOrder;
import bifrostconsole.api.Team;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.config.UiSettings;
import bifrostconsole.keys.KeyBrowserViewModel.ViewState;
import bifrostconsole.testing.HeldAnswersSource;
import bifrostconsole.testing.ManualScheduler;
import bifrostconsole.testing.TestKeys;
import bifrostconsole.ui.ClipboardService;
import bifrostconsole.ui.Formats;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyBrowserViewModelTest {
    private HeldAnswersSource source;
    private ManualScheduler scheduler;
    private UiSettings settings;
    private KeyBrowserViewModel vm;

    @BeforeEach
    void setUp() {
        source = new HeldAnswersSource();
        scheduler = new ManualScheduler();
        settings = UiSettings.inMemory();
        vm = newViewModel();
    }

    private KeyBrowserViewModel newViewModel() {
        return new KeyBrowserViewModel(source, Runnable::run, new KeyTableSettings(settings, Runnable::run), scheduler,
                Clock.fixed(TestKeys.NOW, ZoneOffset.UTC), new Formats(Locale.US, ZoneOffset.UTC));
    }

    @Test
    void firstPageShowsRangeAndPageCount() {
        vm.start();
        assertEquals(ViewState.LOADING, vm.viewStateProperty().get());
        assertTrue(vm.loadingProperty().get());
        VirtualKeyQuery q = source.lastQuery();
        assertEquals(25, q.limit());
        assertEquals(0, q.offset());
        assertEquals(SortField.CREATED_AT, q.sortBy());
        assertEquals(SortOrder.ASC, q.order());
        assertFalse(vm.firstPageShown().isDone());

        source.answerLast(0, 25, 1234, 25);

        assertEquals(25, vm.rows().size());
        assertEquals("1\u201325 of 1,234", vm.rangeTextProperty().get());
        assertEquals("Page 1 of 50", vm.pageTextProperty().get());
        assertEquals(ViewState.READY, vm.viewStateProperty().get());
        assertFalse(vm.loadingProperty().get());
        assertTrue(vm.firstPageShown().isDone());
        assertEquals(1, vm.loadedPageCountProperty().get());
    }

    @Test
    void aPageFetchedWhileOpeningTheServerIsShownWithoutAskingAgain() {
        settings.put("keys.pageSize", "50");
        settings.put("keys.sort", "name:desc");
        vm = newViewModel();
        VirtualKeyQuery first = KeyBrowserViewModel.initialQuery(new KeyTableSettings(settings, Runnable::run));
        assertEquals(50, first.limit());
        assertEquals(SortField.NAME, first.sortBy());
        assertEquals(SortOrder.DESC, first.order());

        assertTrue(vm.showPrefetched(first, new Page<>(TestKeys.keys(0, 50), 50, 1234, 50, 0)));

        assertEquals(0, source.keyAnswers.size(), "the prefetched page needs no request");
        assertEquals(50, vm.rows().size());
        assertEquals("1\u201350 of 1,234", vm.rangeTextProperty().get());
        assertTrue(vm.firstPageShown().isDone());
        vm.nextPage();
        assertEquals(50, source.lastQuery().offset());
    }

    @Test
    void rowsMadeOffTheUiThreadForThePrefetchedPageAreShownAsMade() {
        VirtualKeyQuery first = KeyBrowserViewModel.initialQuery(new KeyTableSettings(settings, Runnable::run));
        Page<bifrostconsole.api.VirtualKey> page = new Page<>(TestKeys.keys(0, 25), 25, 1234, 25, 0);
        List<KeyRow> made = KeyBrowserViewModel.firstRows(page, new Formats(Locale.US, ZoneOffset.UTC), TestKeys.NOW);

        assertTrue(vm.showPrefetched(first, page, made));

        assertEquals(25, vm.rows().size());
        for (KeyRow row : vm.rows()) {
            assertTrue(made.stream().anyMatch(m -> m == row), "the row made beforehand is the one shown");
        }
    }

    @Test
    void rowsMadeForOtherKeysAreMadeAgain() {
        VirtualKeyQuery first = KeyBrowserViewModel.initialQuery(new KeyTableSettings(settings, Runnable::run));
        Page<bifrostconsole.api.VirtualKey> page = new Page<>(TestKeys.keys(0, 25), 25, 1234, 25, 0);
        List<KeyRow> stale = KeyBrowserViewModel.firstRows(new Page<>(TestKeys.keys(25, 25), 25, 1234, 25, 25),
                new Formats(Locale.US, ZoneOffset.UTC), TestKeys.NOW);

        assertTrue(vm.showPrefetched(first, page, stale));

        assertEquals(25, vm.rows().size());
        for (KeyRow row : vm.rows()) {
            assertTrue(page.items().stream().anyMatch(k -> k == row.key()), "each row shows a key of the page");
        }
    }

    @Test
    void aPrefetchedPageOfAnotherQueryIsIgnored() {
        VirtualKeyQuery other = VirtualKeyQuery.firstPage(100);

        assertFalse(vm.showPrefetched(other, new Page<>(TestKeys.keys(0, 100), 100, 1234, 100, 0)));

        assertTrue(vm.rows().isEmpty());
        assertEquals(0, vm.loadedPageCountProperty().get());
    }

    @Test
    void pagingForwardBackwardLastAndJump() {
        vm.start();
        source.answerLast(0, 25, 1234, 25);

        vm.nextPage();
        assertEquals(25, source.lastQuery().offset());
        source.answerLast(25, 25, 1234, 25);
        assertEquals("26\u201350 of 1,234", vm.rangeTextProperty().get());
        assertTrue(vm.pageProperty().get().hasPrevious());

        vm.lastPage();
        assertEquals(1225, source.lastQuery().offset());
        source.answerLast(1225, 9, 1234, 25);
        assertEquals("1,226\u20131,234 of 1,234", vm.rangeTextProperty().get());
        assertEquals("Page 50 of 50", vm.pageTextProperty().get());
        assertFalse(vm.pageProperty().get().hasNext());
        int requests = source.keyQueries.size();
        vm.nextPage();
        assertEquals(requests, source.keyQueries.size(), "no request past the last page");

        vm.goToPage(999);
        assertEquals(1225, source.lastQuery().offset(), "a page past the end goes to the last page");
        vm.goToPage(3);
        assertEquals(50, source.lastQuery().offset());
        source.answerLast(50, 25, 1234, 25);
        vm.previousPage();
        assertEquals(25, source.lastQuery().offset());
        vm.firstPage();
        assertEquals(0, source.lastQuery().offset());
    }

    @Test
    void headerClicksMapToServerSortAndFlipOrder() {
        vm.start();
        source.answerLast(0, 25, 100, 25);
        vm.nextPage();
        source.answerLast(25, 25, 100, 25);

        vm.sortBy(KeyColumn.NAME);
        assertEquals(SortField.NAME, source.lastQuery().sortBy());
        assertEquals(SortOrder.ASC, source.lastQuery().order());
        assertEquals(0, source.lastQuery().offset(), "a new sort starts at the first page");
        assertTrue(source.lastQuery().toQueryString().contains("sort_by=name&order=asc"));

        vm.sortBy(KeyColumn.NAME);
        assertEquals(SortOrder.DESC, source.lastQuery().order());

        vm.sortBy(KeyColumn.BUDGET);
        assertEquals(SortField.BUDGET_SPENT, source.lastQuery().sortBy());
        assertEquals(SortOrder.DESC, source.lastQuery().order(), "biggest spenders first");
        vm.sortBy(KeyColumn.STATUS);
        assertEquals(SortField.STATUS, source.lastQuery().sortBy());
        vm.sortBy(KeyColumn.CREATED);
        assertEquals(SortField.CREATED_AT, source.lastQuery().sortBy());
        assertEquals(SortOrder.DESC, source.lastQuery().order(), "newest first");

        int requests = source.keyQueries.size();
        vm.sortBy(KeyColumn.PROVIDERS);
        vm.sortBy(KeyColumn.RATE_LIMITS);
        vm.sortBy(KeyColumn.KEY);
        vm.sortBy(KeyColumn.ASSIGNED_TO);
        assertEquals(requests, source.keyQueries.size(), "columns the server cannot sort are not sortable");

        KeyBrowserViewModel again = newViewModel();
        assertEquals(SortField.CREATED_AT, again.queryProperty().get().sortBy());
        assertEquals(SortOrder.DESC, again.queryProperty().get().order(), "the sort is remembered");
    }

    @Test
    void supersededRequestIsCancelled() {
        vm.start();
        vm.sortBy(KeyColumn.NAME);
        assertTrue(source.keyAnswers.get(0).isCancelled(), "the superseded request is cancelled");
        source.answer(1, 0, 3, 3, 25);
        assertEquals(3, vm.rows().size());
    }

    @Test
    void lateAnswerToAnOlderRequestIsDropped() {
        source.ignoreCancel = true;
        vm.start();
        vm.sortBy(KeyColumn.NAME);
        source.answer(1, 0, 3, 3, 25);
        assertEquals(List.of("vk-0", "vk-1", "vk-2"), vm.rows().stream().map(KeyRow::id).toList());

        source.keyAnswers.get(0).complete(new Page<>(TestKeys.keys(100, 5), 5, 5, 25, 0));
        assertEquals(List.of("vk-0", "vk-1", "vk-2"), vm.rows().stream().map(KeyRow::id).toList());
        assertEquals(SortField.NAME, vm.queryProperty().get().sortBy());
        assertEquals(1, vm.loadedPageCountProperty().get());
    }

    @Test
    void staleFailureDoesNotOverwriteNewerPage() {
        source.ignoreCancel = true;
        vm.start();
        vm.searchTextProperty().set("x");
        scheduler.advance(Duration.ofMillis(300));
        source.answer(1, 0, 2, 2, 25);
        source.keyAnswers.get(0).obtrudeException(new ApiException(ApiException.Kind.SERVER_ERROR, 500, "s",
                "The server failed.", null, null));
        assertNull(vm.errorMessageProperty().get());
        assertEquals(2, vm.rows().size());
    }

    @Test
    void searchIsSentOnce300msAfterTypingStopsAndGoesBackToFirstPage() {
        vm.start();
        source.answerLast(0, 25, 100, 25);
        vm.goToPage(3);
        source.answerLast(50, 25, 100, 25);
        int requests = source.keyQueries.size();

        vm.searchTextProperty().set("a");
        scheduler.advance(Duration.ofMillis(200));
        vm.searchTextProperty().set("al");
        scheduler.advance(Duration.ofMillis(200));
        vm.searchTextProperty().set("alp ");
        scheduler.advance(Duration.ofMillis(299));
        assertEquals(requests, source.keyQueries.size(), "nothing sent while typing");
        scheduler.advance(Duration.ofMillis(1));
        assertEquals(requests + 1, source.keyQueries.size());
        assertEquals("alp", source.lastQuery().search());
        assertEquals(0, source.lastQuery().offset());
        assertTrue(vm.filtersActiveProperty().get());
    }

    @Test
    void failureKeepsLastGoodPageWithErrorAndRetry() {
        vm.start();
        source.answerLast(0, 25, 60, 25);
        vm.nextPage();
        source.keyAnswers.get(source.keyAnswers.size() - 1).completeExceptionally(new ApiException(
                ApiException.Kind.SERVER_ERROR, 500, "http://gw", "The server http://gw failed (500). Try again.",
                null, null));

        assertEquals(25, vm.rows().size(), "the last good page stays");
        assertEquals("vk-0", vm.rows().get(0).id());
        assertEquals(ViewState.READY, vm.viewStateProperty().get());
        assertEquals("The server http://gw failed (500). Try again.", vm.errorMessageProperty().get());

        vm.retry();
        assertEquals(25, source.lastQuery().offset(), "retry repeats the failed request");
        source.answerLast(25, 25, 60, 25);
        assertNull(vm.errorMessageProperty().get());
        assertEquals("vk-25", vm.rows().get(0).id());
    }

    @Test
    void failureWithNothingToShowIsTheErrorState() {
        vm.start();
        source.keyAnswers.get(0).completeExceptionally(new ApiException(ApiException.Kind.UNAUTHORIZED, 401, "gw",
                "The server refused the API key (401). Check the key in the connection settings.", null, null));
        assertEquals(ViewState.ERROR, vm.viewStateProperty().get());
        assertTrue(vm.errorMessageProperty().get().contains("refused the API key"));
        assertFalse(vm.firstPageShown().isDone());
    }

    @Test
    void unexpectedFailureBecomesOneSentence() {
        vm.start();
        source.keyAnswers.get(0).completeExceptionally(new IllegalStateException("boom at line 3"));
        String message = vm.errorMessageProperty().get();
        assertTrue(message.startsWith("The keys could not be loaded"), message);
        assertFalse(message.contains("boom"), "internal exception text is not shown");
    }

    @Test
    void emptyResultIsTheEmptyStateAndClearFiltersSendsOneRequest() {
        vm.start();
        source.answerLast(0, 25, 40, 25);
        vm.searchTextProperty().set("nothing-like-this");
        scheduler.advance(Duration.ofMillis(300));
        source.answerLast(0, 0, 0, 25);
        assertEquals(ViewState.EMPTY, vm.viewStateProperty().get());
        assertEquals("0 of 0", vm.rangeTextProperty().get());
        assertTrue(vm.filtersActiveProperty().get());

        vm.teamPicker().choose(new FilterOption("t1", "Alpha", ""));
        int requests = source.keyQueries.size();
        vm.clearFilters();
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(requests + 1, source.keyQueries.size(), "clearing sends exactly one request");
        VirtualKeyQuery q = source.lastQuery();
        assertNull(q.search());
        assertNull(q.teamId());
        assertFalse(vm.filtersActiveProperty().get());
        source.answerLast(0, 25, 40, 25);
        assertEquals(ViewState.READY, vm.viewStateProperty().get());
    }

    @Test
    void teamAndCustomerFiltersAreSentTogether() {
        vm.start();
        source.answerLast(0, 25, 40, 25);
        vm.nextPage();
        source.answerLast(25, 15, 40, 25);
        vm.teamPicker().choose(new FilterOption("t1", "Alpha", ""));
        assertEquals("t1", source.lastQuery().teamId());
        assertEquals(0, source.lastQuery().offset());
        vm.customerPicker().choose(new FilterOption("c1", "Acme", ""));
        assertTrue(source.lastQuery().toQueryString().contains("customer_id=c1&team_id=t1"));
        vm.hideAccessProfileKeysProperty().set(true);
        assertTrue(source.lastQuery().toQueryString().contains("exclude_access_profile_managed_virtual=true"));
    }

    @Test
    void teamPickerSearchesTheServerAndDropsStaleAnswers() {
        FilterPickerViewModel picker = vm.teamPicker();
        picker.load();
        picker.searchTextProperty().set("al");
        scheduler.advance(Duration.ofMillis(250));
        assertEquals("al", source.teamQueries.get(1).search());
        source.teamAnswers.get(1).complete(Page.of(List.of(Team.named("t1", "Alpha")), 1, 1L, 50, 0));
        source.teamAnswers.get(0).complete(Page.of(List.of(Team.named("t1", "Alpha"), Team.named("t2", "Beta")),
                2, 2L, 50, 0));
        assertEquals(List.of("Alpha"), picker.options().stream().map(FilterOption::name).toList());
        assertEquals("", picker.messageProperty().get());

        picker.searchTextProperty().set("zz");
        scheduler.advance(Duration.ofMillis(250));
        source.teamAnswers.get(2).complete(Page.of(List.of(), 0, 0L, 50, 0));
        assertEquals("No team matches \u201czz\u201d.", picker.messageProperty().get());
    }

    @Test
    void pageEmptiedByDeletionsStepsBackToTheLastPage() {
        vm.start();
        source.answerLast(0, 25, 60, 25);
        vm.lastPage();
        assertEquals(50, source.lastQuery().offset());
        source.answerLast(50, 0, 30, 25);
        assertEquals(25, source.lastQuery().offset(), "only 30 keys are left: page 2 is the last");
        source.answerLast(25, 5, 30, 25);
        assertEquals("26\u201330 of 30", vm.rangeTextProperty().get());
    }

    @Test
    void selectingPastThePageEdgeLoadsTheNeighbourPage() {
        vm.start();
        source.answerLast(0, 25, 60, 25);
        vm.selectedIndexProperty().set(24);
        vm.selectNext();
        assertEquals(25, source.lastQuery().offset());
        source.answerLast(25, 25, 60, 25);
        assertEquals(0, vm.selectedIndexProperty().get());
        assertEquals("vk-25", vm.selectedRow().id());
        vm.selectPrevious();
        assertEquals(0, source.lastQuery().offset());
        source.answerLast(0, 25, 60, 25);
        assertEquals("vk-24", vm.selectedRow().id());
    }

    @Test
    void detailFollowsSelectionWhileOpen() {
        vm.start();
        source.answerLast(0, 25, 60, 25);
        vm.openSelected();
        assertEquals(List.of("vk-0"), source.detailIds);
        vm.selectNext();
        assertEquals(List.of("vk-0", "vk-1"), source.detailIds);
        vm.closeDetail();
        vm.selectNext();
        assertEquals(2, source.detailIds.size(), "a closed pane fetches nothing");
    }

    @Test
    void refreshKeepsTheSelectedKey() {
        vm.start();
        source.answerLast(0, 25, 60, 25);
        vm.selectedIndexProperty().set(7);
        vm.refresh();
        source.answerLast(0, 25, 60, 25);
        assertEquals("vk-7", vm.selectedRow().id());
    }

    @Test
    void refreshReplacesOnlyChangedRowsInPlace() {
        vm.start();
        source.answerLast(0, 25, 60, 25);
        vm.selectedIndexProperty().set(7);
        List<KeyRow> before = List.copyOf(vm.rows());
        List<javafx.collections.ListChangeListener.Change<? extends KeyRow>> changes = new ArrayList<>();
        vm.rows().addListener((javafx.collections.ListChangeListener<KeyRow>) c -> changes.add(c));
        List<Integer> selections = new ArrayList<>();
        vm.selectedIndexProperty().addListener((o, a, b) -> selections.add(b.intValue()));
        vm.refresh();
        source.answerLast(0, 25, 60, 25);
        assertEquals(before, List.copyOf(vm.rows()));
        assertTrue(changes.isEmpty(), "nothing changed, nothing replaced: no flicker");
        assertEquals(List.of(), selections, "the selection never left the key");
        assertEquals("vk-7", vm.selectedRow().id());
    }

    @Test
    void aRefreshWithChangedRowsReplacesThemInOneListChangeAndKeepsTheSelection() {
        vm.start();
        List<bifrostconsole.api.VirtualKey> keys = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            keys.add(TestKeys.key("vk-" + i).name("key-" + i).build());
        }
        source.keyAnswers.get(source.keyAnswers.size() - 1).complete(new Page<>(keys, 5, 5, 25, 0));
        vm.selectedIndexProperty().set(2);
        List<String> changes = new ArrayList<>();
        vm.rows().addListener((javafx.collections.ListChangeListener<KeyRow>) c -> {
            StringBuilder parts = new StringBuilder();
            while (c.next()) {
                parts.append(c.wasReplaced() ? "replaced " + c.getFrom() + "-" + c.getTo() + ";" : "other;");
            }
            changes.add(parts.toString());
        });
        List<Integer> selections = new ArrayList<>();
        vm.selectedIndexProperty().addListener((o, a, b) -> selections.add(b.intValue()));
        vm.refresh();
        List<bifrostconsole.api.VirtualKey> renamed = new ArrayList<>(keys);
        renamed.set(1, TestKeys.key("vk-1").name("renamed-1").build());
        renamed.set(2, TestKeys.key("vk-2").name("renamed-2").build());
        renamed.set(4, TestKeys.key("vk-4").name("renamed-4").build());
        source.keyAnswers.get(source.keyAnswers.size() - 1).complete(new Page<>(renamed, 5, 5, 25, 0));
        assertEquals(List.of("key-0", "renamed-1", "renamed-2", "key-3", "renamed-4"),
                vm.rows().stream().map(r -> r.key().name()).toList());
        assertEquals(List.of("replaced 1-3;replaced 4-5;"), changes, "one list change for the page");
        assertEquals("vk-2", vm.selectedRow().id());
        assertEquals(List.of(), selections, "the selection never left the key");
    }

    @Test
    void headroomSortsThePageOnlyAndKeepsTheSelection() {
        vm.start();
        List<bifrostconsole.api.VirtualKey> keys = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            double used = new double[]{2, 9, 0, 5}[i];
            keys.add(TestKeys.key("vk-" + i).name("key-" + i)
                    .budget(bifrostconsole.api.Budget.of("b", 10, "1d", used, TestKeys.NOW.minusSeconds(60))).build());
        }
        keys.add(TestKeys.key("vk-4").name("unlimited").build());
        source.keyAnswers.get(source.keyAnswers.size() - 1).complete(new Page<>(keys, 5, 5, 25, 0));
        vm.selectedIndexProperty().set(3);
        int requests = source.keyQueries.size();
        vm.sortPageByHeadroom();
        assertEquals(List.of("vk-1", "vk-3", "vk-0", "vk-2", "vk-4"), vm.rows().stream().map(KeyRow::id).toList(),
                "most used first; no limit last");
        assertEquals("vk-3", vm.selectedRow().id());
        assertEquals(requests, source.keyQueries.size(), "the server is not asked");
        vm.sortPageByHeadroom();
        assertEquals(KeyBrowserViewModel.PageSort.LEAST_USED_FIRST, vm.pageSortProperty().get());
        assertEquals("vk-4", vm.rows().get(0).id());
        assertEquals("$1.00 left", vm.rows().stream().filter(r -> r.id().equals("vk-1")).findFirst().orElseThrow()
                .headroom().usedText());
        vm.sortBy(KeyColumn.NAME);
        assertEquals(KeyBrowserViewModel.PageSort.NONE, vm.pageSortProperty().get(), "a server sort ends it");
    }

    @Test
    void ownersArrivingLaterRecomputeTheHeadroomInPlace() {
        vm.start();
        Team bare = Team.named("t-1", "Platform");
        source.keyAnswers.get(0).complete(new Page<>(List.of(TestKeys.key("vk-0").name("key-0").team(bare).build()),
                1, 1, 25, 0));
        vm.selectedIndexProperty().set(0);
        assertEquals("No limit", vm.rows().get(0).headroom().usedText());
        Team listed = new Team("t-1", "Platform", null, null, null, null,
                List.of(bifrostconsole.api.Budget.of("tb", 100, "1M", 60, TestKeys.NOW.minusSeconds(60))), null, null,
                1, false, null, null, null);
        vm.setOwners(bifrostconsole.headroom.Owners.of(List.of(listed), List.of()));
        assertEquals("$40.00 left", vm.rows().get(0).headroom().usedText());
        assertEquals("team Platform, monthly", vm.rows().get(0).headroom().shortWindowText());
        assertEquals(0, vm.selectedIndexProperty().get());
    }

    @Test
    void pageSizeIsSentAndRemembered() {
        vm.start();
        source.answerLast(0, 25, 600, 25);
        vm.nextPage();
        source.answerLast(25, 25, 600, 25);
        vm.pageSizeProperty().set(100);
        assertEquals(100, source.lastQuery().limit());
        assertEquals(0, source.lastQuery().offset());
        source.answerLast(0, 100, 600, 100);
        assertEquals("Page 1 of 6", vm.pageTextProperty().get());
        assertEquals(100, newViewModel().pageSizeProperty().get());
    }

    @Test
    void fromMemoryAsksOnlyForTheCacheAndShowsEverything() {
        vm.start();
        source.answerLast(0, 25, 60, 25);
        vm.fromMemoryProperty().set(true);
        assertEquals("from_memory=true", source.lastQuery().toQueryString());
        assertTrue(vm.queryProperty().get().fromMemory());
        source.keyAnswers.get(source.keyAnswers.size() - 1)
                .complete(new Page<>(TestKeys.keys(0, 60), 60, 60, 60, 0));
        assertEquals("1\u201360 of 60", vm.rangeTextProperty().get());
        assertFalse(vm.pageProperty().get().hasNext());
        int requests = source.keyQueries.size();
        vm.sortBy(KeyColumn.NAME);
        assertEquals(requests, source.keyQueries.size(), "the cache is always in creation order");
    }

    @Test
    void copyingTheSelectedIdAndAValueUsesTheClipboardService() {
        List<String> copied = new ArrayList<>();
        List<String> secrets = new ArrayList<>();
        vm.setClipboard(new ClipboardService() {
            @Override
            public void copy(String text) {
                copied.add(text);
            }

            @Override
            public void copySecret(String secret) {
                secrets.add(secret);
            }
        });
        vm.start();
        assertFalse(vm.copySelectedKeyId());
        source.answerLast(0, 3, 3, 25);
        vm.selectedIndexProperty().set(1);
        assertTrue(vm.copySelectedKeyId());
        assertEquals(List.of("vk-1"), copied);
        vm.copyKeyValue(vm.rows().get(2));
        assertEquals(List.of("sk-bf-vk-2-secret"), secrets);
        assertTrue(vm.noticeProperty().get().contains("cleared"));
    }

    @Test
    void closingCancelsAndIgnoresWhatIsStillOnItsWay() {
        source.ignoreCancel = true;
        vm.start();
        vm.searchTextProperty().set("late");
        vm.close();
        scheduler.advance(Duration.ofSeconds(1));
        source.answerLast(0, 25, 25, 25);
        assertEquals(1, source.keyQueries.size(), "the pending search is not sent");
        assertTrue(vm.rows().isEmpty(), "the answer after closing is dropped");
        assertFalse(vm.loadingProperty().get());
    }

    @Test
    void columnChoicesAreRemembered() {
        vm.columnVisibleProperty(KeyColumn.PROVIDERS).set(false);
        vm.columnWidthProperty(KeyColumn.NAME).set(321);
        vm.detailDividerProperty().set(0.61);
        vm.detailDividerProperty().set(0.62);
        scheduler.advance(Duration.ofMillis(500));
        KeyBrowserViewModel again = newViewModel();
        assertEquals(0.62, again.detailDividerProperty().get(), 1e-9, "the divider position is remembered");
        assertFalse(again.columnVisibleProperty(KeyColumn.PROVIDERS).get());
        assertTrue(again.columnVisibleProperty(KeyColumn.NAME).get());
        assertEquals(321, again.columnWidthProperty(KeyColumn.NAME).get());
    }

    @Test
    void metadataConditionsAreCheckedAsTypedAndSentAndedWithThePageQuery() {
        vm.start();
        source.answerLast(0, 25, 1234, 25);
        vm.nextPage();
        source.answerLast(25, 25, 1234, 25);
        int requests = source.keyQueries.size();

        vm.metadataInputProperty().set("cost center = cc-42");
        assertTrue(vm.metadataProblemProperty().get().contains("only letters, digits, dots, dashes and underscores"),
                vm.metadataProblemProperty().get());
        assertFalse(vm.addMetadataCondition());
        vm.metadataInputProperty().set("isAsyncRequest = true");
        assertTrue(vm.metadataProblemProperty().get().contains("reserved"), vm.metadataProblemProperty().get());
        vm.metadataInputProperty().set("env =");
        assertTrue(vm.metadataProblemProperty().get().contains("value"), vm.metadataProblemProperty().get());
        vm.metadataInputProperty().set("env");
        assertTrue(vm.metadataProblemProperty().get().contains("= value"), vm.metadataProblemProperty().get());
        vm.metadataInputProperty().set("k".repeat(257) + "=v");
        assertEquals("A metadata key has at most 256 characters.", vm.metadataProblemProperty().get());
        // Bifrost counts characters, not UTF-16 units: 512 emoji (1,024 units) fit, 513 do not.
        vm.metadataInputProperty().set("note = " + "\uD83D\uDE00".repeat(513));
        assertEquals("A metadata value has at most 512 characters.", vm.metadataProblemProperty().get());
        vm.metadataInputProperty().set("note = " + "\uD83D\uDE00".repeat(512));
        assertNull(vm.metadataProblemProperty().get());
        assertEquals(requests, source.keyQueries.size(), "nothing is sent while typing or for a refused condition");

        vm.metadataInputProperty().set("  cost_center = cc-42 ");
        assertNull(vm.metadataProblemProperty().get());
        assertTrue(vm.addMetadataCondition());
        assertEquals("", vm.metadataInputProperty().get());
        VirtualKeyQuery q = source.lastQuery();
        assertEquals(java.util.Map.of("cost_center", "cc-42"), q.metadata());
        assertEquals(0, q.offset(), "a new filter goes back to the first page");
        assertTrue(vm.filtersActiveProperty().get());

        vm.metadataInputProperty().set("env=prod");
        assertTrue(vm.addMetadataCondition());
        assertEquals(List.of("cost_center", "env"), List.copyOf(source.lastQuery().metadata().keySet()));
        assertTrue(source.lastQuery().toQueryString().contains("metadata_cost_center=cc-42&metadata_env=prod"),
                source.lastQuery().toQueryString());
        vm.metadataInputProperty().set("env = dev team");
        assertTrue(vm.addMetadataCondition(), "a second condition on a key replaces the first");
        assertEquals(java.util.Map.of("cost_center", "cc-42", "env", "dev team"), source.lastQuery().metadata());
        assertTrue(source.lastQuery().toQueryString().contains("metadata_env=dev+team"));
        assertEquals(2, vm.metadataConditions().size());

        vm.removeMetadataCondition(vm.metadataConditions().get(0));
        assertEquals(java.util.Map.of("env", "dev team"), source.lastQuery().metadata());
        vm.clearFilters();
        assertTrue(source.lastQuery().metadata().isEmpty());
        assertTrue(vm.metadataConditions().isEmpty());
        assertFalse(vm.filtersActiveProperty().get());
    }

    @Test
    void aServerThatIgnoresTheMetadataFilterIsCaught() {
        vm.start();
        source.answerLast(0, 25, 1234, 25);
        vm.metadataInputProperty().set("env = prod");
        vm.addMetadataCondition();
        // An older server sends the whole list: keys without the entry.
        source.keyAnswers.get(source.keyAnswers.size() - 1).complete(new Page<>(TestKeys.keys(0, 25), 25, 1234, 25, 0));
        assertTrue(vm.metadataIgnoredProperty().get().contains("ignored the metadata filter"));

        vm.refresh();
        java.util.Map<String, String> ordered = new java.util.LinkedHashMap<>(); // shown in the server's order
        ordered.put("env", "prod");
        ordered.put("team", "a");
        var tagged = List.of(TestKeys.key("vk-1").metadata(ordered).build(),
                TestKeys.key("vk-2").metadata(java.util.Map.of("env", "prod")).build());
        source.keyAnswers.get(source.keyAnswers.size() - 1).complete(new Page<>(tagged, 2, 2, 25, 0));
        assertNull(vm.metadataIgnoredProperty().get());
        assertEquals(2, vm.rows().size());
        assertEquals("env=prod, team=a", vm.rows().get(0).metadataText());
        assertEquals("2 metadata entries:\nenv = prod\nteam = a", vm.rows().get(0).metadataTooltip());
    }

    @Test
    void theMetadataColumnIsHiddenUntilPickedAndThenRemembered() {
        assertFalse(vm.columnVisibleProperty(KeyColumn.METADATA).get());
        assertTrue(vm.columnVisibleProperty(KeyColumn.PROVIDERS).get());
        vm.columnVisibleProperty(KeyColumn.METADATA).set(true);
        assertTrue(newViewModel().columnVisibleProperty(KeyColumn.METADATA).get());
    }

    // ---- the status filter and the Status sort (issue 15 item 8) -----------------------------------------

    /** Active, Inactive, Expired, Exhausted, Active, Expired: as the server's is_active sort mixes them. */
    private static List<bifrostconsole.api.VirtualKey> mixedStatuses() {
        return List.of(TestKeys.key("a1").name("active-1").build(),
                TestKeys.key("i1").name("inactive-1").active(false).build(),
                TestKeys.key("e1").name("expired-1").expiresAt(TestKeys.NOW.minusSeconds(3600)).build(),
                TestKeys.key("x1").name("exhausted-1").rateLimit(TestKeys.rateLimit(100, 100L, 0, null)).build(),
                TestKeys.key("a2").name("active-2").build(),
                TestKeys.key("e2").name("expired-2").expiresAt(TestKeys.NOW.minusSeconds(60)).build());
    }

    private List<String> rowIds() {
        return vm.rows().stream().map(KeyRow::id).toList();
    }

    @Test
    void theStatusFilterKeepsThatStatusOfThePageAndSaysItCoversThePageOnly() {
        vm.start();
        source.keyAnswers.get(0).complete(new Page<>(mixedStatuses(), 6, 300, 25, 0));
        int asked = source.keyQueries.size();

        vm.statusFilterProperty().set(bifrostconsole.api.KeyStatus.EXPIRED);

        assertEquals(List.of("e1", "e2"), rowIds());
        assertEquals(asked, source.keyQueries.size(), "the server cannot filter by status: nothing is asked");
        assertEquals("2 of the 6 keys on this page are Expired. The status filter applies to the 6 keys on this"
                + " page only: the server cannot filter by status, so other pages are not searched.",
                vm.statusFilterNoteProperty().get());
        assertEquals("1\u20136 of 300", vm.rangeTextProperty().get(), "the pager still counts the server's page");

        vm.statusFilterProperty().set(bifrostconsole.api.KeyStatus.EXHAUSTED);
        assertEquals(List.of("x1"), rowIds());
        assertTrue(vm.statusFilterNoteProperty().get().startsWith("1 of the 6 keys on this page is Exhausted."));

        vm.statusFilterProperty().set(null);
        assertEquals(List.of("a1", "i1", "e1", "x1", "a2", "e2"), rowIds());
        assertNull(vm.statusFilterNoteProperty().get());
    }

    @Test
    void aPageWithoutThatStatusIsNotAnEmptyList() {
        vm.start();
        source.keyAnswers.get(0).complete(new Page<>(TestKeys.keys(0, 25), 25, 300, 25, 0));

        vm.statusFilterProperty().set(bifrostconsole.api.KeyStatus.INACTIVE);

        assertEquals(List.of(), rowIds());
        assertEquals(ViewState.READY, vm.viewStateProperty().get(), "the pager stays, to try the next page");
        assertTrue(vm.statusFilterNoteProperty().get().startsWith("None of the 25 keys on this page is Inactive."),
                vm.statusFilterNoteProperty().get());
    }

    @Test
    void theStatusFilterKeepsTheSelectedKeyAndFiltersTheNextPageToo() {
        vm.start();
        source.keyAnswers.get(0).complete(new Page<>(mixedStatuses(), 6, 300, 6, 0));
        vm.selectedIndexProperty().set(5); // e2
        vm.statusFilterProperty().set(bifrostconsole.api.KeyStatus.EXPIRED);
        assertEquals("e2", vm.selectedRow().id(), "the selected key still shows: it stays selected");

        vm.nextPage();
        assertEquals(6, source.lastQuery().offset(), "paging still asks the server for its next page");
        source.keyAnswers.get(source.keyAnswers.size() - 1).complete(new Page<>(List.of(
                TestKeys.key("a3").build(), TestKeys.key("e3").expiresAt(TestKeys.NOW.minusSeconds(1)).build()),
                2, 300, 6, 6));
        assertEquals(List.of("e3"), rowIds());
        assertTrue(vm.statusFilterNoteProperty().get().startsWith("1 of the 2 keys on this page is Expired."));
    }

    @Test
    void clearingTheFiltersClearsTheStatusFilter() {
        vm.start();
        source.keyAnswers.get(0).complete(new Page<>(mixedStatuses(), 6, 300, 25, 0));
        vm.statusFilterProperty().set(bifrostconsole.api.KeyStatus.ACTIVE);
        vm.clearFilters();
        assertNull(vm.statusFilterProperty().get());
        assertNull(vm.statusFilterNoteProperty().get());
    }

    @Test
    void sortingByStatusSaysTheServerSortsByTheSwitchOnly() {
        vm.start();
        source.answerLast(0, 25, 300, 25);
        assertNull(vm.statusSortNoteProperty().get());

        vm.sortBy(KeyColumn.STATUS);
        source.keyAnswers.get(source.keyAnswers.size() - 1).complete(new Page<>(mixedStatuses(), 6, 300, 25, 0));

        assertEquals(KeyBrowserViewModel.STATUS_SORT_NOTE, vm.statusSortNoteProperty().get());
        assertTrue(vm.statusSortNoteProperty().get().contains("Expired or Exhausted"));
        assertTrue(KeyColumn.STATUS.tooltip().contains("on/off switch only"), "the header's tooltip says so too");

        vm.sortBy(KeyColumn.NAME);
        source.answerLast(0, 25, 300, 25);
        assertNull(vm.statusSortNoteProperty().get());
    }
}
