package bifrostconsole.export;

import bifrostconsole.api.Page;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.testing.TestKeys;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An export taken while keys are created and deleted never repeats a key and never passes for complete when the
 * list moved under it: offset paging over a list whose earlier rows are deleted shifts later rows back (one is
 * sent twice) or forward (one is skipped), and the pager must notice either.
 */
class ConsistentReadTest {

    /** A server's key list in creation order, changed by {@code between} after each page is served. */
    static final class ChangingServer implements KeyPageSource {
        final List<VirtualKey> keys = new ArrayList<>();
        final Consumer<ChangingServer> between;
        int next = 1000;
        int pagesServed;

        ChangingServer(int count, Consumer<ChangingServer> between) {
            for (int i = 0; i < count; i++) {
                keys.add(TestKeys.key(String.format("vk-%04d", i)).name("key " + i).build());
            }
            this.between = between;
        }

        /** Pages are served on a thread of their own, as HTTP answers are: the pager gates their keys. */
        @Override
        public CompletableFuture<Page<VirtualKey>> streamPage(VirtualKeyQuery query, Consumer<VirtualKey> sink) {
            CompletableFuture<Page<VirtualKey>> answer = new CompletableFuture<>();
            Thread worker = new Thread(() -> answer.complete(serve(query, sink)), "page-" + query.offset());
            worker.setDaemon(true);
            worker.start();
            return answer;
        }

        private Page<VirtualKey> serve(VirtualKeyQuery query, Consumer<VirtualKey> sink) {
            int offset = query.offset() == null ? 0 : query.offset();
            int limit = query.limit() == null ? 25 : query.limit();
            List<VirtualKey> page;
            long total;
            synchronized (this) {
                page = List.copyOf(keys.subList(Math.min(offset, keys.size()),
                        Math.min(keys.size(), offset + limit)));
                total = keys.size();
                pagesServed++;
                between.accept(this); // the list changes as soon as this page has been cut
            }
            page.forEach(sink);
            return new Page<>(List.of(), page.size(), total, limit, offset);
        }

        void create() {
            keys.add(TestKeys.key("vk-new-" + next++).name("created meanwhile").build());
        }
    }

    private static List<String> export(ChangingServer server, ReadIntegrity[] integrity) throws IOException {
        List<String> written = new ArrayList<>();
        KeyPager.Outcome outcome = new KeyPager(server, 10).forEach(VirtualKeyQuery.all(), ExportScope.ALL_MATCHING,
                key -> written.add(key.id()), ProgressListener.NONE, new Cancellation());
        integrity[0] = outcome.integrity();
        return written;
    }

    @Test
    void aQuietServerGivesACleanRead() throws IOException {
        ReadIntegrity[] integrity = new ReadIntegrity[1];
        List<String> written = export(new ChangingServer(35, s -> { }), integrity);
        assertEquals(35, written.size());
        assertTrue(integrity[0].clean(), integrity[0].warnings());
        assertEquals("", integrity[0].warnings());
    }

    @Test
    void deletesBeforeTheCursorNeverRepeatAKeyAndAreReported() throws IOException {
        // After each page, the first remaining key is deleted and one is created: every later key moves back one.
        ChangingServer server = new ChangingServer(35, s -> {
            if (s.pagesServed <= 3) {
                s.keys.remove(0);
                s.keys.remove(0);
                s.create();
            }
        });
        ReadIntegrity[] integrity = new ReadIntegrity[1];
        List<String> written = export(server, integrity);
        Set<String> unique = new HashSet<>(written);
        assertEquals(unique.size(), written.size(), "no key written twice: " + written);
        assertTrue(integrity[0].changedDuringRead());
        assertTrue(integrity[0].warnings().contains("changed while they were read"), integrity[0].warnings());
    }

    @Test
    void aKeySentTwiceIsWrittenOnceAndTheReadIsMarkedChanged() throws IOException {
        // A key created with an older timestamp lands before the cursor: everything shifts forward, total grows.
        ChangingServer server = new ChangingServer(30, s -> {
            if (s.pagesServed == 1) {
                s.keys.add(0, TestKeys.key("vk-backdated").name("synced from config.json").build());
            }
        });
        ReadIntegrity[] integrity = new ReadIntegrity[1];
        List<String> written = export(server, integrity);
        assertEquals(new HashSet<>(written).size(), written.size(), "no duplicates: " + written);
        assertEquals(1, integrity[0].duplicatesDropped(), "vk-0009 came again at the start of page 2");
        assertTrue(integrity[0].changedDuringRead());
        assertFalse(integrity[0].clean());
    }
}
