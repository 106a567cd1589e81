package io.reelgate.cli;

import picocli.CommandLine.Option;

/** The options every submitting command shares: how the result is marked and where it is announced. */
final class OutputOptions {

    @Option(names = "--watermark", paramLabel = "TEXT", description = "Text drawn bottom-right.")
    String watermark;

    @Option(names = "--callback-url", paramLabel = "URL", description = "Where the result is POSTed.")
    String callbackUrl;
}
