/**
 * The domain every module speaks: {@link AuthEvent} (one attempt, session end or mailbox action,
 * normalised) with its {@code Result}, {@code Reason}, {@code EventKind} and {@code Activity}; canonical
 * names and addresses ({@code Accounts}, {@code Addresses}, {@code Network} for CIDR); {@code Untrusted},
 * which keeps text carrying a password marker out of events; {@code EventJson}, the
 * {@code portcullis parse} output contract; {@code Words}, numbers in English.
 *
 * <p>Rules for all of {@code portcullis-core}: no I/O (no files, sockets, SQL or HTTP) and no clock: time
 * is the events' own or the caller's {@code now}. Text from logs is attacker-controlled: addresses and
 * names are parsed by hand, never resolved over DNS, and a bad address from a log is null, never an
 * exception (a bad network in a config is an error naming it). Values are immutable and thread-safe; what
 * is not says so.
 */
package dev.portcullis.core;
