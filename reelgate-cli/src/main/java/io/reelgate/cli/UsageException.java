package io.reelgate.cli;

/** The command line itself is wrong (unknown command, missing option): exit code 2. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
