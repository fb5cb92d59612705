package dev.portcullis.passwords.check;

import java.util.List;

/**
 * Who is choosing the password: the account (e.g. {@code maria.cole@example.org}), the person's name,
 * whether the account has a second factor (which lowers the minimum length), and any other words that
 * guessers would try for this person (department, town, team). All optional (null or empty).
 */
public record CheckContext(String account, String name, boolean mfa, List<String> words) {
    public CheckContext {
        words = words == null ? List.of() : List.copyOf(words);
    }

    public static CheckContext none() {
        return new CheckContext(null, null, false, List.of());
    }
}
