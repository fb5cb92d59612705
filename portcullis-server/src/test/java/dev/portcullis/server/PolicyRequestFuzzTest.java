package dev.portcullis.server;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.portcullis.core.Addresses;
import dev.portcullis.core.Network;
import java.nio.charset.StandardCharsets;

/**
 * Request bodies come from anything that can reach the gate's port. Properties: decoding either
 * yields a login with a canonical source or throws {@link BadRequest} with a 4xx status and a reason
 * — never another exception; the same holds for the admin API's address/network and account checks.
 */
class PolicyRequestFuzzTest {
    private static final String[] PREFIXES = {
        "{\"login\":\"", "{\"remote\":\"", "{\"remote\":\"192.0.2.1\",\"success\":", "{\"pwhash\":",
        "{\"remote\":\"2001:db8::1\",\"tls\":\"", "{\"remote\":\"10.0.0.1\",\"login\":[", "",
    };

    @FuzzTest(maxDuration = "5s")
    void decodingNeverThrowsAnythingButBadRequest(FuzzedDataProvider data) {
        boolean report = data.consumeBoolean();
        String prefix = PREFIXES[data.consumeInt(0, PREFIXES.length - 1)];
        byte[] body = (prefix + data.consumeRemainingAsString()).getBytes(StandardCharsets.UTF_8);
        try {
            PolicyRequest p = PolicyRequest.decode(body, report);
            String src = p.login().source();
            if (src == null || !src.equals(Addresses.canonical(src))) {
                throw new AssertionError("source not canonical: " + src);
            }
            if (report && p.success() == null) {
                throw new AssertionError("a report without success was accepted");
            }
        } catch (BadRequest e) {
            if (e.status < 400 || e.status > 499 || e.getMessage() == null || e.getMessage().isEmpty()) {
                throw new AssertionError("bad refusal: " + e.status + " " + e.getMessage());
            }
        }
        String text = new String(body, StandardCharsets.UTF_8);
        try {
            String n = AdminApi.network(text);
            if (!n.equals(Network.parse(n).toString())) {
                throw new AssertionError("network not a fixed point: " + n);
            }
        } catch (BadRequest e) {
            // refused with a reason: fine
            if (e.getMessage().isEmpty()) throw new AssertionError("empty reason");
        }
    }
}
