/**
 * Synthetic logs: {@code Scenario} (from a validated {@code ScenarioSpec}) writes a labelled mail log of
 * an organisation under attack and its truth, in the shared scenarios' {@code truth.json} shape, so
 * detection can be scored against it; {@code LogLines} keeps a scenario's lines in time order inside its
 * window; {@code MailLog} makes fast unlabelled traffic for throughput and memory benchmarks;
 * {@code Story} is the demo's scenario (a fast spray, a distributed one, a weak password guessed at a
 * botnet address's first try) with its attempts read back through the log parsers.
 *
 * <p>Rules: same seed, same bytes (randomness only from the seeded generator, time only from the spec or
 * the given start); the truth counts only what the log holds. Independent of the shared scenarios: our
 * own generator. Not thread-safe: one generator per thread.
 */
package dev.portcullis.sim;
