package dev.portcullis.ingest.syslog;

import dev.portcullis.ingest.InputContext;

import java.time.Instant;

/**
 * A syslog-style record split into its envelope and message: RFC 3164, RFC 3339 timestamps
 * (Debian 12+), RFC 5424, journald, or Dovecot's own log file. Mutable and reused for every line
 * of one input; message parsers read it and must not keep it.
 */
public final class Envelope {
    public Instant time;
    public String host;
    /** The syslog tag without its pid: "dovecot", "postfix/smtpd", "sshd". */
    public String program;
    /** The pid from "prog[pid]", or null. */
    public String pid;
    /** The message after the tag. */
    public String message;
    public InputContext ctx;

    public void clear() {
        time = null;
        host = null;
        program = null;
        pid = null;
        message = null;
    }
}
