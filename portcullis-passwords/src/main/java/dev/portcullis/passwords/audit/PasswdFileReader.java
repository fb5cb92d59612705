package dev.portcullis.passwords.audit;

import dev.portcullis.passwords.InputException;
import dev.portcullis.passwords.hash.StoredHash;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;

/**
 * Reads Dovecot passwd-files ({@code user:{SCHEME}hash:uid:gid:gecos:home:shell:extra_fields}) and
 * Apache htpasswd files ({@code user:hash}). The password field may carry a {@code {SCHEME}} prefix or be
 * a bare crypt string ({@code $6$…}, {@code $2y$…}, {@code $argon2id$…}, {@code $apr1$…}); see
 * {@link StoredHash} for the schemes verified. Blank lines and {@code #} comments are skipped; an empty
 * password field is kept (reported as "no password"). A line without a ':' or with an empty user is an
 * {@link InputException} naming the file and line (never quoting it).
 */
public final class PasswdFileReader {
    private static final int MAX_LINE = 8192;

    private PasswdFileReader() {
    }

    public static List<Credential> read(BufferedReader in, String file) throws IOException, InputException {
        return CredentialLines.read(in, file, PasswdFileReader::parse);
    }

    static Credential parse(String raw, String file, long n) throws InputException {
        if (raw.length() > MAX_LINE) {
            throw new InputException(file, n, "line longer than " + MAX_LINE + " characters");
        }
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) {
            return null;
        }
        int colon = line.indexOf(':');
        if (colon < 0) {
            throw new InputException(file, n, "expected user:password-hash (a Dovecot passwd-file or htpasswd line)");
        }
        if (colon == 0) {
            throw new InputException(file, n, "expected an account name before the first ':'");
        }
        int end = line.indexOf(':', colon + 1);
        String pw = end < 0 ? line.substring(colon + 1) : line.substring(colon + 1, end);
        return new Credential(line.substring(0, colon), StoredHash.parse(pw), file, n);
    }
}
