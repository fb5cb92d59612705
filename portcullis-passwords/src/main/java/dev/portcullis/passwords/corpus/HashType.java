package dev.portcullis.passwords.corpus;

import dev.portcullis.passwords.hash.PasswordHashes;

/** The digest an index is keyed by; its code is stored in the index file's header. */
public enum HashType {
    SHA1(1, 40),
    NTLM(2, 32);

    final int code;
    /** Length in hex digits of a full digest in HIBP's files. */
    public final int hexLength;

    HashType(int code, int hexLength) {
        this.code = code;
        this.hexLength = hexLength;
    }

    static HashType ofCode(int code) {
        for (HashType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown hash type code " + code);
    }

    /** The index key (first 64 bits of the digest) of a password. */
    public long key(char[] password) {
        byte[] d = this == SHA1 ? PasswordHashes.sha1(password) : PasswordHashes.ntlm(password);
        return PasswordHashes.key(d);
    }
}
