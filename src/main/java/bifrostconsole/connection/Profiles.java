package bifrostconsole.connection;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The saved profiles and which one was opened last: an immutable value, changed by copying. */
public record Profiles(List<ConnectionProfile> profiles, String lastUsedId) {

    public Profiles {
        profiles = profiles == null ? List.of() : List.copyOf(profiles);
    }

    public static Profiles empty() {
        return new Profiles(List.of(), null);
    }

    public Optional<ConnectionProfile> find(String id) {
        return profiles.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public Optional<ConnectionProfile> findByServer(URI server) {
        return profiles.stream().filter(p -> p.sameServer(server)).findFirst();
    }

    public Optional<ConnectionProfile> lastUsed() {
        return lastUsedId == null ? Optional.empty() : find(lastUsedId);
    }

    /** Adds the profile, or replaces the one with the same id in place. */
    public Profiles with(ConnectionProfile profile) {
        List<ConnectionProfile> copy = new ArrayList<>(profiles);
        int index = indexOf(profile.id());
        if (index >= 0) {
            copy.set(index, profile);
        } else {
            copy.add(profile);
        }
        return new Profiles(copy, lastUsedId);
    }

    public Profiles without(String id) {
        List<ConnectionProfile> copy = new ArrayList<>(profiles);
        copy.removeIf(p -> p.id().equals(id));
        return new Profiles(copy, Objects.equals(lastUsedId, id) ? null : lastUsedId);
    }

    public Profiles withLastUsed(String id) {
        return new Profiles(profiles, id);
    }

    public List<ConnectionProfile> sortedByName() {
        return profiles.stream().sorted(Comparator.comparing(p -> p.name().toLowerCase())).toList();
    }

    private int indexOf(String id) {
        for (int i = 0; i < profiles.size(); i++) {
            if (profiles.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
