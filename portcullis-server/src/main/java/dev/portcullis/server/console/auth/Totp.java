package dev.portcullis.server.console.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.util.encoders.Base32;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP): the code for time step
 * {@code floor(unix seconds / period)} is the HMAC of the step, dynamically truncated to {@code digits}.
 *
 * <p>Design note. The console uses {@link #CONSOLE}: HMAC-SHA1, 30-second steps, 6 digits — what every
 * authenticator app understands — and accepts the current step and one either side (a phone's clock a
 * little off, a code typed as it changed). Replay: a code is accepted only for a step after the user's
 * last accepted one, which the store keeps and moves by compare-and-set, so a code seen over a shoulder
 * or in a proxy log is useless once used, across restarts and between racing sign-ins. Secrets are 20
 * random bytes (RFC 4226's recommended 160 bits) from {@link SecureRandom}, written in base32 without
 * padding (Bouncy Castle's encoder). Time comes in as an {@link Instant} (the caller's clock), never read
 * here. Every candidate step in the window is computed and compared in constant time, so how long a
 * check takes says nothing of which step matched. Thread-safety: immutable; a {@link Mac} per call.
 */
public final class Totp {
    /** What the console uses: HMAC-SHA1, 6 digits, 30 s, one step either side. */
    public static final Totp CONSOLE = new Totp("HmacSHA1", 6, 30, 1);
    public static final int SECRET_BYTES = 20;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private final String algorithm;
    private final int digits;
    private final int periodSeconds;
    private final int window;

    /**
     * @param algorithm     a JCA HMAC name: HmacSHA1, HmacSHA256 or HmacSHA512
     * @param digits        6 to 8
     * @param periodSeconds 1 to 300
     * @param window        steps accepted either side of the current one, 0 to 10
     */
    public Totp(String algorithm, int digits, int periodSeconds, int window) {
        if (!algorithm.equals("HmacSHA1") && !algorithm.equals("HmacSHA256") && !algorithm.equals("HmacSHA512")) {
            throw new IllegalArgumentException("TOTP algorithm must be HmacSHA1, HmacSHA256 or HmacSHA512, was " + algorithm);
        }
        if (digits < 6 || digits > 8) {
            throw new IllegalArgumentException("TOTP digits must be 6-8, was " + digits);
        }
        if (periodSeconds < 1 || periodSeconds > 300) {
            throw new IllegalArgumentException("TOTP period must be 1-300 seconds, was " + periodSeconds);
        }
        if (window < 0 || window > 10) {
            throw new IllegalArgumentException("TOTP window must be 0-10 steps, was " + window);
        }
        this.algorithm = algorithm;
        this.digits = digits;
        this.periodSeconds = periodSeconds;
        this.window = window;
    }

    public int digits() {
        return digits;
    }

    /** A new secret in base32 without padding (20 random bytes: 32 characters). */
    public static String newSecret() {
        byte[] key = new byte[SECRET_BYTES];
        RANDOM.nextBytes(key);
        try {
            return base32(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** Base32 (RFC 4648) without padding. */
    public static String base32(byte[] key) {
        return Base32.toBase32String(key).replace("=", "");
    }

    /** The key in a base32 secret (upper case, no padding; what {@link #newSecret()} makes), or null if it is not one. */
    public static byte[] key(String secret) {
        if (secret == null || secret.isEmpty() || secret.length() > 256 || !secret.matches("[A-Z2-7]+")) {
            return null;
        }
        int rest = secret.length() % 8;
        if (rest == 1 || rest == 3 || rest == 6) {
            return null;   // no whole number of bytes ends there
        }
        try {
            return Base32.decode(rest == 0 ? secret : secret + "=".repeat(8 - rest));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The time step {@code now} falls in. */
    public long step(Instant now) {
        return Math.floorDiv(now.getEpochSecond(), periodSeconds);
    }

    /** The code for a step, zero-padded to {@link #digits()} (RFC 4226 section 5.3). */
    public String code(byte[] key, long step) {
        byte[] h = hmac(key, step);
        int offset = h[h.length - 1] & 0x0f;
        int binary = (h[offset] & 0x7f) << 24 | (h[offset + 1] & 0xff) << 16 | (h[offset + 2] & 0xff) << 8
                | (h[offset + 3] & 0xff);
        String s = Integer.toString(binary % POWERS[digits]);
        return "0".repeat(digits - s.length()) + s;
    }

    /** What a code turned out to be: the step it was accepted for, or why not. */
    public record Match(long step, String refusal) {
        public boolean accepted() {
            return refusal == null;
        }
    }

    /**
     * Checks a code typed at {@code now} against a key, for a step after {@code lastStep}: accepted with
     * the latest such step it matches, else refused as "malformed" (not {@link #digits()} ASCII digits),
     * "replayed" (it matches only steps at or before {@code lastStep}) or "wrong". Never throws for a
     * non-null key; the caller then moves the stored step by compare-and-set.
     */
    public Match match(byte[] key, String typed, Instant now, long lastStep) {
        if (typed == null || typed.length() != digits || !typed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return new Match(-1, "malformed");
        }
        byte[] given = typed.getBytes(StandardCharsets.US_ASCII);
        long current = step(now);
        long best = -1;
        boolean spent = false;
        for (long s = current - window; s <= current + window; s++) {
            boolean same = s >= 0 && MessageDigest.isEqual(code(key, s).getBytes(StandardCharsets.US_ASCII), given);
            if (same && s > lastStep) {
                best = s;
            } else if (same) {
                spent = true;
            }
        }
        return best >= 0 ? new Match(best, null) : new Match(-1, spent ? "replayed" : "wrong");
    }

    /**
     * The enrolment URI for authenticator apps (Google Authenticator's Key URI format):
     * {@code otpauth://totp/ISSUER:ACCOUNT?secret=…&issuer=ISSUER&algorithm=SHA1&digits=6&period=30}.
     */
    public String uri(String issuer, String account, String secret) {
        String alg = algorithm.substring(4).toUpperCase(Locale.ROOT);
        return "otpauth://totp/" + encode(issuer) + ":" + encode(account) + "?secret=" + secret + "&issuer="
                + encode(issuer) + "&algorithm=" + alg + "&digits=" + digits + "&period=" + periodSeconds;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private byte[] hmac(byte[] key, long step) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            byte[] msg = new byte[8];
            for (int i = 7; i >= 0; i--) {
                msg[i] = (byte) step;
                step >>>= 8;
            }
            return mac.doFinal(msg);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available in this JDK", e);
        }
    }
}
