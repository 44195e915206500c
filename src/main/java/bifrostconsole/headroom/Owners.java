package bifrostconsole.headroom;

import bifrostconsole.api.Customer;
import bifrostconsole.api.Team;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The teams and customers of a gateway, by id, as {@code GET /api/governance/teams} and {@code .../customers}
 * return them. A key embeds its team and customer, but not always with their budgets, and never the team's
 * customer; a full list fills those gaps. {@link #EMBEDDED} uses only what the key carries.
 */
public interface Owners {

    Optional<Team> team(String id);

    Optional<Customer> customer(String id);

    /** No lists: each key's embedded team and customer are all there is. */
    Owners EMBEDDED = new Owners() {
        @Override
        public Optional<Team> team(String id) {
            return Optional.empty();
        }

        @Override
        public Optional<Customer> customer(String id) {
            return Optional.empty();
        }
    };

    static Owners of(Collection<Team> teams, Collection<Customer> customers) {
        Map<String, Team> teamsById = new HashMap<>();
        for (Team t : teams) {
            if (t.id() != null) {
                teamsById.put(t.id(), t);
            }
        }
        Map<String, Customer> customersById = new HashMap<>();
        for (Customer c : customers) {
            if (c.id() != null) {
                customersById.put(c.id(), c);
            }
        }
        return new Owners() {
            @Override
            public Optional<Team> team(String id) {
                return Optional.ofNullable(id == null ? null : teamsById.get(id));
            }

            @Override
            public Optional<Customer> customer(String id) {
                return Optional.ofNullable(id == null ? null : customersById.get(id));
            }
        };
    }
}
