package dev.portcullis.server.console.auth;

import dev.portcullis.passwords.hash.PasswordHashes;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Console users' password hashes: Argon2id (RFC 9106, Bouncy Castle) in the PHC string format
 * {@code $argon2id$v=19$m=19456,t=2,p=1$SALT$HASH} (salt and hash in unpadded standard base64).
 *
 * <p>Design note. Cost: {@link Cost#OWASP}, OWASP's minimum for Argon2id (19 MiB, 2 passes, 1 lane),
 * a 16-byte salt from {@link SecureRandom} and a 32-byte tag. The cost is read back from each string,
 * so raising the default later leaves every stored hash verifiable, and {@link #needsRehash} says which
 * to renew at its owner's next sign-in. Verification recomputes the tag and compares in constant time
 * ({@link MessageDigest#isEqual}). A stored string is trusted only as far as its shape: one that is
 * not exactly argon2id version 19 with costs within {@link #MAX_MEMORY_KIB}, {@link #MAX_ITERATIONS},
 * {@link #MAX_PARALLELISM} (a tampered row must not make one sign-in take a gigabyte and a minute)
 * matches no password. Secrets: the password's UTF-8 bytes are zeroed after use; the caller owns and
 * clears the {@code char[]}. Thread-safety: stateless; one generator per call. Memory: one call
 * allocates the cost's memory (19 MiB at OWASP's minimum), so the callers bound concurrency.
 */
public final class PasswordHash {
    public static final int SALT_BYTES = 16;
    public static final int TAG_BYTES = 32;
    public static final int MAX_MEMORY_KIB = 1024 * 1024;
    public static final int MAX_ITERATIONS = 64;
    public static final int MAX_PARALLELISM = 16;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "$argon2id$v=19$";

    private PasswordHash() {}

    /**
     * What one hash costs: memory in KiB, passes over it, lanes. Argon2 needs at least 8 KiB per lane;
     * beyond the maxima a value is refused (out of range is an error, never silently clamped).
     */
    public record Cost(int memoryKib, int iterations, int parallelism) {
        /** OWASP Password Storage Cheat Sheet, Argon2id minimum: m=19456 (19 MiB), t=2, p=1. */
        public static final Cost OWASP = new Cost(19456, 2, 1);

        public Cost {
            if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
                throw new IllegalArgumentException("argon2 parallelism must be 1-" + MAX_PARALLELISM + ", was " + parallelism);
            }
            if (memoryKib < 8 * parallelism || memoryKib > MAX_MEMORY_KIB) {
                throw new IllegalArgumentException("argon2 memory must be " + 8 * parallelism + "-" + MAX_MEMORY_KIB
                        + " KiB, was " + memoryKib);
            }
            if (iterations < 1 || iterations > MAX_ITERATIONS) {
                throw new IllegalArgumentException("argon2 iterations must be 1-" + MAX_ITERATIONS + ", was " + iterations);
            }
        }

        /** Whether this cost is below {@code other} in any parameter. */
        boolean below(Cost other) {
            return memoryKib < other.memoryKib || iterations < other.iterations || parallelism < other.parallelism;
        }
    }

    /** A new hash of {@code password} with a fresh random salt. */
    public static String hash(char[] password, Cost cost) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return hash(password, salt, cost);
    }

    /** The hash of {@code password} with this salt (tests use known salts; everyone else {@link #hash(char[], Cost)}). */
    static String hash(char[] password, byte[] salt, Cost cost) {
        byte[] tag = tag(password, salt, cost, TAG_BYTES);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "m=" + cost.memoryKib() + ",t=" + cost.iterations() + ",p=" + cost.parallelism() + "$"
                + b64.encodeToString(salt) + "$" + b64.encodeToString(tag);
    }

    /** Whether {@code password} is the one hashed in {@code phc}. Never throws: false for null or a malformed string. */
    public static boolean verify(String phc, char[] password) {
        if (password == null) {
            return false;
        }
        Parsed p = parse(phc);
        if (p == null) {
            return false;
        }
        return MessageDigest.isEqual(tag(password, p.salt, p.cost, p.tag.length), p.tag);
    }

    /** Whether {@code phc} should be hashed again at {@code current}: it is malformed, or cheaper in any parameter. */
    public static boolean needsRehash(String phc, Cost current) {
        Parsed p = parse(phc);
        return p == null || p.cost.below(current);
    }

    /** The cost written in {@code phc}, or null when it is not a hash this class would verify. */
    public static Cost cost(String phc) {
        Parsed p = parse(phc);
        return p == null ? null : p.cost;
    }

    private static byte[] tag(char[] password, byte[] salt, Cost cost, int length) {
        byte[] utf8 = PasswordHashes.utf8(password);
        try {
            Argon2BytesGenerator g = new Argon2BytesGenerator();
            g.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(cost.memoryKib()).withIterations(cost.iterations())
                    .withParallelism(cost.parallelism()).withSalt(salt).build());
            byte[] out = new byte[length];
            g.generateBytes(utf8, out);
            return out;
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
    }

    private record Parsed(Cost cost, byte[] salt, byte[] tag) {}

    /** The strict shape {@code $argon2id$v=19$m=M,t=T,p=P$SALT$TAG}, or null. */
    private static Parsed parse(String phc) {
        if (phc == null || phc.length() > 512 || !phc.startsWith(PREFIX)) {
            return null;
        }
        String[] parts = phc.substring(PREFIX.length()).split("\\$", -1);
        if (parts.length != 3) {
            return null;
        }
        String[] kv = parts[0].split(",", -1);
        if (kv.length != 3) {
            return null;
        }
        int m = number(kv[0], "m=");
        int t = number(kv[1], "t=");
        int p = number(kv[2], "p=");
        byte[] salt = base64(parts[1]);
        byte[] tag = base64(parts[2]);
        if (m < 0 || t < 0 || p < 0 || salt == null || tag == null || salt.length < 8 || salt.length > 64
                || tag.length < 16 || tag.length > 64) {
            return null;
        }
        try {
            return new Parsed(new Cost(m, t, p), salt, tag);
        } catch (IllegalArgumentException e) {
            return null;   // a cost out of range: no password matches it
        }
    }

    /** The decimal after {@code key}, at most 9 digits, or -1. */
    private static int number(String s, String key) {
        if (!s.startsWith(key) || s.length() == key.length() || s.length() > key.length() + 9) {
            return -1;
        }
        int v = 0;
        for (int i = key.length(); i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Unpadded standard base64 (PHC's "B64"), or null. */
    private static byte[] base64(String s) {
        if (s.isEmpty() || s.length() % 4 == 1) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/')) {
                return null;
            }
        }
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
