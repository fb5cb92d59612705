package dev.portcullis.core.engine;

import java.util.List;

/** Everything the engine concluded: attacks, then non-benign sources, then non-ok accounts. */
public record Findings(List<Detection> attacks, List<SourceVerdict> sources, List<AccountVerdict> accounts,
                       long trackedSources, long trackedAccounts, long trackedPairs, long evictions) {

    public long compromisedCount() {
        return accounts.stream().filter(a -> a.status() == AccountVerdict.Status.COMPROMISED).count();
    }
}
