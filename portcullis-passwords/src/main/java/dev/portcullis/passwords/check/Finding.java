package dev.portcullis.passwords.check;

/**
 * One reason a password was rejected (or, in the audit, a weakness found): a stable machine code and a
 * message in words a user understands. Messages never quote the password.
 *
 * <p>Codes: {@code empty}, {@code too_short}, {@code too_long}, {@code breached}, {@code common},
 * {@code same_as_account}, {@code context}, {@code personal}, {@code season_year}, {@code common_word},
 * {@code predictable}, {@code weak}.
 */
public record Finding(String code, String message) {
}
