/**
 * The detection engine: {@code Engine} records {@code AuthEvent}s into bounded per-key state
 * ({@code SourceState}, {@code AccountState}, {@code PairState}, {@code SubnetState} in
 * {@code BoundedTable}s); {@code Judge} applies the rules to that state when {@code findings()} is asked
 * ({@code Kinds} names the kind of a multi-account attack); the results are {@code Findings}:
 * {@code Detection}s, {@code SourceVerdict}s and {@code AccountVerdict}s. {@code EngineConfig} holds the
 * thresholds and limits.
 *
 * <p>Rules: recording is O(1) per event and never throws; judging is separate from recording. Every table
 * keyed by something from a log has a cap and an eviction policy (the least useful entry among the least
 * recently used goes), so memory is bounded whatever an attacker sends. Time is the events' own (packed
 * into ints by {@code PackedTime}). Single-threaded: one engine per thread (the server keeps a second
 * engine for its judgement thread rather than share one).
 */
package dev.portcullis.core.engine;
