package dev.portcullis.cli;

import dev.portcullis.ingest.EventSink;
import dev.portcullis.ingest.Ingest;
import dev.portcullis.ingest.read.Input;
import dev.portcullis.ingest.read.Inputs;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

/** Options every log-reading command shares: the inputs and how to complete their timestamps. */
final class InputOptions {
    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "Log files, directories (read recursively) or - for standard input; plain or gzip, any mix of formats.")
    List<String> files;

    @Option(names = "--year", paramLabel = "YYYY",
            description = "Year of timestamps that have none (classic syslog). Default: inferred from each file's modification time.")
    int year;

    @Option(names = "--timezone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "Zone of timestamps that have no offset (classic syslog, Keycloak). Default: ${DEFAULT-VALUE}.")
    String timezone;

    Ingest ingest() throws UsageException {
        if (year != 0 && (year < 1970 || year > 9999)) {
            throw new UsageException("--year must be between 1970 and 9999, was " + year);
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw new UsageException("--timezone: unknown zone '" + timezone + "' (use e.g. UTC, Europe/London, +02:00)");
        }
        return new Ingest(year, zone);
    }

    List<Input> inputs(InputStream stdin) throws UsageException {
        try {
            return Inputs.resolve(files, stdin);
        } catch (Inputs.BadInputException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Reads every input; a read error (a truncated gzip) is reported and the run goes on. Returns the error count. */
    static int readAll(Ingest ingest, List<Input> inputs, EventSink sink, PrintWriter err) {
        int errors = 0;
        for (Input in : inputs) {
            try {
                ingest.read(in, sink);
            } catch (IOException | UncheckedIOException e) {
                errors++;
                err.println("portcullis: " + in.name() + ": read error after line " + "(partial input kept): "
                        + e.getMessage());
                err.flush();
            }
        }
        return errors;
    }
}
