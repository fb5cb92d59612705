package dev.portcullis.ingest.format;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import dev.portcullis.ingest.EventSink;
import dev.portcullis.ingest.InputContext;
import dev.portcullis.ingest.LineFormat;
import dev.portcullis.ingest.Status;
import dev.portcullis.ingest.text.ClientAddress;
import dev.portcullis.ingest.text.Stamps;

import java.time.Instant;

/**
 * Microsoft SQL Server's error log ({@code ERRORLOG}, also SQL Server on Linux's
 * {@code /var/opt/mssql/log/errorlog}): {@code 2026-01-20 12:36:54.17 Logon       MESSAGE}, a stamp in
 * the server's local time ({@code --timezone}), the source column ({@code Logon}, {@code Server},
 * {@code spidNN}) and the message. Read from Microsoft's documentation of error 18456:
 * <ul>
 *   <li>{@code Login failed for user 'U'. Reason: Password did not match that for the login provided.
 *       [CLIENT: A]} — one failed guess, bad password; {@code Could not find a login matching the name
 *       provided} — unknown account; {@code The account is disabled} — disabled; {@code The password of
 *       the account has expired} — expired; {@code An attempt to login using SQL authentication failed.
 *       Server is configured for Windows authentication only} — policy; other reasons unspecified.
 *       Reasons that say the credentials were right but something after them failed ({@code Failed to
 *       open the explicitly specified database}, {@code Login is valid…}) are no guess and ignored;</li>
 *   <li>{@code Login succeeded for user 'U'. Connection made using SQL Server authentication. [CLIENT: A]}
 *       (when successful logins are audited) — a success; Windows-authenticated ones are ignored (the
 *       Windows logon is the login);</li>
 *   <li>the {@code Error: 18456, Severity: 14, State: N.} line before each failure, and all other lines
 *       of the log, ignored.</li>
 * </ul>
 * The address is the {@code [CLIENT: A]} that ends the line ({@code <local machine>}: none); the user name
 * before it is the client's text and cannot move it. Service "mssql". Never throws.
 */
public final class MssqlErrorLogParser implements LineFormat {
    private static final String FAILED = "Login failed for user '";
    private static final String SUCCEEDED = "Login succeeded for user '";
    private static final String CLIENT = "[CLIENT: ";

    private final AuthEvent.Builder b = AuthEvent.builder();

    @Override
    public String name() {
        return "mssql";
    }

    @Override
    public Status parse(String line, InputContext ctx, EventSink out) {
        // "2026-01-20 12:36:54.17 " then the source column, padded with spaces
        if (line.length() < 26 || line.charAt(4) != '-' || line.charAt(10) != ' ' || line.charAt(13) != ':') {
            return Status.UNRECOGNISED;
        }
        int stampEnd = line.indexOf(' ', 11);
        if (stampEnd < 19 || stampEnd > 30) {
            return Status.UNRECOGNISED;
        }
        int col = stampEnd + 1;
        int colEnd = line.indexOf(' ', col);
        if (colEnd < 0 || !source(line, col, colEnd)) {
            return Status.UNRECOGNISED;
        }
        Instant time = Stamps.dateTime(line, 0, stampEnd, ctx.zone());
        if (time == null) {
            return Status.UNRECOGNISED;
        }
        int m = colEnd;
        while (m < line.length() && line.charAt(m) == ' ') m++;
        boolean failed = line.startsWith(FAILED, m);
        if (!failed && !line.startsWith(SUCCEEDED, m)) {
            return Status.IGNORED;
        }
        ctx.localTime();
        int client = line.lastIndexOf(CLIENT);
        int userFrom = m + (failed ? FAILED.length() : SUCCEEDED.length());
        if (client < userFrom || !line.endsWith("]")) {
            return Status.UNPARSED;
        }
        // the user name ends at the last "'. Reason: " ("'. Connection made using "): the name and a database
        // name are the client's text, but only the account and the reason hang on this, not the address
        int quote = line.lastIndexOf(failed ? "'. Reason: " : "'. Connection made using ", client);
        if (quote < userFrom) {
            return Status.UNPARSED;
        }
        String text = line.substring(quote + 3, client);
        String source = null;
        if (!line.startsWith("<local machine>", client + CLIENT.length())) {
            source = ClientAddress.of(line, client + CLIENT.length(), line.length() - 1);
            if (source == null) {
                return Status.UNPARSED;
            }
        }
        b.reset().time(time).format(name()).service("mssql").origin(ctx.file(), ctx.line()).source(source);
        if (quote > userFrom) {
            b.account(line.substring(userFrom, quote));
        }
        if (failed) {
            Reason r = reason(text);
            if (r == null) {
                return Status.IGNORED;
            }
            b.failure(r);
        } else {
            if (!text.contains("SQL Server authentication")) {
                return Status.IGNORED; // Windows authentication: the Windows logon is the login
            }
            b.success();
        }
        out.accept(b.build());
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

    /** SQL Server's source column: "Logon", "Server", "Backup", "spid51", "spid7s". */
    private static boolean source(String s, int from, int to) {
        if (to - from < 4 || to - from > 12) return false;
        if (s.startsWith("spid", from)) {
            return to > from + 4 && Character.isDigit(s.charAt(from + 4));
        }
        for (int i = from; i < to; i++) {
            if (!Character.isLetter(s.charAt(i))) return false;
        }
        return Character.isUpperCase(s.charAt(from));
    }
}
