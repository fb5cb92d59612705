package dev.portcullis.respond.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.core.incident.AccountStage;
import dev.portcullis.core.incident.Incident;
import dev.portcullis.core.incident.IncidentAccount;
import dev.portcullis.core.incident.IncidentConfig;
import dev.portcullis.store.AuditEntry;
import dev.portcullis.store.DeliveryRecord;
import dev.portcullis.store.DeliveryRecord.State;
import dev.portcullis.store.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells people about incidents: an e-mail to each compromised account's owner, a summary to the
 * security team, and a signed webhook call per held account and per opened incident.
 *
 * <p>Design note: never twice for one event.
 * <ul>
 *   <li>{@link #queue} records deliveries in the store, one per (incident, account, kind): the store
 *       refuses a second row with the same key, so the same detection seen again, a restart, or
 *       {@code analyze --record} run twice cannot queue a second message. Nothing is sent there.</li>
 *   <li>{@link #tick} sends what is due: it first claims the delivery (PENDING/RETRY → SENDING, a
 *       compare-and-set in the store, so two threads or processes cannot both send it), then sends,
 *       then marks it SENT.</li>
 *   <li><b>At most once.</b> If the process stops between the claim and the mark, the store shows
 *       SENDING; {@link #recover} (at start) turns that into UNKNOWN and it is <em>not</em> sent again.
 *       Likewise a failure during the transfer (the server may have taken the message) is UNKNOWN.
 *       The issue asks that an owner is never told twice; a duplicate alarm mail teaches people to
 *       ignore us, while an UNKNOWN delivery is visible (API, CLI, audit) for an operator to resend by
 *       hand. At-least-once would need the receiver to drop duplicates, which mail clients do not.</li>
 *   <li>Definite failures (could not connect, refused by the server) are retried with exponential
 *       back-off ({@link NotifyConfig#backoff}) up to {@code retry.max_attempts}, then FAILED.
 *       Time is the caller's {@code now}: tests drive retries by calling {@code tick} with a later
 *       time, never by sleeping.</li>
 *   <li>Content is rendered at send time from the incident as stored, so a summary sent after more
 *       accounts joined lists them all. An owner whose account was closed (a false positive) before
 *       the letter went out is not written to (FAILED, "cancelled").</li>
 *   <li>Secrets: letters and audit entries carry accounts, times and addresses, never a password or
 *       a token; the SMTP password and webhook secret live only in {@link NotifyConfig}.</li>
 * </ul>
 * {@link #tick} is synchronized (one sender at a time per process); {@link #queue} may be called
 * from any thread.
 */
public final class Notifier {
    private static final Logger log = LoggerFactory.getLogger(Notifier.class);
    public static final String OWNER = "owner_email";
    public static final String SECURITY = "security_summary";
    public static final String HOOK_OPEN = "webhook_open";
    public static final String HOOK_HOLD = "webhook_hold";
    static final ObjectMapper JSON = new ObjectMapper();

    /** Told after a delivery was accepted (e.g. to move the account to "notified"). */
    public interface Listener {
        void delivered(DeliveryRecord d, Instant now);
    }

    /** How many deliveries one {@link #tick} sent, left to retry, left unknown or gave up on. */
    public record DeliveryCounts(int sent, int retry, int unknown, int failed) {
        public int total() {
            return sent + retry + unknown + failed;
        }
    }

    private final Store store;
    private final NotifyConfig config;
    private final IncidentConfig incidents;
    private final Templates templates;
    private final Outbox outbox;
    private final Webhook webhook;
    private final Letters letters;
    private volatile Listener listener = (d, now) -> { };

    public Notifier(Store store, NotifyConfig config, IncidentConfig incidents, Templates templates, Outbox outbox,
                    Webhook webhook) {
        this.store = store;
        this.config = config;
        this.incidents = incidents;
        this.templates = templates;
        this.outbox = outbox;
        this.webhook = webhook;
        this.letters = new Letters(config, incidents, templates);
    }

    /** The notifier a config asks for: SMTP, or .eml files in a dry run; a webhook when a URL is set. */
    public static Notifier create(Store store, NotifyConfig config, IncidentConfig incidents) {
        Outbox outbox = config.dryRunDir() != null ? new EmlOutbox(config.dryRunDir())
                : config.smtpHost() != null ? new SmtpOutbox(config) : null;
        Webhook hook = config.webhook() ? new Webhook(config.webhookUrl(), config.webhookSecret(), config.smtpTimeout()) : null;
        return new Notifier(store, config, incidents, Templates.load(config.templates()), outbox, hook);
    }

    public void onDelivered(Listener l) {
        this.listener = l == null ? (d, now) -> { } : l;
    }

    public NotifyConfig config() {
        return config;
    }

    /**
     * Records what to send about an incident change: owner letters and hold webhooks for the new
     * accounts, the security summary and the opening webhook when the incident is new. Returns how
     * many deliveries were recorded (0 for an event already queued).
     */
    public int queue(Incident i, boolean opened, List<String> newAccounts, Instant now) {
        int n = 0;
        for (String a : newAccounts) {
            if (outbox != null) {
                n += add(DeliveryRecord.pending(i.id(), a, OWNER, config.ownerAddressOf(a), now));
            }
            if (webhook != null) {
                n += add(DeliveryRecord.pending(i.id(), a, HOOK_HOLD, webhook.describe(), now));
            }
        }
        if (opened && outbox != null && config.securityTeam() != null) {
            n += add(DeliveryRecord.pending(i.id(), "", SECURITY, config.securityTeam(), now));
        }
        if (opened && webhook != null) {
            n += add(DeliveryRecord.pending(i.id(), "", HOOK_OPEN, webhook.describe(), now));
        }
        return n;
    }

    private int add(DeliveryRecord d) {
        return store.addDelivery(d) ? 1 : 0;
    }

    /** At start: deliveries a stop interrupted become UNKNOWN (never resent). Returns how many. */
    public int recover(Instant now) {
        int n = store.markInterruptedDeliveries(now);
        if (n > 0) {
            log.warn("{} notification(s) were being sent when Portcullis stopped; they are marked unknown and not"
                    + " sent again (see 'portcullis incidents show')", n);
        }
        return n;
    }

    /** Sends every delivery due at {@code now}. */
    public synchronized DeliveryCounts tick(Instant now) {
        int sent = 0, retry = 0, unknown = 0, failed = 0;
        for (DeliveryRecord due : store.deliveriesDue(now, 500)) {
            DeliveryRecord claimed = due.with(State.SENDING, due.attempts() + 1, null, now, null, due.lastError());
            if (!store.moveDelivery(claimed, due.state())) {
                continue;   // another sender took it
            }
            DeliveryRecord done;
            try {
                deliver(claimed, now);
                done = claimed.with(State.SENT, claimed.attempts(), null, now, now, null);
                sent++;
            } catch (DeliveryFailure f) {
                if (f.handedOver()) {
                    done = claimed.with(State.UNKNOWN, claimed.attempts(), null, now, null, f.getMessage());
                    unknown++;
                } else if (claimed.attempts() >= config.maxAttempts()) {
                    done = claimed.with(State.FAILED, claimed.attempts(), null, now, null, f.getMessage());
                    failed++;
                } else {
                    done = claimed.with(State.RETRY, claimed.attempts(), now.plus(config.backoff(claimed.attempts())),
                            now, null, f.getMessage());
                    retry++;
                }
            } catch (Cancelled c) {
                done = claimed.with(State.FAILED, claimed.attempts(), null, now, null, "cancelled: " + c.getMessage());
                failed++;
            }
            store.moveDelivery(done, State.SENDING);
            store.audit(new AuditEntry(0, now, "notifier", "notify." + done.state().label(), done.key(),
                    JSON.createObjectNode().put("kind", done.kind()).put("to", done.recipient())
                            .put("attempt", done.attempts()).put("error", done.lastError()).toString()));
            if (done.state() == State.SENT) {
                listener.delivered(done, now);
            } else if (done.state() != State.RETRY) {
                log.warn("notification {} {}: {}", done.key(), done.state().label(), done.lastError());
            }
        }
        return new DeliveryCounts(sent, retry, unknown, failed);
    }

    private void deliver(DeliveryRecord d, Instant now) throws DeliveryFailure, Cancelled {
        Incident i = store.incident(d.incidentId()).orElseThrow(() -> new Cancelled("incident " + d.incidentId() + " is gone"));
        switch (d.kind()) {
            case OWNER -> {
                IncidentAccount a = account(i, d.account());
                requireOutbox().send(letters.owner(i, a, d, now));
            }
            case SECURITY -> requireOutbox().send(letters.security(i, d, now));
            case HOOK_HOLD -> {
                IncidentAccount a = account(i, d.account());
                ObjectNode o = JSON.createObjectNode().put("event", "account.compromised")
                        .put("action", "force_password_reset").put("incident", i.id()).put("account", a.account())
                        .put("compromised_at", a.compromisedAt() == null ? null : a.compromisedAt().toString())
                        .put("hold", incidents.hold().label()).put("time", now.toString());
                a.sources().forEach(o.putArray("sources")::add);
                requireWebhook().post(d.key(), o.toString(), now);
            }
            case HOOK_OPEN -> {
                ObjectNode o = JSON.createObjectNode().put("event", "incident.opened").put("incident", i.id())
                        .put("kind", i.kind()).put("opened", i.opened().toString()).put("deadline", i.deadline().toString())
                        .put("sources_count", i.sources().size()).put("time", now.toString());
                i.accountNames().forEach(o.putArray("accounts")::add);
                requireWebhook().post(d.key(), o.toString(), now);
            }
            default -> throw new Cancelled("unknown delivery kind '" + d.kind() + "'");
        }
    }

    private static IncidentAccount account(Incident i, String account) throws Cancelled {
        Optional<IncidentAccount> a = i.account(account);
        if (a.isEmpty()) throw new Cancelled(account + " is not in incident " + i.id());
        if (a.get().stage() == AccountStage.CLOSED) throw new Cancelled(account + " was closed before the message went out");
        return a.get();
    }

    private Outbox requireOutbox() throws Cancelled {
        if (outbox == null) throw new Cancelled("e-mail is not configured any more (notify.smtp.host / notify.dry_run)");
        return outbox;
    }

    private Webhook requireWebhook() throws Cancelled {
        if (webhook == null) throw new Cancelled("the webhook is not configured any more (notify.webhook.url)");
        return webhook;
    }

    /** A delivery that must not be attempted (nothing to send any more); never retried. */
    private static final class Cancelled extends Exception {
        Cancelled(String message) {
            super(message);
        }
    }

    /** The deliveries of an incident, for the API and CLI. */
    public List<DeliveryRecord> deliveries(String incidentId) {
        return new ArrayList<>(store.deliveries(incidentId));
    }
}
