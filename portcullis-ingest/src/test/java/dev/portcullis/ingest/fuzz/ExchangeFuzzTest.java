package dev.portcullis.ingest.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;


/**
 * IIS W3C logs of Exchange front ends (with and without a #Fields header) and Exchange's IMAP4, POP3
 * and SMTP receive protocol logs (CSV). The fuzzer picks a prefix (a header, or the start of a line
 * of one layout), then writes the rest of the line and more lines.
 */
class ExchangeFuzzTest {
    private static final String W3C = "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip "
            + "cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken X-Forwarded-For\n";
    private static final String SMTP = "#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,"
            + "remote-endpoint,event,data,context\n";
    private static final String IMAP = "#Fields: dateTime,sessionId,seqNumber,sIp,cIp,user,duration,rqsz,rpsz,command,"
            + "parameters,context\n";
    private static final String[] PREFIXES = {
        W3C + "2026-03-06 07:00:00 10.0.0.5 POST /owa/auth.owa ",
        W3C + "2026-03-06 07:00:00 10.0.0.5 GET /owa/auth/logon.aspx reason=2",
        "2026-03-06 07:00:00 10.0.0.5 POST /Microsoft-Server-ActiveSync/default.eas User=",
        "2026-03-06 07:00:00 10.0.0.5 POST /EWS/Exchange.asmx - 443 ",
        "#Software: Microsoft Internet Information Services 10.0\n#Date: 2026-03-06 00:00:00\n#Fields: time c-ip cs-username cs-uri-stem sc-status ",
        SMTP + "2026-03-07T09:00:00.123Z,EXCH1\\Client Frontend EXCH1,08DE,1,10.0.0.5:587,",
        "2026-03-07T09:00:00.123Z,C,S,1,10.0.0.5:25,203.0.113.1:1,>,",
        "2026-03-07T09:00:00.123Z,C,S,1,10.0.0.5:25,[2001:db8::1]:1,*,",
        IMAP + "2026-03-08T10:00:00.100Z,0A01,2,10.0.0.5:993,",
        "2026-03-08T10:00:00.100Z,0A01,2,10.0.0.5:993,203.0.113.40:60001,",
        "#Software: Microsoft Exchange Server\n#Fields: ",
        "",
    };

    @FuzzTest(maxDuration = "5s")
    void anyLineIsSafe(FuzzedDataProvider data) {
        String prefix = data.pickValue(PREFIXES);
        byte[] rest = data.consumeRemainingAsBytes();
        FuzzCheck.readWithPrefix(prefix, rest);
    }
}
