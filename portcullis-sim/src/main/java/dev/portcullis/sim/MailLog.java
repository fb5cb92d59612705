package dev.portcullis.sim;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A seeded generator of a mail server's log: the everyday mix of Dovecot logins (with auth_verbose
 * lines, logouts with volumes, mail_log copies), Postfix submission with SASL, sshd, and the lines
 * that are not about logins at all (queue ids, deliveries, cron). Typos, failures from a background
 * of internet scanners. Same seed, same bytes.
 *
 * <p>Used for throughput and memory benchmarks (millions of lines); the labelled attack scenarios
 * of the detection work build on it.
 */
public final class MailLog {
    /** Classic syslog ("Nov 25 10:00:00") or RFC 3339 with microseconds (Debian 12+). */
    public enum Stamps { RFC3164, RFC3339 }

    private static final DateTimeFormatter CLASSIC = DateTimeFormatter.ofPattern("MMM dd HH:mm:ss", Locale.ENGLISH);
    private static final String[] FIRST = {"james", "mary", "john", "patricia", "robert", "jennifer", "michael",
        "linda", "david", "elizabeth", "william", "barbara", "richard", "susan", "joseph", "jessica", "thomas",
        "sarah", "charles", "karen", "chris", "nancy", "daniel", "lisa", "matthew", "betty", "anthony", "sandra"};
    private static final String[] LAST = {"smith", "jones", "taylor", "brown", "williams", "wilson", "johnson",
        "davies", "robinson", "wright", "thompson", "evans", "walker", "white", "roberts", "green", "hall",
        "wood", "jackson", "clarke", "patel", "khan", "lewis", "james", "phillips", "mason", "mitchell"};
    private static final String[] SCAN_USERS = {"admin", "info", "test", "root", "support", "sales", "office",
        "webmaster", "postmaster", "user", "contact", "mail", "oracle", "ubuntu", "guest"};
    private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private final SplittableRandom random;
    private final Stamps stamps;
    private final int users;
    private final String domain;
    private final int[] userSource;
    /** Internet scanners: a pool of addresses, a few very busy, most seen a handful of times. */
    private final int[] scanners = new int[50_000];
    private long micros;
    private int pid = 1000;
    private long queue = 0x1A2B3C;

    public MailLog(long seed, int users, Stamps stamps, Instant start) {
        if (users < 1) {
            throw new IllegalArgumentException("users must be >= 1, was " + users);
        }
        this.random = new SplittableRandom(seed);
        this.stamps = stamps;
        this.users = users;
        this.domain = "example.org";
        this.micros = start.getEpochSecond() * 1_000_000L;
        this.userSource = new int[users];
        for (int i = 0; i < users; i++) {
            userSource[i] = randomPublicV4();
        }
        for (int i = 0; i < scanners.length; i++) {
            scanners[i] = randomPublicV4();
        }
    }

    /** A scanner address, heavy-tailed: low indexes (busy scanners) are picked far more often. */
    private int scanner() {
        double u = random.nextDouble();
        return scanners[(int) (scanners.length * u * u * u)];
    }

    /** Writes at least {@code lines} lines (a scenario step may add two or three at the end). */
    public long write(long lines, Writer out) throws IOException {
        StringBuilder sb = new StringBuilder(256);
        long written = 0;
        while (written < lines) {
            micros += 1 + random.nextInt(40_000);
            int kind = random.nextInt(100);
            sb.setLength(0);
            if (kind < 40) {
                written += imapSession(sb);
            } else if (kind < 48) {
                written += authFailure(sb);
            } else if (kind < 58) {
                written += postfixSubmission(sb);
            } else if (kind < 63) {
                written += postfixFailure(sb);
            } else if (kind < 71) {
                written += sshd(sb);
            } else {
                written += noise(sb);
            }
            out.append(sb);
        }
        return written;
    }

    private int imapSession(StringBuilder sb) {
        int u = random.nextInt(users);
        String user = user(u);
        String ip = v4(userSource[u]);
        String session = session();
        int mpid = ++pid;
        boolean pop = random.nextInt(8) == 0;
        stamp(sb).append(" mx1 dovecot: ").append(pop ? "pop3" : "imap").append("-login: Login: user=<").append(user)
                .append(">, method=PLAIN, rip=").append(ip).append(", lip=195.60.40.10, mpid=").append(mpid)
                .append(", TLS, session=<").append(session).append(">\n");
        int lines = 1;
        if (random.nextInt(5) == 0) {
            micros += random.nextInt(2_000_000);
            stamp(sb).append(" mx1 dovecot: imap(").append(user).append(")<").append(mpid).append("><").append(session)
                    .append(">: copy from INBOX: box=Archive, uid=").append(random.nextInt(90_000))
                    .append(", msgid=<").append(Long.toHexString(random.nextLong())).append("@").append(domain)
                    .append(">, size=").append(500 + random.nextInt(200_000)).append('\n');
            lines++;
        }
        micros += random.nextInt(3_000_000);
        int bodies = random.nextInt(40);
        long bytes = bodies * (2_000L + random.nextInt(30_000));
        if (pop) {
            stamp(sb).append(" mx1 dovecot: pop3(").append(user).append(")<").append(mpid).append("><").append(session)
                    .append(">: Disconnected: Logged out top=0/0, retr=").append(bodies).append('/').append(bytes)
                    .append(", del=").append(bodies).append('/').append(bodies + 3).append(", size=").append(bytes + 900)
                    .append('\n');
        } else {
            stamp(sb).append(" mx1 dovecot: imap(").append(user).append(")<").append(mpid).append("><").append(session)
                    .append(">: Logged out in=").append(200 + random.nextInt(9000)).append(" out=").append(bytes + 500)
                    .append(" deleted=0 expunged=0 trashed=0 hdr_count=").append(bodies).append(" hdr_bytes=")
                    .append(bodies * 900).append(" body_count=").append(bodies).append(" body_bytes=").append(bytes)
                    .append('\n');
        }
        return lines + 1;
    }

    private int authFailure(StringBuilder sb) {
        boolean scanner = random.nextInt(3) == 0;
        String user = scanner ? SCAN_USERS[random.nextInt(SCAN_USERS.length)] + "@" + domain : user(random.nextInt(users));
        String ip = v4(scanner ? scanner() : userSource[random.nextInt(users)]);
        String session = session();
        stamp(sb).append(" mx1 dovecot: auth: passwd-file(").append(user).append(',').append(ip).append(",<")
                .append(session).append(">): ").append(scanner && random.nextBoolean() ? "unknown user" : "Password mismatch")
                .append('\n');
        micros += 2_000_000;
        stamp(sb).append(" mx1 dovecot: imap-login: Disconnected: Connection closed (auth failed, 1 attempts in 2 secs): user=<")
                .append(user).append(">, method=PLAIN, rip=").append(ip).append(", lip=195.60.40.10, TLS, session=<")
                .append(session).append(">\n");
        return 2;
    }

    private int postfixSubmission(StringBuilder sb) {
        int u = random.nextInt(users);
        String q = Long.toHexString(queue++).toUpperCase(Locale.ROOT);
        stamp(sb).append(" mx1 postfix/submission/smtpd[").append(++pid).append("]: ").append(q)
                .append(": client=unknown[").append(v4(userSource[u])).append("], sasl_method=PLAIN, sasl_username=")
                .append(user(u)).append('\n');
        stamp(sb).append(" mx1 postfix/cleanup[").append(pid + 1).append("]: ").append(q).append(": message-id=<")
                .append(Long.toHexString(random.nextLong())).append('@').append(domain).append(">\n");
        return 2;
    }

    private int postfixFailure(StringBuilder sb) {
        stamp(sb).append(" mx1 postfix/submission/smtpd[").append(++pid).append("]: warning: unknown[")
                .append(v4(scanner())).append("]: SASL LOGIN authentication failed: UGFzc3dvcmQ6\n");
        return 1;
    }

    private int sshd(StringBuilder sb) {
        String ip = v4(scanner());
        int p = ++pid;
        int port = 30_000 + random.nextInt(30_000);
        if (random.nextInt(4) == 0) {
            String u = SCAN_USERS[random.nextInt(SCAN_USERS.length)];
            stamp(sb).append(" mx1 sshd[").append(p).append("]: Invalid user ").append(u).append(" from ").append(ip)
                    .append(" port ").append(port).append('\n');
            stamp(sb).append(" mx1 sshd[").append(p).append("]: Failed password for invalid user ").append(u)
                    .append(" from ").append(ip).append(" port ").append(port).append(" ssh2\n");
            return 2;
        }
        stamp(sb).append(" mx1 sshd[").append(p).append("]: Failed password for root from ").append(ip).append(" port ")
                .append(port).append(" ssh2\n");
        return 1;
    }

    private int noise(StringBuilder sb) {
        String q = Long.toHexString(queue++).toUpperCase(Locale.ROOT);
        switch (random.nextInt(4)) {
            case 0 -> stamp(sb).append(" mx1 postfix/qmgr[812]: ").append(q).append(": from=<").append(user(random.nextInt(users)))
                    .append(">, size=").append(1000 + random.nextInt(90_000)).append(", nrcpt=1 (queue active)\n");
            case 1 -> stamp(sb).append(" mx1 postfix/smtp[").append(++pid).append("]: ").append(q).append(": to=<")
                    .append(FIRST[random.nextInt(FIRST.length)]).append("@partner.example>, relay=mx.partner.example[")
                    .append(v4(randomPublicV4())).append("]:25, delay=0.4, delays=0.1/0/0.1/0.2, dsn=2.0.0, status=sent (250 2.0.0 Ok)\n");
            case 2 -> stamp(sb).append(" mx1 postfix/smtpd[").append(++pid).append("]: connect from unknown[")
                    .append(v4(randomPublicV4())).append("]\n");
            default -> stamp(sb).append(" mx1 CRON[").append(++pid).append("]: (root) CMD (   cd / && run-parts --report /etc/cron.hourly)\n");
        }
        return 1;
    }

    private String user(int u) {
        return FIRST[u % FIRST.length] + "." + LAST[(u / FIRST.length) % LAST.length]
                + (u >= FIRST.length * LAST.length ? Integer.toString(u / (FIRST.length * LAST.length)) : "") + "@" + domain;
    }

    private String session() {
        char[] c = new char[16];
        for (int i = 0; i < c.length; i++) {
            c[i] = B64.charAt(random.nextInt(64));
        }
        return new String(c);
    }

    private int randomPublicV4() {
        int a;
        do {
            a = 1 + random.nextInt(223);
        } while (a == 10 || a == 127 || a == 100 || a == 172 || a == 192);
        return (a << 24) | random.nextInt(1 << 24);
    }

    private static String v4(int v) {
        return ((v >>> 24) & 0xff) + "." + ((v >>> 16) & 0xff) + "." + ((v >>> 8) & 0xff) + "." + (v & 0xff);
    }

    private long cachedSecond = Long.MIN_VALUE;
    private String cachedStamp;

    private StringBuilder stamp(StringBuilder sb) {
        long sec = Math.floorDiv(micros, 1_000_000L);
        if (sec != cachedSecond) {
            cachedSecond = sec;
            LocalDateTime t = LocalDateTime.ofEpochSecond(sec, 0, ZoneOffset.UTC);
            cachedStamp = stamps == Stamps.RFC3164 ? CLASSIC.format(t) : t.toString().length() == 16
                    ? t + ":00" : t.toString();
        }
        sb.append(cachedStamp);
        if (stamps == Stamps.RFC3339) {
            String frac = Long.toString(1_000_000 + Math.floorMod(micros, 1_000_000L));
            sb.append('.').append(frac, 1, 7).append("+00:00");
        }
        return sb;
    }

    /** {@code java -cp portcullis.jar dev.portcullis.sim.MailLog LINES OUT [SEED] [rfc3164|rfc3339] [USERS]} */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: MailLog LINES OUT-FILE|- [SEED] [rfc3164|rfc3339] [USERS]");
            System.exit(2);
        }
        long lines = Long.parseLong(args[0].replace("_", ""));
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        Stamps stamps = args.length > 3 ? Stamps.valueOf(args[3].toUpperCase(Locale.ROOT)) : Stamps.RFC3164;
        int users = args.length > 4 ? Integer.parseInt(args[4]) : 9000;
        OutputStream os = args[1].equals("-") ? System.out : Files.newOutputStream(Path.of(args[1]));
        try (Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16)) {
            new MailLog(seed, users, stamps, Instant.parse("2026-06-23T00:00:00Z")).write(lines, w);
        }
    }
}
