package dev.portcullis.passwords.hash;

import org.apache.commons.codec.digest.Md5Crypt;
import org.apache.commons.codec.digest.Sha2Crypt;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A stored password hash as found in a Dovecot passwd-file, an htpasswd file or an NTLM dump, and how
 * to verify a candidate against it. Crypt schemes use libraries (commons-codec {@code Sha2Crypt} and
 * {@code Md5Crypt}; Bouncy Castle {@code OpenBSDBCrypt} and {@code Argon2BytesGenerator}); the LDAP-style
 * digests are plain JDK {@code MessageDigest}.
 *
 * <p>Recognised: {@code $6$} (SHA512-CRYPT), {@code $5$} (SHA256-CRYPT), {@code $1$} (MD5-CRYPT),
 * {@code $apr1$} (Apache MD5), {@code $2a$/$2b$/$2y$} (BLF-CRYPT), {@code $argon2i$/$argon2id$}
 * (ARGON2I/ARGON2ID), {@code {SHA}}, {@code {SSHA}}, {@code {SHA256}}, {@code {SSHA256}},
 * {@code {SHA512}}, {@code {SSHA512}}, {@code {SMD5}}, {@code {PLAIN-MD5}}, {@code {LDAP-MD5}},
 * {@code {PLAIN}}/{@code {CLEARTEXT}}, {@code {NTLM}} and NTLM dumps; Dovecot's {@code {SCHEME}} prefix
 * before a crypt string is accepted (and {@code {MD5}} is MD5-CRYPT, as in Dovecot). Anything else is
 * {@link Scheme#UNSUPPORTED} (e.g. DES crypt): reported, never guessed at.
 *
 * <p>Immutable, thread-safe; {@link #verify} never throws for a malformed stored value (it answers false).
 * {@link #toString()} never shows the hash.
 */
public final class StoredHash {
    /** Schemes, with whether they are salted (an unsalted hash shared by two accounts means a shared password). */
    public enum Scheme {
        SHA512_CRYPT(true, true), SHA256_CRYPT(true, true), MD5_CRYPT(true, false), APR1(true, false),
        BLF_CRYPT(true, true), ARGON2(true, true), SHA(false, false), SSHA(true, false), SHA256(false, false),
        SSHA256(true, false), SHA512(false, false), SSHA512(true, false), SMD5(true, false),
        PLAIN_MD5(false, false), PLAIN(false, false), NTLM(false, false), UNSUPPORTED(true, false);

        public final boolean salted;
        /** Deliberately slow (thousands of rounds or memory-hard): guesses get a per-account budget. */
        public final boolean slow;

        Scheme(boolean salted, boolean slow) {
            this.salted = salted;
            this.slow = slow;
        }

        public String label() {
            return name().replace('_', '-');
        }
    }

    private final Scheme scheme;
    private final String value; // the crypt string, or the digest's payload without the {SCHEME} prefix
    private final byte[] digest; // decoded payload for the digest schemes (with salt appended where salted)

    private StoredHash(Scheme scheme, String value, byte[] digest) {
        this.scheme = scheme;
        this.value = value;
        this.digest = digest;
    }

    /** An NT hash from a dump (32 hex digits). */
    public static StoredHash ntlm(byte[] nt) {
        return new StoredHash(Scheme.NTLM, HexFormat.of().formatHex(nt), nt.clone());
    }

    /** Parses a stored value: a crypt string, or {SCHEME}payload. Never throws; unknown is UNSUPPORTED. */
    public static StoredHash parse(String stored) {
        String s = stored;
        String prefix = null;
        if (s.startsWith("{")) {
            int close = s.indexOf('}');
            if (close > 0) {
                prefix = s.substring(1, close).toUpperCase(Locale.ROOT);
                s = s.substring(close + 1);
            }
        }
        if (s.startsWith("$6$")) {
            return new StoredHash(Scheme.SHA512_CRYPT, s, null);
        }
        if (s.startsWith("$5$")) {
            return new StoredHash(Scheme.SHA256_CRYPT, s, null);
        }
        if (s.startsWith("$1$")) {
            return new StoredHash(Scheme.MD5_CRYPT, s, null);
        }
        if (s.startsWith("$apr1$")) {
            return new StoredHash(Scheme.APR1, s, null);
        }
        if (s.startsWith("$2a$") || s.startsWith("$2b$") || s.startsWith("$2y$")) {
            return new StoredHash(Scheme.BLF_CRYPT, s, null);
        }
        if (s.startsWith("$argon2id$") || s.startsWith("$argon2i$")) {
            return new StoredHash(Scheme.ARGON2, s, null);
        }
        if (prefix == null) {
            return new StoredHash(Scheme.UNSUPPORTED, s, null);
        }
        String enc = null;
        int dot = prefix.lastIndexOf('.');
        if (dot > 0) {
            enc = prefix.substring(dot + 1);
            prefix = prefix.substring(0, dot);
        }
        Scheme scheme;
        switch (prefix) {
            case "SHA": case "SHA1": scheme = Scheme.SHA; break;
            case "SSHA": scheme = Scheme.SSHA; break;
            case "SHA256": scheme = Scheme.SHA256; break;
            case "SSHA256": scheme = Scheme.SSHA256; break;
            case "SHA512": scheme = Scheme.SHA512; break;
            case "SSHA512": scheme = Scheme.SSHA512; break;
            case "SMD5": scheme = Scheme.SMD5; break;
            case "PLAIN-MD5": scheme = Scheme.PLAIN_MD5; enc = enc == null ? "HEX" : enc; break;
            case "LDAP-MD5": scheme = Scheme.PLAIN_MD5; break;
            case "NTLM": case "NT": scheme = Scheme.NTLM; enc = enc == null ? "HEX" : enc; break;
            case "PLAIN": case "CLEARTEXT": case "PLAIN-TRUNC":
                return new StoredHash(Scheme.PLAIN, s, null);
            default: return new StoredHash(Scheme.UNSUPPORTED, s, null);
        }
        byte[] d = decode(s, enc == null ? "B64" : enc);
        if (d == null || d.length < minLength(scheme)) {
            return new StoredHash(Scheme.UNSUPPORTED, s, null);
        }
        return new StoredHash(scheme, s, d);
    }

    private static byte[] decode(String s, String enc) {
        try {
            return "HEX".equals(enc) ? HexFormat.of().parseHex(s.toLowerCase(Locale.ROOT)) : Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            return null; // malformed payload: reported as unsupported
        }
    }

    private static int minLength(Scheme s) {
        switch (s) {
            case SHA: return 20;
            case SSHA: return 21;
            case SHA256: return 32;
            case SSHA256: return 33;
            case SHA512: return 64;
            case SSHA512: return 65;
            case SMD5: return 17;
            case PLAIN_MD5: return 16;
            case NTLM: return 16;
            default: return 0;
        }
    }

    public Scheme scheme() {
        return scheme;
    }

    /** For unsalted schemes, a key equal for equal passwords (to find shared passwords); else null. */
    public String sharedKey() {
        if (scheme.salted) {
            return null;
        }
        return scheme == Scheme.PLAIN ? "plain:" + HexFormat.of().formatHex(PasswordHashes.sha1(value.toCharArray()))
                : scheme.name() + ":" + HexFormat.of().formatHex(digest);
    }

    /** The NT hash (16 bytes) of an NTLM entry, else null. */
    public byte[] ntHash() {
        return scheme == Scheme.NTLM ? digest.clone() : null;
    }

    /** Whether no password is stored at all (an empty password field). */
    public boolean missing() {
        return value.isEmpty() && (scheme == Scheme.UNSUPPORTED || scheme == Scheme.PLAIN);
    }

    /** Whether the stored value is the empty password, without guessing (plain text and NTLM). */
    public boolean isEmptyPassword() {
        return scheme == Scheme.PLAIN ? value.isEmpty() : verifyFast(new char[0]);
    }

    private boolean verifyFast(char[] pw) {
        return !scheme.slow && verify(pw);
    }

    /** Whether {@code password} is the stored password. Never throws; false for malformed stored values. */
    public boolean verify(char[] password) {
        byte[] utf8 = PasswordHashes.utf8(password);
        try {
            switch (scheme) {
                case SHA512_CRYPT: return Sha2Crypt.sha512Crypt(utf8, value).equals(value);
                case SHA256_CRYPT: return Sha2Crypt.sha256Crypt(utf8, value).equals(value);
                case MD5_CRYPT: return Md5Crypt.md5Crypt(utf8, value).equals(value);
                case APR1: return Md5Crypt.apr1Crypt(utf8, value).equals(value);
                case BLF_CRYPT: return OpenBSDBCrypt.checkPassword(value, password);
                case ARGON2: return argon2(utf8);
                case SHA: return digestEquals("SHA-1", utf8, false);
                case SSHA: return digestEquals("SHA-1", utf8, true);
                case SHA256: return digestEquals("SHA-256", utf8, false);
                case SSHA256: return digestEquals("SHA-256", utf8, true);
                case SHA512: return digestEquals("SHA-512", utf8, false);
                case SSHA512: return digestEquals("SHA-512", utf8, true);
                case SMD5: return digestEquals("MD5", utf8, true);
                case PLAIN_MD5: return digestEquals("MD5", utf8, false);
                case NTLM: return MessageDigest.isEqual(PasswordHashes.ntlm(password), digest);
                case PLAIN: return MessageDigest.isEqual(utf8, value.getBytes(StandardCharsets.UTF_8));
                default: return false;
            }
        } catch (RuntimeException e) {
            return false; // a malformed crypt string (bad salt, rounds, cost): cannot match any password
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
    }

    private boolean digestEquals(String algorithm, byte[] pw, boolean salted) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        int len = md.getDigestLength();
        md.update(pw);
        if (salted) {
            md.update(digest, len, digest.length - len);
        } else if (digest.length != len) {
            return false;
        }
        return MessageDigest.isEqual(md.digest(), Arrays.copyOf(digest, len));
    }

    /** $argon2id$v=19$m=65536,t=3,p=1$SALT$HASH (PHC string; unpadded base64). */
    private boolean argon2(byte[] pw) {
        String[] p = value.split("\\$");
        // ["", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash] (the version field may be absent)
        int i = 2;
        int version = Argon2Parameters.ARGON2_VERSION_10;
        if (p.length > i && p[i].startsWith("v=")) {
            version = Integer.parseInt(p[i].substring(2));
            i++;
        }
        if (p.length != i + 3) {
            return false;
        }
        int m = 0;
        int t = 0;
        int par = 0;
        for (String kv : p[i].split(",")) {
            int v = Integer.parseInt(kv.substring(2));
            switch (kv.substring(0, 2)) {
                case "m=": m = v; break;
                case "t=": t = v; break;
                case "p=": par = v; break;
                default: return false;
            }
        }
        if (m < 8 || m > 256 * 1024 || t < 1 || t > 100 || par < 1 || par > 64) {
            return false; // refuse absurd costs from an untrusted file
        }
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] salt = b64.decode(p[i + 1]);
        byte[] expected = b64.decode(p[i + 2]);
        if (expected.length < 4 || expected.length > 1024) {
            return false;
        }
        int type = p[1].equals("argon2id") ? Argon2Parameters.ARGON2_id : Argon2Parameters.ARGON2_i;
        Argon2BytesGenerator g = new Argon2BytesGenerator();
        g.init(new Argon2Parameters.Builder(type).withVersion(version).withMemoryAsKB(m).withIterations(t)
                .withParallelism(par).withSalt(salt).build());
        byte[] out = new byte[expected.length];
        g.generateBytes(pw, out);
        return MessageDigest.isEqual(out, expected);
    }

    @Override
    public String toString() {
        return "StoredHash[" + scheme.label() + "]";
    }
}
