package dev.portcullis.core.engine;

/** The kinds of detection (DESIGN.md, "Domain vocabulary"). */
public enum AttackKind {
    BRUTE_FORCE("brute_force"),
    PASSWORD_SPRAY("password_spray"),
    DISTRIBUTED_SPRAY("distributed_spray"),
    CREDENTIAL_STUFFING("credential_stuffing"),
    COMPROMISE("compromise"),
    STALE_CREDENTIALS("stale_credentials");

    private final String label;

    AttackKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
