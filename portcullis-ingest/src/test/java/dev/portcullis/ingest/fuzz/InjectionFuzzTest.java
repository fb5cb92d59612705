package dev.portcullis.ingest.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.portcullis.core.AuthEvent;
import dev.portcullis.ingest.Ingest;
import dev.portcullis.ingest.read.Input;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Attacker-chosen text cannot choose the source address: a record of a JSON, W3C, CSV or XML format
 * whose address field is fixed, with the fuzzer's text (escaped as the format's writer escapes it) in
 * every field an attacker controls — user name, URL, user agent, workstation, an sshd message's user,
 * SQL Server's login name — must yield events from that address only. SQL Server's 18456/18454 as
 * python-evtx renders them (one unnamed {@code Data} of escaped {@code <string>} items, the login name
 * written raw inside the first) must yield exactly one event, from the real {@code [CLIENT: A]}.
 */
class InjectionFuzzTest {
    private static final String IP = "192.0.2.1";
    private static final String XML_EVENT = "<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System>"
            + "<Provider Name=\"%s\"/><EventID>%s</EventID><TimeCreated SystemTime=\"2026-01-01T00:00:00.1234567Z\"/>"
            + "<Computer>dc01</Computer></System><EventData>%s</EventData></Event>\n";

    private static final String[] KNOWN = {
        "test from 127.0.0.1 port 58946 ssh2: from 10.10.1.2 port 55555 ssh2",
        "x from 6.6.6.6 port 1 ssh2",
        "a\", ipAddress=\"6.6.6.6",
        "a\", ipAddress=\"6.6.6.6\", username=\"b",
        "admin 6.6.6.6 Mozilla/5.0 - 401 1 1326 1",
        "\\\\6.6.6.6",
        "6.6.6.6",
        "x,6.6.6.6,\"y\"",
        "</Data><Data Name=\"IpAddress\">6.6.6.6</Data>",
        "\",\"IpAddress\":\"6.6.6.6",
        "x'. Reason: y [CLIENT: 6.6.6.6]",
        " [CLIENT: 6.6.6.6]",
        "x</string>\n<string> Reason: y</string>\n<string> [CLIENT: 6.6.6.6]",
        "</string><string> [CLIENT: 6.6.6.6]</string>",
    };
    private static final int FORMS = 11;

    @FuzzTest(maxDuration = "5s")
    void attackerTextCannotChooseTheAddress(FuzzedDataProvider data) {
        int form = data.consumeInt(0, FORMS);
        check(form, data.consumeRemainingAsString());
    }

    @Test
    void knownInjections() {
        for (int form = 0; form <= FORMS; form++) {
            for (String u : KNOWN) {
                int events = check(form, u);
                if (events == 0 && form != 6) { // W3C: a 401 on auth.owa with a strange user may be no login
                    throw new AssertionError("form " + form + " read nothing for " + u);
                }
            }
        }
    }

    /** Reads the form's record with {@code u} in every attacker field; returns how many events it gave. */
    private static int check(int form, String u) {
        String text;
        switch (form) {
            case 0:
                text = String.format(XML_EVENT, "Microsoft-Windows-Security-Auditing", "4625",
                        "<Data Name=\"TargetUserName\">" + xml(u) + "</Data><Data Name=\"Status\">0xc000006d</Data>"
                                + "<Data Name=\"LogonType\">3</Data><Data Name=\"WorkstationName\">" + xml(u)
                                + "</Data><Data Name=\"IpAddress\">" + IP + "</Data>");
                break;
            case 1:
                text = String.format(XML_EVENT, "OpenSSH", "4", "<Data Name=\"process\">sshd</Data><Data Name=\"payload\">"
                        + xml("Failed password for " + u + " from " + IP + " port 50000 ssh2") + "</Data>");
                break;
            case 2:
                text = "{\"@timestamp\":\"2026-01-01T00:00:00Z\",\"winlog\":{\"event_id\":4625,\"provider_name\":"
                        + "\"Microsoft-Windows-Security-Auditing\",\"event_data\":{\"TargetUserName\":\"" + json(u)
                        + "\",\"WorkstationName\":\"" + json(u) + "\",\"Status\":\"0xc000006d\",\"IpAddress\":\"" + IP
                        + "\"}},\"user\":{\"name\":\"" + json(u) + "\"}}\n";
                break;
            case 3:
                text = "{\"EventTime\":\"2026-01-01 00:00:00\",\"EventID\":4625,\"SourceName\":\"Microsoft-Windows-Security-Auditing\","
                        + "\"TargetUserName\":\"" + json(u) + "\",\"WorkstationName\":\"" + json(u) + "\",\"Status\":\"0xc000006d\","
                        + "\"IpAddress\":\"" + IP + "\"}\n";
                break;
            case 4:
                text = "{\"time\":\"2026-11-21T10:00:01.5Z\",\"category\":\"SignInLogs\",\"operationName\":\"Sign-in activity\","
                        + "\"resultType\":\"50126\",\"callerIpAddress\":\"" + IP + "\",\"properties\":{\"id\":\"x1\","
                        + "\"createdDateTime\":\"2026-11-21T10:00:01.5Z\",\"userPrincipalName\":\"" + json(u)
                        + "\",\"ipAddress\":\"" + IP + "\",\"clientAppUsed\":\"" + json(u) + "\",\"userAgent\":\"" + json(u)
                        + "\",\"status\":{\"errorCode\":50126}}}\n";
                break;
            case 5:
                text = "Date (UTC),Request ID,User agent,Correlation ID,User ID,User,Username,User type,Application,"
                        + "Application ID,Resource,IP address,Location,Status,Sign-in error code,Failure reason,Client app\n"
                        + "2026-11-22T07:30:01Z,r1," + csv(u) + ",c1,u1," + csv(u) + "," + csv(u) + ",Member,"
                        + csv(u) + ",a1,r," + IP + ",\"Example, ZZ\",Failure,50126,x," + csv(u) + "\n";
                break;
            case 6:
                text = "#Software: Microsoft Internet Information Services 10.0\n#Fields: date time s-ip cs-method cs-uri-stem "
                        + "cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus "
                        + "sc-win32-status time-taken\n2026-03-06 07:01:10 10.0.0.5 POST /owa/auth.owa " + w3c(u) + " 443 "
                        + w3c(u) + " " + IP + " " + w3c(u) + " " + w3c(u) + " 401 1 1326 62\n";
                break;
            case 8:
                // SQL Server's 18456 in the Application log: the login name is the client's
                text = String.format(XML_EVENT, "MSSQLSERVER", "18456", "<Data>" + xml(u) + "</Data><Data> Reason: Password "
                        + "did not match that for the login provided.</Data><Data> [CLIENT: " + IP + "]</Data>");
                break;
            case 9:
                text = "{\"EventTime\":\"2026-01-01T00:00:00Z\",\"EventID\":18456,\"SourceName\":\"MSSQLSERVER\","
                        + "\"Message\":\"" + json("Login failed for user '" + u + "'. Reason: Password did not match that for "
                        + "the login provided. [CLIENT: " + IP + "]") + "\"}\n";
                break;
            case 10:
            case 11:
                // python-evtx (evtx_dump.py): the insertion strings as one unnamed Data of <string> items,
                // the login name raw inside the first, the whole escaped once as the Data's text
                boolean failed = form == 10;
                text = "<?xml version=\"1.1\" encoding=\"utf-8\" standalone=\"yes\" ?>\n\n<Events>\n"
                        + "<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System><Provider "
                        + "Name=\"MSSQLSERVER\"></Provider>\n<EventID Qualifiers=\"" + (failed ? "49152\">18456" : "16384\">18454")
                        + "</EventID>\n<TimeCreated SystemTime=\"2026-03-01 10:00:01.171339\"></TimeCreated>\n"
                        + "<EventRecordID>501</EventRecordID>\n<Channel>Application</Channel>\n<Computer>SQL2</Computer>\n"
                        + "</System>\n<EventData><Data>" + xml("<string>" + u + "</string>") + "\n"
                        + (failed ? xml("<string> Reason: Password did not match that for the login provided.</string>") + "\n" : "")
                        + xml("<string> [CLIENT: " + IP + "]</string>") + "\n</Data>\n</EventData>\n</Event>\n</Events>\n";
                List<AuthEvent> evtx = read(text);
                if (evtx.size() != 1 || !IP.equals(evtx.get(0).source())) {
                    throw new AssertionError("form " + form + ": " + evtx.size() + " events, source "
                            + (evtx.isEmpty() ? "-" : evtx.get(0).source()) + ", not one from [CLIENT: " + IP + "] in " + text);
                }
                return 1;
            default:
                text = "{\"timestamp\":\"2026-11-23T14:02:11.128Z\",\"loggerName\":\"org.keycloak.events\",\"level\":\"WARN\","
                        + "\"message\":\"" + json("type=\"LOGIN_ERROR\", realmId=\"r\", clientId=\"c\", userId=\"u\", ipAddress=\""
                        + IP + "\", error=\"invalid_user_credentials\", redirect_uri=\"https://sso.example.org/" + u
                        + "\", username=\"" + u + "\"") + "\"}\n";
        }
        List<AuthEvent> events = read(text);
        for (AuthEvent e : events) {
            if (e.source() != null && !e.source().equals(IP)) {
                throw new AssertionError("form " + form + ": attacker text chose the source " + e.source() + " in " + text);
            }
        }
        return events.size();
    }

    private static List<AuthEvent> read(String text) {
        Ingest ingest = new Ingest(0, ZoneOffset.UTC, true);
        List<AuthEvent> events = new ArrayList<>();
        try {
            ingest.read(new Input("fuzz.log", null, Instant.parse("2026-11-25T12:00:00Z"),
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))), events::add);
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array stream cannot fail to read", e);
        }
        return events;
    }

    /** As an XML writer escapes text (control characters, which the event log cannot hold, as spaces). */
    private static String xml(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&': b.append("&amp;"); break;
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '"': b.append("&quot;"); break;
                case '\'': b.append("&apos;"); break;
                default: b.append(c < ' ' ? ' ' : c);
            }
        }
        return b.toString();
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < ' ') {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** A quoted CSV field (line breaks as spaces: one record a line). */
    private static String csv(String s) {
        return '"' + s.replace("\"", "\"\"").replace('\n', ' ').replace('\r', ' ') + '"';
    }

    /** As IIS writes a W3C field: spaces and control characters as '+', an empty field as '-'. */
    private static String w3c(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c <= ' ' || Character.isWhitespace(c) ? '+' : c);
        }
        return b.length() == 0 ? "-" : b.toString();
    }
}
