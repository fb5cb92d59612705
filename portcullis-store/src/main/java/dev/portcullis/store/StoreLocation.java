package dev.portcullis.store;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A store's location as the operator writes it ({@code --data}, {@code store.url}): which
 * implementation opens it, and how it is shown without credentials. Accepted: a directory (SQLite,
 * file {@code portcullis.db} inside), a {@code jdbc:sqlite:} URL or a {@code jdbc:postgresql:} URL.
 * Anything else, and any location that cannot be opened, is a {@link StoreException} naming the
 * location without its credentials.
 */
final class StoreLocation {
    static final String ACCEPTED = "a directory (SQLite, file " + Sqlite.FILE_NAME + " inside), "
            + Sqlite.PREFIX + "FILE or " + Postgres.PREFIX + "//HOST[:PORT]/DATABASE[?user=…]";

    private static final Pattern USER_INFO = Pattern.compile("//[^/?#]*@");
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&;][^=&;]*password[^=&;]*=)[^&;]*");

    private StoreLocation() {}

    static Store open(String location) {
        if (location == null || location.isBlank()) {
            throw new StoreException("no store location given: expected " + ACCEPTED);
        }
        if (location.startsWith(Sqlite.PREFIX)) {
            return Sqlite.openUrl(location);
        }
        if (location.startsWith(Postgres.PREFIX)) {
            return Postgres.open(location);
        }
        if (location.startsWith("jdbc:") || location.contains("://")) {
            throw new StoreException("unsupported store location " + redact(location) + ": expected " + ACCEPTED);
        }
        Path dir;
        try {
            dir = Path.of(location);
        } catch (InvalidPathException e) {
            throw new StoreException("unsupported store location " + redact(location) + ": not a valid path ("
                    + e.getMessage() + "); expected " + ACCEPTED, e);
        }
        return Sqlite.openDirectory(dir);
    }

    /** A location fit for a message: user-info and password parameters replaced by "***". */
    static String redact(String location) {
        String s = USER_INFO.matcher(location).replaceAll("//***@");
        return PASSWORD_PARAM.matcher(s).replaceAll("$1***");
    }
}
