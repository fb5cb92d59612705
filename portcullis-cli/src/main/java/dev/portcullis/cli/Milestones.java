package dev.portcullis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.gate.Block;
import dev.portcullis.core.incident.Incident;
import dev.portcullis.core.incident.IncidentAccount;
import dev.portcullis.respond.RecordJson;
import dev.portcullis.sim.Story;
import dev.portcullis.sim.replay.FastClock;
import dev.portcullis.sim.replay.PolicyReplay;
import dev.portcullis.store.DetectionRecord;
import dev.portcullis.store.Store;
import jakarta.mail.internet.MimeUtility;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * What the demo tells as it happens, one plain line each (simulated time, real time since the start,
 * what happened), read from the gate's own state: its store (blocks, detections, incidents) and the
 * dry-run outbox, polled every {@link #POLL}; and from the replay's answers (what the gate refused).
 * Each milestone is told once.
 *
 * <p>{@link #poll} runs on one thread (the demo's watcher); {@link #answered} on the replay's; the
 * flags the test and the summary read are volatile or concurrent.
 */
final class Milestones implements PolicyReplay.Listener {
    static final Duration POLL = Duration.ofMillis(250);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Story story;
    private final Store store;
    private final Path outbox;
    private final FastClock clock;
    private final Consumer<String> out;

    private final Set<String> blocked = ConcurrentHashMap.newKeySet();
    private final Set<String> detectionKinds = ConcurrentHashMap.newKeySet();
    private final Set<String> incidents = ConcurrentHashMap.newKeySet();
    private final Set<String> compromised = ConcurrentHashMap.newKeySet();
    private final Set<Path> letters = ConcurrentHashMap.newKeySet();
    private final Set<String> refusedBreakIns = ConcurrentHashMap.newKeySet();
    private final Set<String> refusedReturns = ConcurrentHashMap.newKeySet();
    private final Set<String> toldBreakInRefused = ConcurrentHashMap.newKeySet();
    /** Accounts an attacker's right guess got into. */
    private final Set<String> breakIns = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> admitted = new ConcurrentHashMap<>();
    /** Written by the replay's thread only. */
    private volatile int refusedUsers;
    private volatile int refusedOwners;
    private volatile boolean sprayBlocked;
    private volatile int campaignSources;

    Milestones(Story story, Store store, Path outbox, FastClock clock, Consumer<String> out) {
        this.story = story;
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
        this.out = out;
    }

    // --- from the replay -------------------------------------------------------------------------

    @Override
    public void answered(AuthEvent e, PolicyReplay.Outcome o, int delaySeconds, String message) {
        boolean refused = o == PolicyReplay.Outcome.REFUSED || o == PolicyReplay.Outcome.REFUSED_AFTER_PASSWORD;
        if (!refused) {
            if (e.source() != null) admitted.merge(e.source(), 1, Integer::sum);
            if (o == PolicyReplay.Outcome.LOGGED_IN && story.isBreakIn(e)) breakIns.add(e.account());
            return;
        }
        String label = story.label(e.source());
        if (e.isSuccess() && label == null) {
            if (compromised.contains(e.account())) {
                refusedOwners++; // held until the password is reset: the owner too, outside the office
            } else {
                refusedUsers++;
                tell("collateral: " + e.account() + " logging in from " + e.source() + " with the right password was"
                        + " refused: " + quote(message));
            }
        }
        if (story.isBreakIn(e) && refusedBreakIns.add(e.account()) && toldBreakInRefused.add(label)) {
            // once per attack: a blocked sprayer's right guesses are many; the summary counts them
            tell("the " + words(label) + " guessed " + e.account() + "'s password from " + e.source()
                    + ", but the gate refused the login: " + quote(message));
        } else if (story.isReturn(e) && refusedReturns.add(e.account())) {
            tell("the attacker came back to " + e.account() + " from " + e.source() + ": refused, " + quote(message));
        }
    }

    /**
     * An attacker's return to an account whose break-in the gate refused (and no other break-in got
     * in): the attacker never learned the password, so it does not come back.
     */
    boolean neverHappens(AuthEvent e) {
        return e.account() != null && refusedBreakIns.contains(e.account()) && !breakIns.contains(e.account())
                && story.isReturn(e);
    }

    // --- from the store and the outbox -----------------------------------------------------------

    /** Reads the store and the outbox once and tells what is new. */
    void poll() {
        readBlocks();
        readDetections();
        readIncidents();
        readLetters();
    }

    private void readBlocks() {
        for (Block b : store.load(clock.instant()).blocks()) {
            if (blocked.add(b.target()) && b.target().equals(story.spraySource())) {
                sprayBlocked = true;
                tell("fast spray from " + b.target() + " blocked after " + admitted.getOrDefault(b.target(), 0)
                        + " guesses (" + b.reason() + ", for " + words(Duration.between(b.since(), b.until())) + ")");
            }
        }
    }

    private void readDetections() {
        for (DetectionRecord d : store.detections(story.start(), 1000)) {
            if (!d.kind().equals("distributed_spray")) {
                detectionKinds.add(d.kind());
                continue;
            }
            JsonNode j = json(d.json());
            int n = j.path("sources").size();
            if (detectionKinds.add(d.kind())) {
                tell("distributed spray recognised: " + n + " addresses, " + j.path("accounts_targeted").asInt()
                        + " accounts targeted, " + j.path("attempts").asInt() + " guesses since " + hhmm(d.start())
                        + "; its addresses are blocked");
            }
            campaignSources = Math.max(campaignSources, n);
        }
    }

    private void readIncidents() {
        for (Incident i : store.incidents(false, 100)) {
            boolean fresh = incidents.add(i.id());
            for (IncidentAccount a : i.accounts()) {
                if (compromised.add(a.account())) {
                    tell(a.account() + " broken into from " + String.join(", ", a.sources())
                            + (a.compromisedAt() == null ? "" : " at " + hhmm(a.compromisedAt())) + " (" + words(i.kind())
                            + (a.account().equals(story.breakInAccount())
                                    ? ": that address's first guess, let in as nothing was known against it; it gave"
                                    + " itself away by failing on other accounts)" : ")"));
                }
            }
            if (fresh) {
                tell("incident " + i.id() + " opened for " + String.join(", ", i.accountNames())
                        + ": held at the gate until the password is reset; GDPR deadline "
                        + i.deadline().truncatedTo(ChronoUnit.MINUTES));
            }
        }
    }

    private void readLetters() {
        if (!Files.isDirectory(outbox)) {
            return;
        }
        try (Stream<Path> s = Files.list(outbox)) {
            for (Path p : s.filter(f -> f.getFileName().toString().endsWith(".eml")).sorted().toList()) {
                if (letters.add(p)) {
                    Map<String, String> h = headers(p);
                    tell("letter to " + h.getOrDefault("to", "?") + " in the outbox: " + p + " ("
                            + quote(h.getOrDefault("subject", "")) + ")");
                }
            }
        } catch (IOException e) {
            tell("cannot read the outbox " + outbox + ": " + e.getMessage());
        }
    }

    /** Whether every milestone of the story has happened. */
    boolean complete() {
        return sprayBlocked && detectionKinds.contains("distributed_spray") && compromised.contains(story.breakInAccount())
                && !incidents.isEmpty() && !letters.isEmpty();
    }

    /** The milestones still missing, in words (empty when complete). */
    List<String> missing() {
        List<String> m = new ArrayList<>();
        if (!sprayBlocked) m.add("the fast spray's block");
        if (!detectionKinds.contains("distributed_spray")) m.add("the distributed spray's detection");
        if (!compromised.contains(story.breakInAccount())) m.add("the break-in into " + story.breakInAccount());
        if (incidents.isEmpty()) m.add("an incident");
        if (letters.isEmpty()) m.add("a letter in the outbox");
        return m;
    }

    // --- for the summary -------------------------------------------------------------------------

    int blocks() {
        return blocked.size();
    }

    int campaignSources() {
        return campaignSources;
    }

    Set<String> detectionKinds() {
        return new TreeSet<>(detectionKinds);
    }

    Set<String> compromised() {
        return new LinkedHashSet<>(compromised);
    }

    int incidents() {
        return incidents.size();
    }

    int letters() {
        return letters.size();
    }

    int refusedBreakIns() {
        return refusedBreakIns.size();
    }

    /** Right passwords of benign users the gate refused, apart from the owners of held accounts. */
    int refusedUsers() {
        return refusedUsers;
    }

    /** Right passwords of the owners of held (compromised) accounts that the gate refused. */
    int refusedOwners() {
        return refusedOwners;
    }

    // --- words -----------------------------------------------------------------------------------

    private synchronized void tell(String what) {
        Duration real = clock.elapsed();
        out.accept(String.format("%s  +%d:%02d  %s", CLOCK.format(clock.instant()), real.toMinutes(), real.toSecondsPart(),
                what));
    }

    /** A line of the story's own (start, end), in the same form as the milestones. */
    void say(String what) {
        tell(what);
    }

    static String hhmm(Instant t) {
        return LocalTime.ofInstant(t, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    static String words(String kind) {
        return kind == null ? "attack" : kind.replace('_', ' ');
    }

    static String words(Duration d) {
        if (d.toDays() > 0 && d.toHoursPart() == 0) return d.toDays() + " d";
        if (d.toHours() > 0 && d.toMinutesPart() == 0) return d.toHours() + " h";
        if (d.toHours() > 0) return d.toHours() + " h " + d.toMinutesPart() + " min";
        if (d.toMinutes() > 0) return d.toMinutes() + " min";
        return d.toSeconds() + " s";
    }

    private static String quote(String s) {
        return "\u201c" + (s == null ? "" : s) + "\u201d";
    }

    private static JsonNode json(String s) {
        try {
            return RecordJson.MAPPER.readTree(s);
        } catch (IOException e) {
            return RecordJson.MAPPER.missingNode(); // a detection the store cannot give back whole: no figures
        }
    }

    /** The To and Subject headers of a letter (the first lines of the .eml, unfolded). */
    static Map<String, String> headers(Path eml) throws IOException {
        Map<String, String> h = new HashMap<>();
        try (BufferedReader r = Files.newBufferedReader(eml, StandardCharsets.ISO_8859_1)) {
            String line;
            String last = null;
            while ((line = r.readLine()) != null && !line.isEmpty()) {
                if ((line.startsWith(" ") || line.startsWith("\t")) && last != null) {
                    h.merge(last, " " + line.strip(), String::concat);
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon <= 0) continue;
                last = line.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
                if (last.equals("to") || last.equals("subject")) {
                    h.put(last, line.substring(colon + 1).strip());
                } else {
                    last = null;
                }
            }
        }
        h.computeIfPresent("subject", (k, v) -> { // RFC 2047 encoded words, as Jakarta Mail writes non-ASCII
            try {
                return MimeUtility.decodeText(v);
            } catch (UnsupportedEncodingException e) {
                return v; // an unknown charset: shown as written
            }
        });
        return h;
    }
}
