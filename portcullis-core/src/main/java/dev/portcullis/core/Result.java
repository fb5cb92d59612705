package dev.portcullis.core;

/** The outcome of an authentication attempt, as the log or the login front end reported it. */
public enum Result {
    /** The password was verified. The {@link Reason} says whether the login was then stopped anyway. */
    SUCCESS,
    /** The password was not accepted (or the account could not log in at all). */
    FAILURE;

    /** The lower-case name used in reports and JSON. */
    public String label() {
        return this == SUCCESS ? "success" : "failure";
    }
}
