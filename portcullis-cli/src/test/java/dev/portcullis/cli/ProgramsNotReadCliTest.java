package dev.portcullis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The summary names the programs it does not read, apart from the lines it reads and ignores. */
class ProgramsNotReadCliTest {
    private static final String LOG = String.join("\n",
            "Nov 25 10:00:00 fs1 smbd[812]: [2026/11/25 10:00:00] ../source3/smbd/service.c:1050(make_connection_snum)",
            "Nov 25 10:00:01 fs1 smbd[812]: [2026/11/25 10:00:01] ../source3/smbd/service.c:1050(make_connection_snum)",
            "Nov 25 10:01:00 fs1 sudo[901]:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/id",
            "Nov 25 10:03:00 fs1 sshd[77]: Connection closed by 192.0.2.9 port 50000 [preauth]",
            "Nov 25 10:03:05 fs1 sshd[78]: Failed password for root from 192.0.2.9 port 50001 ssh2",
            "Nov 25 10:03:06 fs1 evil\u001b]0;x\u0007[1]: x",
            "");

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int code = Portcullis.run(args, out, new ByteArrayInputStream(LOG.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void textSaysWhichProgramsWereNotRead() {
        String report = run("analyze", "--year", "2026", "-");
        assertThat(report).contains("Read 6 lines: 1 events, 1 ignored (not about logins), 4 of programs not read, 0 unparsed")
                .contains("Lines of programs not read: smbd 2, evil?]0;x? 1, sudo 1")
                .doesNotContain("\u001b").doesNotContain("\u0007");
    }

    @Test
    void jsonAddsTheCountAndTheProgramsKeepingTheOtherFields() throws Exception {
        JsonNode s = new ObjectMapper().readTree(run("analyze", "--format", "json", "--year", "2026", "-")).get("summary");
        assertThat(s.get("lines").asLong()).isEqualTo(6);
        assertThat(s.get("ignored_lines").asLong()).isEqualTo(1);
        assertThat(s.get("unparsed_lines").asLong()).isZero();
        assertThat(s.get("not_read_lines").asLong()).isEqualTo(4);
        assertThat(s.get("programs_not_read").get("smbd").asLong()).isEqualTo(2);
        assertThat(s.get("programs_not_read").get("sudo").asLong()).isEqualTo(1);
        assertThat(s.get("programs_not_read").size()).isEqualTo(3);
        assertThat(s.get("programs_not_read_others").asLong()).isZero();
    }
}
