package dev.portcullis.ingest.microsoft;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import dev.portcullis.ingest.Status;
import dev.portcullis.ingest.text.ClientAddress;

/**
 * SQL Server's login messages, shared by the error-log reader ({@code MssqlErrorLogParser}) and the
 * Windows Application events ({@link WindowsSecurity}): error 18456 {@code Login failed for user 'U'.
 * Reason: … [CLIENT: A]} and 18454 {@code Login succeeded for user 'U'. Connection made using SQL Server
 * authentication. [CLIENT: A]}. The reasons (Microsoft's documentation of 18456): password did not match
 * → bad password; could not find a login → unknown account; disabled, expired; SQL authentication on a
 * server configured for Windows authentication only → policy; reasons that say the credentials were right
 * but something after them failed (the database could not be opened, "Login is valid") → a success with
 * reason policy for a SQL Server login (the password is known), no event for a Windows login; any
 * other reason → unspecified. A Windows-authenticated success is no event (the Windows logon is the
 * login). Never throws.
 */
public final class SqlServerLogins {
    private static final String FAILED = "Login failed for user '";
    private static final String SUCCEEDED = "Login succeeded for user '";
    private static final String CLIENT = "[CLIENT: ";

    private SqlServerLogins() {
    }

    /** True when {@code line} holds a login message at {@code m}. */
    public static boolean isLogin(String line, int m) {
        return line.startsWith(FAILED, m) || line.startsWith(SUCCEEDED, m);
    }

    /**
     * Reads {@code Login failed for user 'U'. Reason: … [CLIENT: A]} or {@code Login succeeded for user
     * 'U'. Connection made using … authentication. [CLIENT: A]} at {@code m[from]} into {@code b} (account,
     * source, result); also the text of the Windows Application event 18456 / 18454. EVENT when {@code b}
     * holds an event to emit, IGNORED (not about a password, or the credentials were right), UNPARSED.
     */
    public static Status message(String line, int m, AuthEvent.Builder b) {
        boolean failed = line.startsWith(FAILED, m);
        if (!failed && !line.startsWith(SUCCEEDED, m)) {
            return Status.IGNORED;
        }
        int end = line.length();
        while (end > m && line.charAt(end - 1) <= ' ') end--; // Windows' message may end with a blank
        int client = line.lastIndexOf(CLIENT, end);
        int userFrom = m + (failed ? FAILED.length() : SUCCEEDED.length());
        if (client < userFrom || line.charAt(end - 1) != ']') {
            return Status.UNPARSED;
        }
        // the user name ends at the last "'. Reason: " ("'. Connection made using "): the name and a database
        // name are the client's text, but only the account and the reason hang on this, not the address
        int quote = line.lastIndexOf(failed ? "'. Reason: " : "'. Connection made using ", client);
        if (quote < userFrom) {
            return Status.UNPARSED;
        }
        String text = line.substring(quote + 3, client);
        Status s = client(line, client, end, b);
        if (s != Status.EVENT) {
            return s;
        }
        String login = quote > userFrom ? line.substring(userFrom, quote) : null;
        if (login != null) {
            b.account(login);
        }
        return outcome(failed, login, text, b);
    }

    /** The address of "[CLIENT: A]" at {@code at} (ending at {@code end}) into {@code b}: none for the local machine. */
    public static Status client(String s, int at, int end, AuthEvent.Builder b) {
        if (!s.startsWith(CLIENT, at) || end <= at || s.charAt(end - 1) != ']') {
            return Status.UNPARSED;
        }
        if (s.startsWith("<local machine>", at + CLIENT.length())) {
            b.source(null);
            return Status.EVENT;
        }
        String source = ClientAddress.of(s, at + CLIENT.length(), end - 1);
        if (source == null) {
            return Status.UNPARSED;
        }
        b.source(source);
        return Status.EVENT;
    }

    /**
     * A failure with the reason {@code text} gives, or a success by SQL Server authentication, into
     * {@code b}; {@code login} is the login name (null when none).
     */
    public static Status outcome(boolean failed, String login, String text, AuthEvent.Builder b) {
        if (failed) {
            Reason r = reason(text);
            if (r == null) {
                // the credentials were right and something after them failed (the default database could
                // not be opened, "Login is valid … but server access failed"): whoever sent them knows the
                // password, as Entra's "password right, then stopped" codes; a Windows login ("DOMAIN\\user")
                // was proved by Windows, whose logon is the login
                if (login == null || login.isEmpty() || login.indexOf('\\') >= 0) {
                    return Status.IGNORED;
                }
                b.success().reason(Reason.POLICY);
                return Status.EVENT;
            }
            b.failure(r);
        } else {
            if (!text.contains("SQL Server authentication")) {
                return Status.IGNORED; // Windows authentication: the Windows logon is the login
            }
            b.success();
        }
        return Status.EVENT;
    }

    /** The reason of an 18456 failure, or null when it says the credentials were right. */
    static Reason reason(String text) {
        if (text.contains("Password did not match")) return Reason.BAD_PASSWORD;
        if (text.contains("Could not find a login matching")) return Reason.UNKNOWN_ACCOUNT;
        if (text.contains("account is disabled")) return Reason.DISABLED;
        if (text.contains("password of the account has expired")) return Reason.EXPIRED;
        if (text.contains("configured for Windows authentication only")
                || text.contains("configured for Integrated authentication only")) return Reason.POLICY;
        if (text.contains("Failed to open the explicitly specified database") || text.contains("Login is valid")) {
            return null;
        }
        return Reason.UNSPECIFIED;
    }
}
