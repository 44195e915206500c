package bifrostconsole.store;

import bifrostconsole.api.Budget;
import bifrostconsole.api.VirtualKey;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What the store's queries ask of each key without decoding it (search texts, sort values, filter fields), held
 * column by column: a few primitive arrays and one reference per key instead of an object, a string array and a
 * lower-cased name per key. At 100,000 keys that is about 6 MB instead of about 16 MB of the window's heap when the
 * demo gateway runs in it (README, "The console's own memory").
 *
 * <p>The lower-cased names are Latin-1 bytes one after another in one array (a name with a wider character is
 * kept as a string on the side); a key's team, customer and metadata, and their lower-cased search texts, are the
 * same for many keys, so each distinct combination is one shared {@link Owner}. Immutable: a write makes a copy
 * ({@link #with}) that shares every column it does not change.
 */
final class KeyFacts {
    /** A key's owners and metadata, and the lower-cased texts a search matches besides the name (API.md §4). */
    private record Owner(String teamId, String customerId, Map<String, String> metadata, String[] texts) {
        boolean sameAs(Owner o) {
            return Objects.equals(teamId, o.teamId) && Objects.equals(customerId, o.customerId)
                    && Objects.equals(metadata, o.metadata) && Arrays.equals(texts, o.texts);
        }
    }

    private static final byte ACTIVE = 1;
    private static final byte MANAGED = 2;

    private final double[] budgetSpent;
    private final long[] createdAt;
    private final byte[] flags;
    private final Owner[] owners;
    /** Key i's lower-cased name is {@code names[nameEnd[i - 1] .. nameEnd[i])} as Latin-1, unless it is wide. */
    private final byte[] names;
    private final int[] nameEnd;
    /** The lower-cased names that are not Latin-1, by key index: nearly always empty. */
    private final Map<Integer, String> wideNames;

    private KeyFacts(double[] budgetSpent, long[] createdAt, byte[] flags, Owner[] owners, byte[] names,
                     int[] nameEnd, Map<Integer, String> wideNames) {
        this.budgetSpent = budgetSpent;
        this.createdAt = createdAt;
        this.flags = flags;
        this.owners = owners;
        this.names = names;
        this.nameEnd = nameEnd;
        this.wideNames = wideNames;
    }

    int size() {
        return flags.length;
    }

    double budgetSpent(int i) {
        return budgetSpent[i];
    }

    /** Nanoseconds since the epoch (saturated), {@link Long#MIN_VALUE} for none: the created_at order. */
    long createdAt(int i) {
        return createdAt[i];
    }

    boolean active(int i) {
        return (flags[i] & ACTIVE) != 0;
    }

    boolean accessProfileManaged(int i) {
        return (flags[i] & MANAGED) != 0;
    }

    String teamId(int i) {
        return owners[i].teamId();
    }

    String customerId(int i) {
        return owners[i].customerId();
    }

    Map<String, String> metadata(int i) {
        return owners[i].metadata();
    }

    /**
     * Whether a lower-cased {@code needle} is in the key's lower-cased name, its team's or customer's name or a
     * metadata value: each text on its own, so a match never spans two of them (API.md §4).
     */
    boolean matches(int i, String needle) {
        for (String text : owners[i].texts()) {
            if (text.contains(needle)) {
                return true;
            }
        }
        String wide = wideNames.isEmpty() ? null : wideNames.get(i);
        if (wide != null) {
            return wide.contains(needle);
        }
        return latin1Contains(i == 0 ? 0 : nameEnd[i - 1], nameEnd[i], needle);
    }

    /** {@code String.contains} on a Latin-1 name: a needle with a wider character is in no such name. */
    private boolean latin1Contains(int from, int to, String needle) {
        int n = needle.length();
        int last = to - n;
        if (n == 0) {
            return true;
        }
        char first = needle.charAt(0);
        if (first > 0xFF) {
            return false;
        }
        for (int start = from; start <= last; start++) {
            if ((names[start] & 0xFF) != first) {
                continue;
            }
            int k = 1;
            while (k < n && (names[start + k] & 0xFF) == needle.charAt(k)) {
                k++;
            }
            if (k == n) {
                return true;
            }
        }
        return false;
    }

    /** These facts with some keys replaced in place (same indexes); the columns no key changes stay shared. */
    KeyFacts with(Map<Integer, VirtualKey> replaced) {
        Builder b = new Builder(0);
        double[] spent = budgetSpent;
        long[] created = createdAt;
        byte[] flagged = flags;
        Owner[] owned = owners;
        Map<Integer, String> renamed = new HashMap<>();
        for (Map.Entry<Integer, VirtualKey> e : replaced.entrySet()) {
            int i = e.getKey();
            VirtualKey key = e.getValue();
            double s = spent(key);
            if (Double.doubleToRawLongBits(s) != Double.doubleToRawLongBits(spent[i])) {
                spent = spent == budgetSpent ? spent.clone() : spent;
                spent[i] = s;
            }
            long c = epochNanos(key.createdAt());
            if (c != created[i]) {
                created = created == createdAt ? created.clone() : created;
                created[i] = c;
            }
            byte f = flags(key);
            if (f != flagged[i]) {
                flagged = flagged == flags ? flagged.clone() : flagged;
                flagged[i] = f;
            }
            Owner o = b.owner(key);
            if (!o.sameAs(owned[i])) {
                owned = owned == owners ? owned.clone() : owned;
                owned[i] = o;
            }
            String name = lowerName(key);
            if (!name.equals(name(i))) {
                renamed.put(i, name);
            }
        }
        if (renamed.isEmpty()) {
            return new KeyFacts(spent, created, flagged, owned, names, nameEnd, wideNames);
        }
        // a new name may be longer: the names are laid out again (a rename is rare; 2 MB at 100,000 keys)
        Builder names = new Builder(size());
        for (int i = 0; i < size(); i++) {
            names.addName(renamed.getOrDefault(i, name(i)));
        }
        return new KeyFacts(spent, created, flagged, owned, names.names(), names.nameEnd(), names.wideNames());
    }

    /** Key i's lower-cased name. */
    private String name(int i) {
        String wide = wideNames.isEmpty() ? null : wideNames.get(i);
        if (wide != null) {
            return wide;
        }
        int from = i == 0 ? 0 : nameEnd[i - 1];
        return new String(names, from, nameEnd[i] - from, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static String lowerName(VirtualKey key) {
        return key.name() == null ? "" : key.name().toLowerCase(Locale.ROOT);
    }

    private static byte flags(VirtualKey key) {
        return (byte) ((key.active() ? ACTIVE : 0) | (key.accessProfileManaged() ? MANAGED : 0));
    }

    /** COALESCE(MAX(current_usage), 0) over the key's own budgets. */
    private static double spent(VirtualKey key) {
        double spent = 0;
        for (Budget b : key.budgets()) {
            spent = Math.max(spent, b.currentUsage());
        }
        return spent;
    }

    /** Nanoseconds since the epoch, saturated beyond year 2262; a missing time sorts first: the created_at order. */
    static long epochNanos(Instant instant) {
        if (instant == null) {
            return Long.MIN_VALUE;
        }
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
        } catch (ArithmeticException e) {
            return instant.getEpochSecond() < 0 ? Long.MIN_VALUE + 1 : Long.MAX_VALUE;
        }
    }

    /** Facts added key by key, in the store's order. Not thread-safe. */
    static final class Builder {
        private double[] budgetSpent;
        private long[] createdAt;
        private byte[] flags;
        private Owner[] owners;
        private byte[] names;
        private int[] nameEnd;
        private int nameLength;
        private final Map<Integer, String> wideNames = new HashMap<>();
        private int size;
        /** Owner names and metadata values repeat: one lower-cased copy of each, one Owner per combination. */
        private final Map<String, String> lowerCased = new HashMap<>();
        private final Map<List<Object>, Owner> distinctOwners = new HashMap<>();

        Builder(int expected) {
            int n = Math.max(16, expected);
            budgetSpent = new double[n];
            createdAt = new long[n];
            flags = new byte[n];
            owners = new Owner[n];
            nameEnd = new int[n];
            names = new byte[n * 16];
        }

        void add(VirtualKey key) {
            grow();
            budgetSpent[size] = spent(key);
            createdAt[size] = epochNanos(key.createdAt());
            flags[size] = KeyFacts.flags(key);
            owners[size] = owner(key);
            addName(lowerName(key));
        }

        /** Key i of {@code facts} as it is, without its record. */
        void add(KeyFacts facts, int i) {
            grow();
            budgetSpent[size] = facts.budgetSpent[i];
            createdAt[size] = facts.createdAt[i];
            flags[size] = facts.flags[i];
            owners[size] = facts.owners[i];
            String wide = facts.wideNames.isEmpty() ? null : facts.wideNames.get(i);
            if (wide != null) {
                addName(wide);
                return;
            }
            int from = i == 0 ? 0 : facts.nameEnd[i - 1];
            int n = facts.nameEnd[i] - from;
            if (nameLength + n > names.length) {
                names = Arrays.copyOf(names, Math.max(names.length * 3 / 2, nameLength + n));
            }
            System.arraycopy(facts.names, from, names, nameLength, n);
            nameLength += n;
            nameEnd[size] = nameLength;
            size++;
        }

        private void grow() {
            if (size == flags.length) {
                int n = size + (size >> 1);
                budgetSpent = Arrays.copyOf(budgetSpent, n);
                createdAt = Arrays.copyOf(createdAt, n);
                flags = Arrays.copyOf(flags, n);
                owners = Arrays.copyOf(owners, n);
                nameEnd = Arrays.copyOf(nameEnd, n);
            }
        }

        /** Adds the next key's name (only the name when the builder lays out names again). */
        private void addName(String lower) {
            if (nameEnd.length == size) {
                nameEnd = Arrays.copyOf(nameEnd, size + (size >> 1) + 16);
            }
            boolean latin1 = true;
            for (int k = 0; k < lower.length() && latin1; k++) {
                latin1 = lower.charAt(k) <= 0xFF;
            }
            if (latin1) {
                if (nameLength + lower.length() > names.length) {
                    names = Arrays.copyOf(names, Math.max(names.length * 3 / 2, nameLength + lower.length()));
                }
                for (int k = 0; k < lower.length(); k++) {
                    names[nameLength++] = (byte) lower.charAt(k);
                }
            } else {
                wideNames.put(size, lower);
            }
            nameEnd[size] = nameLength;
            size++;
        }

        private Owner owner(VirtualKey key) {
            String team = key.team() != null ? key.team().name() : null;
            String customer = key.customer() != null ? key.customer().name() : null;
            List<Object> identity = Arrays.asList(key.teamId(), key.customerId(), key.metadata(), team, customer);
            Owner known = distinctOwners.get(identity);
            if (known != null) {
                return known;
            }
            String[] texts = new String[(team != null ? 1 : 0) + (customer != null ? 1 : 0) + key.metadata().size()];
            int t = 0;
            if (team != null) {
                texts[t++] = lower(team);
            }
            if (customer != null) {
                texts[t++] = lower(customer);
            }
            for (String value : key.metadata().values()) {
                texts[t++] = lower(value);
            }
            Owner owner = new Owner(key.teamId(), key.customerId(), key.metadata(), texts);
            distinctOwners.put(identity, owner);
            return owner;
        }

        private String lower(String s) {
            return lowerCased.computeIfAbsent(s, v -> v.toLowerCase(Locale.ROOT));
        }

        int size() {
            return size;
        }

        private byte[] names() {
            return Arrays.copyOf(names, nameLength);
        }

        private int[] nameEnd() {
            return Arrays.copyOf(nameEnd, size);
        }

        private Map<Integer, String> wideNames() {
            return wideNames.isEmpty() ? Map.of() : Map.copyOf(wideNames);
        }

        KeyFacts build() {
            return new KeyFacts(Arrays.copyOf(budgetSpent, size), Arrays.copyOf(createdAt, size),
                    Arrays.copyOf(flags, size), Arrays.copyOf(owners, size), names(), nameEnd(), wideNames());
        }
    }

}
