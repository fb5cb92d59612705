package dev.portcullis.ingest.format;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import dev.portcullis.ingest.InputContext;
import dev.portcullis.ingest.microsoft.ExchangeWeb;
import dev.portcullis.ingest.microsoft.WebRequest;
import dev.portcullis.ingest.microsoft.WindowsCodes;
import dev.portcullis.ingest.text.Endpoint;
import dev.portcullis.ingest.text.Xml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The pieces the Microsoft parsers share: code tables, the XML scan, addresses, the web request tables. */
class MicrosoftPartsTest {

    @ParameterizedTest
    @CsvSource({
        "0xC000006D, 0xC000006A, BAD_PASSWORD",
        "0xc000006d, 0xc0000064, UNKNOWN_ACCOUNT",
        "0xC0000234, 0x0, LOCKED",
        "0xC000006D, 0xC0000072, DISABLED",
        "0xC000006D, 0xC0000071, EXPIRED",
        "0xC000006D, 0xC0000193, EXPIRED",
        "0xC000006D, 0xC0000224, EXPIRED",
        "0xC000006D, 0xC000006F, POLICY",
        "0xC000006D, 0xC0000070, POLICY",
        "0xC000015B, 0x0, POLICY",
        "0xC000006D, 0xC0000413, POLICY",
        "0xC000006D, 0x0, BAD_PASSWORD",
        "0xC0000133, 0x0, ABORTED",
        "0xC0000999, 0x0, UNSPECIFIED",
        "-, -, UNSPECIFIED",
    })
    void logonFailureReasons(String status, String sub, Reason expected) {
        assertThat(WindowsCodes.logonFailure(WindowsCodes.code(status), WindowsCodes.code(sub))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0x18, BAD_PASSWORD", "0x6, UNKNOWN_ACCOUNT", "0x12, LOCKED", "0x17, EXPIRED", "0x25, ABORTED",
        "0xC, POLICY", "0x44, UNSPECIFIED", "24, BAD_PASSWORD"})
    void kerberosReasons(String code, Reason expected) {
        assertThat(WindowsCodes.kerberos(WindowsCodes.code(code))).isEqualTo(expected);
    }

    @Test
    void codesParseHexDecimalAndNothingElse() {
        assertThat(WindowsCodes.code("0xC000006A")).isEqualTo(0xC000006AL);
        assertThat(WindowsCodes.code("C000006A")).isEqualTo(0xC000006AL);
        assertThat(WindowsCodes.code(" 10 ")).isEqualTo(10);
        assertThat(WindowsCodes.code("%%2313")).isEqualTo(-1);
        assertThat(WindowsCodes.code("0x")).isEqualTo(-1);
        assertThat(WindowsCodes.code("0x1FFFFFFFFFFFFFFFF")).isEqualTo(-1);
        assertThat(WindowsCodes.ntStatus(0x1C000006AL)).isNull(); // not truncated into a known code
    }

    @Test
    void xmlScanTellsEventFromEventDataAndReadsBothQuoteStyles() {
        String s = "<EventData><Data Name='A'>1</Data><Data Name=\"B\" /><Data>unnamed</Data><Data Name=\"C\">x &amp; y</Data></EventData>";
        assertThat(Xml.tag(s, "<Event", 0, s.length())).isEqualTo(-1);
        Map<String, String> out = new HashMap<>();
        Xml.data(s, 0, s.length(), out, 10);
        // an unnamed Data is put as paramN, N its position (winlogbeat's name for SQL Server's insertion strings)
        assertThat(out).containsOnly(Map.entry("A", "1"), Map.entry("B", ""), Map.entry("param3", "unnamed"),
                Map.entry("C", "x & y"));
        Map<String, String> bounded = new HashMap<>();
        Xml.data(s, 0, s.length(), bounded, 1);
        assertThat(bounded).hasSize(1);
    }

    @Test
    void xmlDecodingKeepsWhatItDoesNotKnow() {
        assertThat(Xml.decode("a&bogus;b&#0;c&#xD800;d&;e&", 0, 27)).isEqualTo("a&bogus;b&#0;c&#xD800;d&;e&");
        assertThat(Xml.decode("&#x1F600;", 0, 9)).isEqualTo("\uD83D\uDE00");
    }

    @Test
    void endpoints() {
        assertThat(Endpoint.address("192.168.9.212:35070")).isEqualTo("192.168.9.212");
        assertThat(Endpoint.address("[2001:DB8::1]:993")).isEqualTo("2001:db8::1");
        assertThat(Endpoint.address("2001:db8::1")).isEqualTo("2001:db8::1");
        assertThat(Endpoint.address("[::ffff:10.1.2.3]:25")).isEqualTo("10.1.2.3");
        assertThat(Endpoint.address("host:25")).isNull();
        assertThat(Endpoint.firstForwarded("203.0.113.9,+10.0.0.2")).isEqualTo("203.0.113.9");
        assertThat(Endpoint.firstForwarded("203.0.113.9:4711, 10.0.0.2")).isEqualTo("203.0.113.9");
        assertThat(Endpoint.firstForwarded("unknown")).isNull();
    }

    @Test
    void queryParameters() {
        assertThat(ExchangeWeb.parameter("Cmd=Sync&User=a%40b.org&DeviceId=X", "user")).isEqualTo("a@b.org");
        assertThat(ExchangeWeb.parameter("xUser=no&User=yes", "User")).isEqualTo("yes");
        assertThat(ExchangeWeb.parameter("User=%00%zz", "User")).isEqualTo("%00%zz");
        assertThat(ExchangeWeb.parameter("User", "User")).isNull();
    }

    @Test
    void webTablesStayBoundedUnderAFloodOfSources() {
        ExchangeWeb web = new ExchangeWeb();
        InputContext ctx = InputContext.of("flood.log");
        List<AuthEvent> events = new ArrayList<>();
        WebRequest r = new WebRequest();
        int n = ExchangeWeb.CAPACITY + 10_000;
        for (int i = 0; i < n; i++) {
            r.clear();
            r.time = Instant.parse("2026-03-06T07:00:00Z").plusSeconds(i);
            r.stem = i % 2 == 0 ? "/EWS/Exchange.asmx" : "/owa/auth.owa";
            r.method = "POST";
            r.status = i % 2 == 0 ? 200 : 302;
            r.user = i % 2 == 0 ? "user" + i : null;
            r.clientIp = "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
            web.emit(r, ctx, events::add);
        }
        assertThat(events).hasSize(n);
        assertThat(web.remembered()).isLessThanOrEqualTo(2 * ExchangeWeb.CAPACITY);
    }
}
