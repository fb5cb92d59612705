package dev.portcullis.ingest;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lines of programs no parser reads are reported by program, apart from the lines of programs we read
 * that say nothing about logins; the table is bounded and the names cleaned (they are the log's text).
 */
class ProgramsNotReadTest {
    @Test
    void programsNotReadAreCountedByNameApartFromIgnoredLines() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            lines.add("Nov 25 10:00:0" + i + " fs1 smbd[812]: [2026/11/25 10:00:0" + i + "] ../source3/smbd/service.c:1050(make_connection_snum)");
        }
        for (int i = 0; i < 3; i++) {
            lines.add("Nov 25 10:01:0" + i + " fs1 sudo[90" + i + "]:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/id");
        }
        lines.add("Nov 25 10:02:00 fs1 klogind[4011]: Authentication failed from 192.0.2.8");
        // sshd is read: its non-login lines are ignored, not "not read"
        lines.add("Nov 25 10:03:00 fs1 sshd[77]: Connection closed by 192.0.2.9 port 50000 [preauth]");
        lines.add("Nov 25 10:03:01 fs1 sshd[77]: Server listening on 0.0.0.0 port 22.");
        Fixture f = Fixture.lines(lines.toArray(String[]::new));
        ParseStats s = f.stats();
        assertThat(s.lines()).isEqualTo(12);
        assertThat(s.notRead()).isEqualTo(10);
        assertThat(s.ignored()).isEqualTo(2);
        assertThat(s.unparsed()).isZero();
        ParseStats.NotRead n = s.programsNotRead();
        assertThat(n.top()).containsExactly(Map.entry("smbd", 6L), Map.entry("sudo", 3L), Map.entry("klogind", 1L));
        assertThat(n.others()).isZero();
    }

    @Test
    void onlyTheTopProgramsAreNamedTheRestAreSummed() {
        List<String> lines = new ArrayList<>();
        for (int p = 0; p < 14; p++) {
            for (int k = 0; k <= p; k++) {
                lines.add("Nov 25 10:00:00 h prog" + p + "[1]: something");
            }
        }
        ParseStats.NotRead n = Fixture.lines(lines.toArray(String[]::new)).stats().programsNotRead();
        assertThat(n.top()).hasSize(ParseStats.TOP_PROGRAMS);
        assertThat(n.top().get(0)).isEqualTo(Map.entry("prog13", 14L));
        assertThat(n.top().get(9)).isEqualTo(Map.entry("prog4", 5L));
        assertThat(n.others()).isEqualTo(1 + 2 + 3 + 4);
    }

    @Test
    void aFloodOfProgramNamesIsBoundedAndEveryLineStillCounted() {
        StringBuilder text = new StringBuilder();
        int flood = 20_000;
        for (int i = 0; i < flood; i++) {
            text.append("Nov 25 10:00:00 h x").append(i).append("[1]: junk\n");
        }
        ParseStats s = Fixture.text(text.toString()).stats();
        assertThat(s.notRead()).isEqualTo(flood);
        ParseStats.NotRead n = s.programsNotRead();
        assertThat(n.top()).hasSize(ParseStats.TOP_PROGRAMS);
        long named = n.top().stream().mapToLong(Map.Entry::getValue).sum();
        assertThat(named + n.others()).isEqualTo(flood);
    }

    @Test
    void programNamesAreCleanedAndCut() {
        String longName = "a".repeat(5000);
        Fixture f = Fixture.lines(
                "Nov 25 10:00:00 h " + longName + "[1]: x",
                "Nov 25 10:00:01 h ev\u0007il\u001b[31m[1]: x",
                "Nov 25 10:00:02 h caf\u00e9\u202e[1]: x");
        ParseStats.NotRead n = f.stats().programsNotRead();
        assertThat(n.top()).extracting(Map.Entry::getKey).allSatisfy(name -> {
            assertThat(name.length()).isLessThanOrEqualTo(ParseStats.PROGRAM_CHARS + 3);
            assertThat(name.chars()).allMatch(c -> c > ' ' && c < 0x7f);
        });
        assertThat(n.top()).extracting(Map.Entry::getKey)
                .contains("a".repeat(ParseStats.PROGRAM_CHARS) + "...", "caf??");
    }
}
