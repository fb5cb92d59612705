package dev.portcullis.ingest;

import java.util.List;

/**
 * Picks the format of each line, so one mixed file (a whole /var/log/mail.log, syslog and JSON side
 * by side) needs no flags. The format that read the previous line of the same input is tried first;
 * a format assembling a multi-line record (a Windows XML event) gets the following lines until done.
 */
public final class Sniffer implements LineFormat {
    private final List<LineFormat> formats;
    private final boolean strict;

    /** @param strict let a parser's exception escape (fuzz tests) instead of counting the line unparsed */
    public Sniffer(List<LineFormat> formats, boolean strict) {
        this.formats = List.copyOf(formats);
        this.strict = strict;
    }

    @Override
    public String name() {
        return "auto";
    }

    public List<LineFormat> formats() {
        return formats;
    }

    @Override
    public Status parse(String line, InputContext ctx, EventSink out) {
        LineFormat pending = ctx.pending();
        if (pending != null) {
            Status s = safeParse(pending, line, ctx, out);
            if (s.recognised()) {
                return s;
            }
            ctx.pending(null);
        }
        if (isBlank(line)) {
            return Status.IGNORED;
        }
        LineFormat last = ctx.lastFormat();
        if (last != null) {
            Status s = safeParse(last, line, ctx, out);
            if (s.recognised()) {
                return s;
            }
        }
        for (LineFormat f : formats) {
            if (f == last) {
                continue;
            }
            Status s = safeParse(f, line, ctx, out);
            if (s.recognised()) {
                ctx.lastFormat(f);
                return s;
            }
        }
        return Status.UNRECOGNISED;
    }

    @Override
    public void finish(InputContext ctx, EventSink out) {
        for (LineFormat f : formats) {
            try {
                f.finish(ctx, out);
            } catch (SinkFailedException e) {
                throw e; // the consumer failed, not the parser
            } catch (RuntimeException e) {
                if (strict) {
                    throw e;
                }
            }
        }
    }

    /** A parser bug must never stop a run: an exception makes the line unparsed (and sampled). */
    private Status safeParse(LineFormat f, String line, InputContext ctx, EventSink out) {
        try {
            return f.parse(line, ctx, out);
        } catch (SinkFailedException e) {
            throw e; // the consumer failed, not the parser: stop reading
        } catch (RuntimeException e) {
            if (strict) {
                throw e;
            }
            return Status.UNPARSED;
        }
    }

    private static boolean isBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > ' ') {
                return false;
            }
        }
        return true;
    }
}
