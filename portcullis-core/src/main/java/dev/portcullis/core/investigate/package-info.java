/**
 * "Was data lost?": {@code Investigation} (entry points; suspects from an engine's {@code Findings}),
 * {@code Investigator} (follows the attacker's sessions through the events of the accounts under
 * investigation, one {@code Case} per account, sessions assembled in {@code SessionTally}s), and the
 * results: {@code AccountInvestigation} with its {@code Verdict}, {@code Totals},
 * {@code AttackerSession}s, {@code Forwarding}s and {@code TimelineEntry}s; {@code Attribution} says why
 * something is put on the attacker.
 *
 * <p>Rules: pure (no I/O, no clock), fed events in time order, never throws from {@code record}.
 * Single-threaded while running; the results are immutable. Bounded: per account at most
 * {@code maxSessions} sessions and {@code maxTimeline} timeline entries, with totals kept exact past the
 * caps and notes saying when a cap was reached.
 */
package dev.portcullis.core.investigate;
