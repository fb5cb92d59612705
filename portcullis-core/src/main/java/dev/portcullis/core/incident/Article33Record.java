package dev.portcullis.core.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What GDPR Article 33(3) asks a notification to the supervisory authority to describe, prepared
 * from an incident: a draft for the data protection officer, who completes and sends it.
 *
 * <ul>
 *   <li>(a) the nature of the breach, the categories and approximate number of data subjects and of
 *       personal data records concerned;</li>
 *   <li>(b) the name and contact details of the DPO or other contact point;</li>
 *   <li>(c) the likely consequences;</li>
 *   <li>(d) the measures taken or proposed, including to mitigate adverse effects.</li>
 * </ul>
 * Article 33(1): within 72 hours of becoming aware, else with the reasons for the delay
 * ({@code delayReason} is then a reminder to give them). Article 33(4) allows the information in phases:
 * the approximate number of records stays "unknown" until the investigation of the mailboxes.
 */
public record Article33Record(String incidentId, Instant prepared, Instant becameAware, boolean awarenessProvisional,
                              Instant deadline, boolean overdue, String natureOfBreach,
                              List<String> dataSubjectCategories, int approxDataSubjects,
                              List<String> recordCategories, String approxRecords, String dpoContact,
                              String likelyConsequences, List<String> measuresTaken, List<String> measuresProposed,
                              String delayReason) {

    public Article33Record {
        dataSubjectCategories = List.copyOf(dataSubjectCategories);
        recordCategories = List.copyOf(recordCategories);
        measuresTaken = List.copyOf(measuresTaken);
        measuresProposed = List.copyOf(measuresProposed);
    }

    /** The record for an incident as it stands at {@code now}. */
    public static Article33Record of(Incident i, IncidentConfig config, Instant now) {
        int accounts = i.accounts().size();
        long notified = count(i, AccountStage.NOTIFIED);
        long reset = count(i, AccountStage.RESET_CONFIRMED);
        long closed = count(i, AccountStage.CLOSED);
        String nature = "Confidentiality breach: unauthorised access to " + accounts + " e-mail account"
                + (accounts == 1 ? "" : "s") + " after a " + i.kind().replace('_', ' ') + " attack on passwords"
                + " from " + i.sources().size() + " address" + (i.sources().size() == 1 ? "" : "es")
                + ". The attacker logged in with the account owners' passwords and could read, copy, send,"
                + " forward or delete their mail.";
        List<String> taken = new ArrayList<>();
        taken.add("attacker addresses blocked at the login gate (" + i.sources().size() + ")");
        if (config.hold() != IncidentConfig.Hold.NONE) {
            taken.add("compromised accounts held (logins refused " + (config.hold() == IncidentConfig.Hold.ALL
                    ? "from outside the internal networks" : "from unfamiliar addresses") + ") until the password is reset");
        }
        if (notified + reset + closed > 0) {
            taken.add("account owners told what happened and what to do (" + (notified + reset + closed) + " of " + accounts + ")");
        }
        if (reset + closed > 0) {
            taken.add("passwords reset (" + (reset + closed) + " of " + accounts + ")");
        }
        List<String> proposed = new ArrayList<>();
        if (reset + closed < accounts) {
            proposed.add("confirm the password reset of the remaining " + (accounts - reset - closed) + " account(s)");
        }
        proposed.add("check each account for forwarding rules, filters and app passwords the attacker may have added");
        proposed.add("investigate what the attacker's sessions read, downloaded, moved, deleted or forwarded");
        proposed.add("enforce multi-factor authentication for remote access to mail");
        boolean overdue = now.isAfter(i.deadline());
        return new Article33Record(i.id(), now, i.becameAware() != null ? i.becameAware() : i.opened(),
                i.deadlineProvisional(), i.deadline(), overdue, nature,
                List.of("employees and other mailbox owners", "their correspondents (people whose messages are in the mailboxes)"),
                accounts, config.dataCategories(),
                "unknown pending investigation: up to the full content of " + accounts + " mailbox"
                        + (accounts == 1 ? "" : "es"),
                config.dpoContact().isEmpty() ? "(set incidents.dpo_contact in the config)" : config.dpoContact(),
                "Disclosure of the content of the mailboxes and of correspondents' personal data; phishing"
                        + " or fraud sent from the compromised accounts; reuse of the passwords on other services.",
                taken, proposed,
                overdue ? "the 72-hour deadline has passed: state the reasons for the delay (Article 33(1))" : "");
    }

    private static long count(Incident i, AccountStage s) {
        return i.accounts().stream().filter(a -> a.stage() == s).count();
    }
}
