/**
 * Replaying logins against a running gate: {@code PolicyReplay} turns authentication events into the
 * requests Dovecot's auth-policy client sends (allow before and after the password check, report
 * after), over kept-alive connections; {@code FastClock} is the accelerated clock the gate and the
 * replay share, so hours of logins pass in minutes.
 *
 * <p>Used by {@code portcullis demo}, and meant for {@code portcullis replay} and the gate's load tests.
 * Rules: the wire shapes are Dovecot 2.3's (with 2.4's {@code fail_type}); no real password is ever
 * involved (fingerprints are made from stand-ins); one replay per thread, stoppable from any other.
 */
package dev.portcullis.sim.replay;
