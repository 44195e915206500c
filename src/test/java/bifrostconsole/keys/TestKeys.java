package bifrostconsole.keys;

import bifrostconsole.api.Budget;
import bifrostconsole.api.Customer;
import bifrostconsole.api.GovernanceSource;
import bifrostconsole.api.ListQuery;
import bifrostconsole.api.Page;
import bifrostconsole.api.ProviderConfig;
import bifrostconsole.api.RateLimit;
import bifrostconsole.api.SecretValue;
import bifrostconsole.api.Team;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.service.Scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Test data and fakes for the key view-models: keys, a source whose answers the test releases, a manual timer. */
public final class TestKeys {
    public static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private TestKeys() {
    }

    public static VirtualKey key(String id, String name) {
        return key(id, name, true, null, List.of(), null, null, List.of());
    }

    public static VirtualKey key(String id, String name, boolean active, Instant expiresAt, List<Budget> budgets,
                                 RateLimit rateLimit, Team team, List<ProviderConfig> providers) {
        return new VirtualKey(id, name, "Key " + name, SecretValue.plain("sk-bf-" + id + "-0123456789abcdef"),
                active, expiresAt, providers, List.of(), team == null ? null : team.id(), null, null, false, null,
                team, null, rateLimit, budgets, null, null, "", null, null, null,
                NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofHours(2)));
    }

    public static RateLimit rateLimit(long tokensUsed, Long tokenMax, long requestsUsed, Long requestMax) {
        return new RateLimit("rl", tokenMax, "1m", tokensUsed, NOW.minusSeconds(20), requestMax, "1h", requestsUsed,
                NOW.minusSeconds(600), null, null, null, null);
    }

    public static ProviderConfig provider(String name, Double weight, List<String> models) {
        return new ProviderConfig(1L, null, name, weight, models, List.of(), true, null, null, List.of(), List.of(),
                List.of());
    }

    public static List<VirtualKey> keys(int from, int count) {
        List<VirtualKey> list = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            list.add(key("vk-" + i, "key-" + i));
        }
        return list;
    }

    /** A source that records every request and answers only when the test says so. */
    public static final class FakeSource implements GovernanceSource {
        public final List<VirtualKeyQuery> keyQueries = new ArrayList<>();
        public final List<CompletableFuture<Page<VirtualKey>>> keyAnswers = new ArrayList<>();
        public final List<String> detailIds = new ArrayList<>();
        public final List<CompletableFuture<VirtualKey>> detailAnswers = new ArrayList<>();
        public final List<ListQuery> teamQueries = new ArrayList<>();
        /** Like a server that answers although the request was cancelled. */
        public boolean ignoreCancel;
        public final List<CompletableFuture<Page<Team>>> teamAnswers = new ArrayList<>();

        @Override
        public CompletableFuture<Page<VirtualKey>> listVirtualKeys(VirtualKeyQuery query) {
            keyQueries.add(query);
            CompletableFuture<Page<VirtualKey>> f = ignoreCancel ? new CompletableFuture<>() {
                @Override
                public boolean cancel(boolean mayInterrupt) {
                    return false;
                }
            } : new CompletableFuture<>();
            keyAnswers.add(f);
            return f;
        }

        @Override
        public CompletableFuture<VirtualKey> getVirtualKey(String id) {
            detailIds.add(id);
            CompletableFuture<VirtualKey> f = ignoreCancel ? new CompletableFuture<>() {
                @Override
                public boolean cancel(boolean mayInterrupt) {
                    return false;
                }
            } : new CompletableFuture<>();
            detailAnswers.add(f);
            return f;
        }

        @Override
        public CompletableFuture<Page<Team>> listTeams(ListQuery query) {
            teamQueries.add(query);
            CompletableFuture<Page<Team>> f = new CompletableFuture<>();
            teamAnswers.add(f);
            return f;
        }

        @Override
        public CompletableFuture<Page<Customer>> listCustomers(ListQuery query) {
            return CompletableFuture.completedFuture(Page.of(List.of(Customer.named("c1", "Acme")), 1, 1L, 50, 0));
        }

        @Override
        public CompletableFuture<Team> getTeam(String id) {
            return CompletableFuture.completedFuture(Team.named(id, "Team " + id));
        }

        @Override
        public CompletableFuture<Customer> getCustomer(String id) {
            return CompletableFuture.completedFuture(Customer.named(id, "Customer " + id));
        }

        @Override
        public String displayName() {
            return "fake";
        }

        public VirtualKeyQuery lastQuery() {
            return keyQueries.get(keyQueries.size() - 1);
        }

        /** Answers the request at {@code index} with keys {@code from..from+count} of {@code total}. */
        public void answer(int index, int from, int count, long total, int limit) {
            keyAnswers.get(index).complete(new Page<>(keys(from, count), count, total, limit, from));
        }

        public void answerLast(int from, int count, long total, int limit) {
            answer(keyAnswers.size() - 1, from, count, total, limit);
        }
    }

    /** A timer the test moves by hand. */
    public static final class ManualScheduler implements Scheduler {
        private record Task(long due, Runnable run, boolean[] cancelled) {
        }

        private final List<Task> tasks = new ArrayList<>();
        private long now;

        @Override
        public Cancellable schedule(Duration delay, Runnable task) {
            boolean[] cancelled = {false};
            tasks.add(new Task(now + delay.toMillis(), task, cancelled));
            return () -> cancelled[0] = true;
        }

        public void advance(Duration d) {
            now += d.toMillis();
            List<Task> due = new ArrayList<>();
            for (Task t : tasks) {
                if (t.due <= now && !t.cancelled[0]) {
                    due.add(t);
                }
            }
            tasks.removeIf(t -> t.due <= now || t.cancelled[0]);
            due.forEach(t -> t.run.run());
        }
    }
}
