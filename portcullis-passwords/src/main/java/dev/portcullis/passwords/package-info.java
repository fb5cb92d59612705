/**
 * Finding weak and breached passwords before attackers do. The module's packages: {@code check} (is this
 * password acceptable?), {@code corpus} (the breached-password index), {@code hash} (password digests and
 * stored hashes), {@code audit} (which stored credentials are weak). This package holds only what they
 * share: {@code InputException}, an input that cannot be read as its format.
 *
 * <p>Rules for the whole module: a password is never logged, stored, printed or put in an exception
 * message; a line of a credential file is never quoted (it holds a hash); passwords travel as
 * {@code char[]} and internal copies are zeroed. The module depends on core only (canonical account
 * names, the config validator, verdicts); file I/O lives in {@code corpus} and {@code audit}.
 */
package dev.portcullis.passwords;
