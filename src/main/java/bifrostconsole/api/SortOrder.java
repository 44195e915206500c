package bifrostconsole.api;

/** {@code order=asc|desc}. */
public enum SortOrder {
    ASC, DESC;

    public String wireName() {
        return name().toLowerCase();
    }

    public SortOrder reversed() {
        return this == ASC ? DESC : ASC;
    }
}
