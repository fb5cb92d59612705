package dev.portcullis.sim;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A seeded, labelled mail log of an organisation under attack (our own generator, independent of the
 * shared scenarios): everyday Dovecot and Postfix traffic from homes, an office NAT and carrier-grade
 * NATs, typos, stale phones and users giving up abroad; brute force, single-address sprays, a
 * low-and-slow distributed spray, credential stuffing with a leaked list, and the attacker's returns to
 * every account it broke into, downloading the mailbox. {@link #truth()} says who is who, in the
 * shared scenarios' {@code truth.json} shape, so the same scoring applies.
 *
 * <p>For investigation, the truth also says what the attacker did in each compromised account: every
 * planted attacker session (IMAP with logout volumes, one POP3 {@code retr} session, mail_log copy,
 * delete and expunge lines) with its figures, and their sums ({@code downloaded_bytes} = message body
 * bytes, {@code messages}, {@code mailbox_changes} = mail_log lines). Some accounts broken by a
 * single-address spray are never returned to ({@code attacker_returned: false}): the attacker logged in
 * once and fetched nothing. Only lines inside the log's window are counted.
 */
public final class Scenario {
    private static final String DOMAIN = "example.org";
    private static final String[] FIRST = {"ann", "ben", "cara", "dan", "eve", "finn", "gail", "hugo", "iris", "jon",
        "kate", "liam", "mia", "ned", "olga", "paul", "quinn", "rosa", "sam", "tara", "ugo", "vera", "walt", "xena",
        "yuri", "zoe", "amir", "bea", "chen", "dara"};
    private static final String[] LAST = {"abbott", "baker", "cole", "dunn", "ellis", "ford", "grant", "hale", "irwin",
        "jones", "kerr", "lowe", "mills", "nash", "owen", "price", "quinn", "reed", "shaw", "todd", "usher", "vance",
        "ward", "young", "zane", "singh", "okafor", "ng", "silva", "haddad"};
    private static final String[] GUESSES = {"admin", "info", "test", "support", "sales", "office", "postmaster",
        "webmaster", "contact", "billing", "hr", "jobs", "marketing", "noreply", "root"};

    private final ScenarioSpec spec;
    private final SplittableRandom rnd;
    private final long startMicros;
    private final long endMicros;
    private final LogLines lines;
    private final String[] accounts;
    private final String[] home;
    private final Set<Integer> weak = new HashSet<>();
    private final String officeNat;
    private final String[] mobileNats;
    private final Map<String, String> attackerIps = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> compromised = new LinkedHashMap<>();
    private final Set<String> shared = new HashSet<>();
    private final List<Map<String, String>> stale = new ArrayList<>();
    private final List<String> giveUps = new ArrayList<>();
    private final List<Map<String, Object>> campaigns = new ArrayList<>();
    private final Set<String> used = new HashSet<>();
    private int pid = 4000;

    public Scenario(ScenarioSpec spec) {
        this.spec = spec;
        this.rnd = new SplittableRandom(spec.seed());
        this.endMicros = spec.end().getEpochSecond() * 1_000_000L;
        this.startMicros = endMicros - spec.span().toSeconds() * 1_000_000L;
        this.lines = new LogLines(startMicros, endMicros);
        this.accounts = new String[spec.users()];
        this.home = new String[spec.users()];
        for (int u = 0; u < accounts.length; u++) {
            accounts[u] = FIRST[u % FIRST.length] + "." + LAST[(u / FIRST.length) % LAST.length]
                    + (u >= FIRST.length * LAST.length ? Integer.toString(u / (FIRST.length * LAST.length)) : "") + "@" + DOMAIN;
            home[u] = rnd.nextDouble() < spec.ipv6Share() ? freshV6() : freshV4();
        }
        int weakCount = (int) Math.round(spec.users() * spec.weakShare());
        while (weak.size() < weakCount) weak.add(rnd.nextInt(spec.users()));
        officeNat = freshV4();
        shared.add(officeNat);
        mobileNats = new String[Math.max(1, spec.mobileNats())];
        for (int i = 0; i < mobileNats.length; i++) {
            mobileNats[i] = freshV4();
            shared.add(mobileNats[i]);
        }
        everyday();
        staleDevices();
        giveUps();
        bruteForce();
        sprays();
        distributed();
        stuffing();
        lines.sort();
    }

    // ---- benign ----------------------------------------------------------------------------------

    private void everyday() {
        long span = endMicros - startMicros;
        double perDay = 5;
        for (int u = 0; u < accounts.length; u++) {
            int n = 1 + (int) Math.round(perDay * span / 86_400e6 * (0.5 + rnd.nextDouble()));
            for (int i = 0; i < n; i++) {
                long t = startMicros + (long) (rnd.nextDouble() * span);
                double where = rnd.nextDouble();
                String ip = where < 0.6 ? home[u] : where < 0.85 ? officeNat : mobileNats[rnd.nextInt(mobileNats.length)];
                if (rnd.nextDouble() < 0.04) {
                    failure(t - 20_000_000, ip, accounts[u], 1, false);
                }
                if (rnd.nextDouble() < 0.06) {
                    submission(t, ip, accounts[u]);
                } else {
                    login(t, ip, accounts[u], rnd.nextDouble() < 0.1 ? "pop3" : "imap", rnd.nextInt(40), 0);
                }
            }
        }
    }

    private void staleDevices() {
        for (int i = 0; i < spec.staleDevices(); i++) {
            int u = rnd.nextInt(accounts.length);
            String ip = home[u];
            long t = startMicros - 3_600_000_000L + rnd.nextLong(1_800_000_000L);
            login(t, ip, accounts[u], "imap", 3, 0);
            long stop = Math.min(endMicros, t + (6 + rnd.nextInt(14)) * 3_600_000_000L);
            for (t += 3_600_000_000L; t < stop; t += (5 + rnd.nextInt(10)) * 60_000_000L) {
                failure(t, ip, accounts[u], 1, false);
            }
            stale.add(Map.of("account", accounts[u], "ip", ip));
        }
    }

    private void giveUps() {
        for (int i = 0; i < spec.giveUps(); i++) {
            int u = rnd.nextInt(accounts.length);
            String ip = freshV4();
            long t = randomTime();
            for (int k = 1 + rnd.nextInt(3); k > 0; k--) {
                failure(t, ip, accounts[u], 1, false);
                t += (20 + rnd.nextInt(90)) * 1_000_000L;
            }
            giveUps.add(ip);
        }
    }

    // ---- attacks ---------------------------------------------------------------------------------

    private void bruteForce() {
        for (int i = 0; i < spec.bruteForce(); i++) {
            String ip = freshV4();
            label(ip, "brute_force");
            campaigns.add(Map.of("kind", "brute_force", "source", ip));
            List<String> targets = new ArrayList<>();
            targets.add(GUESSES[rnd.nextInt(GUESSES.length)] + "@" + DOMAIN);
            for (int k = 1 + rnd.nextInt(3); k > 0; k--) targets.add(accounts[rnd.nextInt(accounts.length)]);
            long t = randomTime();
            for (int k = 100 + rnd.nextInt(500); k > 0 && t < endMicros; k--) {
                String target = targets.get(rnd.nextInt(targets.size()));
                failure(t, ip, target, 1, !target.endsWith(DOMAIN) || target.startsWith("admin"));
                t += (1 + rnd.nextInt(6)) * 1_000_000L;
            }
        }
    }

    private void sprays() {
        for (int i = 0; i < spec.sprays(); i++) {
            String ip = freshV4();
            String campaign = "password_spray";
            label(ip, campaign);
            campaigns.add(Map.of("kind", campaign, "source", ip));
            long t = startMicros + (long) (rnd.nextDouble() * (endMicros - startMicros) / 3);
            long step = Math.max(1_000_000L, (endMicros - t) / 2 / (accounts.length + 50));
            for (int u = 0; u < accounts.length && t < endMicros; u++, t += step) {
                if (weak.contains(u)) {
                    compromise(t, ip, u, campaign);
                } else {
                    failure(t, ip, accounts[u], 1, false);
                }
                if (u % 10 == 0) {
                    failure(t + step / 2, ip, GUESSES[rnd.nextInt(GUESSES.length)] + u + "@" + DOMAIN, 1, true);
                }
            }
        }
    }

    private void distributed() {
        if (spec.distributedSources() == 0) return;
        campaigns.add(Map.of("kind", "distributed_spray", "sources", spec.distributedSources()));
        for (int i = 0; i < spec.distributedSources(); i++) {
            String ip = freshV4();
            label(ip, "distributed_spray");
            long t = randomTime();
            for (int k = 1 + rnd.nextInt(4); k > 0 && t < endMicros; k--) {
                int u = rnd.nextInt(accounts.length);
                if (weak.contains(u) && rnd.nextDouble() < 0.5) {
                    compromise(t, ip, u, "distributed_spray");
                } else {
                    failure(t, ip, accounts[u], 1, false);
                }
                t += (10 + rnd.nextInt(200)) * 60_000_000L;
            }
        }
    }

    private void stuffing() {
        if (spec.stuffingSources() == 0) return;
        campaigns.add(Map.of("kind", "credential_stuffing", "sources", spec.stuffingSources()));
        long start = randomTime();
        long window = Math.max(3_600_000_000L, (endMicros - start) / 2);
        for (int i = 0; i < spec.stuffingSources(); i++) {
            String ip = freshV4();
            label(ip, "credential_stuffing");
            long t = start + (long) (rnd.nextDouble() * window);
            for (int k = 4 + rnd.nextInt(8); k > 0 && t < endMicros; k--) {
                if (rnd.nextDouble() < 0.6) {
                    failure(t, ip, FIRST[rnd.nextInt(FIRST.length)] + rnd.nextInt(10_000) + "@" + DOMAIN, 1, true);
                } else {
                    int u = rnd.nextInt(accounts.length);
                    if (weak.contains(u) && rnd.nextDouble() < 0.3) {
                        compromise(t, ip, u, "credential_stuffing");
                    } else {
                        failure(t, ip, accounts[u], 1, false);
                    }
                }
                t += (5 + rnd.nextInt(60)) * 1_000_000L;
            }
        }
    }

    /** The attacker gets in, then comes back from new addresses, downloads the mailbox and tidies up. */
    private void compromise(long t, String ip, int u, String campaign) {
        boolean first = !compromised.containsKey(accounts[u]);
        if (!first && Boolean.FALSE.equals(compromised.get(accounts[u]).get("attacker_returned"))) {
            return; // an account the attackers logged in to once and left alone
        }
        boolean returns = !first || !campaign.equals("password_spray") || rnd.nextDouble() >= 0.25;
        Map<String, Object> truth = compromised.get(accounts[u]);
        if (first) {
            truth = new LinkedHashMap<>();
            truth.put("campaign", campaign);
            truth.put("source", ip);
            truth.put("first_success", Instant.ofEpochSecond(t / 1_000_000, (t % 1_000_000) * 1000).toString());
            truth.put("attacker_returned", returns);
            truth.put("downloaded_bytes", 0L);
            truth.put("messages", 0L);
            truth.put("mailbox_changes", 0L);
            truth.put("sessions", new ArrayList<Map<String, Object>>());
            compromised.put(accounts[u], truth);
        }
        plant(truth, login(t, ip, accounts[u], "imap", returns ? rnd.nextInt(20) : 0, 0, 0));
        if (!first || !returns) {
            return;
        }
        long next = t;
        int n = 2 + rnd.nextInt(4);
        for (int k = n; k > 0; k--) {
            next += (20 + rnd.nextInt(180)) * 60_000_000L;
            if (next >= endMicros - 600_000_000L) break;
            String back = freshV4();
            label(back, campaign + "-followup");
            boolean pop = k == 1;
            plant(truth, login(next, back, accounts[u], pop ? "pop3" : "imap", 800 + rnd.nextInt(5200),
                    pop ? 0 : 3 + rnd.nextInt(6), pop || k % 2 == 1 ? 0 : 1 + rnd.nextInt(4)));
        }
    }

    @SuppressWarnings("unchecked")
    private static void plant(Map<String, Object> truth, Map<String, Object> session) {
        if (session == null) return;
        ((List<Map<String, Object>>) truth.get("sessions")).add(session);
        truth.merge("messages", session.get("messages"), (a, b) -> (Long) a + (Long) b);
        truth.merge("downloaded_bytes", session.get("body_bytes"), (a, b) -> (Long) a + (Long) b);
        truth.merge("mailbox_changes", session.get("mailbox_changes"), (a, b) -> (Long) a + (Long) b);
    }

    // ---- log lines -------------------------------------------------------------------------------

    private void login(long t, String ip, String account, String service, int bodies, int copies) {
        login(t, ip, account, service, bodies, copies, 0);
    }

    /**
     * One session: login, {@code copies} mail_log copies, {@code deletes} messages deleted and expunged
     * (two mail_log lines each), logout with volumes. Returns what it planted inside the window (null
     * when its login falls outside): messages and body bytes count only when the logout line is inside.
     */
    private Map<String, Object> login(long t, String ip, String account, String service, int bodies, int copies,
                                      int deletes) {
        String session = session();
        int mpid = ++pid;
        boolean in = add(t, "dovecot: " + service + "-login: Login: user=<" + account + ">, method=PLAIN, rip=" + ip
                + ", lip=195.60.40.10, mpid=" + mpid + ", TLS, session=<" + session + ">");
        long end = t + (30 + rnd.nextInt(1800)) * 1_000_000L;
        String prefix = "dovecot: " + service + "(" + account + ")<" + mpid + "><" + session + ">: ";
        long changes = 0;
        int steps = copies + deletes + 2;
        for (int c = 0; c < copies; c++) {
            if (add(t + (end - t) * (c + 1) / steps, prefix + "copy from INBOX: box=Archive, uid=" + (1000 + c)
                    + ", msgid=<" + Long.toHexString(rnd.nextLong()) + "@" + DOMAIN + ">, size=" + (2000 + rnd.nextInt(90_000)))) {
                changes++;
            }
        }
        for (int d = 0; d < deletes; d++) {
            long at = t + (end - t) * (copies + d + 1) / steps;
            String msg = "box=INBOX, uid=" + (2000 + d) + ", msgid=<" + Long.toHexString(rnd.nextLong()) + "@" + DOMAIN
                    + ">, size=" + (2000 + rnd.nextInt(90_000));
            if (add(at, prefix + "delete: " + msg)) changes++;
            if (add(at + 1, prefix + "expunge: " + msg)) changes++;
        }
        long bytes = bodies * (2_000L + rnd.nextInt(60_000));
        boolean out;
        if (service.equals("pop3")) {
            out = add(end, prefix + "Disconnected: Logged out top=0/0, retr=" + bodies + "/" + bytes + ", del=0/" + (bodies + 5)
                    + ", size=" + (bytes + 1000));
        } else {
            out = add(end, prefix + "Logged out in=" + (300 + rnd.nextInt(9000)) + " out=" + (bytes + 600)
                    + " deleted=" + deletes + " expunged=" + deletes + " trashed=0 hdr_count=" + bodies + " hdr_bytes=" + bodies * 900L
                    + " body_count=" + bodies + " body_bytes=" + bytes);
        }
        if (!in) {
            return null;
        }
        Map<String, Object> planted = new LinkedHashMap<>();
        planted.put("source", ip);
        planted.put("service", service);
        planted.put("start", Instant.ofEpochSecond(t / 1_000_000, (t % 1_000_000) * 1000).toString());
        planted.put("messages", out ? (long) bodies : 0L);
        planted.put("body_bytes", out ? bytes : 0L);
        planted.put("mailbox_changes", changes);
        planted.put("deleted", out ? (long) deletes : 0L);
        return planted;
    }

    private void failure(long t, String ip, String account, int attempts, boolean unknown) {
        String session = session();
        if (spec.authVerbose()) {
            for (int k = 0; k < attempts; k++) {
                add(t - 2_000_000L, "dovecot: auth: passwd-file(" + account + "," + ip + ",<" + session + ">): "
                        + (unknown ? "unknown user" : "Password mismatch"));
            }
        }
        add(t, "dovecot: imap-login: Disconnected: Connection closed (auth failed, " + attempts + " attempts in 2 secs): user=<"
                + account + ">, method=PLAIN, rip=" + ip + ", lip=195.60.40.10, TLS, session=<" + session + ">");
    }

    private void submission(long t, String ip, String account) {
        add(t, "postfix/submission/smtpd[" + (++pid) + "]: " + Long.toHexString(0xA00000L + pid).toUpperCase(Locale.ROOT)
                + ": client=unknown[" + ip + "], sasl_method=PLAIN, sasl_username=" + account);
    }

    private boolean add(long micros, String message) {
        return lines.add(micros, message);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private void label(String ip, String campaign) {
        attackerIps.put(ip, campaign);
    }

    private long randomTime() {
        return startMicros + (long) (rnd.nextDouble() * (endMicros - startMicros));
    }

    private String session() {
        String b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        char[] c = new char[16];
        for (int i = 0; i < 16; i++) c[i] = b64.charAt(rnd.nextInt(64));
        return new String(c);
    }

    private String freshV4() {
        while (true) {
            int a = 1 + rnd.nextInt(223);
            if (a == 10 || a == 127 || a == 100 || a == 172 || a == 192 || a == 169) continue;
            String ip = a + "." + rnd.nextInt(256) + "." + rnd.nextInt(256) + "." + (1 + rnd.nextInt(254));
            if (used.add(ip)) return ip;
        }
    }

    private String freshV6() {
        while (true) {
            String ip = String.format("2a0%x:%x:%x:%x::%x", 1 + rnd.nextInt(14), rnd.nextInt(0x10000), rnd.nextInt(0x10000),
                    rnd.nextInt(0x10000), 1 + rnd.nextInt(0xfffe));
            if (used.add(ip)) return ip;
        }
    }

    /** Writes the log, one syslog line per entry, in time order; returns the line count. */
    public long write(Writer out) throws IOException {
        return lines.write(out, spec.rfc3339());
    }

    public int lineCount() {
        return lines.size();
    }

    /** The labels, as the shared scenarios' truth.json (attacker_ips, compromised, shared_benign_ips…). */
    public Map<String, Object> truth() {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("attacker_ips", attackerIps);
        t.put("compromised", compromised);
        t.put("shared_benign_ips", new ArrayList<>(shared));
        t.put("stale_devices", stale);
        t.put("benign_giveup_ips", giveUps);
        t.put("campaigns", campaigns);
        t.put("start", Instant.ofEpochSecond(startMicros / 1_000_000).toString());
        t.put("end", spec.end().toString());
        t.put("lines", lines.size());
        return t;
    }
}
