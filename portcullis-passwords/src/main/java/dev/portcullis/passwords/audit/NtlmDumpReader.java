package dev.portcullis.passwords.audit;

import dev.portcullis.passwords.InputException;
import dev.portcullis.passwords.hash.StoredHash;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads NTLM dumps: pwdump / secretsdump.py lines {@code user:rid:lmhash:nthash:::} (optionally
 * {@code DOMAIN}&#92;{@code user} and a trailing {@code (status=Enabled)}), and DSInternals' {@code user:nthash}.
 * Blank lines, {@code #} comments and secretsdump's {@code [*]}, {@code [-]}, {@code [+]} status lines
 * are skipped; so are password-history entries ({@code user_history0:…}). An account whose NT hash is
 * missing ({@code NO PASSWORD***…}) is skipped. Anything else is an {@link InputException} naming the
 * file and line; lines are never quoted (they hold hashes). Bounded: lines over 4,096 characters are errors.
 */
public final class NtlmDumpReader {
    private static final int MAX_LINE = 4096;

    private NtlmDumpReader() {
    }

    public static List<Credential> read(BufferedReader in, String file) throws IOException, InputException {
        return CredentialLines.read(in, file, NtlmDumpReader::parse);
    }

    /** One line: a credential, or null for a line to skip. */
    static Credential parse(String raw, String file, long n) throws InputException {
        if (raw.length() > MAX_LINE) {
            throw new InputException(file, n, "line longer than " + MAX_LINE + " characters");
        }
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#") || line.startsWith("[*]") || line.startsWith("[-]")
                || line.startsWith("[+]")) {
            return null;
        }
        int status = line.indexOf(" (status=");
        if (status > 0) {
            line = line.substring(0, status);
        }
        String[] f = line.split(":", -1);
        String user;
        String nt;
        if (f.length >= 4 && isRid(f[1])) {
            user = f[0];
            nt = f[3];
        } else if (f.length == 2) {
            user = f[0];
            nt = f[1];
        } else {
            throw new InputException(file, n, "expected an NTLM dump line, user:rid:lmhash:nthash::: (pwdump,"
                    + " secretsdump) or user:nthash (DSInternals)");
        }
        if (user.isEmpty()) {
            throw new InputException(file, n, "expected an account name before the first ':'");
        }
        if (user.matches(".*_history\\d+")) {
            return null;
        }
        if (nt.startsWith("NO PASSWORD") || nt.chars().allMatch(c -> c == '*')) {
            return null;
        }
        if (nt.length() != 32 || !isHex(nt)) {
            throw new InputException(file, n, "expected a 32-digit hexadecimal NT hash in the "
                    + (f.length == 2 ? "second" : "fourth") + " field");
        }
        return new Credential(user, StoredHash.ntlm(HexFormat.of().parseHex(nt.toLowerCase())), file, n);
    }

    private static boolean isRid(String s) {
        if (s.isEmpty() || s.length() > 10) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0 || s.charAt(i) > 'f') {
                return false;
            }
        }
        return true;
    }
}
