package dev.portcullis.core.investigate;

/** Why a session or a change is put on the attacker's account. */
public enum Attribution {
    /** From an address the engine (or the operator) names as the attacker's. */
    ATTACKER("attacker"),
    /**
     * From an address the account had never logged in from before the compromise, not a shared one
     * (office or carrier NAT), or with no address logged: probably the attacker, possibly the owner on
     * a new network. Counted apart from the attacker's own.
     */
    LIKELY_ATTACKER("likely_attacker"),
    /** From an address the account used before the compromise: most likely its owner (listed for forwarding only). */
    FAMILIAR("familiar_address");

    private final String label;

    Attribution(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
