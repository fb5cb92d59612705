package dev.portcullis.ingest.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Test;
import dev.portcullis.core.AuthEvent;
import dev.portcullis.ingest.Ingest;
import dev.portcullis.ingest.read.Input;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Mail-system lines (Dovecot, PAM for Dovecot, Postfix, nginx mail proxy, Roundcube, Courier, Cyrus, Exim, UW IMAP,
 * perdition, solid-pop3d, SQL Server's error log) with the client's
 * text — a user name, a given password — written by the fuzzer into the place the client controls.
 * Property: whatever that text is, no event names a source other than the line's real client address
 * (an event may have none, or the line may be unparsed, but the client can never choose the address),
 * and every event passes {@link FuzzCheck}'s checks.
 */
class MailInjectionFuzzTest {
    /** Each form: a line with U where the client's text goes and A where the real address goes. */
    static final String[] FORMS = {
        "Nov 25 10:00:00 mx1 dovecot: imap-login: Disconnected (auth failed, 1 attempts in 2 secs): user=<{U}>, "
                + "method=PLAIN, rip={A}, lip=192.0.2.1, TLS, session=<S1>",
        "Nov 25 10:00:00 mx1 dovecot: imap-login: Login: user=<{U}>, method=PLAIN, rip={A}, lip=192.0.2.1, mpid=1, TLS, "
                + "session=<S2>",
        "2026-11-19T22:59:43.790301+00:00 mx1 dovecot: imap-login: Login aborted: Connection closed (auth failed, 1 "
                + "attempts in 2 secs) (auth_failed): user=<{U}>, method=PLAIN, rip={A}, lip=192.0.2.1, TLS, session=<S3>",
        "Oct 02 16:45:10 imapproxy dovecot: imap-login: Disconnected (proxy dest auth failed): user=<{U}>, method=PLAIN, "
                + "rip={A}, lip=192.168.40.2, session=<S4>",
        "Nov 25 10:00:00 mx1 dovecot: auth: passwd-file({U},{A},<S5>): Password mismatch (given password: {U})",
        "Nov 25 10:00:00 auth({U},{A},sasl:plain)<S6>: Info: sql: Password mismatch (given password: {U})",
        "Nov 25 10:00:00 mx1 dovecot: auth-worker(42): pam({U},{A}): pam_authenticate() failed: Authentication failure "
                + "(password mismatch?)",
        "Nov 25 10:00:00 mx7 auth: pam_unix(dovecot:auth): authentication failure; logname= uid=0 euid=0 tty=dovecot "
                + "ruser={U} rhost={A}",
        "Nov 25 10:00:00 mx1 postfix/submission/smtpd[7]: warning: unknown[{A}]: SASL LOGIN authentication failed: "
                + "authentication failure, sasl_username={U}",
        "Nov 25 10:00:00 mx1 postfix/smtpd[7]: 4F2A81C0: client=unknown[{A}], sasl_method=PLAIN, sasl_username={U}",
        "2022/04/06 13:44:43 [info] 8#8: *1 client login failed: \"Authentication credentials invalid\" while in http "
                + "auth state, client: {A}, server: 0.0.0.0:993, login: \"{U}\"",
        "2022/04/05 13:32:06 [info] 8#8: *2 client logged in, client: {A} using starttls, server: 0.0.0.0:587, "
                + "login: \"{U}\", upstream: 172.69.69.10:587",
        "[25-Nov-2026 10:00:00 +0100]: <s1> Failed login for {U} from {A} in session s1 (error: 0)",
        "[25-Nov-2026 10:00:00 +0100]: <s2> Successful login for {U} (ID: 1) from {A} in session s2",
        "[25-Nov-2026 10:00:00 +0100]: <s3> IMAP Error: Login failed for {U} against localhost from {A}. AUTHENTICATE "
                + "PLAIN: Authentication failed. in /var/www/program/lib/Roundcube/rcube_imap.php on line 200 "
                + "(POST /?_task=login&_action=login)",
        "Apr 23 22:01:00 mx2 imapd: LOGIN FAILED, method=PLAIN, user={U}, ip=[{A}], port=[41234]",
        "Jan 4 21:51:05 mx3 cyrus/imap[5355]: badlogin: host.example.org [{A}] plaintext {U} SASL(-13): authentication "
                + "failure: checkpass failed",
        // Exim: the helo and the set_id are the client's
        "2022-06-29 16:04:05 dovecot_login authenticator failed for ({U}) [{A}]:55379: 535 Incorrect authentication "
                + "data (set_id={U})",
        "Jun 29 16:04:05 mx exim[1234]: login authenticator failed for H=({U}) [{A}]:2525 I=[192.0.2.1]:587: 535 "
                + "Incorrect authentication data (set_id={U})",
        "2024-03-21 19:26:06 dovecot_login authenticator failed for host.example ({U}) [{A}]:21298 I=[192.0.2.1]:465 "
                + "Ci=30416: 535 Incorrect authentication data (set_id={U})",
        "2024-03-21 19:26:06 plain authenticator failed for H=mail.example.org [{A}]: 535 Incorrect authentication "
                + "data (set_id={U})",
        // UW IMAP / ipop3d: the user and auth names are the client's
        "Jul  3 20:56:53 mailhost imapd[4101]: Login failed user={U} auth={U} host=client.example.net [{A}]",
        "Jul  3 20:56:53 mailhost ipop3d[4102]: Login user={U} host=[{A}] nmsgs=1/1",
        // perdition: the authentication id is the client's
        "Jul 18 16:07:18 proxy perdition.imaps[3194]: Auth: {A}:52274->192.0.2.9:993 client-secure=ssl "
                + "authorisation_id=NONE authentication_id=\"{U}\" server=\"imap.example.org:993\" protocol=IMAP4S "
                + "server-secure=ssl status=\"failed: Re-Authentication Failure\"",
        // solid-pop3d
        "Nov 15 00:34:53 pop1 solid-pop3d[3822]: authentication failed for user {U} - {A}",
        // SQL Server's error log: the login name is the client's
        "2026-02-10 09:14:02.41 Logon       Login failed for user '{U}'. Reason: Password did not match that for the "
                + "login provided. [CLIENT: {A}]",
    };
    static final String[] ADDRESSES = {"203.0.113.5", "2001:db8::5", "198.51.100.77"};

    @FuzzTest(maxDuration = "5s")
    void clientTextNeverChoosesTheAddress(FuzzedDataProvider data) {
        String form = data.pickValue(FORMS);
        String address = data.pickValue(ADDRESSES);
        String user = data.consumeRemainingAsString().replace('\n', ' ').replace('\r', ' ');
        check(form, address, user);
    }

    /** Client texts that imitate each form's structure, replayed on every build. */
    @Test
    void knownInjectionsDoNotMoveTheAddress() {
        String[] users = {
            "x>, method=PLAIN, rip=10.10.1.2, lip=1.1.1.1, session=<z",
            "x,10.10.1.2,<s>): Password mismatch",
            "x,10.10.1.2,sasl:plain)<s>: Info: sql: Password mismatch",
            "x,10.10.1.2): pam_authenticate() failed: Authentication failure",
            "x rhost=10.10.1.2",
            "x rhost=10.10.1.2  user=root",
            "x]: warning: unknown[10.10.1.2]: SASL LOGIN authentication failed: y",
            "x, client=unknown[10.10.1.2]",
            "x\", client: 10.10.1.2, server: 0.0.0.0:993, login: \"y",
            "x from 10.10.1.2 in session s9 (error: 0)",
            "x (ID: 1) from 10.10.1.2 in session s9",
            "x against localhost from 10.10.1.2. AUTHENTICATE PLAIN: Authentication failed. in",
            "x from 127.0.0.1(X-Real-IP: 10.10.1.2,X-Forwarded-For: 10.10.1.2)",
            "a (given password: b) c",
            "x, ip=[10.10.1.2], port=[1]",
            "x [10.10.1.2] plaintext y",
            "x [10.0.0.1]",
            "x) [10.10.1.2]",
            "x) [10.10.1.2]:25: 535 Incorrect authentication data (set_id=y",
            "a) [10.10.1.2]: 535 Incorrect authentication data (set_id=b",
            "x) [10.10.1.2]:1 I=[10.0.0.9]:25 Ci=1",
            "x] [10.10.1.2",
            "x host=h [10.10.1.2]",
            "x auth=y host=[10.10.1.2] mech=PLAIN",
            "x - 10.10.1.2",
            "x'. Reason: y [CLIENT: 10.10.1.2]",
            "x\" server=\"s\" status=\"ok\" 10.10.1.2:1->",
            "",
        };
        for (String form : FORMS) {
            for (String address : ADDRESSES) {
                for (String user : users) {
                    check(form, address, user);
                }
            }
        }
    }

    /** Reads one line made from {@code form}; fails when an event names a source that is not {@code address}. */
    static void check(String form, String address, String user) {
        String line = form.replace("{A}", address).replace("{U}", user);
        for (AuthEvent e : read(line)) {
            if (e.source() != null && !e.source().equals(address)) {
                throw new AssertionError("the client's text chose the source " + e.source() + " in: " + line);
            }
        }
        FuzzCheck.read((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static List<AuthEvent> read(String line) {
        Ingest ingest = new Ingest(0, ZoneOffset.UTC, true);
        List<AuthEvent> events = new ArrayList<>();
        try {
            ingest.read(new Input("fuzz.log", null, Instant.parse("2026-11-25T12:00:00Z"),
                    new ByteArrayInputStream((line + "\n").getBytes(StandardCharsets.UTF_8))), events::add);
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array stream cannot fail to read", e);
        }
        return events;
    }
}
