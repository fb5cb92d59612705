package dev.portcullis.server;

import java.time.Instant;

/**
 * The gate's health at one moment, for the console's Now page: what {@code /metrics} says, read from
 * the gate's counters and the gauges its thread publishes each second (so taking one costs the event
 * loop nothing).
 *
 * @param at                when it was taken
 * @param decisions         decisions made since start (allow + delay + reject)
 * @param rejected          of which rejected
 * @param delayed           of which delayed
 * @param reports           login outcomes reported since start
 * @param trackedKeys       keys the engine tracks (addresses, accounts, pairs)
 * @param blocks            blocks held
 * @param lockouts          lockouts held
 * @param lockdowns         lockdowns in force
 * @param storeError        the store's last write error, null when the last batch was written
 * @param storeBacklog      changes the gate made that are not yet in the store
 * @param judgementMillis   how long the last full judgement took
 * @param judgementDropped  events the background judgement could not keep up with, since start
 * @param p99Millis         99th percentile of policy-request handling time since start (upper bound of its
 *                          histogram bucket), or -1 before the first request
 */
public record GateHealth(Instant at, long decisions, long rejected, long delayed, long reports, long trackedKeys,
                         long blocks, long lockouts, long lockdowns, String storeError, long storeBacklog,
                         long judgementMillis, long judgementDropped, double p99Millis) {}
