package dev.portcullis.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccountsTest {

    @Test
    void lowerCaseWithoutBlanksBracketsOrQuotes() {
        assertThat(Accounts.canonical(" <Alice@Example.ORG> ")).isEqualTo("alice@example.org");
        assertThat(Accounts.canonical("'bob'")).isEqualTo("bob");
        assertThat(Accounts.canonical("-")).isNull();
        assertThat(Accounts.canonical("  ")).isNull();
    }

    @Test
    void idempotentOnNestedPairsAndBlanksInside() {
        for (String raw : new String[] {"\"\"\"\"\"\"\"\"\"\"", "<<a>>", "< a >", "[\"x\"]", "\"'<[q]>'\"", "<->"}) {
            String once = Accounts.canonical(raw);
            assertThat(Accounts.canonical(once)).as(raw).isEqualTo(once);
        }
        assertThat(Accounts.canonical("<<a>>")).isEqualTo("a");
        assertThat(Accounts.canonical("\"\"\"\"")).isNull();
    }

    @Test
    void cutToTheBoundAfterLowerCasingAndStillIdempotent() {
        String longName = "A".repeat(Accounts.MAX_LENGTH - 1) + " " + "B".repeat(40);
        String once = Accounts.canonical(longName);
        assertThat(once).hasSizeLessThanOrEqualTo(Accounts.MAX_LENGTH);
        assertThat(Accounts.canonical(once)).isEqualTo(once);
        String expanding = "\u0130".repeat(Accounts.MAX_LENGTH); // İ lower-cases to two chars
        String cut = Accounts.canonical(expanding);
        assertThat(cut).hasSizeLessThanOrEqualTo(Accounts.MAX_LENGTH);
        assertThat(Accounts.canonical(cut)).isEqualTo(cut);
    }

    @Test
    void lowerCasesTrimsAndUnwraps() {
        assertThat(Accounts.canonical(" Alice@Example.ORG ")).isEqualTo("alice@example.org");
        assertThat(Accounts.canonical("<bob>")).isEqualTo("bob");
        assertThat(Accounts.canonical("\"Carol\"")).isEqualTo("carol");
        assertThat(Accounts.canonical("ÉLODIE")).isEqualTo("élodie");
    }

    @Test
    void emptyAndPlaceholdersAreNoAccount() {
        assertThat(Accounts.canonical(null)).isNull();
        assertThat(Accounts.canonical("")).isNull();
        assertThat(Accounts.canonical("<>")).isNull();
        assertThat(Accounts.canonical("-")).isNull();
        assertThat(Accounts.canonical("   ")).isNull();
    }

    @Test
    void longNamesAreCutToTheBound() {
        assertThat(Accounts.canonical("x".repeat(10_000))).hasSize(Accounts.MAX_LENGTH);
    }

    @Test
    void alreadyCanonicalIsReturnedAsIs() {
        String s = "dave@example.org";
        assertThat(Accounts.canonical(s)).isSameAs(s);
    }
}
