package dev.portcullis.cli;

import dev.portcullis.core.engine.AccountVerdict;
import dev.portcullis.core.engine.Detection;
import dev.portcullis.core.engine.Findings;
import dev.portcullis.core.incident.IncidentPolicy;
import dev.portcullis.respond.Responder;
import dev.portcullis.respond.notify.Notifier;
import dev.portcullis.store.Store;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code analyze --record}: an offline analysis opens incidents in the store, as the gate does live.
 * Campaign keys are the gate's ({@link Detection#campaignKey}), so recording the same logs twice, or
 * logs the gate already judged, changes nothing. Holds and blocks are stored; a gate restores them
 * when it starts (a running gate sees them after its restart: there is no channel to it from here).
 * Notifications are queued and sent only with {@code --notify}; without it nothing is queued, and a
 * gate started later with a {@code notify:} section tells the owners of open incidents' accounts
 * still at "detected" (see docs/incidents.md).
 */
final class IncidentRecording {
    private IncidentRecording() {}

    /** What was recorded, for the message on standard error. */
    record Result(int opened, int updated, int accounts, Notifier.DeliveryCounts sent) {}

    static Result record(Findings findings, ConfigFile.Settings settings, Store store, boolean notify, Instant now) {
        Map<String, AccountVerdict> verdicts = new HashMap<>();
        for (AccountVerdict v : findings.accounts()) {
            verdicts.put(v.account(), v);
        }
        Notifier notifier = notify ? Notifier.create(store, settings.notifications(), settings.incidents()) : null;
        Responder responder = new Responder(store, settings.incidents(), notifier, Responder.Enforcer.NONE);
        int opened = 0, updated = 0, accounts = 0;
        for (Detection d : findings.attacks()) {
            IncidentPolicy.Outcome o = responder.detection(d.campaignKey(), d, verdicts::get, "cli", now);
            if (o.changed()) {
                if (o.opened()) opened++; else updated++;
                accounts += o.newAccounts().size();
            }
        }
        Notifier.DeliveryCounts sent = null;
        if (notifier != null) {
            responder.resume(now);
            sent = notifier.tick(now);
        }
        return new Result(opened, updated, accounts, sent);
    }

    static void report(Result r, Store store, PrintWriter err) {
        err.printf("portcullis: recorded in %s: %d incident(s) opened, %d updated, %d compromised account(s) added%n",
                store.describe(), r.opened(), r.updated(), r.accounts());
        if (r.sent() != null) {
            err.printf("portcullis: notifications: %d sent, %d to retry, %d unknown, %d failed%s%n", r.sent().sent(),
                    r.sent().retry(), r.sent().unknown(), r.sent().failed(),
                    r.sent().retry() > 0 ? " (retries are sent by 'portcullis serve' or the next 'analyze --record --notify')" : "");
        }
        err.flush();
    }
}
