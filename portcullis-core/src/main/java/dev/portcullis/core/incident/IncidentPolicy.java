package dev.portcullis.core.incident;

import dev.portcullis.core.engine.AccountVerdict;
import dev.portcullis.core.engine.Detection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The incident policy: turns detections with compromised accounts into new incidents or updates,
 * and says which containment follows.
 *
 * <p>Design note.
 * <ul>
 *   <li>One incident per campaign key. A detection's compromised accounts not yet in the campaign's
 *       open incident join it; a detection seen again changes nothing ({@link Outcome#NONE}), so the
 *       gate re-sending a detection after a restart, or {@code analyze --record} run twice, is harmless.</li>
 *   <li>After a campaign's incident is closed, new compromised accounts open a new incident with the
 *       next generation suffix ({@code INC-…-2}); accounts of the closed one are not taken up again.</li>
 *   <li>An account already in another open incident does not join a second one: its owner is being
 *       dealt with already, and must not be told twice.</li>
 *   <li>Ids are derived from the campaign key and the detection's start (SHA-256, six hex digits),
 *       so the same input makes the same ids.</li>
 *   <li>Containment: the campaign's new addresses are blocked, each new account held (per
 *       {@link IncidentConfig#hold()}), and a lockdown is suggested once, when the incident's count of
 *       compromised accounts reaches the threshold.</li>
 *   <li>Pure and stateless (the caller supplies the campaign's latest incident): thread-safe.
 *       Bounded: an incident keeps at most {@link #MAX_SOURCES} addresses.</li>
 * </ul>
 */
public final class IncidentPolicy {
    public static final int MAX_SOURCES = 1_000;
    /** Addresses kept per account (the campaign's when the engine named none for the account). */
    public static final int MAX_ACCOUNT_SOURCES = 20;
    public static final String AUTHOR = "portcullis";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final IncidentConfig config;

    public IncidentPolicy(IncidentConfig config) {
        this.config = config;
    }

    public IncidentConfig config() {
        return config;
    }

    /**
     * What a detection changes.
     *
     * @param incident    the incident as it should now be stored (null when nothing changed)
     * @param opened      true when it is new
     * @param newAccounts accounts that joined it with this detection (their owners are to be told)
     * @param newSources  addresses that joined it
     * @param actions     containment to carry out
     */
    public record Outcome(Incident incident, boolean opened, List<String> newAccounts, List<String> newSources,
                          List<Containment> actions) {
        public static final Outcome NONE = new Outcome(null, false, List.of(), List.of(), List.of());

        public boolean changed() {
            return incident != null;
        }
    }

    /**
     * Applies a detection.
     *
     * @param campaignKey the detection's stable key (the gate's, or the analysis' detection id)
     * @param latest      the campaign's latest incident, open or closed, or null
     * @param elsewhere   accounts already in another open incident
     * @param verdicts    the engine's verdict per account when known (attacker sources, time), else null
     */
    public Outcome apply(String campaignKey, Detection d, Incident latest, Set<String> elsewhere,
                         Function<String, AccountVerdict> verdicts, Instant now) {
        Set<String> known = new LinkedHashSet<>();
        if (latest != null) {
            known.addAll(latest.accountNames());
        }
        List<String> newAccounts = new ArrayList<>();
        for (String a : d.compromised()) {
            if (!known.contains(a) && !elsewhere.contains(a) && !newAccounts.contains(a)) {
                newAccounts.add(a);
            }
        }
        boolean continuing = latest != null && latest.isOpen();
        if (!continuing && newAccounts.isEmpty()) {
            return Outcome.NONE;
        }
        Set<String> sources = new LinkedHashSet<>(continuing ? latest.sources() : List.of());
        List<String> newSources = new ArrayList<>();
        for (String s : d.sources()) {
            if (sources.size() >= MAX_SOURCES) {
                break;
            }
            if (sources.add(s)) {
                newSources.add(s);
            }
        }
        if (continuing && newAccounts.isEmpty() && newSources.isEmpty()) {
            return Outcome.NONE;
        }
        List<IncidentAccount> accounts = new ArrayList<>(continuing ? latest.accounts() : List.of());
        List<Note> notes = new ArrayList<>(continuing ? latest.notes() : List.of());
        Incident base;
        if (continuing) {
            base = latest;
        } else {
            String id = id(campaignKey, d.start() == null ? now : d.start(), latest);
            base = new Incident(id, campaignKey, d.kind().label(), Incident.Status.OPEN, now, null, null, null,
                    List.of(), List.of(), List.of());
            notes.add(new Note(now, AUTHOR, null, "opened from a " + d.kind().label() + " detection: "
                    + d.attempts() + " guesses, " + d.accountsTargeted() + " accounts targeted, "
                    + d.sources().size() + " addresses"));
        }
        for (String a : newAccounts) {
            AccountVerdict v = verdicts == null ? null : verdicts.apply(a);
            List<String> accSources = v != null && !v.attackerSources().isEmpty() ? v.attackerSources() : d.sources();
            Instant when = v != null && v.compromisedAt() != null ? v.compromisedAt() : d.end() != null ? d.end() : d.start();
            accounts.add(new IncidentAccount(a, AccountStage.DETECTED, when,
                    accSources.stream().limit(MAX_ACCOUNT_SOURCES).toList(), now));
            if (continuing) {
                notes.add(new Note(now, AUTHOR, a, "compromised account joined the incident"));
            }
        }
        Incident next = new Incident(base.id(), campaignKey, base.kind(), Incident.Status.OPEN, base.opened(),
                base.becameAware(), base.awareBy(), null, List.copyOf(sources), accounts, notes);
        List<Containment> actions = new ArrayList<>();
        if (!newSources.isEmpty() && config.blockHours() > 0) {
            actions.add(new Containment.BlockSources(newSources));
        }
        if (config.hold() != IncidentConfig.Hold.NONE) {
            for (String a : newAccounts) {
                actions.add(new Containment.Hold(a, config.hold()));
            }
        }
        int before = continuing ? latest.accounts().size() : 0;
        int threshold = config.lockdownSuggestionThreshold();
        if (before < threshold && accounts.size() >= threshold) {
            actions.add(new Containment.SuggestLockdown(accounts.size(), threshold));
        }
        return new Outcome(next, !continuing, List.copyOf(newAccounts), List.copyOf(newSources), List.copyOf(actions));
    }

    /** {@code INC-yyyyMMdd-xxxxxx}, with {@code -N} for the campaign's N-th incident after a closed one. */
    static String id(String campaignKey, Instant start, Incident previous) {
        String base = "INC-" + DAY.format(start) + "-" + hash(campaignKey);
        if (previous == null) {
            return base;
        }
        String prev = previous.id();
        int dash = prev.lastIndexOf('-');
        int generation = 1;
        if (prev.chars().filter(c -> c == '-').count() == 3) {
            generation = Integer.parseInt(prev.substring(dash + 1));
            prev = prev.substring(0, dash);
        }
        return prev + "-" + (generation + 1);
    }

    private static String hash(String s) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
