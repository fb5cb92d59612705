/**
 * Password digests: {@code PasswordHashes} (the unsalted SHA-1 and NTLM digests breached corpora and
 * Windows use) and {@code StoredHash} (a stored hash from a passwd-file, htpasswd or NTLM dump, its
 * scheme recognised, and verification of a candidate against it, through commons-codec and Bouncy Castle
 * for the crypt schemes).
 *
 * <p>Rules: stateless or immutable, thread-safe, no I/O. Verification never throws on a malformed stored
 * value (it answers false); an unknown scheme is reported as unsupported, never guessed at;
 * {@code toString()} never shows a hash. Intermediate buffers holding a password are zeroed.
 */
package dev.portcullis.passwords.hash;
