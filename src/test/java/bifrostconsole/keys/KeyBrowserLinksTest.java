package bifrostconsole.keys;

import bifrostconsole.api.Page;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.config.UiSettings;
import bifrostconsole.testing.HeldAnswersSource;
import bifrostconsole.testing.ManualScheduler;
import bifrostconsole.testing.TestKeys;
import bifrostconsole.ui.Formats;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Where links from the team and customer views land in the key table: one key selected, or one owner's keys. */
class KeyBrowserLinksTest {
    private HeldAnswersSource source;
    private ManualScheduler scheduler;
    private KeyBrowserViewModel vm;

    @BeforeEach
    void setUp() {
        source = new HeldAnswersSource();
        scheduler = new ManualScheduler();
        vm = new KeyBrowserViewModel(source, Runnable::run, new KeyTableSettings(UiSettings.inMemory(), Runnable::run),
                scheduler, Clock.fixed(TestKeys.NOW, ZoneOffset.UTC), new Formats(Locale.US, ZoneOffset.UTC));
        vm.start();
        source.answerLast(0, 25, 300, 25);
        vm.teamPicker().choose(new FilterOption("team-9", "Support", ""));
        source.answerLast(0, 5, 5, 25);
    }

    @Test
    void aKeyLinkSearchesForItsNameAtOnceSelectsItsRowAndOpensIt() {
        int before = source.keyQueries.size();
        vm.showKey("vk-7", "key-7");
        assertEquals(before + 1, source.keyQueries.size(), "one request, without the typing delay");
        VirtualKeyQuery q = source.lastQuery();
        assertEquals("key-7", q.search());
        assertNull(q.teamId(), "filters that could hide the key are cleared");
        assertEquals(0, q.offset());
        assertEquals("vk-7", source.detailIds.get(source.detailIds.size() - 1), "its details open");
        source.keyAnswers.get(source.keyAnswers.size() - 1).complete(new Page<>(List.of(
                TestKeys.key("vk-70").name("key-70").build(), TestKeys.key("vk-7").name("key-7").build()), 2, 2, 25, 0));
        assertEquals("vk-7", vm.selectedRow().id(), "the key's row is selected");
        scheduler.advance(KeyBrowserViewModel.SEARCH_DELAY);
        assertEquals(before + 1, source.keyQueries.size(), "the search box's own delay sends nothing more");
    }

    @Test
    void aTeamsOrCustomersKeysLinkShowsOnlyItsKeys() {
        vm.searchTextProperty().set("old search");
        vm.showKeysOfCustomer("cust-2", "Initech");
        VirtualKeyQuery q = source.lastQuery();
        assertEquals("cust-2", q.customerId());
        assertNull(q.teamId(), "a customer's keys, not also the team's (the server ORs the two)");
        assertNull(q.search());
        assertEquals("Initech", vm.customerPicker().selectedProperty().get().name());
        vm.showKeysOfTeam("team-3", "Payments");
        assertEquals("team-3", source.lastQuery().teamId());
        assertNull(source.lastQuery().customerId());
    }
}
