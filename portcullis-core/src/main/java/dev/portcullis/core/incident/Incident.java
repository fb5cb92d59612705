package dev.portcullis.core.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One incident: a campaign that broke into accounts, and the response to it.
 *
 * <p>Design note. An immutable value: every change returns a new incident, validated against the
 * lifecycle ({@link AccountStage}); a change the lifecycle does not allow is a {@link TransitionRefused}
 * that says what is allowed. Persistence, audit and notification are the callers' (store, server).
 *
 * <p>GDPR, Article 33(1): the controller notifies the supervisory authority within 72 hours of
 * becoming aware of a personal data breach. {@code becameAware} is set when an operator acknowledges
 * the incident ({@link #acknowledged}); until then the deadline is counted, conservatively, from
 * {@code opened} (the moment Portcullis knew) and marked provisional.
 *
 * @param id          stable, e.g. {@code INC-20261120-3fa2c1}
 * @param campaignKey the detection's campaign (one incident per campaign)
 * @param kind        the detection kind (brute_force, password_spray, …)
 * @param becameAware when the organisation became aware (null until acknowledged)
 * @param awareBy     who acknowledged it
 * @param closed      when the incident was closed (null while open)
 * @param sources     the attacker's addresses across the campaign
 */
public record Incident(String id, String campaignKey, String kind, Status status, Instant opened, Instant becameAware,
                       String awareBy, Instant closed, List<String> sources, List<IncidentAccount> accounts,
                       List<Note> notes) {

    /** Article 33(1): notify the supervisory authority within 72 hours of becoming aware. */
    public static final Duration GDPR_DEADLINE = Duration.ofHours(72);

    public enum Status {
        OPEN, CLOSED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(campaignKey, "campaignKey");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(opened, "opened");
        sources = List.copyOf(sources);
        accounts = List.copyOf(accounts);
        notes = List.copyOf(notes);
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    /** The Article 33 deadline: 72 hours after becoming aware (after opening while not yet acknowledged). */
    public Instant deadline() {
        return (becameAware != null ? becameAware : opened).plus(GDPR_DEADLINE);
    }

    /** True while the deadline is counted from the opening, not from an acknowledged awareness. */
    public boolean deadlineProvisional() {
        return becameAware == null;
    }

    /** Time left until the deadline at {@code now}; negative when overdue. */
    public Duration timeLeft(Instant now) {
        return Duration.between(now, deadline());
    }

    public Optional<IncidentAccount> account(String account) {
        return accounts.stream().filter(a -> a.account().equals(account)).findFirst();
    }

    public List<String> accountNames() {
        return accounts.stream().map(IncidentAccount::account).toList();
    }

    /** Moves one account to {@code to}, with an optional note; closing early (not from reset_confirmed) needs a note. */
    public Incident withAccountStage(String account, AccountStage to, Instant now, String author, String note) {
        requireOpen("change account " + account);
        IncidentAccount a = account(account).orElseThrow(() -> new TransitionRefused(
                "account '" + account + "' is not part of incident " + id + " (accounts: " + String.join(", ", accountNames()) + ")"));
        if (!a.stage().canMoveTo(to)) {
            throw new TransitionRefused("account '" + account + "' in incident " + id + " is " + a.stage().label()
                    + (a.stage() == AccountStage.CLOSED ? " already; it cannot change"
                    : "; it can move to " + a.stage().next().label()
                    + (a.stage().next() == AccountStage.CLOSED ? "" : " (or closed, with a note)")
                    + ", not " + to.label()));
        }
        boolean early = to == AccountStage.CLOSED && a.stage() != AccountStage.RESET_CONFIRMED;
        if (early && (note == null || note.isBlank())) {
            throw new TransitionRefused("closing account '" + account + "' before its password reset is confirmed"
                    + " needs a note saying why (for example: a false positive)");
        }
        List<IncidentAccount> acc = new ArrayList<>(accounts);
        acc.replaceAll(x -> x.account().equals(account) ? x.at(to, now) : x);
        List<Note> ns = new ArrayList<>(notes);
        ns.add(new Note(now, author, account, a.stage().label() + " → " + to.label()
                + (note == null || note.isBlank() ? "" : ": " + note.strip())));
        return new Incident(id, campaignKey, kind, status, opened, becameAware, awareBy, closed, sources, acc, ns);
    }

    /**
     * Records when the organisation became aware (Article 33): once, never in the future. It may be
     * before {@code opened} (a user reported the break-in before Portcullis saw it).
     */
    public Incident acknowledged(Instant aware, String by, Instant now, String note) {
        requireOpen("acknowledge");
        if (becameAware != null) {
            throw new TransitionRefused("incident " + id + " was already acknowledged (aware since " + becameAware
                    + ", by " + awareBy + "); the awareness time is a legal record and is not changed");
        }
        if (aware.isAfter(now)) {
            throw new TransitionRefused("the awareness time " + aware + " is in the future");
        }
        List<Note> ns = new ArrayList<>(notes);
        ns.add(new Note(now, by, null, "acknowledged; aware since " + aware
                + (note == null || note.isBlank() ? "" : ": " + note.strip())));
        return new Incident(id, campaignKey, kind, status, opened, aware, by, closed, sources, accounts, ns);
    }

    /** Closes the incident; every account must be reset_confirmed or closed already (those reset are closed with it). */
    public Incident closedBy(String by, Instant now, String note) {
        requireOpen("close");
        List<String> pending = accounts.stream()
                .filter(a -> a.stage() != AccountStage.RESET_CONFIRMED && a.stage() != AccountStage.CLOSED)
                .map(a -> a.account() + " (" + a.stage().label() + ")").toList();
        if (!pending.isEmpty()) {
            throw new TransitionRefused("incident " + id + " cannot be closed while accounts await a confirmed"
                    + " password reset: " + String.join(", ", pending));
        }
        List<IncidentAccount> acc = accounts.stream()
                .map(a -> a.stage() == AccountStage.CLOSED ? a : a.at(AccountStage.CLOSED, now)).toList();
        List<Note> ns = new ArrayList<>(notes);
        ns.add(new Note(now, by, null, "incident closed" + (note == null || note.isBlank() ? "" : ": " + note.strip())));
        return new Incident(id, campaignKey, kind, Status.CLOSED, opened, becameAware, awareBy, now, sources, acc, ns);
    }

    /** Appends a note. */
    public Incident withNote(Note n) {
        List<Note> ns = new ArrayList<>(notes);
        ns.add(n);
        return new Incident(id, campaignKey, kind, status, opened, becameAware, awareBy, closed, sources, accounts, ns);
    }

    private void requireOpen(String what) {
        if (status != Status.OPEN) {
            throw new TransitionRefused("cannot " + what + ": incident " + id + " is closed (since " + closed + ")");
        }
    }
}
