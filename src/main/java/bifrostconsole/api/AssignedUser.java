package bifrostconsole.api;

/** The user a key is assigned to (Enterprise). */
public record AssignedUser(String id, String name, String email) {
}
