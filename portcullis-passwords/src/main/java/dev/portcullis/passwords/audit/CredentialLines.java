package dev.portcullis.passwords.audit;

import dev.portcullis.passwords.InputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads a credential file line by line with a format's line parser (shared by the dump and passwd-file readers). */
final class CredentialLines {
    /** One line of a format: a credential, or null for a line to skip; errors name the file and line. */
    @FunctionalInterface
    interface Parser {
        Credential parse(String line, String file, long lineNumber) throws InputException;
    }

    private CredentialLines() {
    }

    static List<Credential> read(BufferedReader in, String file, Parser parser) throws IOException, InputException {
        List<Credential> out = new ArrayList<>();
        long n = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            n++;
            Credential c = parser.parse(line, file, n);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }
}
