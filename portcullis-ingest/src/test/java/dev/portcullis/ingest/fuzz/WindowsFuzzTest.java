package dev.portcullis.ingest.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;


/**
 * Windows family: Security and IIS-Logging events as XML (one per line, several per line, spread over
 * lines, with Event Viewer's fold markers) and as winlogbeat, evtx_dump and nxlog JSON. The fuzzer
 * picks a prefix that opens one of them, then writes the rest (and more lines).
 */
class WindowsFuzzTest {
    private static final String EVENT = "<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System>"
            + "<Provider Name=\"Microsoft-Windows-Security-Auditing\"/><TimeCreated SystemTime=\"2026-01-01T00:00:00.1234567Z\"/>";
    private static final String[] PREFIXES = {
        EVENT + "<EventID>4625</EventID></System><EventData><Data Name=\"",
        EVENT + "<EventID>4624</EventID></System><EventData><Data Name=\"LogonType\">3</Data><Data Name=\"",
        EVENT + "<EventID>4771</EventID></System><EventData><Data Name=\"Status\">",
        EVENT + "<EventID>4768</EventID></System><EventData><Data Name=\"TargetUserName\">",
        EVENT + "<EventID>4776</EventID></System><EventData><Data Name=\"Status\">0x",
        "<Event xmlns=\"x\"><System><Provider Name=\"Microsoft-Windows-IIS-Logging\"/><EventID>6200</EventID></System>"
                + "<EventData><Data Name=\"cs-uri-stem\">/owa/auth.owa</Data><Data Name=\"",
        "- <Event xmlns=\"x\">- <System>  <EventID>4625</EventID>",
        "- <Event xmlns=\"x\">\n- <System>\n  <EventID>4625</EventID>\n",
        "<?xml version=\"1.0\"?><Events><Event>",
        "<Event ",
        "{\"@timestamp\":\"2026-01-01T00:00:00Z\",\"winlog\":{\"event_id\":4625,\"event_data\":{",
        "{\"@timestamp\":\"2026-01-01T00:00:00Z\",\"event\":{\"code\":\"4771\"},\"winlog\":{",
        "{\"Event\":{\"System\":{\"EventID\":{\"#text\":4625},\"TimeCreated\":{\"#attributes\":{\"SystemTime\":\"2026-01-01T00:00:00Z\"}}},\"EventData\":{",
        "{\"EventTime\":\"2026-01-01 00:00:00\",\"EventID\":4625,",
    };

    @FuzzTest(maxDuration = "5s")
    void anyEventIsSafe(FuzzedDataProvider data) {
        String prefix = data.pickValue(PREFIXES);
        byte[] rest = data.consumeRemainingAsBytes();
        FuzzCheck.readWithPrefix(prefix, rest);
    }
}
