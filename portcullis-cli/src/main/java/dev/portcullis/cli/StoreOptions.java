package dev.portcullis.cli;

import dev.portcullis.store.Store;
import dev.portcullis.store.StoreException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the state lives: {@code --data DIR} (SQLite, default ./data) or a JDBC URL (PostgreSQL). */
final class StoreOptions {
    @Option(names = "--data", paramLabel = "DIR|URL",
            description = "State directory (SQLite) or a jdbc:postgresql: URL (default ./data, or store.url from the config).")
    String data;

    String location(ConfigFile.Settings s) {
        if (data != null) return data;
        if (s.storeUrl() != null) return s.storeUrl();
        return "data";
    }

    /** The data directory when the store is SQLite in a directory, else null. */
    Path directory(ConfigFile.Settings s) {
        String l = location(s);
        return l.startsWith("jdbc:") ? null : Path.of(l);
    }

    Store open(ConfigFile.Settings s) throws UsageException {
        try {
            return Store.open(location(s));
        } catch (StoreException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
