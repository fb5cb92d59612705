/**
 * The gate server (Netty, one port): {@code GateServer} wires and binds, {@code GateInitializer} builds
 * each connection's pipeline, {@code HttpHandler} dispatches through {@code Routes} (the whole HTTP
 * surface, one row per endpoint: method, path, access, lane, handler; matched by {@code Router} and
 * {@code Route}), {@code Auth} authenticates once per request. The handlers: {@code PolicyApi} (Dovecot
 * and wforce allow/report, the generic login API; bodies decoded by {@code PolicyRequest}),
 * {@code AdminApi} and {@code WforceApi} (blocks, lockouts, lockdown, allowlists), {@code IncidentApi},
 * {@code PasswordApi} (the passwords module's {@code PasswordCheck}), {@code Metrics}. The operator's
 * typed operations (reads on the gate's thread, audited changes on the admin thread) are
 * {@code GateControl}, shared with the web console ({@code console}, its own listener); the gate's
 * health for it is {@code GateHealth}. Behind them:
 * {@code StoreWriter} (write-behind), {@code StateRestore} (state in force at start),
 * {@code JudgementThread} (the full judgement on a second engine), {@code IncidentHook} (compromise
 * detections to the {@code Responder}), {@code Housekeeping} (periodic work), {@code Tokens}.
 *
 * <p>Rules — threads: the event loop owns the {@code Gate} and answers the policy routes inline; nothing
 * there waits on a lock, the store or the network, and its hand-offs never block (the judgement's tap
 * drops and counts when full; the write-behind coalesces by key, so it is bounded by the gate's tables).
 * Anything that reads a token, touches the store or takes long runs on the admin thread; the writer,
 * judgement and notifier threads each own their work. Request bodies are untrusted: bounded in size
 * ({@code server.max_body_bytes}); a malformed one is a 400, never a 500 (the decoder is fuzzed). Every
 * admin change is written and audited before it is acknowledged; passwords are never logged, tokens are
 * stored only as hashes.
 */
package dev.portcullis.server;
