package dev.portcullis.ingest.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.portcullis.core.AuthEvent;
import dev.portcullis.ingest.Ingest;
import dev.portcullis.ingest.read.Input;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * No account string can change the source address: the fuzzer writes the user name into real sshd, pam
 * and Postfix line templates whose client is {@link #CLIENT} (or the host name {@link #HOST_SOURCE}); every event must name that
 * source or none (a forged anchor is "suspect": no source). Names are cut to 100 characters and lose control
 * characters, as sshd logs them ({@code %.100s}, {@code strnvis}).
 */
class AccountInjectionFuzzTest {
    static final String CLIENT = "198.51.100.20";
    /** The named source of the templates whose rhost= is a host name. */
    static final String HOST_SOURCE = "host:DSL-198-51-100-20.EXAMPLE.NET";
    private static final String[] TEMPLATES = {
        "Nov 25 10:00:00 h sshd[42]: Failed password for ACCOUNT from 198.51.100.20 port 4242 ssh2",
        "Nov 25 10:00:00 h sshd[42]: Failed password for invalid user ACCOUNT from 198.51.100.20 port 4242 ssh2",
        "Nov 25 10:00:00 h sshd[42]: Failed keyboard-interactive/pam for ACCOUNT from 198.51.100.20 port 4242 ssh2",
        "Nov 25 10:00:00 h sshd[42]: Invalid user ACCOUNT from 198.51.100.20 port 4242",
        "Nov 25 10:00:00 h sshd[42]: Invalid user ACCOUNT from 198.51.100.20",
        "Nov 25 10:00:00 h sshd[42]: Accepted password for ACCOUNT from 198.51.100.20 port 4242 ssh2",
        "Nov 25 10:00:00 h sshd[42]: Accepted publickey for ACCOUNT from 198.51.100.20 port 4242 ssh2: RSA SHA256:q1w2e3r4",
        "Nov 25 10:00:00 h sshd[42]: message repeated 3 times: [ Failed password for ACCOUNT from 198.51.100.20 port 4242 ssh2]",
        "Nov 25 10:00:00 h sshd[42]: User ACCOUNT from 198.51.100.20 not allowed because not listed in AllowUsers",
        "Nov 25 10:00:00 h sshd[42]: error: PAM: Authentication failure for ACCOUNT from 198.51.100.20",
        "Nov 25 10:00:00 h sshd[42]: error: PAM: authentication error for illegal user ACCOUNT from 198.51.100.20 via 192.0.2.1",
        "Nov 25 10:00:00 h dropbear[42]: Bad password attempt for 'ACCOUNT' from 198.51.100.20:5555",
        "Nov 25 10:00:00 h sshd[42]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=198.51.100.20  user=ACCOUNT",
        "Nov 25 10:00:00 h sshd(pam_unix)[42]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=198.51.100.20  user=ACCOUNT",
        "Nov 25 10:00:00 h proftpd: pam_unix(proftpd:auth): authentication failure; logname= uid=0 euid=0 tty=/dev/ftpd42 ruser=ACCOUNT rhost=198.51.100.20  user=ACCOUNT",
        "Nov 25 10:00:00 h sshd[42]: PAM 2 more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=198.51.100.20  user=ACCOUNT",
        // a host name in rhost= (reverse DNS): the named source HOST_SOURCE or none, never an address from the name
        "Nov 25 10:00:00 h sshd(pam_unix)[42]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=dsl-198-51-100-20.example.net  user=ACCOUNT",
        "Nov 25 10:00:00 h sshd[42]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser=ACCOUNT rhost=dsl-198-51-100-20.example.net  user=ACCOUNT",
        "Nov 25 10:00:00 mx1 postfix/submission/smtpd[123]: 4F1B2C3D: client=unknown[198.51.100.20], sasl_method=PLAIN, sasl_username=ACCOUNT",
        // older OpenSSH: no protocol after the port, "illegal user"; an ssh1 ruser after "ssh1: "
        "Nov 25 10:00:00 h sshd[42]: Failed password for ACCOUNT from 198.51.100.20 port 4242",
        "Nov 25 10:00:00 h sshd[42]: Failed password for illegal user ACCOUNT from 198.51.100.20 port 4242",
        "Nov 25 10:00:00 h sshd[42]: Illegal user ACCOUNT from 198.51.100.20",
        "Nov 25 10:00:00 h sshd[42]: Failed password for ACCOUNT from 198.51.100.20 port 4242 ssh1: ruser ACCOUNT",
        // Dropbear with PAM, and its own stamp (journald's copy of its stderr, and that log alone)
        "Nov 25 10:00:00 h dropbear[42]: Bad PAM password attempt for 'ACCOUNT' from 198.51.100.20:5555",
        "Nov 25 10:00:00 h dropbear[42]: [42] Nov 25 10:00:00 Bad password attempt for 'ACCOUNT' from 198.51.100.20:5555",
        "[42] Nov 25 10:00:00 Bad PAM password attempt for 'ACCOUNT' from 198.51.100.20:5555",
    };

    @FuzzTest(maxDuration = "5s")
    void noAccountChoosesTheSource(FuzzedDataProvider data) {
        String template = data.pickValue(TEMPLATES);
        String account = clean(data.consumeRemainingAsString());
        String line = template.replace("ACCOUNT", account);
        Ingest ingest = new Ingest(0, ZoneOffset.UTC, true);
        try {
            ingest.read(new Input("fuzz.log", null, Instant.parse("2026-11-25T12:00:00Z"),
                    new ByteArrayInputStream((line + "\n").getBytes(StandardCharsets.UTF_8))), e -> check(e, line));
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array stream cannot fail to read", e);
        }
    }

    private static void check(AuthEvent e, String line) {
        if (e.source() != null && !e.source().equals(CLIENT) && !e.source().equals(HOST_SOURCE)) {
            throw new AssertionError("the user name chose the source " + e.source() + ": " + line);
        }
    }

    /** As sshd logs a user name: at most 100 characters, no control characters. */
    private static String clean(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 100; i++) {
            char c = s.charAt(i);
            if (c >= ' ' && c != 0x7f) b.append(c);
        }
        return b.toString();
    }
}
