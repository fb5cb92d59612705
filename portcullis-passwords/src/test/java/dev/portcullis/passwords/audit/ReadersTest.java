package dev.portcullis.passwords.audit;

import dev.portcullis.passwords.InputException;
import dev.portcullis.passwords.hash.StoredHash;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReadersTest {
    private static BufferedReader r(String s) {
        return new BufferedReader(new StringReader(s));
    }

    @Test
    void ntlmDumpsInPwdumpSecretsdumpAndDsinternalsForm() throws Exception {
        String dump = String.join("\n",
                "[*] Dumping Domain Credentials (domain\\uid:rid:lmhash:nthash)",
                "# a comment",
                "",
                "Administrator:500:aad3b435b51404eeaad3b435b51404ee:8846f7eaee8fb117ad06bdd830b7586c:::",
                "CONTOSO.LOCAL\\jdoe:1104:aad3b435b51404eeaad3b435b51404ee:8846F7EAEE8FB117AD06BDD830B7586C::: (status=Enabled)",
                "jdoe_history0:1104:aad3b435b51404eeaad3b435b51404ee:31d6cfe0d16ae931b73c59d7e0c089c0:::",
                "guest:501:NO PASSWORD*********************:NO PASSWORD*********************:::",
                "svc-backup:8846f7eaee8fb117ad06bdd830b7586c");
        List<Credential> c = NtlmDumpReader.read(r(dump), "ntds.txt");
        assertThat(c).extracting(Credential::account).containsExactly("Administrator", "CONTOSO.LOCAL\\jdoe", "svc-backup");
        assertThat(c.get(1).canonical()).isEqualTo("jdoe");
        assertThat(c.get(1).line()).isEqualTo(5);
        assertThat(c).allMatch(x -> x.hash().scheme() == StoredHash.Scheme.NTLM && x.hash().verify("password".toCharArray()));
    }

    @Test
    void ntlmErrorsNameFileAndLineWithoutQuotingIt() {
        InputException e = assertThrows(InputException.class,
                () -> NtlmDumpReader.read(r("a:1:x:8846f7eaee8fb117ad06bdd830b7586c:::\nbob:1105:aad3:nothex-secretish:::\n"), "d.txt"));
        assertThat(e.getMessage()).startsWith("d.txt:2: ").contains("32-digit").doesNotContain("secretish");
        assertThat(assertThrows(InputException.class, () -> NtlmDumpReader.read(r("just some words\n"), "d.txt"))
                .getMessage()).startsWith("d.txt:1: ");
    }

    @Test
    void dovecotPasswdFileAndHtpasswd() throws Exception {
        String file = String.join("\n",
                "# dovecot users",
                "maria@contoso.com:{SHA512-CRYPT}$6$abc$def:1000:1000::/home/maria::userdb_quota_rule=*:storage=1G",
                "bob:{PLAIN}hunter2::::::",
                "carol:$2y$05$abcdefghijklmnopqrstuu5s2v8.iXieOjg/.AySBTTZIIVFJeBui",
                "dave:{ARGON2ID}$argon2id$v=19$m=65536,t=3,p=1$c29tZXNhbHQ$abc",
                "erin:",
                "frank:abJnggxhB/yWI");
        List<Credential> c = PasswdFileReader.read(r(file), "users");
        assertThat(c).extracting(x -> x.hash().scheme()).containsExactly(StoredHash.Scheme.SHA512_CRYPT,
                StoredHash.Scheme.PLAIN, StoredHash.Scheme.BLF_CRYPT, StoredHash.Scheme.ARGON2,
                StoredHash.Scheme.UNSUPPORTED, StoredHash.Scheme.UNSUPPORTED);
        assertThat(c.get(4).hash().missing()).isTrue();
        assertThat(c.get(0).line()).isEqualTo(2);
        InputException e = assertThrows(InputException.class, () -> PasswdFileReader.read(r("ok:{PLAIN}x\nno colon here\n"), "users"));
        assertThat(e.getMessage()).startsWith("users:2: ").contains("user:password-hash");
        assertThat(assertThrows(InputException.class, () -> PasswdFileReader.read(r(":{PLAIN}x\n"), "users"))
                .getMessage()).startsWith("users:1: ");
    }
}
