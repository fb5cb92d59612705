package dev.portcullis.store;

import java.time.Instant;

/** A detection as found by the engine; {@code json} holds its sources, accounts and evidence. */
public record DetectionRecord(String id, String kind, Instant start, Instant end, Instant recorded,
                              String json) {}
