package dev.portcullis.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A line with a forged sshd address anchor is shown as suspect by `parse`, `analyze` and the JSON summary. */
class SuspectLinesCliTest {
    private static final String FORGED = "Jul  5 17:49:11 myhost sshd[4404]: Failed password for invalid user test "
            + "from 127.0.0.1 port 58946 ssh2: from 10.10.1.2 port 55555 ssh2\n";

    @TempDir
    Path dir;

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int code = Portcullis.run(args, out, new ByteArrayInputStream(new byte[0]), new PrintWriter(err, true));
        return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString()};
    }

    @Test
    void suspectLinesAreCountedInEverySummary() throws IOException {
        Path log = dir.resolve("auth.log");
        Files.writeString(log, FORGED);
        String[] parse = run("parse", log.toString());
        assertThat(parse[0]).isEqualTo("0");
        assertThat(parse[1]).doesNotContain("10.10.1.2").doesNotContain("127.0.0.1");
        assertThat(parse[2]).contains("1 suspect line (").contains("auth.log:1");
        String[] text = run("analyze", log.toString());
        assertThat(text[1]).contains("Suspect lines: 1");
        String[] json = run("analyze", "--format", "json", log.toString());
        assertThat(new ObjectMapper().readTree(json[1]).get("summary").get("suspect_lines").asInt()).isEqualTo(1);
    }
}
