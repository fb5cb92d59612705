/**
 * The gate's policy, decided from memory: {@code Gate} answers each login ({@code Decision}: allow,
 * delay, reject) and records each outcome into the engine; {@code Blocks} (with escalation),
 * {@code SmartLockout} (per-account {@code Guard} counters that keep familiar and unfamiliar addresses
 * apart), lockdowns and allowlists; the records it keeps and persists through a {@code GateListener}:
 * {@code Block}, {@code Lockout}, {@code Lockdown}, {@code Allow} (all {@code GateRecord}s);
 * {@code GateConfig} (validated); {@code GateStats} (counters for metrics).
 *
 * <p>Rules: a decision never blocks, never throws and never touches the store; time is the caller's
 * {@code now}. Not thread-safe: one thread owns a gate (the server's event loop) and others hand it work.
 * Every table is bounded ({@code GateConfig} and the engine's limits).
 */
package dev.portcullis.core.gate;
