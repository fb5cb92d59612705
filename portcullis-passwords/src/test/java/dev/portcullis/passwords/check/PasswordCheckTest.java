package dev.portcullis.passwords.check;

import dev.portcullis.passwords.corpus.CorpusIndex;
import dev.portcullis.passwords.corpus.CorpusIndexer;
import dev.portcullis.passwords.corpus.HashType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** One test per rule, with known answers; and that the answer never carries the password. */
class PasswordCheckTest {
    private static final PasswordCheck CHECK = new PasswordCheck(PasswordPolicy.builder()
            .contextWords(List.of("Contoso", "Portcullis Mail")).build());
    private static final CheckContext MARIA = new CheckContext("maria.cole@contoso.com", "Maria Cole", false, List.of());

    private static CheckResult check(String pw, CheckContext ctx) {
        return CHECK.check(pw.toCharArray(), ctx);
    }

    @Test
    void aLongUnrelatedPassphraseIsAccepted() {
        CheckResult r = check("velvet trombone orbits quietly", MARIA);
        assertThat(r.reasons()).isEmpty();
        assertThat(r.accepted()).isTrue();
        assertThat(r.score()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void emptyIsRejected() {
        assertThat(check("", MARIA).has("empty")).isTrue();
    }

    @Test
    void lengthIs15WithoutAndEightWithASecondFactor() {
        String pw = "kx8#Vq2!mZ"; // 10 random characters
        assertThat(check(pw, MARIA).has("too_short")).isTrue();
        CheckResult mfa = check(pw, new CheckContext("maria.cole@contoso.com", null, true, List.of()));
        assertThat(mfa.has("too_short")).isFalse();
        assertThat(mfa.accepted()).isTrue();
        assertThat(check("x".repeat(300), MARIA).has("too_long")).isTrue();
    }

    @Test
    void commonPasswordsAndTheirLookAlikesAreRejected() {
        assertThat(check("password", CheckContext.none()).has("common")).isTrue();
        assertThat(check("P@ssw0rd", CheckContext.none()).has("common")).isTrue();   // folded
        assertThat(check("Pa55word1", CheckContext.none()).has("common")).isTrue();  // folded, one edit
        assertThat(check("qwertyuiop", CheckContext.none()).has("common")).isTrue();
    }

    @Test
    void theAccountNameIsRejected() {
        CheckResult r = check("Maria.Cole", new CheckContext("maria.cole@contoso.com", null, true, List.of()));
        assertThat(r.has("same_as_account")).isTrue();
        assertThat(check("mar1acole", new CheckContext("maria.cole", null, true, List.of())).has("same_as_account")).isTrue();
    }

    @Test
    void seasonAndYearIsRejectedEvenWhenLongEnough() {
        CheckResult r = check("Summer 2025 Summer 2025!", MARIA);
        assertThat(r.has("season_year")).isTrue();
        assertThat(r.accepted()).isFalse();
    }

    @Test
    void theOrganisationsNameWithFoldingIsRejected() {
        CheckResult r = check("C0nt0s0-Portcullis-2024!", MARIA);
        assertThat(r.has("context")).isTrue();
        assertThat(r.reasons()).anyMatch(f -> f.message().contains("organisation"));
    }

    @Test
    void theUsersNameIsRejected() {
        assertThat(check("MariaCole_Maria_2025", MARIA).has("personal")).isTrue();
    }

    @Test
    void repetitionIsPredictable() {
        CheckResult r = check("aaaaaaaaaaaaaaaaaaaa", CheckContext.none());
        assertThat(r.has("predictable")).isTrue();
        assertThat(r.has("weak")).isTrue();
    }

    @Test
    void lowStrengthIsRejectedWithTheEstimatorsFeedback() {
        CheckResult r = check("abcdefghijklmnop", CheckContext.none());
        assertThat(r.has("weak")).isTrue();
        assertThat(r.score()).isLessThan(3);
    }

    @Test
    void breachedPasswordsAreRejectedWhenACorpusIsConfigured(@TempDir Path dir) throws Exception {
        Path idx = dir.resolve("c.idx");
        new CorpusIndexer().indexPlain(new ByteArrayInputStream("blue giraffe dances at noon\n".getBytes(StandardCharsets.UTF_8)),
                "list", Map.of(HashType.SHA1, idx));
        PasswordCheck c = new PasswordCheck(PasswordPolicy.builder().corpus(idx).build());
        assertThat(c.check("blue giraffe dances at noon".toCharArray(), CheckContext.none()).has("breached")).isTrue();
        assertThat(c.check("blue giraffe dances at dawn".toCharArray(), CheckContext.none()).has("breached")).isFalse();
        assertThat(CorpusIndex.open(idx).size()).isEqualTo(1);
    }

    @Test
    void theAnswerIsJsonAndNeverContainsThePassword() {
        for (String pw : List.of("Summer2025!", "velvet trombone orbits quietly", "maria.cole", "P@ssw0rd")) {
            CheckResult r = check(pw, MARIA);
            String json = r.toJson();
            assertThat(json).contains("\"accepted\":").contains("\"reasons\":").contains("\"score\":").contains("\"feedback\":");
            assertThat(json.toLowerCase()).doesNotContain(pw.toLowerCase());
            assertThat(r.toString().toLowerCase()).doesNotContain(pw.toLowerCase());
        }
    }

    @Test
    void normalisationFoldsLookAlikes() {
        assertThat(Normaliser.fold("P@$$w0rd!")).isEqualTo("passwordi");
        assertThat(Normaliser.fold("1lI|")).isEqualTo("iiii");
        assertThat(Normaliser.withinOneEdit("password", "passwrd")).isTrue();
        assertThat(Normaliser.withinOneEdit("password", "passw0rd")).isTrue();
        assertThat(Normaliser.withinOneEdit("password", "pasword12")).isFalse();
    }

    @Test
    void policyErrorsNameTheKeyValueAndRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PasswordPolicy.builder().minLength(8).build());
        assertThat(e.getMessage()).contains("passwords.min_length: 8 is out of range; allowed 15..64");
        assertThat(assertThrows(IllegalArgumentException.class, () -> PasswordPolicy.builder().minLengthMfa(20).build())
                .getMessage()).contains("passwords.min_length_mfa: 20 is more than passwords.min_length (15)");
        assertThat(assertThrows(IllegalArgumentException.class, () -> PasswordPolicy.builder().minScore(5).build())
                .getMessage()).contains("passwords.min_score: 5 is out of range; allowed 0..4");
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> PasswordPolicy.builder().contextWords(List.of("ab")).build()).getMessage())
                .contains("passwords.context_words[0]: 'ab' has 2 characters; allowed 3..64");
    }
}
