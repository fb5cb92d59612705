package dev.portcullis.server.console;

import dev.portcullis.core.engine.EngineConfig;
import dev.portcullis.core.gate.Lockdown;
import dev.portcullis.server.GateHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Now page: the gate's health (refreshed by htmx every {@value #POLL_SECONDS} s, which does not
 * keep the session alive; without JavaScript, by reloading the page) and the lockdown switch (on for every account outside the internal
 * networks, with a reason and an expiry, after a confirmation that says what will happen; off).
 * Other figures of issue 13's Now page (logins by outcome, attacks in progress, compromised accounts)
 * come later, in this class and {@code now.jte}.
 */
final class NowPage implements Page {
    static final int POLL_SECONDS = 5;
    static final int MAX_REASON = 200;
    /** The expiries offered, in the order shown; "" is until lifted. */
    static final Map<String, String> EXPIRIES = expiries();

    private final Backend backend;
    /** The health seen last, to turn counters into rates (any viewer's poll moves it on). */
    private final AtomicReference<GateHealth> previous = new AtomicReference<>();

    NowPage(Backend backend) {
        this.backend = backend;
    }

    private static Map<String, String> expiries() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("1h", "1 hour");
        m.put("4h", "4 hours");
        m.put("24h", "24 hours");
        m.put("", "until lifted");
        return m;
    }

    /** The health figures as shown: each a label, a value and a note. */
    public record Figure(String label, String value, String note) {}

    /** A lockdown in force, as shown. */
    public record Active(String id, String scope, String reason, String since, String until, String by) {}

    /** The lockdown form: what was typed, and a message per field that was wrong (empty: none). */
    public record LockdownForm(String reason, String expiry, Map<String, String> errors, Map<String, String> expiries) {
        static LockdownForm empty() {
            return new LockdownForm("", "4h", Map.of(), EXPIRIES);
        }

        public String error(String field) {
            return errors.get(field);
        }

        public String expiryLabel() {
            return expiries.getOrDefault(expiry, expiry);
        }
    }

    public record Model(List<Figure> figures, List<Active> lockdowns, LockdownForm form, int pollSeconds) {}

    @Override
    public void routes(Routes r) {
        r.get("/", v -> v.page("now.jte", "Now", model(LockdownForm.empty())));
        r.poll("/now/health", v -> v.fragment("now-health.jte", new Model(figures(), List.of(), null, POLL_SECONDS)));
        r.post("/now/lockdown", this::lockdown);
        r.post("/now/lockdown/lift", this::lift);
    }

    private Model model(LockdownForm form) {
        Instant now = backend.gate().clock().instant();
        List<Active> active = new ArrayList<>();
        for (Lockdown l : backend.gate().read(g -> g.lockdowns(now))) {
            active.add(new Active(l.id(), l.scope().name().toLowerCase(Locale.ROOT), l.reason(), l.since().toString(),
                    l.until() == null ? "until lifted" : l.until().toString(), l.by()));
        }
        return new Model(figures(), active, form, POLL_SECONDS);
    }

    /** Step one checks the form and asks for confirmation; step two ({@code confirm=yes}) turns the lockdown on. */
    private void lockdown(View v) {
        String reason = v.param("reason");
        String expiry = v.param("expiry") == null ? "" : v.param("expiry");
        Map<String, String> errors = new LinkedHashMap<>();
        if (reason == null) {
            errors.put("reason", "Say why (it is shown to users refused and kept in the audit trail).");
        } else if (reason.length() > MAX_REASON) {
            errors.put("reason", "At most " + MAX_REASON + " characters (this has " + reason.length() + ").");
        }
        if (!EXPIRIES.containsKey(expiry)) {
            errors.put("expiry", "Choose one of the expiries offered.");
        }
        LockdownForm form = new LockdownForm(reason == null ? "" : reason, expiry, errors, EXPIRIES);
        if (!errors.isEmpty()) {
            v.status(422).page("now.jte", "Now", model(form));
            return;
        }
        if (!"yes".equals(v.param("confirm"))) {
            v.page("now-confirm.jte", "Confirm the lockdown", form);
            return;
        }
        Instant now = backend.gate().clock().instant();
        Instant until = expiry.isEmpty() ? null : now.plus(EngineConfig.parseDuration(expiry));
        backend.gate().put(v.actor(), "lockdown.on",
                new Lockdown("all", Lockdown.Scope.ALL, List.of(), List.of(), reason, now, until, v.actor()));
        v.redirect("/");
    }

    private void lift(View v) {
        String id = v.param("id");
        if (backend.gate().liftLockdowns(v.actor(), id).isEmpty()) {
            throw new Refusal(404, "No such lockdown", "That lockdown is not in force (lifted already, or expired).");
        }
        v.redirect("/");
    }

    List<Figure> figures() {
        GateHealth h = backend.health().get();
        GateHealth p = previous.get();
        String rate = "—";
        String rateNote = "measured between two views at least a second apart";
        if (p != null) {
            Duration d = Duration.between(p.at(), h.at());
            if (d.toMillis() >= 1000) {
                rate = String.format(Locale.ROOT, "%.1f", (h.decisions() - p.decisions()) * 1000.0 / d.toMillis());
                rateNote = "over the last " + d.toSeconds() + " s";
                previous.set(h);
            }
        } else {
            previous.set(h);
        }
        List<Figure> f = new ArrayList<>();
        f.add(new Figure("Decisions per second", rate, rateNote));
        f.add(new Figure("Decisions since start", Long.toString(h.decisions()),
                h.rejected() + " rejected, " + h.delayed() + " delayed"));
        f.add(new Figure("Policy answer time, p99", h.p99Millis() < 0 ? "—" : String.format(Locale.ROOT, "%.2f ms", h.p99Millis()),
                "since start"));
        f.add(new Figure("Tracked keys", Long.toString(h.trackedKeys()), "addresses, accounts and pairs in memory"));
        f.add(new Figure("Blocks, lockouts, lockdowns", h.blocks() + ", " + h.lockouts() + ", " + h.lockdowns(), "held now"));
        f.add(new Figure("Store", h.storeError() == null ? "writing" : "NOT WRITING",
                h.storeError() == null ? h.storeBacklog() + " changes waiting" : h.storeError()));
        f.add(new Figure("Judgement time", h.judgementMillis() + " ms",
                h.judgementDropped() == 0 ? "last full judgement" : h.judgementDropped() + " events dropped since start"));
        return f;
    }
}
