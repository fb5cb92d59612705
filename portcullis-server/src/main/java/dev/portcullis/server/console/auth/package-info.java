/**
 * Console users and their sign-in: roles, Argon2id password hashes, TOTP second factor. No HTTP here;
 * the console's web layer ({@code dev.portcullis.server.console}) calls {@link dev.portcullis.server.console.auth.SignIn}.
 */
package dev.portcullis.server.console.auth;
