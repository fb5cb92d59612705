package dev.portcullis.ingest.syslog;

import java.util.Set;

/** Names of Dovecot's processes, as they prefix lines in Dovecot's own log file. */
final class DovecotProcess {
    private static final Set<String> NAMES = Set.of(
            "imap-login", "pop3-login", "submission-login", "managesieve-login", "lmtp", "auth",
            "auth-worker", "imap", "pop3", "submission", "managesieve", "lda", "master", "config", "stats",
            "anvil", "log", "indexer", "indexer-worker", "doveadm", "dict", "quota-status", "replicator",
            "aggregator", "director", "imap-hibernate", "dns-client", "ssl-params", "imap-urlauth",
            "imap-urlauth-login", "imap-urlauth-worker", "old-stats", "pop3c", "imapc");

    private DovecotProcess() {
    }

    static boolean isDovecotProcess(String token) {
        int end = token.length();
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '(' || c == '<' || c == ':') {
                end = i;
                break;
            }
        }
        return NAMES.contains(token.substring(0, end));
    }
}
