/**
 * Incidents, without I/O: {@code Incident} (a campaign that broke into accounts and the response to it,
 * with its notes and the GDPR 72-hour deadline), {@code IncidentAccount} moving through the
 * {@code AccountStage}s, {@code IncidentPolicy} (detections → a new or updated incident, one per campaign
 * key, and the {@code Containment} that follows), {@code IncidentConfig}, and {@code Article33Record}
 * (the draft notification to the supervisory authority).
 *
 * <p>Rules: values are immutable and every change returns a new one, checked against the lifecycle (a
 * refused change is a {@code TransitionRefused} saying what is allowed). The same detection applied twice
 * changes nothing, so replays and restarts are harmless. Storing, auditing, enforcing and notifying are
 * the callers' ({@code portcullis-respond}). Thread-safe; an incident keeps at most
 * {@code IncidentPolicy.MAX_SOURCES} addresses.
 */
package dev.portcullis.core.incident;
