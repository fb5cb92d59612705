package dev.portcullis.passwords;

/**
 * Input that cannot be read as the expected format. The message names the file and line and says what
 * was expected; it never quotes the line itself (the line may hold a password or a hash).
 */
public final class InputException extends Exception {
    private final String file;
    private final long line;

    public InputException(String file, long line, String what) {
        super(file + (line > 0 ? ":" + line : "") + ": " + what);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }
}
