package dev.portcullis.store;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One message to send about an incident (an e-mail, a webhook call), and how far it got. The key is
 * (incident, account, kind): the store holds at most one delivery per key, so one event is never
 * sent twice. {@code account} is "" for a delivery about the whole incident.
 *
 * @param attempts    attempts started so far
 * @param nextAttempt when a PENDING or RETRY delivery is due (null otherwise)
 * @param sent        when it was accepted by the receiving server (null until SENT)
 * @param lastError   the last failure, in words, never carrying a secret
 */
public record DeliveryRecord(String incidentId, String account, String kind, String recipient, State state,
                             int attempts, Instant nextAttempt, Instant created, Instant updated, Instant sent,
                             String lastError) {

    /**
     * PENDING: queued, never tried. SENDING: an attempt is in flight (claimed). SENT: accepted.
     * RETRY: an attempt failed before anything was handed over; due again at {@code nextAttempt}.
     * UNKNOWN: an attempt was interrupted (a crash, a timeout after the message was handed over): it may
     * have arrived, so it is not sent again (at most once); an operator can see it. FAILED: gave up.
     */
    public enum State {
        PENDING, SENDING, SENT, RETRY, UNKNOWN, FAILED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public DeliveryRecord {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
    }

    /** A new delivery, due at {@code now}. */
    public static DeliveryRecord pending(String incidentId, String account, String kind, String recipient, Instant now) {
        return new DeliveryRecord(incidentId, account, kind, recipient, State.PENDING, 0, now, now, now, null, null);
    }

    public String key() {
        return incidentId + "/" + (account.isEmpty() ? "*" : account) + "/" + kind;
    }

    public DeliveryRecord with(State s, int attemptsSoFar, Instant next, Instant now, Instant sentAt, String error) {
        return new DeliveryRecord(incidentId, account, kind, recipient, s, attemptsSoFar, next, created, now, sentAt, error);
    }
}
