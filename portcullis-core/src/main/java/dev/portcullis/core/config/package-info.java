/**
 * The one config reader every config object (detection, gate, incidents, server, notify, passwords) uses:
 * {@code Section} reads a parsed YAML section as typed values and refuses unknown keys, {@code Validator}
 * checks ranges and rules, {@code Durations} reads and writes {@code 90s}/{@code 1h},
 * {@code ConfigException} carries every problem at once.
 *
 * <p>Rules: one wording for every problem, {@code key: value is out of range; allowed a..b}; all problems
 * are reported together, not the first only; a security threshold out of range is an error, never
 * clamped; a secret's value is never shown. No file access: callers hand in what the YAML parser read. A
 * {@code Section} or {@code Validator} serves one read on one thread.
 */
package dev.portcullis.core.config;
