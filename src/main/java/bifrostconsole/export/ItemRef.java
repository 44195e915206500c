package bifrostconsole.export;

/** An item added or removed: a virtual key, team or customer by id and name. */
public record ItemRef(String id, String name) {
}
