package dev.portcullis.core.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.portcullis.core.Accounts;
import dev.portcullis.core.Addresses;

/**
 * Addresses and account names come straight from logs and login requests. Properties: parsing never
 * throws, a canonical form is a fixed point, and canonical IPv6 text never exceeds 39 characters.
 */
class AddressFuzzTest {
    @FuzzTest(maxDuration = "5s")
    void canonicalFormsAreFixedPoints(FuzzedDataProvider data) {
        String s = data.consumeRemainingAsString();
        String a = Addresses.canonical(s);
        if (a != null && Addresses.ambiguousV4(s, 0, s.length())) {
            throw new AssertionError("an ambiguous IPv4 (leading zero, octal or decimal?) was read as " + a + ": '" + s + "'");
        }
        if (a != null) {
            if (!a.equals(Addresses.canonical(a))) {
                throw new AssertionError("not a fixed point: '" + s + "' -> '" + a + "' -> '" + Addresses.canonical(a) + "'");
            }
            if (a.length() > 39) {
                throw new AssertionError("canonical address too long: " + a);
            }
        }
        String acc = Accounts.canonical(s);
        if (acc != null && !acc.equals(Accounts.canonical(acc))) {
            throw new AssertionError("account not a fixed point: '" + s + "' -> '" + acc + "'");
        }
    }
}
