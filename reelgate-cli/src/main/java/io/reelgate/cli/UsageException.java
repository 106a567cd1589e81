package io.reelgate.cli;

/** The command line is wrong in a way picocli cannot see (unreadable key file, missing local file): exit code 2. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
