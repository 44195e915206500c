package bifrostconsole.connection;

import org.freedesktop.dbus.ObjectPath;
import org.freedesktop.dbus.connections.BusAddress;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.secret.Collection;
import org.freedesktop.secret.Item;
import org.freedesktop.secret.Secret;
import org.freedesktop.secret.Service;
import org.freedesktop.secret.TransportEncryption;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The freedesktop Secret Service (GNOME Keyring, KeePassXC, KWallet 5.97+) spoken to directly over D-Bus, for
 * Linux. java-keyring's own Secret Service backend is not used because live runs showed what it does: it asks the
 * desktop to unlock a locked keyring with a prompt it waits up to 120 s for, it reports a locked keyring as "no key
 * stored" and then fails a save with a NullPointerException, and its D-Bus address comes only from the process's
 * environment. This one keeps java-keyring's item attributes ({@code service}, {@code account}), so keys saved by
 * earlier versions are found, never prompts (a locked keyring is reported as locked), and owns its connection, so
 * {@link #close()} leaves no D-Bus thread behind.
 *
 * <p>Not thread-safe: {@link KeyringCredentialStore} calls it from its one worker thread.
 */
final class SecretServiceKeyring implements KeyringCredentialStore.Backend {
    static final String SERVICE_ATTRIBUTE = "service";
    static final String ACCOUNT_ATTRIBUTE = "account";

    /** A Secret Service that is there but cannot be used now: locked, or without a default keyring. */
    static final class Unusable extends Exception {
        Unusable(String message) {
            super(message);
        }
    }

    private final DBusConnection connection;
    private final TransportEncryption transport;
    private final Service service;
    private final Collection collection;

    private SecretServiceKeyring(DBusConnection connection, TransportEncryption transport, Service service,
                                 Collection collection) {
        this.connection = connection;
        this.transport = transport;
        this.service = service;
        this.collection = collection;
    }

    /**
     * Connects to the session bus at {@code busAddress} (null: the session bus of this process, from
     * {@code DBUS_SESSION_BUS_ADDRESS}), opens an encrypted session and checks the default keyring is unlocked.
     */
    static SecretServiceKeyring open(String busAddress) throws Exception {
        DBusConnection connection = busAddress == null
                ? DBusConnectionBuilder.forSessionBus().withShared(false).build()
                : DBusConnectionBuilder.forAddress(BusAddress.of(busAddress)).withShared(false).build();
        try {
            TransportEncryption transport = new TransportEncryption(connection);
            transport.initialize();
            if (!transport.openSession()) {
                throw new Unusable("no Secret Service answered on the session bus");
            }
            transport.generateSessionKey();
            Service service = transport.getService();
            ObjectPath defaultPath = service.readAlias("default");
            if (defaultPath == null || "/".equals(defaultPath.getPath())) {
                throw new Unusable("it has no default keyring");
            }
            Collection collection = new Collection(defaultPath, service);
            // Collection.isLocked() also says true when the property cannot be read: either way it cannot be used.
            if (collection.isLocked()) {
                throw new Unusable("it is locked");
            }
            return new SecretServiceKeyring(connection, transport, service, collection);
        } catch (Exception | Error e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return "the Secret Service keyring";
    }

    @Override
    public Optional<String> read(String account) throws Exception {
        List<ObjectPath> items = find(account);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        Item item = new Item(items.get(0), service);
        try (Secret secret = item.getSecret(service.getSession().getPath())) {
            if (secret == null) {
                throw new Unusable(whyNot("it did not hand out the stored key"));
            }
            char[] chars = transport.decrypt(secret);
            try {
                return Optional.of(new String(chars));
            } finally {
                java.util.Arrays.fill(chars, '\0');
            }
        }
    }

    @Override
    public void write(String account, String secret) throws Exception {
        Map<String, String> attributes = attributes(account);
        // replace = true: the Secret Service swaps the item with the same attributes, so an edited key replaces the
        // old one instead of adding a second.
        try (Secret encrypted = transport.encrypt(secret)) {
            var created = collection.createItem(Item.createProperties(label(account), attributes), encrypted, true);
            if (created == null) {
                throw new Unusable(whyNot("it did not accept the key"));
            }
            if ("/".equals(created.a.getPath())) {
                // A prompt was asked for (a keyring that wants confirmation): never shown, so nothing was stored.
                throw new Unusable("it asked for a confirmation the console does not show");
            }
        }
    }

    @Override
    public void delete(String account) throws Exception {
        for (ObjectPath path : find(account)) {
            ObjectPath prompt = new Item(path, service).delete();
            if (prompt == null) {
                throw new Unusable(whyNot("it did not delete the key"));
            }
            if (!"/".equals(prompt.getPath())) {
                throw new Unusable("it asked for a confirmation the console does not show");
            }
        }
    }

    /** Every item of this account (normally one), in the default keyring. */
    private List<ObjectPath> find(String account) throws Unusable {
        List<ObjectPath> items = collection.searchItems(attributes(account));
        if (items == null) {
            throw new Unusable(whyNot("it did not answer a search"));
        }
        return items;
    }

    /**
     * Why a call got no answer, in a few words: the library turns every D-Bus error into null (and
     * Collection.isLocked() into true), so the bus is asked what is the matter.
     */
    private String whyNot(String otherwise) {
        if (!connection.isConnected()) {
            return "its D-Bus connection is gone";
        }
        try {
            DBus bus = connection.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class);
            if (!bus.NameHasOwner("org.freedesktop.secrets")) {
                return "it is no longer running";
            }
        } catch (Exception | Error e) {
            return "its D-Bus connection is gone";
        }
        return collection.isLocked() ? "it is locked" : otherwise;
    }

    static Map<String, String> attributes(String account) {
        return Map.of(SERVICE_ATTRIBUTE, KeyringCredentialStore.SERVICE, ACCOUNT_ATTRIBUTE, account);
    }

    /** What Seahorse ("Passwords and Keys") and KeePassXC list the item as. */
    private static String label(String account) {
        return KeyringCredentialStore.SERVICE + " management API key (" + account + ")";
    }

    @Override
    public void close() {
        try {
            transport.close();
            if (connection.isConnected()) {
                service.getSession().close();
            }
        } finally {
            try {
                connection.close();
            } catch (java.io.IOException alreadyGone) {
                // The bus went away first: its threads ended with it.
            }
        }
    }
}
