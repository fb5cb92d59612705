package dev.portcullis.ingest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Any bytes are counted, sampled and survived; nothing escapes the reader. */
class IngestBadInputTest {
    private static final String GOOD = "Nov 20 10:00:00 mx1 dovecot: auth: passwd-file(bob,10.0.0.1,<a>): Password mismatch";

    @Test
    void binaryGarbageIsCountedUnparsedWithSamples() {
        byte[] junk = new byte[200_000];
        new Random(1).nextBytes(junk);
        Fixture f = Fixture.bytes(junk);
        assertThat(f.events).isEmpty();
        assertThat(f.stats().unparsed()).isEqualTo(f.stats().lines() - f.stats().ignored());
        assertThat(f.stats().samples()).isNotEmpty().allSatisfy(s -> {
            assertThat(s.file()).isEqualTo("test.log");
            assertThat(s.line()).isPositive();
            assertThat(s.text()).doesNotContainPattern("[\\x00-\\x08\\x0b-\\x1f]");
        });
    }

    @Test
    void invalidUtf8NulAndHugeLinesAroundGoodOnes() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes((GOOD + "\n").getBytes(StandardCharsets.UTF_8));
        b.writeBytes(new byte[] {(byte) 0xc3, (byte) 0x28, 0, 0, '\n'});
        b.writeBytes("x".repeat(1 << 20).getBytes(StandardCharsets.UTF_8));
        b.writeBytes(("\n" + GOOD + "\n").getBytes(StandardCharsets.UTF_8));
        b.writeBytes("{\"__REALTIME_TIMESTAMP\":\"17000".getBytes(StandardCharsets.UTF_8)); // truncated JSON, no newline
        Fixture f = Fixture.bytes(b.toByteArray());
        assertThat(f.events).hasSize(2);
        assertThat(f.events.get(1).line()).isEqualTo(4);
        assertThat(f.stats().lines()).isEqualTo(5);
        assertThat(f.stats().unparsed()).isEqualTo(3);
        assertThat(f.stats().truncatedLines()).isEqualTo(1);
        assertThat(f.stats().samples()).extracting(ParseStats.Sample::line).containsExactly(2L, 3L, 5L);
    }

    @Test
    void gzipIsReadByContentAndConcatenatedMembersToo() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int i = 0; i < 2; i++) {
            try (GZIPOutputStream gz = new GZIPOutputStream(b)) {
                gz.write((GOOD + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(Fixture.bytes(b.toByteArray()).events).hasSize(2);
    }

    @Test
    void aCutOffGzipKeepsWhatWasReadAndSaysWhere() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(b)) {
            for (int i = 0; i < 5000; i++) {
                gz.write((GOOD + " " + i + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] all = b.toByteArray();
        byte[] cut = java.util.Arrays.copyOf(all, all.length / 2);
        Fixture f = Fixture.bytes(cut);
        assertThat(f.events).isNotEmpty().hasSizeLessThan(5000);
        assertThat(f.stats().samples()).last().satisfies(s -> assertThat(s.text()).contains("damaged compressed input"));
    }

    @Test
    void utf16WithAByteOrderMarkIsReadLikeUtf8() throws IOException {
        for (java.nio.charset.Charset cs : new java.nio.charset.Charset[] {StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE}) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            byte[] bom = cs == StandardCharsets.UTF_16LE ? new byte[] {(byte) 0xff, (byte) 0xfe} : new byte[] {(byte) 0xfe, (byte) 0xff};
            b.write(bom);
            b.write((GOOD + "\r\n" + GOOD.replace("bob", "zoë") + "\r\n").getBytes(cs));
            Fixture f = Fixture.bytes(b.toByteArray());
            assertThat(f.events).hasSize(2);
            assertThat(f.events.get(1).account()).isEqualTo("zoë");
            ByteArrayOutputStream z = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(z)) {
                gz.write(b.toByteArray());
            }
            assertThat(Fixture.bytes(z.toByteArray()).events).hasSize(2);
        }
    }

    @Test
    void aRecordTheInputEndsInsideOfIsReported() {
        Fixture f = Fixture.text("<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System>\n<EventID>4625</EventID>\n");
        assertThat(f.events).isEmpty();
        assertThat(f.stats().samples()).last().satisfies(s -> assertThat(s.text()).contains("unfinished", "at the end of test.log"));
    }

    @Test
    void gzipMagicWithGarbageIsReportedNotThrown() {
        Fixture f = Fixture.bytes(new byte[] {0x1f, (byte) 0x8b, 1, 2, 3});
        assertThat(f.stats().unparsed()).isEqualTo(1);
    }

    @Test
    void secretsInUnparsedLinesAreRedactedInSamples() {
        Fixture f = Fixture.lines("garbage AUTH PLAIN AGFsaWNlAHNlY3JldA== (given password: hunter2) password=swordfish");
        assertThat(f.stats().samples()).singleElement().satisfies(s -> assertThat(s.text())
                .doesNotContain("AGFsaWNlAHNlY3JldA==", "hunter2", "swordfish").contains(Redactor.MARK));
    }

    @Test
    void jsonArrayDocumentOfJournaldRecords() {
        Fixture f = Fixture.text("[\n {\"__REALTIME_TIMESTAMP\":\"1763589089429900\",\"_HOSTNAME\":\"mx1\",\"SYSLOG_IDENTIFIER\":\"dovecot\","
                + "\"MESSAGE\":\"imap-login: Login: user=<a@b.c>, method=PLAIN, rip=1.2.3.4, lip=5.6.7.8, mpid=1, TLS, session=<s>\"},\n"
                + " {\"broken\": [1,2\n]");
        assertThat(f.events).hasSize(1);
        assertThat(f.stats().unparsed()).isEqualTo(1);
    }
}
