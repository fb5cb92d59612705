package dev.portcullis.passwords.check;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The built-in common-password list (about 4,600 entries, see {@code scripts/common-passwords.py} for
 * how it was made), kept twice: in file order (most likely first: the audit tries the top N), and as
 * canonical forms ({@link Normaliser}) with their single-deletion neighbours, so that a lookup finds
 * any password within one edit of a listed one after folding ("symmetric deletion": two strings are
 * within one edit iff they share a deletion variant or one is a deletion of the other).
 *
 * <p>Immutable after construction; thread-safe. Memory: about 40,000 short strings (a few MB).
 */
public final class CommonPasswords {
    private static final String RESOURCE = "/dev/portcullis/passwords/common-passwords.txt";
    private static volatile CommonPasswords builtIn;

    private final List<String> ordered;
    private final Set<String> folded = new HashSet<>();
    private final Set<String> deletions = new HashSet<>();

    CommonPasswords(List<String> entries) {
        this.ordered = List.copyOf(entries);
        for (String e : entries) {
            String f = Normaliser.fold(e);
            folded.add(f);
            if (f.length() >= 6) { // fuzzy matching of very short entries would ban half the keyboard
                for (int i = 0; i < f.length(); i++) {
                    deletions.add(f.substring(0, i) + f.substring(i + 1));
                }
            }
        }
    }

    /** The list shipped in the jar. */
    public static CommonPasswords builtIn() {
        CommonPasswords c = builtIn;
        if (c == null) {
            synchronized (CommonPasswords.class) {
                c = builtIn;
                if (c == null) {
                    c = new CommonPasswords(load());
                    builtIn = c;
                }
            }
        }
        return c;
    }

    private static List<String> load() {
        List<String> out = new ArrayList<>();
        try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    out.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Entries in file order, most likely first. */
    public List<String> ordered() {
        return Collections.unmodifiableList(ordered);
    }

    /** Whether the canonical form {@code f} is a listed password or within one edit of one. */
    public boolean matches(String f) {
        if (folded.contains(f)) {
            return true;
        }
        if (f.length() < 5) {
            return false;
        }
        if (deletions.contains(f)) {
            return true; // f is a listed entry with one character removed, or shares a deletion (substitution)
        }
        for (int i = 0; i < f.length(); i++) {
            String d = f.substring(0, i) + f.substring(i + 1);
            if (folded.contains(d) && d.length() >= 6 || deletions.contains(d) && d.length() >= 5) {
                return true;
            }
        }
        return false;
    }
}
