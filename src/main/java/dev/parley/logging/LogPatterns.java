package dev.parley.logging;

/**
 * What every logged line goes through before it is written: secrets masked, control characters and
 * line breaks made harmless. Log4j's {@code %replace} converters, nested: the innermost runs first.
 */
final class LogPatterns {

    /**
     * A safety net under {@code dev.parley.secrets.Redaction}, which masks the keys Parley read in its own
     * messages: whatever a library logs (a stack trace's causes included) loses well-known key shapes,
     * bearer tokens, URL credentials and the values of a query's parameters ({@code ?key=***&b=***}; the
     * cheap {@code (?<==)} first, so the bounded look-behind for the name runs only after an '=').
     * A key shape starts a word, as in Redaction: the speech model's folder,
     * vosk-model-small-en-us-0.15, is not an "sk-" key.
     */
    static final String SECRETS = "\\b(?:sk-[A-Za-z0-9_-]{16,}|AIza[0-9A-Za-z_-]{30,}|gsk_[A-Za-z0-9]{20,}"
            + "|hf_[A-Za-z0-9]{20,}|xai-[A-Za-z0-9]{20,})|(?<=://)[^/\\s@]+(?=@)|(?<=Bearer )[A-Za-z0-9._~+/=-]{8,}"
            + "|(?<==)(?<=[?&][A-Za-z0-9_.~+-]{1,64}=)[^&#\\s\"'<>]*[^&#\\s\"'<>).,;\\]]";

    /**
     * Control characters other than tab and line feed: a provider's error body or a server's redirect
     * can carry ESC sequences that would retitle or clear the terminal reading the log (stderr, or
     * {@code tail -f} of the file), and bidirectional overrides that show text reversed. Each becomes '?'.
     */
    static final String CONTROLS = "[\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069]";

    /**
     * A line break inside a message (a file or model name, a server's text) would start a line that
     * looks like Parley's own ("parley: ERROR ..."); a message is one line, its breaks shown as ⏎.
     */
    static final String BREAKS = "\\r?\\n|[\\r\\u0085\\u2028\\u2029]";

    /**
     * In a stack trace, the line breaks that start its own lines (a frame "\tat", "\t... 5 more",
     * "Caused by:", "Suppressed:") stay; any other, from an exception's message (a server's error
     * body), is shown as ⏎ like a message's.
     */
    static final String TRACE_BREAKS = "\\r?\\n(?!\\s*at |\\s*\\.\\.\\. \\d+ (?:more|common frames omitted)"
            + "|\\s*Caused by: |\\s*Suppressed: |$)|[\\r\\u0085\\u2028\\u2029]";

    private LogPatterns() {}

    /** {@code pattern}'s output, secrets masked, on one line, without control characters. */
    static String cleaned(String pattern) {
        return cleaned(pattern, BREAKS);
    }

    /** A stack trace's output, secrets masked, its own lines kept, without control characters. */
    static String cleanedTrace(String pattern) {
        return cleaned(pattern, TRACE_BREAKS);
    }

    private static String cleaned(String pattern, String breaks) {
        return "%replace{%replace{%replace{" + pattern + "}{" + SECRETS + "}{***}}{" + breaks + "}{ ⏎ }}{" + CONTROLS
                + "}{?}";
    }
}
