package dev.portcullis.core.gate;

/**
 * One login as a front end (Dovecot, a web application, a VPN) describes it to the gate.
 * {@code account} is canonical ({@link dev.portcullis.core.Accounts}), {@code source} a canonical
 * address ({@link dev.portcullis.core.Addresses}); {@code pwhash} a fingerprint of the password
 * (Dovecot's truncated, nonce-salted hash), never the password; the other fields may be null.
 */
public record Login(String account, String source, String pwhash, String service, String session,
                    String device, boolean tls) {}
