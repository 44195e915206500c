package bifrostconsole.ui;

/**
 * Links between the workspace's views: a key's team opens the team view, a team's "keys" link filters the key
 * table, a key in a team's details opens in the key table. The workspace (in {@code app}) implements it, so the
 * feature packages link to each other without depending on each other. Ids come with names, so a view can find
 * the row by a search and say what it shows.
 */
public interface Navigator {
    /** Does nothing: for views shown on their own (tests, snapshots). */
    Navigator NONE = new Navigator() {
        @Override
        public void showKey(String keyId, String keyName) {
        }

        @Override
        public void showKeysOfTeam(String teamId, String teamName) {
        }

        @Override
        public void showKeysOfCustomer(String customerId, String customerName) {
        }

        @Override
        public void showTeam(String teamId, String teamName) {
        }

        @Override
        public void showCustomer(String customerId, String customerName) {
        }
    };

    /** The key table, with this key's row selected and its details open. */
    void showKey(String keyId, String keyName);

    /** The key table filtered to one team's keys. */
    void showKeysOfTeam(String teamId, String teamName);

    /** The key table filtered to one customer's keys. */
    void showKeysOfCustomer(String customerId, String customerName);

    /** The team view, with this team selected and its details open. */
    void showTeam(String teamId, String teamName);

    /** The customer view, with this customer selected and its details open. */
    void showCustomer(String customerId, String customerName);
}
