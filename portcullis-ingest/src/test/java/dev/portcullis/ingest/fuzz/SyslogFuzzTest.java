package dev.portcullis.ingest.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;


/**
 * Syslog family: RFC 3164 / 3339 / 5424 envelopes and the Dovecot, Postfix and sshd message parsers.
 * The fuzzer picks an envelope and a program, then writes the rest of the line (and more lines).
 */
class SyslogFuzzTest {
    private static final String[] PREFIXES = {
        "Nov 25 10:00:00 mx1 dovecot: ",
        "Nov 25 10:00:00 mx1 dovecot: imap-login: ",
        "Nov 25 10:00:00 mx1 dovecot: auth: passwd-file(",
        "2026-11-19T22:11:29.429900+00:00 mx1 dovecot: imap(",
        "Nov 25 10:00:00 imap-login: Info: ",
        "Nov 25 10:00:00 mx1 postfix/submission/smtpd[123]: ",
        "Nov 25 10:00:00 mx1 postfix/smtpd[1]: warning: unknown[",
        "Nov 25 10:00:00 mx1 sshd[42]: ",
        "Nov 25 10:00:00 mx1 sshd[42]: message repeated ",
        "Nov 25 10:00:00 mx1 sshd[42]: Failed password for ",
        "Nov 25 10:00:00 mx1 sshd[42]: Illegal user ",
        "Nov 25 10:00:00 mx1 dropbear[42]: ",
        "Nov 25 10:00:00 mx1 dropbear[42]: [42] Nov 25 10:00:00 ",
        "[42] Nov 25 10:00:00 ",
        "[",
        "<34>1 2026-11-25T10:00:00Z mx1 sshd 42 - ",
        "<13>",
        "",
    };

    @FuzzTest(maxDuration = "5s")
    void anyLineIsSafe(FuzzedDataProvider data) {
        String prefix = data.pickValue(PREFIXES);
        byte[] rest = data.consumeRemainingAsBytes();
        FuzzCheck.readWithPrefix(prefix, rest);
    }
}
