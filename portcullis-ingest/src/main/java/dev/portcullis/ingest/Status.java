package dev.portcullis.ingest;

/** What a parser made of one line (or record). */
public enum Status {
    /** Recognised; one or more events were emitted. */
    EVENT,
    /** Recognised as this format, and carries nothing about authentication (a queue line, a cron job). */
    IGNORED,
    /** This format, and about authentication, but not understood: counted and sampled for the operator. */
    UNPARSED,
    /** Not this parser's format: the sniffer tries the next one. */
    UNRECOGNISED;

    public boolean recognised() {
        return this != UNRECOGNISED;
    }
}
