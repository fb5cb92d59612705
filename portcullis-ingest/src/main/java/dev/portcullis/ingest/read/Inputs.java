package dev.portcullis.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Turns command-line arguments into inputs: files, directories (recursively, sorted), "-" for stdin. */
public final class Inputs {
    private Inputs() {
    }

    /** Thrown with a message that names the argument and what is wrong with it. */
    public static final class BadInputException extends Exception {
        public BadInputException(String message) {
            super(message);
        }
    }

    public static List<Input> resolve(List<String> args, InputStream stdin) throws BadInputException {
        List<Input> inputs = new ArrayList<>();
        for (String a : args) {
            if (a.equals("-")) {
                inputs.add(Input.stream("-", stdin));
                continue;
            }
            Path p = Path.of(a);
            if (!Files.exists(p)) {
                throw new BadInputException(a + ": no such file or directory");
            }
            if (!Files.isReadable(p)) {
                throw new BadInputException(a + ": not readable (permission denied)");
            }
            try {
                if (Files.isDirectory(p)) {
                    try (Stream<Path> walk = Files.walk(p)) {
                        for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                            inputs.add(Input.file(f));
                        }
                    }
                } else {
                    inputs.add(Input.file(p));
                }
            } catch (IOException | UncheckedIOException e) {
                throw new BadInputException(a + ": cannot read: " + e.getMessage());
            }
        }
        return inputs;
    }
}
