package dev.portcullis.ingest.format;

import dev.portcullis.core.Activity;
import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.EventKind;
import dev.portcullis.ingest.Fixture;
import dev.portcullis.ingest.microsoft.M365MailboxRecords;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The M365 records an investigation reads, from the synthetic fixture {@code fixtures/m365/mailbox-audit.jsonl}. */
class M365MailboxRecordsTest {
    private static final Path FIXTURE = Path.of("src", "test", "resources", "fixtures", "m365", "mailbox-audit.jsonl");

    private final Fixture f = Fixture.file(FIXTURE);

    private List<AuthEvent> action(String action) {
        return f.events.stream().filter(e -> action.equals(e.activity().action())).toList();
    }

    @Test
    void everyRecordIsReadOrIgnoredNoneUnparsed() {
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.stats().ignored()).as("delete-only rule, cleared forwarding, the repeated record").isEqualTo(3);
        assertThat(f.events).allSatisfy(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.MAILBOX);
            assertThat(e.service()).isEqualTo("exchange");
            assertThat(e.format()).isEqualTo("m365");
            assertThat(e.attempts()).isZero();
        });
    }

    @Test
    void bindListsTheMessagesOfEachFolderWithTheirSizes() {
        List<AuthEvent> bind = action(Activity.MAIL_BIND).stream().filter(e -> !e.activity().throttled()).toList();
        assertThat(bind).extracting(e -> e.activity().mailbox()).containsExactly("\\Inbox", "\\Sent Items");
        assertThat(bind).extracting(e -> e.activity().messages()).containsExactly(3L, 1L);
        assertThat(bind).extracting(e -> e.activity().messageBytes()).containsExactly(50_000L, 5_000L);
        AuthEvent first = bind.get(0);
        assertThat(first.account()).isEqualTo("ann@example.org");
        assertThat(first.source()).isEqualTo("203.0.113.50");
        assertThat(first.session()).isEqualTo("5b7d2c1e-1111-4000-8000-00000000aa01");
        assertThat(first.time()).isEqualTo(Instant.parse("2026-11-20T10:05:00Z"));
        assertThat(first.line()).isEqualTo(1);
    }

    @Test
    void syncCountsTheWholeFolderAsRead() {
        assertThat(action(Activity.MAIL_SYNC)).singleElement().satisfies(e -> {
            assertThat(e.activity().mailbox()).isEqualTo("\\Inbox");
            assertThat(e.activity().messages()).isEqualTo(-1);
            assertThat(e.activity().throttled()).isFalse();
        });
    }

    @Test
    void aThrottledRecordIsFlaggedEvenWithoutFolders() {
        assertThat(action(Activity.MAIL_BIND)).filteredOn(e -> e.activity().throttled()).singleElement()
                .satisfies(e -> assertThat(e.activity().mailbox()).isNull());
    }

    @Test
    void forwardingFromInboxRulesMailboxSettingsAndOutlookRules() {
        List<AuthEvent> fwd = action(Activity.FORWARD);
        assertThat(fwd).extracting(e -> e.activity().target()).containsExactly("drop@evil.example",
                "second@evil.example", "redir@evil.example", "fwd@evil.example", "outlook-rule@evil.example");
        assertThat(fwd.get(0).activity().detail()).isEqualTo("New-InboxRule ForwardTo, rule 'Sync'");
        assertThat(fwd.get(0).source()).isEqualTo("203.0.113.50");
        assertThat(fwd.get(2).activity().detail()).startsWith("Set-InboxRule RedirectTo");
        assertThat(fwd.get(3).activity().detail()).isEqualTo("Set-Mailbox ForwardingSmtpAddress (no copy kept in the mailbox)");
        assertThat(fwd.get(3).account()).as("the mailbox named by Identity, not the administrator").isEqualTo("ann@example.org");
        assertThat(fwd.get(3).source()).isEqualTo("198.51.100.20");
        assertThat(fwd.get(4).activity().detail()).isEqualTo("UpdateInboxRules (Outlook rule 'rss')");
    }

    @Test
    void addressesAreFoundByTheirShape() {
        assertThat(M365MailboxRecords.addresses("smtp:A@Evil.Example")).containsExactly("a@evil.example");
        assertThat(M365MailboxRecords.addresses("\"x\" [SMTP:b@y.org], c@z.org.")).containsExactly("b@y.org", "c@z.org");
        assertThat(M365MailboxRecords.addresses("no address @ here")).isEmpty();
        assertThat(M365MailboxRecords.addresses(null)).isEmpty();
    }

    @Test
    void anExportEnvelopeAroundTheRecordIsReadAsTheRecord() {
        Fixture g = Fixture.text("[{\"RecordType\":\"ExchangeAdmin\",\"CreationDate\":\"/Date(1728364117000)/\",\"Operations\":\"New-InboxRule\","
                + "\"AuditData\":{\"CreationTime\":\"2024-10-08T05:08:37\",\"Id\":\"e1\",\"Operation\":\"New-InboxRule\",\"RecordType\":1,"
                + "\"Workload\":\"Exchange\",\"ClientIP\":\"203.0.113.7:28491\",\"UserId\":\"adam@example.org\","
                + "\"Parameters\":[{\"Name\":\"ForwardTo\",\"Value\":\"alpha@example.net\"},{\"Name\":\"Name\",\"Value\":\"F\"}]}}]");
        assertThat(g.events).singleElement().satisfies(e -> {
            assertThat(e.account()).isEqualTo("adam@example.org");
            assertThat(e.activity().target()).isEqualTo("alpha@example.net");
        });
    }
}
