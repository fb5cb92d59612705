package dev.portcullis.passwords.hash;

import org.bouncycastle.crypto.digests.MD4Digest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The unsalted digests of a password that breached corpora and Windows use: SHA-1 of its UTF-8 bytes
 * (Have I Been Pwned's SHA-1 files) and NTLM, MD4 of its UTF-16LE bytes (HIBP's NTLM files, Active
 * Directory dumps). Intermediate byte buffers are zeroed before returning. Stateless, thread-safe.
 */
public final class PasswordHashes {
    private PasswordHashes() {
    }

    /** SHA-1 of the password's UTF-8 encoding (20 bytes). */
    public static byte[] sha1(char[] password) {
        byte[] bytes = utf8(password);
        try {
            return MessageDigest.getInstance("SHA-1").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** NTLM (NT hash): MD4 of the password's UTF-16LE encoding (16 bytes). */
    public static byte[] ntlm(char[] password) {
        byte[] bytes = new byte[password.length * 2];
        for (int i = 0; i < password.length; i++) {
            bytes[2 * i] = (byte) password[i];
            bytes[2 * i + 1] = (byte) (password[i] >>> 8);
        }
        MD4Digest md4 = new MD4Digest();
        md4.update(bytes, 0, bytes.length);
        byte[] out = new byte[16];
        md4.doFinal(out, 0);
        Arrays.fill(bytes, (byte) 0);
        return out;
    }

    /** The password's UTF-8 bytes; the caller zeroes them. */
    public static byte[] utf8(char[] password) {
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] out = new byte[b.remaining()];
        b.get(out);
        if (b.hasArray()) {
            Arrays.fill(b.array(), (byte) 0);
        }
        return out;
    }

    /** The first 8 bytes of a digest as a big-endian long: the key the corpus index stores. */
    public static long key(byte[] digest) {
        long k = 0;
        for (int i = 0; i < 8; i++) {
            k = (k << 8) | (digest[i] & 0xFF);
        }
        return k;
    }

    /** Lower-case hex of a digest. */
    public static String hex(byte[] digest) {
        StringBuilder b = new StringBuilder(digest.length * 2);
        for (byte x : digest) {
            b.append(Character.forDigit((x >>> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
        }
        return b.toString();
    }
}
