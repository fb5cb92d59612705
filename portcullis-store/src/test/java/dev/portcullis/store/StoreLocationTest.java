package dev.portcullis.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing and opening a location, and keeping credentials out of what is shown. */
class StoreLocationTest {

    @Test
    void anUnsupportedLocationNamesItselfAndWhatIsAccepted() {
        StoreException e = assertThrows(StoreException.class,
                () -> Store.open("jdbc:mysql://root:s3cret@db.example/portcullis?password=s3cret"));

        assertThat(e.getMessage()).contains("unsupported store location", "jdbc:mysql://***@db.example",
                "jdbc:sqlite:", "jdbc:postgresql:", "directory").doesNotContain("s3cret");
        assertThat(assertThrows(StoreException.class, () -> Store.open(" ")).getMessage()).contains("no store location");
    }

    @Test
    void aDirectoryThatCannotBeCreatedIsAClearErrorAtOpen(@TempDir Path temp) throws Exception {
        Path file = Files.writeString(temp.resolve("a-file"), "not a directory");

        StoreException e = assertThrows(StoreException.class, () -> Store.open(file.resolve("data").toString()));

        assertThat(e.getMessage()).contains("cannot open SQLite store", file.resolve("data").toString(),
                "cannot create directory");
    }

    @Test
    void anInMemorySqliteDatabaseIsRefused() {
        assertThat(assertThrows(StoreException.class, () -> Store.open("jdbc:sqlite::memory:")).getMessage())
                .contains("in-memory");
    }

    @Test
    void postgresCredentialsAreTakenOutOfTheUrl() {
        Postgres.Location l = Postgres.parse("jdbc:postgresql://alice:pa%40ss@db.example:5433/gate"
                + "?user=bob&password=p%26w&sslpassword=k&currentSchema=gate,public&ssl=true");

        assertThat(l.url()).isEqualTo("jdbc:postgresql://db.example:5433/gate?user=bob&currentSchema=gate,public&ssl=true");
        assertThat(l.secrets()).containsEntry("password", "p&w").containsEntry("sslpassword", "k");
        assertThat(l.schema()).isEqualTo("gate");
        assertThat(Postgres.parse("jdbc:postgresql:gate").url()).isEqualTo("jdbc:postgresql:gate");
        assertThat(Postgres.parse("jdbc:postgresql://u:secret@h/d").url()).isEqualTo("jdbc:postgresql://h/d");
    }

    @Test
    void redactHidesUserInfoAndPasswordParameters() {
        assertThat(StoreLocation.redact("jdbc:x://u:p@h/d?a=1&Password=zz&sslpassword=yy;b=2"))
                .isEqualTo("jdbc:x://***@h/d?a=1&Password=***&sslpassword=***;b=2");
    }
}
