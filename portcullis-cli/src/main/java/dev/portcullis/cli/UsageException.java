package dev.portcullis.cli;

/** A usage or input error: its message is printed after "portcullis: " and the exit code is 2. */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
