package dev.portcullis.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccountsTest {
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
