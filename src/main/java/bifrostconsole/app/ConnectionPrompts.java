package bifrostconsole.app;

import bifrostconsole.api.Secret;
import bifrostconsole.connection.ConnectionProfile;

import java.util.Optional;

/**
 * The questions opening a connection may need to ask, behind an interface so the main view-model is tested
 * without dialogs. Called on the UI thread.
 */
public interface ConnectionPrompts {

    /** The server wants a key we do not have (or refused ours); {@code why} is the sentence to show. */
    Optional<Secret> askForKey(ConnectionProfile profile, String why, boolean keepsBetweenSessions);

    /** The key would travel over plain http to another computer: ask once for this profile. */
    boolean confirmPlainHttp(ConnectionProfile profile);
}
