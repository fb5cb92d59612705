package dev.portcullis.core.incident;

import java.util.List;

/** What follows from an incident change, for the server to carry out (and audit). */
public sealed interface Containment {

    /** Block the attacker's addresses at the gate (the engine blocks those it judged live already). */
    record BlockSources(List<String> sources) implements Containment {
        public BlockSources {
            sources = List.copyOf(sources);
        }
    }

    /** Hold a compromised account until its password reset is confirmed. */
    record Hold(String account, IncidentConfig.Hold scope) implements Containment {}

    /** The incident passed the threshold: suggest (never impose) a lockdown of remote access. */
    record SuggestLockdown(int compromised, int threshold) implements Containment {}
}
