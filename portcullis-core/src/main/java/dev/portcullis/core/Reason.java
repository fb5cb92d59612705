package dev.portcullis.core;

/**
 * Why an attempt ended as it did. For failures, what was wrong; for successes, {@link #NONE} or the
 * step that stopped the login after the password was verified (a second factor, a policy).
 */
public enum Reason {
    NONE("none"),
    BAD_PASSWORD("bad_password"),
    UNKNOWN_ACCOUNT("unknown_account"),
    LOCKED("locked"),
    DISABLED("disabled"),
    EXPIRED("expired"),
    /** Password right, then a second factor was demanded (Entra 50074/50076, …). */
    MFA_REQUIRED("mfa_required"),
    /** Refused by a policy: conditional access, logon hours, a policy server, a lockdown. */
    POLICY("policy"),
    /** The client gave up or the protocol failed before a password was judged. */
    ABORTED("aborted"),
    /**
     * A Kerberos ticket was issued without pre-authentication (4768, PreAuthType 0): no password was
     * checked, so it is neither a guess nor a login, but the account can be AS-REP roasted. Carried on
     * a FAILURE event with 0 attempts, so the engine counts nothing.
     */
    NO_PREAUTH("no_preauth"),
    /** A failure the log does not explain. */
    UNSPECIFIED("unspecified");

    private final String label;

    Reason(String label) {
        this.label = label;
    }

    /** The lower-case name used in reports and JSON. */
    public String label() {
        return label;
    }
}
