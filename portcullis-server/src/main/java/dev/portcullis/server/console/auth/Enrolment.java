package dev.portcullis.server.console.auth;

/**
 * A new second factor, to show its owner once: the base32 secret and the {@code otpauth://} URI an
 * authenticator app reads (as a QR code or typed). Both are secrets; {@link #toString()} prints neither.
 */
public record Enrolment(String name, String secret, String uri) {
    @Override
    public String toString() {
        return "Enrolment[name=" + name + "]";
    }
}
