package dev.portcullis.passwords.corpus;

import dev.portcullis.passwords.InputException;
import dev.portcullis.passwords.hash.PasswordHashes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CorpusIndexTest {
    @TempDir
    Path dir;

    @Test
    void noFalseNegativesAndMeasuredFalsePositiveRateNearOneIn65536() throws Exception {
        SplittableRandom rnd = new SplittableRandom(42);
        int n = 3_000_000;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = rnd.nextLong();
        }
        long[] sorted = keys.clone();
        for (int i = 0; i < n; i++) {
            sorted[i] ^= Long.MIN_VALUE;
        }
        Arrays.sort(sorted);
        Path file = dir.resolve("keys.idx");
        try (IndexWriter w = new IndexWriter(file, HashType.SHA1, true, 1 << 20)) { // three shards
            for (long k : sorted) {
                w.add(k ^ Long.MIN_VALUE);
            }
            w.finish();
        }
        CorpusIndex idx = CorpusIndex.open(file);
        assertThat(idx.size()).isEqualTo(n);
        for (long k : keys) {
            assertThat(idx.containsKey(k)).isTrue();
        }
        int probes = 10_000_000;
        int fp = 0;
        for (int i = 0; i < probes; i++) {
            if (idx.containsKey(rnd.nextLong())) {
                fp++;
            }
        }
        double rate = (double) fp / probes;
        System.out.printf("corpus index: %d keys, %.2f bits/key, %d false positives in %d probes (1 in %.0f)%n",
                n, idx.fileBytes() * 8.0 / n, fp, probes, 1 / Math.max(rate, 1e-12));
        assertThat(rate).isBetween(0.5 / 65536, 1.6 / 65536); // expected 2^-16; ~153 ± 12 of 10M
        assertThat(idx.fileBytes() * 8.0 / n).isLessThan(19.0);
    }

    @Test
    void hibpSha1FileFindsItsPasswordsAndHibpNtlmFileItsNtHashes() throws Exception {
        String[] pws = {"password", "123456", "Summer2024!", "correct horse"};
        StringBuilder sha = new StringBuilder();
        StringBuilder nt = new StringBuilder();
        java.util.List<String> shaLines = new java.util.ArrayList<>();
        java.util.List<String> ntLines = new java.util.ArrayList<>();
        for (String p : pws) {
            shaLines.add(HexFormat.of().formatHex(PasswordHashes.sha1(p.toCharArray())).toUpperCase() + ":17");
            ntLines.add(HexFormat.of().formatHex(PasswordHashes.ntlm(p.toCharArray())).toUpperCase() + ":3");
        }
        shaLines.sort(null);
        ntLines.sort(null);
        shaLines.forEach(l -> sha.append(l).append("\r\n"));
        ntLines.forEach(l -> nt.append(l).append("\n"));
        CorpusIndexer ix = new CorpusIndexer();
        CorpusIndexer.Stats s = ix.indexHibp(in(sha.toString()), "sha.txt", dir.resolve("sha.idx"));
        assertThat(s.type()).isEqualTo(HashType.SHA1);
        assertThat(s.keys()).isEqualTo(4);
        CorpusIndexer.Stats t = ix.indexHibp(in(nt.toString()), "nt.txt", dir.resolve("nt.idx"));
        assertThat(t.type()).isEqualTo(HashType.NTLM);
        CorpusIndex a = CorpusIndex.open(dir.resolve("sha.idx"));
        CorpusIndex b = CorpusIndex.open(dir.resolve("nt.idx"));
        for (String p : pws) {
            assertThat(a.contains(p.toCharArray())).isTrue();
            assertThat(b.contains(p.toCharArray())).isTrue();
        }
        assertThat(a.contains("a password nobody ever used, 7f3a".toCharArray())).isFalse();
        assertThat(b.hashType()).isEqualTo(HashType.NTLM);
    }

    @Test
    void knownDigestsMatchPythonHashlibValues() {
        // python3 -c "import hashlib;print(hashlib.sha1(b'password').hexdigest())"
        assertThat(PasswordHashes.hex(PasswordHashes.sha1("password".toCharArray())))
                .isEqualTo("5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8");
        // NTLM of "password" (MD4 of UTF-16LE), the value every pentest cheat sheet lists
        assertThat(PasswordHashes.hex(PasswordHashes.ntlm("password".toCharArray())))
                .isEqualTo("8846f7eaee8fb117ad06bdd830b7586c");
    }

    @Test
    void plainListIsIndexedForBothHashTypes() throws Exception {
        Path s = dir.resolve("p.sha1");
        Path t = dir.resolve("p.ntlm");
        Map<HashType, CorpusIndexer.Stats> st = new CorpusIndexer().indexPlain(in("hunter2\nletmein\r\n\nhunter2\nP@ssw0rd"),
                "list.txt", Map.of(HashType.SHA1, s, HashType.NTLM, t));
        assertThat(st.get(HashType.SHA1).keys()).isEqualTo(3);
        assertThat(CorpusIndex.open(s).contains("P@ssw0rd".toCharArray())).isTrue();
        assertThat(CorpusIndex.open(t).contains("hunter2".toCharArray())).isTrue();
        assertThat(CorpusIndex.open(s).contains("hunter3".toCharArray())).isFalse();
    }

    @Test
    void unsortedOrMalformedHibpInputNamesFileAndLine() {
        String a = "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8:1\n0000000000000000000000000000000000000000:2\n";
        InputException e = assertThrows(InputException.class,
                () -> new CorpusIndexer().indexHibp(in(a), "pwned.txt", dir.resolve("x.idx")));
        assertThat(e.getMessage()).startsWith("pwned.txt:2: ").contains("not sorted");
        InputException f = assertThrows(InputException.class,
                () -> new CorpusIndexer().indexHibp(in("hello world\n"), "list.txt", dir.resolve("y.idx")));
        assertThat(f.getMessage()).startsWith("list.txt:1: ").contains("--plain");
        InputException g = assertThrows(InputException.class, () -> new CorpusIndexer().indexHibp(
                in("0000000000000000000000000000000000000000:1\n00000000000000000000000000000000000000ZZ:1\n"),
                "h.txt", dir.resolve("z.idx")));
        assertThat(g.getMessage()).startsWith("h.txt:2: ").contains("hexadecimal");
        assertThat(dir.resolve("x.idx")).doesNotExist();
        assertThat(dir.resolve("x.idx.partial")).doesNotExist();
    }

    @Test
    void aFileThatIsNotAnIndexIsRefusedWithItsName() throws IOException {
        Path p = dir.resolve("not-an-index");
        Files.writeString(p, "x".repeat(200));
        IOException e = assertThrows(IOException.class, () -> CorpusIndex.open(p));
        assertThat(e.getMessage()).contains("not-an-index").contains("not a Portcullis corpus index");
    }

    private static ByteArrayInputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
