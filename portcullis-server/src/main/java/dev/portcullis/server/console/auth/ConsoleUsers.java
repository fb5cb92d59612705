package dev.portcullis.server.console.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.passwords.check.CheckContext;
import dev.portcullis.passwords.check.CheckResult;
import dev.portcullis.passwords.check.Finding;
import dev.portcullis.passwords.check.PasswordCheck;
import dev.portcullis.store.AuditEntry;
import dev.portcullis.store.ConsoleUserRecord;
import dev.portcullis.store.Store;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The console's users: their sign-in ({@link SignIn}) and their management (add, new password, new
 * second factor, disable, remove), over the {@link Store}.
 *
 * <p>Design note. Sign-in checks the name, the password (Argon2id, {@link PasswordHash}) and, when the
 * user has one, the TOTP code ({@link Totp}); an admin without a second factor is refused whatever it
 * types. Attacker model: anyone who reaches the console's port. So: a refusal is one answer whatever was
 * wrong (its reason is for the audit trail); an unknown or malformed name costs one Argon2id verification
 * against a dummy hash, like a known one, so the time taken does not tell which names exist; a code is
 * spent once — the user's last accepted step moves by compare-and-set in the store, so a replayed code
 * is refused after a restart and of two racing sign-ins with one code one wins. Rate limiting is not here:
 * the web layer asks the gate's engine (smart lockout on the console's own sign-in) before calling.
 * {@link #check} never throws: nulls, huge strings, non-digits and a failing store are refusals.
 *
 * <p>Management refuses bad input with {@link Refused} (the field and every reason): a name that is not
 * 1-64 of {@code [a-z0-9._@-]} (ASCII upper case is folded), a password the project's own check rejects
 * (NIST SP 800-63B-4, {@link PasswordCheck}; 8 characters at least with a second factor, 15 without), an
 * admin without a second factor. Every change is appended to the audit trail in the same transaction.
 * Passwords arrive as {@code char[]} owned by the caller, who clears them; none is kept or logged.
 * Thread-safety: immutable; the store serialises writes.
 */
public final class ConsoleUsers implements SignIn {
    /** A longer password is refused before hashing (the policy's own maximum is 256 by default). */
    public static final int MAX_PASSWORD = 4096;
    public static final String ISSUER = "Portcullis";
    private static final List<String> CONTEXT_WORDS = List.of("portcullis", "console");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Store store;
    private final PasswordCheck passwords;
    private final PasswordHash.Cost cost;
    private final Totp totp;
    private final String dummyHash;

    /** The console's users with OWASP's Argon2id cost and the standard TOTP. */
    public ConsoleUsers(Store store, PasswordCheck passwords) {
        this(store, passwords, PasswordHash.Cost.OWASP, Totp.CONSOLE);
    }

    /** With another hash cost (tests use a cheap one) or TOTP. */
    public ConsoleUsers(Store store, PasswordCheck passwords, PasswordHash.Cost cost, Totp totp) {
        this.store = Objects.requireNonNull(store, "store");
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        this.cost = Objects.requireNonNull(cost, "cost");
        this.totp = Objects.requireNonNull(totp, "totp");
        char[] random = new char[24];
        for (int i = 0; i < random.length; i++) {
            random[i] = (char) ('a' + RANDOM.nextInt(26));
        }
        this.dummyHash = PasswordHash.hash(random, cost);
        Arrays.fill(random, '\0');
    }

    /**
     * The canonical form of a typed name — ASCII letters folded to lower case — or null when it is not
     * 1-64 of {@code [A-Za-z0-9._@-]}. Anything outside ASCII is refused before folding (the Kelvin sign
     * folds to "k" and would make two spellings of one name).
     */
    public static String canonicalName(String typed) {
        if (typed == null || typed.isEmpty() || typed.length() > 64) {
            return null;
        }
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                    || c == '@' || c == '-')) {
                return null;
            }
        }
        return typed.toLowerCase(Locale.ROOT);
    }

    // --- sign-in -------------------------------------------------------------------------------

    @Override
    public Outcome check(String name, char[] password, String totpCode, Instant now) {
        try {
            return checked(name, password, totpCode, now);
        } catch (RuntimeException e) {
            return Outcome.refused("internal error (" + e.getClass().getSimpleName() + ")");
        }
    }

    private Outcome checked(String typedName, char[] password, String code, Instant now) {
        if (password == null) {
            return Outcome.refused("no password given");
        }
        if (password.length > MAX_PASSWORD) {
            return Outcome.refused("password longer than " + MAX_PASSWORD + " characters");
        }
        if (now == null) {
            return Outcome.refused("no time given");
        }
        String name = canonicalName(typedName);
        Optional<ConsoleUserRecord> found;
        try {
            found = name == null ? Optional.empty() : store.consoleUser(name);
        } catch (RuntimeException e) {
            PasswordHash.verify(dummyHash, password);
            String why = String.valueOf(e.getMessage());
            return Outcome.refused("store unavailable: " + (why.length() > 160 ? why.substring(0, 160) + "…" : why));
        }
        if (found.isEmpty()) {
            PasswordHash.verify(dummyHash, password);   // as long as a real check: no oracle for names
            return Outcome.refused(name == null ? "not a valid user name" : "no such user");
        }
        ConsoleUserRecord u = found.get();
        boolean passwordRight = PasswordHash.verify(u.passwordHash(), password);
        if (u.disabled() != null) {
            return Outcome.refused("user is disabled");
        }
        if (!passwordRight) {
            return Outcome.refused("wrong password");
        }
        Role role;
        try {
            role = Role.of(u.role());
        } catch (IllegalArgumentException e) {
            return Outcome.refused("stored role is not one of viewer, responder, admin");
        }
        if (!u.hasTotp()) {
            if (role == Role.ADMIN) {
                return Outcome.refused("admin without a second factor: enrol one with 'portcullis user totp "
                        + u.name() + "'");
            }
        } else {
            Outcome refused = spendCode(u, code, now);
            if (refused != null) {
                return refused;
            }
        }
        rehashIfCheap(u, password, now);
        return Outcome.ok(new ConsoleUser(u.name(), role));
    }

    /** Accepts the code and moves the stored step past it; null when accepted, else the refusal. */
    private Outcome spendCode(ConsoleUserRecord u, String code, Instant now) {
        if (code == null || code.isBlank()) {
            return Outcome.refused("second factor: no code given");
        }
        byte[] key = Totp.key(u.totpSecret());
        if (key == null) {
            return Outcome.refused("second factor: the stored secret is unreadable");
        }
        try {
            Totp.Match m = totp.match(key, code.length() > 32 ? "" : code.replace(" ", ""), now, u.lastTotpStep());
            if (!m.accepted()) {
                return Outcome.refused("second factor: " + ("malformed".equals(m.refusal()) ? "code is not "
                        + totp.digits() + " digits" : m.refusal() + " code"));
            }
            if (!store.moveTotpStep(u.name(), u.lastTotpStep(), m.step())) {
                return Outcome.refused("second factor: replayed code (another sign-in spent it first)");
            }
            return null;
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** After a good sign-in, a hash made at a lower cost than today's is made again (best effort). */
    private void rehashIfCheap(ConsoleUserRecord u, char[] password, Instant now) {
        if (!PasswordHash.needsRehash(u.passwordHash(), cost)) {
            return;
        }
        try {
            store.putConsoleUser(u.withPasswordHash(PasswordHash.hash(password, cost)),
                    audit("console", "user.rehash", u.name(), detail(u.role(), u.hasTotp()), now));
        } catch (RuntimeException e) {
            // the sign-in stands; the next one tries again
        }
    }

    // --- management ----------------------------------------------------------------------------

    /**
     * Adds a user; with {@code withTotp} returns its second factor to show once (else null secret and URI).
     * Refused: a bad or taken name, an admin without TOTP, a weak password.
     */
    public Enrolment add(String typedName, Role role, char[] password, boolean withTotp, String actor, Instant now) {
        Objects.requireNonNull(role, "role");
        String name = name(typedName);
        if (role == Role.ADMIN && !withTotp) {
            throw new Refused("totp", "an admin must have a second factor (TOTP); a user without one may only be"
                    + " a viewer or a responder");
        }
        if (store.consoleUser(name).isPresent()) {
            throw new Refused("name", "a console user named '" + name + "' exists (change it with passwd or totp,"
                    + " or remove it first)");
        }
        checkPassword(name, password, withTotp);
        String secret = withTotp ? Totp.newSecret() : null;
        store.putConsoleUser(new ConsoleUserRecord(name, role.word(), PasswordHash.hash(password, cost), secret, 0,
                now, actor, null), audit(actor, "user.add", name, detail(role.word(), withTotp), now));
        return new Enrolment(name, secret, secret == null ? null : totp.uri(ISSUER, name, secret));
    }

    /** A new password for an existing user (checked; 8 characters at least with a second factor, else 15). */
    public void passwd(String typedName, char[] password, String actor, Instant now) {
        ConsoleUserRecord u = existing(typedName);
        checkPassword(u.name(), password, u.hasTotp());
        store.putConsoleUser(u.withPasswordHash(PasswordHash.hash(password, cost)),
                audit(actor, "user.passwd", u.name(), detail(u.role(), u.hasTotp()), now));
    }

    /** A new second factor for an existing user, replacing any old one at once; shown once. */
    public Enrolment enrolTotp(String typedName, String actor, Instant now) {
        ConsoleUserRecord u = existing(typedName);
        String secret = Totp.newSecret();
        store.putConsoleUser(u.withTotpSecret(secret), audit(actor, "user.totp", u.name(), detail(u.role(), true), now));
        return new Enrolment(u.name(), secret, totp.uri(ISSUER, u.name(), secret));
    }

    /** Disables (no sign-in; the user stays listed) or enables a user. */
    public void setDisabled(String typedName, boolean disabled, String actor, Instant now) {
        ConsoleUserRecord u = existing(typedName);
        store.putConsoleUser(u.withDisabled(disabled ? now : null),
                audit(actor, disabled ? "user.disable" : "user.enable", u.name(), detail(u.role(), u.hasTotp()), now));
    }

    /** Removes a user; false when there was none. */
    public boolean remove(String typedName, String actor, Instant now) {
        String name = name(typedName);
        return store.removeConsoleUser(name, audit(actor, "user.remove", name, "{}", now));
    }

    /** Every user, by name (records print neither hash nor secret). */
    public List<ConsoleUserRecord> list() {
        return store.consoleUsers();
    }

    /** The user of a typed name, if any. */
    public Optional<ConsoleUserRecord> find(String typedName) {
        String name = canonicalName(typedName);
        return name == null ? Optional.empty() : store.consoleUser(name);
    }

    private static String name(String typed) {
        String name = canonicalName(typed);
        if (name == null) {
            throw new Refused("name", "a console user name must be 1-64 of letters a-z, digits, '.', '_', '@', '-'"
                    + " (was " + shown(typed) + ")");
        }
        return name;
    }

    private ConsoleUserRecord existing(String typed) {
        String name = name(typed);
        return store.consoleUser(name).orElseThrow(() -> new Refused("name", "no console user named '" + name + "'"));
    }

    private void checkPassword(String name, char[] password, boolean secondFactor) {
        if (password == null || password.length == 0) {
            throw new Refused("password", "the password is empty");
        }
        CheckResult r = passwords.check(password, new CheckContext(name, null, secondFactor, CONTEXT_WORDS));
        if (!r.accepted()) {
            throw new Refused("password", r.reasons().stream().map(Finding::message).toList());
        }
    }

    private static AuditEntry audit(String actor, String action, String target, String detail, Instant now) {
        return new AuditEntry(0, Objects.requireNonNull(now, "now"), Objects.requireNonNull(actor, "actor"), action,
                target, detail);
    }

    private static String detail(String role, boolean totp) {
        ObjectNode d = JSON.createObjectNode();
        d.put("role", role);
        d.put("totp", totp);
        return d.toString();
    }

    /** A typed value for a message: quoted, control characters replaced, at most 40 characters. */
    private static String shown(String s) {
        if (s == null) {
            return "nothing";
        }
        String cut = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return "'" + cut.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u202e]", "?") + "'";
    }
}
