/**
 * Console users and their sign-in: roles, Argon2id password hashes, TOTP second factor. No HTTP here;
 * the console's web layer ({@code dev.portcullis.server.console}) calls {@link dev.portcullis.server.console.auth.SignIn}.
 *
 * <p>{@code ConsoleUsers} implements {@code SignIn} and manages users over the store (add, new password,
 * new second factor, disable, remove; each change audited), {@code PasswordHash} is Argon2id in PHC
 * strings, {@code Totp} is RFC 6238 with replay protection through the store's compare-and-set of the last
 * accepted step; a bad change is a {@code Refused} naming the field and its reasons; an {@code Enrolment}
 * is a new second factor shown once. Rules: sign-in never throws and refuses uniformly; no password is
 * kept, stored or logged; no secret or hash is printed by any {@code toString}.
 */
package dev.portcullis.server.console.auth;
