package dev.portcullis.ingest.format;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.ingest.EventSink;
import dev.portcullis.ingest.InputContext;
import dev.portcullis.ingest.LineFormat;
import dev.portcullis.ingest.Status;
import dev.portcullis.ingest.microsoft.SqlServerLogins;
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
        if (!SqlServerLogins.isLogin(line, m)) {
            return Status.IGNORED;
        }
        ctx.localTime();
        b.reset().time(time).format(name()).service("mssql").origin(ctx.file(), ctx.line());
        Status s = SqlServerLogins.message(line, m, b);
        if (s == Status.EVENT) {
            out.accept(b.build());
        }
        return s;
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
