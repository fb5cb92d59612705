/**
 * Incident response: {@code Responder} turns compromise detections into incidents through core's
 * {@code IncidentPolicy}, stores them with their audit entries, puts their containment (account holds,
 * address blocks) in force through an {@code Enforcer} (a running gate; none offline) and queues the
 * notifications; it also applies operators' changes (acknowledge, move an account, close).
 * {@code RecordJson} holds the JSON shapes of gate records, detections and audit entries that the audit
 * trail and the admin API share.
 *
 * <p>Rules: store and audit first, then the gate, then notifications, so nothing enforced is missing from
 * the store after a crash. Does I/O (through the store): never call it on the gate's event loop.
 * {@code Responder} is thread-safe (its incident changes are serialised); {@code RecordJson} is stateless
 * (its shared {@code ObjectMapper} is thread-safe once configured).
 */
package dev.portcullis.respond;
