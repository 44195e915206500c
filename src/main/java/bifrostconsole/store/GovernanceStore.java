package bifrostconsole.store;

import bifrostconsole.api.Budget;
import bifrostconsole.api.Customer;
import bifrostconsole.api.KeyMetadata;
import bifrostconsole.api.McpClient;
import bifrostconsole.api.Page;
import bifrostconsole.api.Provider;
import bifrostconsole.api.ProviderKey;
import bifrostconsole.api.Team;
import bifrostconsole.api.VirtualKey;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;

/**
 * Governance data held in memory, answering list and get queries with Bifrost's semantics (API.md §4 to §7):
 * the same defaults, caps, 400s, filters, sort orders and tie-breakers as {@code GET /api/governance/...}.
 * Queries take the raw query parameters as the HTTP handler sees them, so the demo gateway and the in-process
 * {@link StoreGovernanceSource} share one implementation.
 *
 * <p>Thread-safe. Sorted orders of the virtual keys are computed once per (sort field, order) and cached;
 * filters are applied while walking that order, so a 100-key page of a 100,000-key store costs one pass at most.
 *
 * <p>Writes ({@link #write(Function)}, used by {@link GovernanceWrites}) run one at a time and replace the whole
 * {@link Data} snapshot at once, so a query sees the data from before a write or after it, never half of it.
 * A write that replaces keys keeps the cached orders its changes cannot affect.
 */
public final class GovernanceStore {

    public static final int DEFAULT_LIMIT = 25;
    public static final int MAX_LIMIT = 100;
    public static final int EXPORT_LIMIT = 10_000;
    /** What {@code GET /api/version} answers (a JSON string): the latest 2.2 release (API.md §0, §16). */
    public static final String VERSION = "v2.2.5";

    /** A query or write Bifrost would refuse: the HTTP status and the {@code error.message} it would send. */
    public static final class QueryException extends RuntimeException {
        private final int status;

        public QueryException(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final List<Provider> providers;
    private final Map<String, List<ProviderKey>> providerKeys;
    private final Object writeLock = new Object();
    private volatile Data data;

    /**
     * Everything a query reads about keys, teams, customers and MCP clients: immutable, replaced whole by a write.
     * Queries read {@link #data} once and use only that snapshot. Keys are held as {@link CompactKeys} bytes and
     * decoded when read, with their {@link KeyFacts} beside them for the queries.
     */
    private static final class Data {
        final CompactKeys codec;
        final byte[][] keys;
        final KeyFacts facts;
        /** Key indexes in id order (equal ids by index), and each key's position in it: the tie-breaker. */
        final int[] byId;
        final int[] idRank;
        final Map<String, int[]> sortedOrders;
        final Map<Sort, int[]> valueRanks;
        final List<Team> teams;
        final List<Customer> customers;
        final List<McpClient> mcpClients;

        /** {@code ids}: each key's id, as the keys were added (taken from their records, not decoded again). */
        Data(CompactKeys codec, byte[][] keys, String[] ids, KeyFacts facts, List<Team> teams,
             List<Customer> customers, List<McpClient> mcpClients) {
            this.codec = codec;
            this.keys = keys;
            this.facts = facts;
            int n = keys.length;
            Integer[] indexes = new Integer[n];
            for (int i = 0; i < n; i++) {
                indexes[i] = i;
            }
            Arrays.sort(indexes, Comparator.comparing((Integer i) -> ids[i],
                    Comparator.nullsFirst(Comparator.<String>naturalOrder())));
            this.byId = new int[n];
            this.idRank = new int[n];
            for (int position = 0; position < n; position++) {
                byId[position] = indexes[position];
                idRank[indexes[position]] = position;
            }
            this.sortedOrders = new ConcurrentHashMap<>();
            this.valueRanks = new ConcurrentHashMap<>();
            this.teams = sortedByCreation(teams, Team::createdAt, Team::id);
            this.customers = sortedByCreation(customers, Customer::createdAt, Customer::id);
            this.mcpClients = List.copyOf(mcpClients);
        }

        /** The keys encoded now, e.g. a snapshot's: one copy of each lower-cased owner name. */
        static Data of(CompactKeys codec, List<VirtualKey> keys, List<Team> teams, List<Customer> customers,
                       List<McpClient> mcpClients) {
            Keys encoded = new Keys(codec, keys.size());
            keys.forEach(encoded::add);
            return encoded.data(teams, customers, mcpClients);
        }

        /** The same keys with some replaced in place (same ids): the id order stays, unaffected sorts stay cached. */
        Data(Data base, Map<Integer, VirtualKey> replaced, List<Team> teams, List<Customer> customers,
             List<McpClient> mcpClients) {
            this.codec = base.codec;
            this.keys = base.keys.clone();
            KeyFacts old = base.facts;
            this.facts = old.with(replaced);
            java.util.EnumSet<Sort> stale = java.util.EnumSet.noneOf(Sort.class);
            replaced.forEach((index, key) -> {
                String oldName = codec.name(keys[index]);
                keys[index] = codec.encode(key);
                if (!java.util.Objects.equals(oldName, key.name())) {
                    stale.add(Sort.NAME);
                }
                if (old.active(index) != facts.active(index)) {
                    stale.add(Sort.STATUS);
                }
                if (old.budgetSpent(index) != facts.budgetSpent(index)) {
                    stale.add(Sort.BUDGET_SPENT);
                }
                if (old.createdAt(index) != facts.createdAt(index)) {
                    stale.add(Sort.CREATED_AT);
                }
            });
            this.byId = base.byId;
            this.idRank = base.idRank;
            this.sortedOrders = new ConcurrentHashMap<>();
            base.sortedOrders.forEach((name, order) -> {
                if (stale.stream().noneMatch(sort -> name.startsWith(sort + ":"))) {
                    sortedOrders.put(name, order);
                }
            });
            this.valueRanks = new ConcurrentHashMap<>();
            base.valueRanks.forEach((sort, ranks) -> {
                if (!stale.contains(sort)) {
                    valueRanks.put(sort, ranks);
                }
            });
            // lists a write left alone are the base's own, already sorted
            this.teams = teams == base.teams ? teams : sortedByCreation(teams, Team::createdAt, Team::id);
            this.customers = customers == base.customers ? customers
                    : sortedByCreation(customers, Customer::createdAt, Customer::id);
            this.mcpClients = List.copyOf(mcpClients);
        }

        int size() {
            return keys.length;
        }

        VirtualKey key(int index) {
            return codec.decode(keys[index]);
        }

        VirtualKey key(String id) {
            int index = indexOf(id);
            return index < 0 ? null : key(index);
        }

        /**
         * The index in {@link #keys} of the first key with this id, or -1: a binary search of the id order (no map
         * of 100,000 boxed indexes beside the keys). Equal ids are in index order there, so the first one wins.
         */
        int indexOf(String id) {
            if (id == null) {
                return -1;
            }
            int low = 0;
            int high = byId.length - 1;
            int found = -1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                String midId = codec.id(keys[byId[mid]]);
                int c = midId == null ? -1 : midId.compareTo(id);
                if (c < 0) {
                    low = mid + 1;
                } else {
                    if (c == 0) {
                        found = byId[mid];
                    }
                    high = mid - 1;
                }
            }
            return found;
        }
    }

    /**
     * Keys encoded one at a time as they are made, for a store built without every key's record held at once: the
     * demo's 100,000 generated records are about twice their compact bytes, so encoding each as it is made keeps the
     * generation's peak near the store's own size (README, "The console's own memory"). Not thread-safe; use once.
     */
    public static final class Keys {
        private final CompactKeys codec;
        private byte[][] encoded;
        private String[] ids;
        private KeyFacts.Builder facts;
        private int size;

        /** Room for {@code expected} keys (more are taken too). */
        public Keys(int expected) {
            this(new CompactKeys(), expected);
        }

        private Keys(CompactKeys codec, int expected) {
            this.codec = codec;
            this.encoded = new byte[Math.max(0, expected)][];
            this.ids = new String[encoded.length];
            this.facts = new KeyFacts.Builder(encoded.length);
        }

        /** Adds the next key (the store keeps the order of adding, as a list's). */
        public void add(VirtualKey key) {
            if (size == encoded.length) {
                int grown = Math.max(16, size + (size >> 1));
                encoded = Arrays.copyOf(encoded, grown);
                ids = Arrays.copyOf(ids, grown);
            }
            encoded[size] = codec.encode(key);
            ids[size] = key.id();
            facts.add(key);
            size++;
        }

        public int size() {
            return size;
        }

        private Data data(List<Team> teams, List<Customer> customers, List<McpClient> mcpClients) {
            if (encoded == null) {
                throw new IllegalStateException("these keys are in a store already");
            }
            byte[][] keys = size == encoded.length ? encoded : Arrays.copyOf(encoded, size);
            KeyFacts keyFacts = facts.build();
            String[] keyIds = ids;
            encoded = null;
            ids = null;
            facts = null;
            return new Data(codec, keys, keyIds, keyFacts, teams, customers, mcpClients);
        }
    }

    /**
     * A store over plain lists, e.g. a snapshot file's contents. {@code providerKeys} maps a provider's name to
     * its keys with their secrets; they are redacted whenever they are served.
     */
    public GovernanceStore(List<VirtualKey> keys, List<Team> teams, List<Customer> customers,
                           List<McpClient> mcpClients, List<Provider> providers,
                           Map<String, List<ProviderKey>> providerKeys) {
        this(Data.of(new CompactKeys(), keys, teams, customers, mcpClients), providers, providerKeys);
    }

    /**
     * A store over keys encoded as they were made ({@link Keys}), e.g. the demo's; the keys become the store's and
     * cannot be added to a second one.
     */
    public GovernanceStore(Keys keys, List<Team> teams, List<Customer> customers, List<McpClient> mcpClients,
                           List<Provider> providers, Map<String, List<ProviderKey>> providerKeys) {
        this(keys.data(teams, customers, mcpClients), providers, providerKeys);
    }

    private GovernanceStore(Data data, List<Provider> providers, Map<String, List<ProviderKey>> providerKeys) {
        this.data = data;
        this.providers = providers.stream().sorted(Comparator.comparing(Provider::name)).toList();
        Map<String, List<ProviderKey>> copy = new LinkedHashMap<>();
        providerKeys.forEach((name, list) -> copy.put(name, List.copyOf(list)));
        this.providerKeys = copy;
    }

    /** A store with no data at all. */
    public static GovernanceStore empty() {
        return new GovernanceStore(List.of(), List.of(), List.of(), List.of(), List.of(), Map.of());
    }

    // ---- plain access --------------------------------------------------------------------------------------

    /** Every key in creation order (oldest first, id as tie-breaker). */
    public List<VirtualKey> virtualKeys() {
        Data d = data;
        int[] order = order(d, Sort.CREATED_AT, false);
        List<VirtualKey> all = new ArrayList<>(order.length);
        for (int i : order) {
            all.add(d.key(i));
        }
        return all;
    }

    /**
     * Every key in creation order, as {@link #virtualKeys()}, but decoded one at a time: a pass over 100,000 keys
     * that keeps none of them holds no list of 130 MB of records on the way (README, "The console's own memory").
     */
    public void forEachVirtualKey(java.util.function.Consumer<? super VirtualKey> action) {
        Data d = data;
        for (int i : order(d, Sort.CREATED_AT, false)) {
            action.accept(d.key(i));
        }
    }

    /**
     * A pass over the keys as they are now, in {@link #forEachVirtualKey}'s order, to be run later: writes made in
     * between are not seen (each write makes new data; the data taken here stays as it was).
     */
    java.util.function.Consumer<java.util.function.Consumer<? super VirtualKey>> keysAsOfNow() {
        Data d = data;
        return action -> {
            for (int i : order(d, Sort.CREATED_AT, false)) {
                action.accept(d.key(i));
            }
        };
    }

    public int virtualKeyCount() {
        return data.size();
    }

    /**
     * Every key as the store holds it, not decoded: in creation order as {@link #virtualKeys()}, or in id order.
     * A write gives a key new bytes, so a {@link HeldKey#version()} seen before is the very same key, and what was
     * worked out from it still holds: the demo's logs keep each key's traffic shape so, where decoding 100,000 keys
     * on each logs request (the store's recent records hold 8,192) was most of their work.
     */
    public List<HeldKey> heldKeys(boolean byId) {
        Data d = data;
        int[] order = byId ? d.byId : order(d, Sort.CREATED_AT, false);
        List<HeldKey> all = new ArrayList<>(order.length);
        for (int i : order) {
            all.add(new HeldKey(d.codec, d.keys[i]));
        }
        return all;
    }

    /** A key as held: its version, its id and name read alone, and the key decoded when asked. */
    public static final class HeldKey {
        private final CompactKeys codec;
        private final byte[] bytes;

        private HeldKey(CompactKeys codec, byte[] bytes) {
            this.codec = codec;
            this.bytes = bytes;
        }

        /** The same object (by identity) for as long as the key is not written. */
        public Object version() {
            return bytes;
        }

        public String id() {
            return codec.id(bytes);
        }

        public String name() {
            return codec.name(bytes);
        }

        public VirtualKey key() {
            return codec.decode(bytes);
        }
    }

    public Optional<VirtualKey> virtualKey(String id) {
        return Optional.ofNullable(data.key(id));
    }

    public List<Team> teams() {
        return data.teams;
    }

    public Optional<Team> team(String id) {
        return data.teams.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public List<Customer> customers() {
        return data.customers;
    }

    public Optional<Customer> customer(String id) {
        return data.customers.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public List<McpClient> mcpClients() {
        return data.mcpClients;
    }

    /** Providers sorted by name, as {@code GET /api/providers} lists them. */
    public List<Provider> providers() {
        return providers;
    }

    /** A provider's keys as {@code GET /api/providers/{p}/keys} serves them: secrets redacted. */
    public Optional<List<ProviderKey>> providerKeys(String provider) {
        List<ProviderKey> list = providerKeys.get(provider);
        return list == null ? Optional.empty() : Optional.of(list.stream().map(ProviderKey::redacted).toList());
    }

    /** A provider's keys with their secrets, e.g. to write a snapshot of this store. */
    public Map<String, List<ProviderKey>> providerKeysWithSecrets() {
        return providerKeys;
    }

    public String version() {
        return VERSION;
    }

    // ---- writes ----------------------------------------------------------------------------------------------

    /**
     * Runs one write request: {@code change} reads the data through the {@link Edit} and stages its changes, which
     * are committed together when it returns and dropped when it throws, so a refused request changes nothing.
     * Writes run one at a time; a query running meanwhile sees the data from before or after, never in between.
     */
    public <T> T write(java.util.function.Function<Edit, T> change) {
        synchronized (writeLock) {
            Edit edit = new Edit(data);
            T result = change.apply(edit);
            data = edit.commit();
            return result;
        }
    }

    /** The data as one write sees it, its own staged changes included. Valid only inside {@link #write}. */
    public final class Edit {
        private final Data base;
        private final Map<String, VirtualKey> putKeys = new LinkedHashMap<>();
        private final java.util.Set<String> removedKeys = new java.util.HashSet<>();
        private List<Team> teams;
        private List<Customer> customers;
        private List<McpClient> mcpClients;

        private Edit(Data base) {
            this.base = base;
            this.teams = base.teams;
            this.customers = base.customers;
            this.mcpClients = base.mcpClients;
        }

        public Optional<VirtualKey> virtualKey(String id) {
            if (removedKeys.contains(id)) {
                return Optional.empty();
            }
            VirtualKey staged = putKeys.get(id);
            return Optional.ofNullable(staged != null ? staged : base.key(id));
        }

        /** Every key, staged versions included, in storage order (new keys last). */
        public void forEachVirtualKey(java.util.function.Consumer<VirtualKey> action) {
            for (int i = 0; i < base.size(); i++) {
                String id = base.codec.id(base.keys[i]);
                if (!removedKeys.contains(id)) {
                    VirtualKey staged = putKeys.get(id);
                    action.accept(staged != null ? staged : base.key(i));
                }
            }
            putKeys.forEach((id, key) -> {
                if (base.indexOf(id) < 0) {
                    action.accept(key);
                }
            });
        }

        /** Adds a key, or replaces the key with the same id. */
        public void putVirtualKey(VirtualKey key) {
            removedKeys.remove(key.id());
            putKeys.put(key.id(), key);
        }

        public void removeVirtualKey(String id) {
            putKeys.remove(id);
            if (base.indexOf(id) >= 0) {
                removedKeys.add(id);
            }
        }

        public List<Team> teams() {
            return teams;
        }

        public void setTeams(List<Team> value) {
            teams = List.copyOf(value);
        }

        public List<Customer> customers() {
            return customers;
        }

        public void setCustomers(List<Customer> value) {
            customers = List.copyOf(value);
        }

        public List<McpClient> mcpClients() {
            return mcpClients;
        }

        public void setMcpClients(List<McpClient> value) {
            mcpClients = List.copyOf(value);
        }

        /** Providers sorted by name; not writable here. */
        public List<Provider> providers() {
            return providers;
        }

        /** A provider's keys (with secrets: the caller must not serve them), or empty for an unknown provider. */
        public List<ProviderKey> providerKeys(String provider) {
            return providerKeys.getOrDefault(provider, List.of());
        }

        private Data commit() {
            boolean sameIds = removedKeys.isEmpty() && putKeys.keySet().stream().allMatch(id -> base.indexOf(id) >= 0);
            if (sameIds) {
                Map<Integer, VirtualKey> replaced = new HashMap<>();
                putKeys.forEach((id, key) -> replaced.put(base.indexOf(id), key));
                return new Data(base, replaced, teams, customers, mcpClients);
            }
            // the keys kept are not encoded again: their bytes and facts are reused as they are
            List<byte[]> keys = new ArrayList<>(base.size() + putKeys.size());
            List<String> ids = new ArrayList<>(base.size() + putKeys.size());
            KeyFacts.Builder facts = new KeyFacts.Builder(base.size() + putKeys.size());
            for (int i = 0; i < base.size(); i++) {
                String id = base.codec.id(base.keys[i]);
                VirtualKey staged = putKeys.get(id);
                if (removedKeys.contains(id)) {
                    continue;
                }
                ids.add(id);
                keys.add(staged == null ? base.keys[i] : base.codec.encode(staged));
                if (staged == null) {
                    facts.add(base.facts, i);
                } else {
                    facts.add(staged);
                }
            }
            putKeys.forEach((id, key) -> {
                if (base.indexOf(id) < 0) {
                    ids.add(key.id());
                    keys.add(base.codec.encode(key));
                    facts.add(key);
                }
            });
            return new Data(base.codec, keys.toArray(new byte[0][]), ids.toArray(new String[0]), facts.build(), teams,
                    customers, mcpClients);
        }
    }

    // ---- virtual keys ----------------------------------------------------------------------------------------

    /**
     * {@code GET /api/governance/virtual-keys} with its raw query parameters.
     *
     * @throws QueryException 400 for a non-numeric or negative {@code limit} or {@code offset}
     */
    public Page<VirtualKey> listVirtualKeys(Map<String, String> params) {
        Data d = data;
        if (isTrue(params, "from_memory")) {
            // the in-memory cache: everything by created_at, every other parameter ignored
            return everything(d, order(d, Sort.CREATED_AT, false));
        }
        boolean export = isTrue(params, "export");
        boolean excludeAccessProfileManaged = isTrue(params, "exclude_access_profile_managed_virtual");
        Map<String, String> metadata = metadataFilter(params);
        boolean paged = present(params, "limit") || present(params, "offset") || present(params, "search")
                || present(params, "customer_id") || present(params, "team_id") || present(params, "sort_by")
                || export || excludeAccessProfileManaged || isTrue(params, "exclude_assigned_virtual_keys")
                || isTrue(params, "for_user_assignment") || !metadata.isEmpty();
        int requestedLimit = strictNumber(params, "limit");
        int offset = strictNumber(params, "offset");
        if (!paged) {
            return everything(d, order(d, Sort.CREATED_AT, false));
        }
        int limit = clamp(requestedLimit, export ? EXPORT_LIMIT : DEFAULT_LIMIT, export ? EXPORT_LIMIT : MAX_LIMIT);
        Sort sort = Sort.of(params.get("sort_by"));
        boolean descending = "desc".equalsIgnoreCase(params.get("order"));
        IntPredicate filter = keyFilter(d, params.get("search"), params.get("customer_id"),
                params.get("team_id"), excludeAccessProfileManaged, metadata);

        int[] order = order(d, sort, descending);
        List<VirtualKey> page = new ArrayList<>(Math.min(limit, order.length));
        long total;
        if (filter == null) {
            total = order.length;
            for (int i = offset; i < order.length && page.size() < limit; i++) {
                page.add(d.key(order[i]));
            }
        } else {
            total = 0;
            for (int index : order) {
                if (filter.test(index)) {
                    if (total >= offset && page.size() < limit) {
                        page.add(d.key(index));
                    }
                    total++;
                }
            }
        }
        // Bifrost echoes the limit it used, except an export without a limit, which reports 0.
        int echoedLimit = export && !present(params, "limit") ? 0 : limit;
        return new Page<>(page, page.size(), total, echoedLimit, offset);
    }

    private static Page<VirtualKey> everything(Data d, int[] order) {
        List<VirtualKey> all = new ArrayList<>(order.length);
        for (int i : order) {
            all.add(d.key(i));
        }
        return new Page<>(all, all.size(), all.size(), all.size(), 0);
    }

    /** null when nothing filters, so the common unfiltered page is a plain slice. */
    private static IntPredicate keyFilter(Data d, String search, String customerId, String teamId,
                                          boolean excludeManaged, Map<String, String> metadata) {
        IntPredicate filter = null;
        KeyFacts facts = d.facts;
        if (search != null && !search.isEmpty()) {
            String needle = search.toLowerCase(Locale.ROOT);
            filter = i -> facts.matches(i, needle);
        }
        boolean byCustomer = customerId != null && !customerId.isEmpty();
        boolean byTeam = teamId != null && !teamId.isEmpty();
        if (byCustomer || byTeam) {
            // customer_id = ? OR team_id = ?
            IntPredicate owner = i -> (byCustomer && customerId.equals(facts.customerId(i)))
                    || (byTeam && teamId.equals(facts.teamId(i)));
            filter = filter == null ? owner : filter.and(owner);
        }
        if (excludeManaged) {
            IntPredicate unmanaged = i -> !facts.accessProfileManaged(i);
            filter = filter == null ? unmanaged : filter.and(unmanaged);
        }
        if (!metadata.isEmpty()) {
            IntPredicate tagged = i -> KeyMetadata.matches(facts.metadata(i), metadata);
            filter = filter == null ? tagged : filter.and(tagged);
        }
        return filter;
    }

    /**
     * The {@code metadata_<key>=<value>} filters (API.md §4): each non-empty one an exact match, AND-ed; a key
     * outside Bifrost's rules is refused with a 400, never dropped. An empty value filters nothing, as in Bifrost.
     */
    private static Map<String, String> metadataFilter(Map<String, String> params) {
        Map<String, String> filter = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (!name.startsWith(KeyMetadata.FILTER_PREFIX) || value == null || value.isEmpty()) {
                return;
            }
            String key = name.substring(KeyMetadata.FILTER_PREFIX.length());
            if (!KeyMetadata.validKey(key)) {
                throw new QueryException(400, "invalid metadata filter key '" + key
                        + "': use 1 to 256 of A-Z, a-z, 0-9, '.', '_' and '-'");
            }
            filter.put(key, value);
        });
        return filter;
    }

    private enum Sort {
        NAME, BUDGET_SPENT, CREATED_AT, STATUS;

        /** Bifrost's switch on {@code sort_by}: anything else (or nothing) sorts by {@code created_at}. */
        static Sort of(String wire) {
            if (wire == null) {
                return CREATED_AT;
            }
            return switch (wire) {
                case "name" -> NAME;
                case "budget_spent" -> BUDGET_SPENT;
                case "status" -> STATUS;
                default -> CREATED_AT;
            };
        }
    }

    /** Key indexes in {@code ORDER BY field [DESC], id ASC} order, computed once per (field, direction). */
    private static int[] order(Data d, Sort sort, boolean descending) {
        int[] order = d.sortedOrders.computeIfAbsent(sort + (descending ? ":desc" : ":asc"),
                k -> computeOrder(d, sort, descending));
        if (d.valueRanks.containsKey(sort) && d.sortedOrders.containsKey(sort + (descending ? ":asc" : ":desc"))) {
            // both directions are made, and a write that keeps them keeps them both: the ranks (400 KB at 100,000
            // keys) would not be read again
            d.valueRanks.remove(sort);
        }
        return order;
    }

    /**
     * Sorts with primitive arrays: each key's sort value becomes a dense rank, packed above the key's id rank into
     * one long, so {@code ORDER BY value, id} is a single {@code Arrays.sort(long[])} with no comparator calls.
     */
    private static int[] computeOrder(Data d, Sort sort, boolean descending) {
        int[] rank = d.valueRanks.computeIfAbsent(sort, s -> ranks(d, s)); // shared by both directions
        int[] idRank = d.idRank;
        int n = d.size();
        int top = 0;
        for (int r : rank) {
            top = Math.max(top, r);
        }
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            long r = descending ? top - rank[i] : rank[i];
            packed[i] = (r << 32) | idRank[i]; // the id is the tie-breaker, ascending in both directions
        }
        Arrays.sort(packed);
        int[] order = new int[n];
        for (int j = 0; j < n; j++) {
            order[j] = d.byId[(int) packed[j]];
        }
        return order;
    }

    /** Each key's dense rank by the sort's value: equal values, equal ranks. */
    private static int[] ranks(Data d, Sort sort) {
        if (sort == Sort.NAME) {
            return nameRanks(d);
        }
        int n = d.size();
        long[] value = new long[n];
        for (int i = 0; i < n; i++) {
            KeyFacts key = d.facts;
            value[i] = switch (sort) {
                case NAME -> throw new IllegalStateException("names are ranked by nameRanks()");
                case BUDGET_SPENT -> sortableBits(key.budgetSpent(i));
                case STATUS -> key.active(i) ? 1 : 0; // false (inactive) first
                case CREATED_AT -> key.createdAt(i);
            };
        }
        return denseRanks(value);
    }

    /** Each value's position among the distinct values, 0 for the smallest. */
    private static int[] denseRanks(long[] values) {
        long[] distinct = values.clone();
        Arrays.sort(distinct);
        int count = 0;
        for (int i = 0; i < distinct.length; i++) {
            if (i == 0 || distinct[i] != distinct[count - 1]) {
                distinct[count++] = distinct[i];
            }
        }
        int[] ranks = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            ranks[i] = Arrays.binarySearch(distinct, 0, count, values[i]);
        }
        return ranks;
    }

    /** Ranks of the names in String order (the database's binary collation); a missing name sorts first. */
    private static int[] nameRanks(Data d) {
        String[] names = new String[d.size()];
        for (int i = 0; i < names.length; i++) {
            String name = d.codec.name(d.keys[i]);
            names[i] = name == null ? "" : name;
        }
        String[] distinct = names.clone();
        Arrays.sort(distinct);
        int[] ranks = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            ranks[i] = Arrays.binarySearch(distinct, names[i]); // equal names share one rank: any match is fine
            while (ranks[i] > 0 && distinct[ranks[i] - 1].equals(names[i])) {
                ranks[i]--;
            }
        }
        return ranks;
    }

    /** A long whose signed order is the double's numeric order. */
    private static long sortableBits(double d) {
        long bits = Double.doubleToLongBits(d);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    /** Computes every sorted order now, so the first page of each sort is as fast as the rest. */
    public void warmUp() {
        Data d = data;
        for (Sort sort : Sort.values()) {
            order(d, sort, false);
            order(d, sort, true);
        }
    }

    // ---- teams and customers ---------------------------------------------------------------------------------

    /** {@code GET /api/governance/teams}: search, customer_id, paging; invalid numbers silently defaulted. */
    public Page<Team> listTeams(Map<String, String> params) {
        String customerId = params.get("customer_id");
        List<Team> matching = filterByName(data.teams, Team::name, params.get("search")).stream()
                .filter(t -> customerId == null || customerId.isEmpty() || customerId.equals(t.customerId()))
                .toList();
        return lenientPage(matching, params);
    }

    /** {@code GET /api/governance/customers}: search and paging; invalid numbers silently defaulted. */
    public Page<Customer> listCustomers(Map<String, String> params) {
        return lenientPage(filterByName(data.customers, Customer::name, params.get("search")), params);
    }

    private static <T> Page<T> lenientPage(List<T> matching, Map<String, String> params) {
        boolean paged = present(params, "limit") || present(params, "offset") || present(params, "search");
        if (!paged) {
            return new Page<>(matching, matching.size(), matching.size(), matching.size(), 0);
        }
        int limit = clamp(lenientNumber(params, "limit"), DEFAULT_LIMIT, MAX_LIMIT);
        int offset = Math.max(0, lenientNumber(params, "offset"));
        return slice(matching, limit, offset);
    }

    // ---- MCP clients ----------------------------------------------------------------------------------------

    /**
     * {@code GET /api/mcp/clients}: the paged envelope; {@code search} on the name, exact {@code server} (client id),
     * {@code connection_type} and {@code auth_type}, boolean {@code disabled} and {@code code_mode}; 400 for a bad
     * number or boolean.
     */
    public Page<McpClient> listMcpClients(Map<String, String> params) {
        int limit = clamp(strictNumber(params, "limit"), DEFAULT_LIMIT, MAX_LIMIT);
        int offset = strictNumber(params, "offset");
        String server = params.get("server");
        String type = params.get("connection_type");
        String auth = params.get("auth_type");
        Boolean disabled = strictBoolean(params, "disabled");
        Boolean codeMode = strictBoolean(params, "code_mode");
        List<McpClient> matching = filterByName(data.mcpClients, c -> c.config().name(), params.get("search")).stream()
                .filter(c -> server == null || server.isEmpty() || server.equals(c.config().clientId()))
                .filter(c -> type == null || type.isEmpty() || type.equals(c.config().connectionType()))
                .filter(c -> auth == null || auth.isEmpty() || auth.equals(c.config().authType()))
                .filter(c -> disabled == null || disabled == c.config().disabled())
                .filter(c -> codeMode == null || codeMode == c.config().isCodeModeClient())
                .toList();
        return slice(matching, limit, offset);
    }

    private static Boolean strictBoolean(Map<String, String> params, String name) {
        String text = params.get(name);
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        throw new QueryException(400, "Invalid " + name + " parameter: must be true or false");
    }

    // ---- shared helpers ----------------------------------------------------------------------------------------

    private static <T> Page<T> slice(List<T> matching, int limit, int offset) {
        int from = Math.min(offset, matching.size());
        List<T> page = matching.subList(from, Math.min(matching.size(), from + limit));
        return new Page<>(page, page.size(), matching.size(), limit, offset);
    }

    private static <T> List<T> filterByName(List<T> items, java.util.function.Function<T, String> name,
                                            String search) {
        if (search == null || search.isEmpty()) {
            return items;
        }
        String needle = search.toLowerCase(Locale.ROOT);
        return items.stream().filter(i -> {
            String n = name.apply(i);
            return n != null && n.toLowerCase(Locale.ROOT).contains(needle);
        }).toList();
    }

    private static <T> List<T> sortedByCreation(List<T> items, java.util.function.Function<T, Instant> created,
                                                java.util.function.Function<T, String> id) {
        return items.stream().sorted(Comparator.comparing(created, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
                .thenComparing(id)).toList();
    }

    /** {@code limit <= 0} means the default; above the cap means the cap (ClampPaginationParams). */
    private static int clamp(int limit, int defaultLimit, int cap) {
        return limit <= 0 ? defaultLimit : Math.min(limit, cap);
    }

    /** The VK and MCP lists refuse a bad number with 400 and Bifrost's message. */
    private static int strictNumber(Map<String, String> params, String name) {
        String text = params.get(name);
        if (text == null || text.isEmpty()) {
            return 0;
        }
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new QueryException(400, "Invalid " + name + " parameter: must be a number");
        }
        if (value < 0) {
            throw new QueryException(400, "Invalid " + name + " parameter: must be non-negative");
        }
        return value;
    }

    /** Teams and customers treat a bad number as 0, i.e. the default. */
    private static int lenientNumber(Map<String, String> params, String name) {
        try {
            String text = params.get(name);
            return text == null || text.isEmpty() ? 0 : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean present(Map<String, String> params, String name) {
        String v = params.get(name);
        return v != null && !v.isEmpty();
    }

    /** Bifrost's booleans in query strings: true only for the exact string {@code true}. */
    private static boolean isTrue(Map<String, String> params, String name) {
        return "true".equals(params.get(name));
    }

    /** A raw query string as a map; the first of repeated parameters wins, as with fasthttp's Peek. */
    public static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(name, value);
        }
        return params;
    }
}
