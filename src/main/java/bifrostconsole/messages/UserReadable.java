package bifrostconsole.messages;

/**
 * Marks an exception whose {@link Throwable#getMessage()} is already the one sentence a user reads: it says
 * what happened and what to do, and carries no secret. {@link UserMessages} shows such messages as they are.
 */
public interface UserReadable {
}
